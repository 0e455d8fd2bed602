/**
 * The observation log: what a run of an MNHA implementation looked like,
 * read through the refinement mapping as states of the model's variables.
 * JSON Lines (one object per line, UTF-8), so that a log of any length can
 * be written as it happens and read a line at a time.
 *
 * Line 1 may be a header:
 *
 *     {"log":"ha-verify observation log","version":1,"scenario":"default","source":"...","seed":7}
 *
 * Every other line is one observation, taken after an observable change:
 *
 *     {"t":1250,"cause":"n1 probe","state":{"srg1":{"n1":"active","n2":"backup"},"icl":"up", ...}}
 *
 * - `t`: the time of the observation in ms (informative, non-decreasing).
 * - `cause`: what made the change (informative: a timer, a fault, a message).
 * - `state`: values of model variables, as the model writes them: booleans,
 *   strings of the variable's enumeration, integers, records and functions
 *   as objects (`{"n1": ..., "n2": ...}`), sequences as arrays, sets as
 *   arrays (any order). A variable left out is not observed: any value
 *   explains it. A function over nodes may give some keys only.
 *
 * The state after a line must follow from the state after the line before
 * by model steps, where every step but the last leaves the observed
 * variables as they were (a log need not show steps that change nothing it
 * observes). Two lines in a row with the same state are one observation.
 */

/** The `log` field of a header. */
export const LOG_KIND = 'ha-verify observation log';
/** The format version this module reads and writes. */
export const LOG_VERSION = 1;

/** The optional first line. */
export interface LogHeader {
  readonly log: typeof LOG_KIND;
  readonly version: number;
  /** The scenario whose model explains the log (overridden by `--scenario`). */
  readonly scenario?: string;
  /** Who wrote it (an implementation, a lab, a seed). */
  readonly source?: string;
  readonly seed?: number;
}

/** One observation. */
export interface LogLine {
  readonly t: number;
  readonly cause: string;
  /** Values of observed model variables (JSON values as the model writes them). */
  readonly state: Readonly<Record<string, unknown>>;
}

/** A header as one JSON line. */
export function headerLine(header: Omit<LogHeader, 'log' | 'version'>): string {
  return JSON.stringify({ log: LOG_KIND, version: LOG_VERSION, ...header });
}

/** An observation as one JSON line. */
export function observationLine(line: LogLine): string {
  return JSON.stringify({ t: line.t, cause: line.cause, state: line.state });
}
