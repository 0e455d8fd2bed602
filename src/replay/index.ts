/**
 * Replay: model traces against the independent implementation (DESIGN.md,
 * "Replay"). Each trace step becomes a stimulus of the deterministic
 * network; after every step the implementation's state, read as the
 * model's variables (the refinement mapping, `refinement.ts`), is compared
 * with the trace's.
 *
 * - `replayTrace(trace, opts)`: one trace, `follows` / `departs` / `error`.
 * - `replayManifest(path)`: every kept trace, each against what the
 *   manifest says it must show.
 * - `runLockstep(scenario, actions)`: the model and the implementation
 *   driven together (model-based tests), `lockstepTrace` to write either
 *   side as ITF.
 * - `checkConformance(scenario)`: every transition of the model's graph
 *   replayed from the implementation in its source state.
 * - `checkNodeMachine(params)`: the node machine's paths (@xstate/graph)
 *   against one implementation node beside a scripted peer, with the
 *   transition coverage.
 */
export * from './result.js';
export { type ReplayOptions, describeStep, replayTrace } from './replay-trace.js';
export {
  DEFAULT_MANIFEST,
  type Manifest,
  type ManifestCheck,
  type ManifestEntry,
  type ManifestExpectation,
  type ManifestReport,
  entryFor,
  judge,
  readManifest,
  replayManifest,
} from './manifest.js';
export { readTraceForReplay } from './read-trace.js';
export { type ImplOptions, REPLAY_SHUT_INTERFACE, REPLAY_VPN, configFor, networkFor } from './impl-setup.js';
export { type CompareMode, type ModelState, type VariableRule, abstractState, compareStates, refinementRules } from './refinement.js';
export { type LockstepDeparture, type LockstepOptions, type LockstepRun, lockstepTrace, runLockstep } from './lockstep.js';
export { ImplDriver } from './impl-driver.js';
export { modelOf, paramsOf } from './prepare-trace.js';
export { formatReplay } from './format.js';
export { type ConformanceDeparture, type ConformanceOptions, type ConformanceReport, checkConformance } from './conformance.js';
export { type NodeMachineOptions, type NodeMachineReport, type NodePathDeparture, checkNodeMachine } from './single-node/node-paths.js';
export { ScriptedPeer, scriptedPeer } from './single-node/scripted-peer.js';
