/**
 * TLC: locating and running it, reading what it prints, getting it.
 *
 * - `runner.ts` ({@link runTlc}), `locate.ts` ({@link locateTlc}), `install.ts` ({@link installTla2tools})
 * - `output-parser.ts` ({@link parseTlcOutput}): the `-tool` output as a typed {@link TlcOutput}
 * - `dump-trace.ts` ({@link parseDumpTrace}): the `-dumpTrace json` file
 * - `to-itf.ts` ({@link tlcTraceToItf}, {@link dumpTraceToItf}): both traces as ITF
 * - `exit-codes.ts` ({@link classifyTlcExit}), `outcome-text.ts` ({@link describeTlcOutcome}),
 *   `failure-cause.ts` ({@link explainTlcFailure}): why a run gave no result
 * - `temp-dirs.ts` ({@link makeTempDir}): private folders removed in every outcome
 * - `value-parser.ts` ({@link parseTlaValue}): TLA+ values as TLC prints them
 */
export { type TlcError, type TlcErrorCode, type TlcResult } from './errors.js';
export { type TlcExitClass, classifyTlcExit } from './exit-codes.js';
export { type LocateOptions, type TlcLocateResult, type TlcLocation, type TlcNotAvailable, TLC_INSTALL_COMMAND, findJava, locateTlc } from './locate.js';
export { type TlcRun, type TlcRunOptions, buildTlcArgs, runTlc } from './runner.js';
export {
  type InstallOptions,
  type InstalledTla2tools,
  TLA2TOOLS_URL,
  TLA2TOOLS_SHA256_ENV,
  TLA2TOOLS_V1_8_0_SHA256,
  TLA2TOOLS_VERSION,
  defaultCacheDir,
  installTla2tools,
} from './install.js';
export type * from './output-types.js';
export { interpretToolItems, parseTlcOutput, readProgress } from './output-parser.js';
export { describeTlcOutcome } from './outcome-text.js';
export { type FailedRun, type TlcFailureCause, type TlcFailureCauseKind, explainTlcFailure } from './failure-cause.js';
export { makeTempDir, removeTempDir, removeTempDirsNow } from './temp-dirs.js';
export { type ToolItem, type ToolMessage, type ToolMessageSeverity, type ToolText, ToolOutputSplitter, splitToolOutput } from './tool-messages.js';
export { type TlaValue, tlaValueToItf } from './tla-value.js';
export { type StateAssignment, type TlaParseResult, parseStateAssignments, parseTlaValue } from './value-parser.js';
export { type TlaSyntaxError } from './value-tokenizer.js';
export { type DumpTrace, type DumpTraceAction, type DumpTraceState, type JsonValue, parseDumpTrace, readDumpTraceFile } from './dump-trace.js';
export { type ParamsResolver, type ToItfOptions, dumpTraceToItf, tlcTraceToItf } from './to-itf.js';
export { type TypeHint, applyTypeHint } from './type-hints.js';
