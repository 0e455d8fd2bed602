/**
 * Errors of the TLA+ emitter and exporter that reach a user: a stable code,
 * a one-line message and one line saying what to do. The emitter's inner
 * functions throw {@link TlaEmitError}; the public entry points catch it and
 * return a {@link TlaResult}.
 */

/** Stable codes of `src/tla` errors. */
export type TlaErrorCode =
  /** Two names of the emitted module would be the same (or a TLA+ keyword). */
  | 'TLA_NAME_CLASH'
  /** The model holds something the emitter cannot print (a machine-level reference, a send). */
  | 'TLA_UNSUPPORTED'
  /** The scenarios of one model would print different main modules. */
  | 'TLA_SCENARIOS_DIFFER'
  /** An emitted module does not parse with the TLA+ grammar. */
  | 'TLA_SYNTAX'
  /** A scenario could not be explored for its state count. */
  | 'TLA_EXPLORE_FAILED'
  /** Writing or reading the output folder failed. */
  | 'TLA_IO';

/** An error of `src/tla`. */
export interface TlaError {
  readonly code: TlaErrorCode;
  /** One line saying what is wrong. */
  readonly message: string;
  /** One line saying what to do. */
  readonly hint: string;
}

/** Result of a fallible `src/tla` operation. */
export type TlaResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TlaError };

/** Thrown inside the emitter; turned into a {@link TlaResult} at its entry points. */
export class TlaEmitError extends Error implements TlaError {
  constructor(
    readonly code: TlaErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'TlaEmitError';
  }
}

/** Runs `f`, turning a {@link TlaEmitError} into a failed result (anything else is a bug and propagates). */
export function catchEmit<T>(f: () => T): TlaResult<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof TlaEmitError) return { ok: false, error: { code: e.code, message: e.message, hint: e.hint } };
    throw e;
  }
}
