/**
 * Types of an ITF trace: the Informal Trace Format of Apalache and Quint
 * (Apalache ADR-015), the one trace format of ha-verify (see DESIGN.md,
 * "Traces"). The types mirror the JSON one to one, so a validated
 * `JSON.parse` result *is* an {@link ItfTrace}.
 *
 * Value encoding, as ha-verify writes it:
 *
 * | TLA+ / model value              | ITF JSON                                   |
 * | ------------------------------- | ------------------------------------------ |
 * | `TRUE` / `FALSE`                | `true` / `false`                           |
 * | string `"hold"`                 | `"hold"`                                   |
 * | integer                         | `{"#bigint": "-12"}` (always; JSON numbers that are safe integers are accepted on read) |
 * | set `{a, b}`                    | `{"#set": [a, b]}`                         |
 * | function `(k1 :> v1 @@ ...)`    | `{"#map": [[k1, v1], ...]}`                |
 * | record `[f |-> v]`              | `{"f": v}` (field names never start with `#`) |
 * | sequence `<<a, b>>`             | `[a, b]`                                   |
 * | tuple (when a producer knows it is one) | `{"#tup": [a, b]}`                 |
 * | model value `n1`                | `"n1"`: a plain string, as TLC's own `-dumpTrace json` and Apalache's uninterpreted constants do, so that traces of the same model agree whichever back end produced them |
 * | a value with no finite form (`Nat`, a lambda...) | `{"#unserializable": "<its TLA+ text>"}` |
 *
 * Steps follow Quint's model-based-testing convention: every state after the
 * first carries `mbt::actionTaken` (the name of the action that produced it)
 * and `mbt::nondetPicks` (a record of that action's parameters, `{}` when it
 * has none or they are unknown). These two keys are *not* listed in `vars`.
 *
 * Lassos: `loop` is the index (0-based) of the first state of the cycle; the
 * cycle runs from `states[loop]` to the last state and then back to
 * `states[loop]`. A behaviour that ends by stuttering forever is the cycle of
 * length one, `loop === states.length - 1`. The step that closes the cycle
 * (last state back to `states[loop]`) has no state of its own to carry its
 * action; producers that know it record it in the trace's
 * `#meta.loopAction`.
 */

/** An integer too large (or too small) for a JSON number, or any integer. */
export interface ItfBigint {
  readonly '#bigint': string;
}

/** A set; element order carries no meaning. */
export interface ItfSet {
  readonly '#set': readonly ItfValue[];
}

/** A function (TLA+) / map (Quint): key-value pairs, keys of any kind. */
export interface ItfMap {
  readonly '#map': readonly (readonly [ItfValue, ItfValue])[];
}

/** A tuple, for producers that tell tuples from sequences. */
export interface ItfTup {
  readonly '#tup': readonly ItfValue[];
}

/** A value that has no finite ITF form; the string is its TLA+ text. */
export interface ItfUnserializable {
  readonly '#unserializable': string;
}

/** A record: a JSON object whose field names do not start with `#`. */
export interface ItfRecord {
  readonly [field: string]: ItfValue;
}

/** Any ITF value. A JSON array is a sequence. */
export type ItfValue =
  | boolean
  | string
  | number
  | ItfBigint
  | ItfSet
  | ItfMap
  | ItfTup
  | ItfUnserializable
  | readonly ItfValue[]
  | ItfRecord;

/** Key of a state's action name (Quint's model-based-testing convention). */
export const ITF_ACTION_TAKEN = 'mbt::actionTaken';
/** Key of a state's action parameters (Quint's model-based-testing convention). */
export const ITF_NONDET_PICKS = 'mbt::nondetPicks';

/**
 * One state: a value for every name in the trace's `vars` (and, in the first
 * state, for every name in `params`), plus the step that produced it.
 * `#meta` is free-form but made of ITF values; ha-verify writes
 * `{"index": <position in states>}`.
 */
export interface ItfState {
  readonly '#meta'?: ItfRecord;
  /** Name of the action that produced this state; absent only in the first state. */
  readonly 'mbt::actionTaken'?: string;
  /** Parameters of that action, by name. */
  readonly 'mbt::nondetPicks'?: ItfRecord;
  readonly [variable: string]: ItfValue | undefined;
}

/** The step that closes a lasso: from the last state back to `states[loop]`. */
export interface ItfLoopAction {
  readonly 'mbt::actionTaken': string;
  readonly 'mbt::nondetPicks': ItfRecord;
}

/** Free-form metadata of a trace. The named keys are the ones ha-verify writes. */
export interface ItfTraceMeta {
  /** Always `"ITF"` when ha-verify writes it. */
  readonly format?: string;
  readonly 'format-description'?: string;
  /** What produced the trace: `"explorer"`, `"TLC"`, a spec file... */
  readonly source?: string;
  /** One line saying what the trace shows, e.g. `Invariant NoSplitBrain is violated`. */
  readonly description?: string;
  /** For a lasso whose closing step is known: that step (see the module comment). */
  readonly loopAction?: ItfLoopAction;
  readonly [key: string]: unknown;
}

/** A whole ITF trace, as stored in a `*.itf.json` file. */
export interface ItfTrace {
  readonly '#meta'?: ItfTraceMeta;
  /** Names of the trace's parameters (constants), set in the first state. */
  readonly params?: readonly string[];
  /** Names of the state variables, set in every state. */
  readonly vars: readonly string[];
  /** The states, first one initial. Never empty. */
  readonly states: readonly ItfState[];
  /** Index of the state the lasso returns to (see the module comment). */
  readonly loop?: number;
}

/** Stable codes of the errors `src/trace` reports. */
export type ItfErrorCode = 'ITF_NOT_JSON' | 'ITF_MALFORMED' | 'ITF_READ_FAILED' | 'ITF_WRITE_FAILED';

/** Where in a trace an error is. */
export interface ItfErrorLocation {
  /** A JSON path such as `states[3].inbox["#map"][0][1]`. */
  readonly path: string;
  /** Index of the state, when the error is inside one. */
  readonly state?: number;
  /** Name of the variable (or `mbt::` key), when the error is inside one. */
  readonly variable?: string;
}

/** An error that reaches a user: stable code, one-line message, what to do. */
export interface ItfError {
  readonly code: ItfErrorCode;
  /** One line naming what is wrong and where. */
  readonly message: string;
  readonly at?: ItfErrorLocation;
  /** One line saying what to do about it. */
  readonly hint: string;
}

/** Result of every fallible operation of `src/trace`. */
export type ItfResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ItfError };
