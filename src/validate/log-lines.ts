/** One line of an observation log, read: a header, an observation, nothing (blank), or why it is wrong. */
import { LOG_KIND } from './log-format.js';

/** What a line is. */
export type ParsedLine =
  | { readonly kind: 'blank' }
  | { readonly kind: 'header'; readonly scenario?: unknown }
  | { readonly kind: 'observation'; readonly t: number; readonly cause: string; readonly state: unknown }
  | { readonly kind: 'error'; readonly message: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads line `lineNo` (1-based); `seenObservation` says whether an observation came before (a header must not follow one). */
export function parseLogLine(raw: string, lineNo: number, seenObservation: boolean): ParsedLine {
  const text = raw.trim();
  if (text === '') return { kind: 'blank' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'error', message: `line ${lineNo} is not JSON` };
  }
  if (!isObject(json)) return { kind: 'error', message: `line ${lineNo} is not a JSON object` };
  if ('log' in json) {
    if (seenObservation || json.log !== LOG_KIND) return { kind: 'error', message: `line ${lineNo}: a header ({"log": "${LOG_KIND}", ...}) may only be the first line` };
    if (json.version !== 1) return { kind: 'error', message: `line ${lineNo}: log format version ${JSON.stringify(json.version)} is not supported (this reads version 1)` };
    return { kind: 'header', scenario: json.scenario };
  }
  if (!('state' in json)) return { kind: 'error', message: `line ${lineNo}: an observation needs "state" (and may have "t" and "cause")` };
  if ('t' in json && typeof json.t !== 'number') return { kind: 'error', message: `line ${lineNo}: "t" must be a number of ms` };
  return { kind: 'observation', t: typeof json.t === 'number' ? json.t : 0, cause: typeof json.cause === 'string' ? json.cause : '', state: json.state };
}
