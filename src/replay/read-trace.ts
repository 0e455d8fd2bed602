/** Reading a trace file for replay, with replay's error codes. */
import { type ItfTrace, readItfTraceFile } from '../trace/index.js';
import { type ReplayError, replayError } from './result.js';

/**
 * Reads and validates a `*.itf.json` file: the trace, or an error coded
 * `TRACE_READ_FAILED` (cannot be read) or `MALFORMED_TRACE` (not ITF; the
 * message names the state when the problem is inside one).
 */
export async function readTraceForReplay(path: string): Promise<ItfTrace | ReplayError> {
  const read = await readItfTraceFile(path);
  if (read.ok) return read.value;
  const code = read.error.code === 'ITF_READ_FAILED' ? 'TRACE_READ_FAILED' : 'MALFORMED_TRACE';
  return replayError(code, read.error.message, read.error.hint, read.error.at?.state);
}
