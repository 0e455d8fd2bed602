/** The model layer: XState machines read into a flat, exportable system model. */
export * from './errors.js';
export * from './xstate-dsl.js';
export * from './machine-model.js';
export * from './read-machine.js';
export * from './statechart.js';
export * from './system.js';
export * from './flat-model.js';
export * from './lower.js';
export * from './model-interface.js';
export * from './interpret.js';
export * from './reference.js';
export * from './state-key.js';
export * from './properties.js';
export * from './scenario.js';
