/**
 * What a replay says: the implementation follows the whole trace, departs
 * from it at one step (with what differed), or the trace could not be
 * replayed at all (with a stable code, the step when there is one, and
 * what to do).
 */

/** A value as replay reports it: plain JSON (strings, booleans, numbers, arrays, objects). */
export type ReportedValue = string | number | boolean | null | readonly ReportedValue[] | { readonly [key: string]: ReportedValue };

/** One model variable (or one node's entry of it, e.g. `srg1[n1]`) where the implementation differs. */
export interface VariableDiff {
  /** The variable as TLA+ would write the entry: `srg1[n1]`, `sess[n2][s1]`, `icl`. */
  readonly variable: string;
  /** The trace's value. */
  readonly expected: ReportedValue;
  /** The implementation's value, mapped onto the model's variable. */
  readonly actual: ReportedValue;
}

/** What one trace step did to the implementation. */
export interface StepRecord {
  /** Index of the trace state this step produced (1-based over the transitions; the closing step of a lasso gets `states.length`). */
  readonly step: number;
  /** The model action, with its parameters, e.g. `HoldOnProbeReply(n=n1)`. */
  readonly action: string;
  /** The stimulus applied to the implementation, e.g. `probe n1`, or `none` when the action has no counterpart. */
  readonly stimulus: string;
  /** What the stimulus reported, e.g. `answered`, `empty`. */
  readonly outcome: string;
}

/** Stable codes of replay errors. */
export type ReplayErrorCode =
  | 'TRACE_READ_FAILED'
  | 'MALFORMED_TRACE'
  | 'UNKNOWN_SCENARIO'
  | 'UNKNOWN_ACTION'
  | 'BAD_PARAMS'
  | 'UNMAPPED_ACTION'
  | 'MANIFEST_INVALID';

/** The implementation followed every step: each state matched after its step. */
export interface ReplayFollows {
  readonly outcome: 'follows';
  /** Number of steps replayed (transitions, including a lasso's closing step). */
  readonly steps: number;
  readonly log: readonly StepRecord[];
}

/** The implementation's state differed from the trace's after step `step`. */
export interface ReplayDeparts {
  readonly outcome: 'departs';
  /** Index of the first trace state that did not match (0: the initial state). */
  readonly step: number;
  /** The action of that step (`(initial state)` for step 0). */
  readonly action: string;
  /** Every compared variable that differed, in the model's variable order. */
  readonly diff: readonly VariableDiff[];
  /** The steps applied, the departing one last. */
  readonly log: readonly StepRecord[];
}

/** The trace could not be replayed. */
export interface ReplayError {
  readonly outcome: 'error';
  readonly code: ReplayErrorCode;
  /** One line naming what is wrong (and the step, when there is one). */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
  readonly step?: number;
}

/** The result of replaying one trace. */
export type ReplayResult = ReplayFollows | ReplayDeparts | ReplayError;

/** Builds an error result. */
export function replayError(code: ReplayErrorCode, message: string, hint: string, step?: number): ReplayError {
  return { outcome: 'error', code, message, hint, ...(step === undefined ? {} : { step }) };
}
