/**
 * TLA+ export and the TLC engine.
 *
 * - `generate-specs.ts` ({@link generateSpecs}): the files of `specs/` for a model family;
 *   `write-specs.ts` ({@link writeSpecs}, {@link compareSpecs}) writes or checks them.
 * - `emit-main.ts` ({@link emitMainModule}): the main module (`MNHA.tla`), laid out by
 *   `emit-declarations.ts`, `emit-behaviour.ts`, `emit-properties.ts` from what
 *   `prepare-module.ts` / `prepare-action.ts` decide; `emit-mc.ts` and `emit-manifest.ts`
 *   the per-scenario files and the manifest.
 * - `compose.ts`, `simplify.ts`, `assume.ts`: sequential bodies as simultaneous primed updates.
 * - `engine-tlc.ts` ({@link checkWithTlc}): `check --engine tlc`.
 * - `syntax.ts` ({@link checkTlaSyntax}): the tree-sitter check of a module.
 */
export { type TlaError, type TlaErrorCode, type TlaResult } from './errors.js';
export { type GenerateOptions, type GeneratedSpecs, type SpecFamily, generateSpecs, prepareFamily } from './generate-specs.js';
export { type SpecDifference, compareSpecs, writeSpecs } from './write-specs.js';
export { emitMainModule, printMainModule } from './emit-main.js';
export { type McScenario, emitMcConfig, emitMcModule, mcModuleName } from './emit-mc.js';
export { type ManifestProperty, type ManifestScenario, type SpecManifest, formatManifest } from './emit-manifest.js';
export { type EmitOptions, type PreparedModule, prepareModule } from './prepare-module.js';
export {
  type TlcCheckErrorCode,
  type TlcCheckFailure,
  type TlcCheckOptions,
  type TlcCheckReport,
  type TlcCheckResult,
  type TlcEngineEvent,
  type TlcPropertyVerdict,
  type TlcStopReason,
  checkWithTlc,
} from './engine-tlc.js';
export { tlcDumpForModel, tlcTraceForModel } from './tlc-traces.js';
export { type TlaSyntaxProblem, type TlaSyntaxReport, type TlaSyntaxResult, checkTlaSyntax, checkTlaSyntaxFile } from './syntax.js';
