/** The expression language: domain types, AST, builders, evaluation and TLA+ printing. */
export * from './types.js';
export * from './values.js';
export * from './ast.js';
export * from './builders.js';
export * from './eval.js';
export * from './print-tla.js';
export * from './temporal.js';
