/**
 * ITF traces, the one trace format of ha-verify (DESIGN.md, "Traces").
 *
 * - `itf-types.ts`: the types, and how values, steps and lassos are encoded.
 * - `itf-validate.ts`: the strict reader ({@link parseItfTrace}, {@link validateItfTrace}).
 * - `itf-io.ts`: files ({@link readItfTraceFile}, {@link writeItfTraceFile}, all or nothing).
 * - `itf-plain.ts`: plain JavaScript values and steps ({@link toItfTrace}, {@link fromItfTrace}).
 * - `itf-equal.ts`: TLA+ equality of values whatever their spelling ({@link itfEqual}).
 */
export * from './itf-types.js';
export { type ItfValidateOptions, parseItfTrace, validateItfTrace, validateItfValue } from './itf-validate.js';
export { formatItfTrace, readItfTraceFile, writeItfTraceFile } from './itf-io.js';
export {
  ItfTuple,
  type PlainRecord,
  type PlainStep,
  type PlainTrace,
  type PlainValue,
  fromItfTrace,
  itfToPlain,
  plainToItf,
  toItfTrace,
} from './itf-plain.js';
export { itfCanonicalKey, itfEqual } from './itf-equal.js';
export { type ItfStreamHandlers, type ItfStreamResult, streamItfFile } from './itf-stream.js';
