/**
 * Errors of `src/tlc` that reach a user: a stable code, a one-line message
 * and one line saying what to do. Results are discriminated unions.
 */

/** Stable codes of `src/tlc` errors. */
export type TlcErrorCode =
  /** Java or tla2tools.jar is missing. */
  | 'TLC_NOT_AVAILABLE'
  /** The spec or config file to check does not exist. */
  | 'TLC_SPEC_NOT_FOUND'
  /** Java could not be started. */
  | 'TLC_SPAWN_FAILED'
  /** A `-dumpTrace json` file cannot be read. */
  | 'TLC_DUMPTRACE_UNREADABLE'
  /** A `-dumpTrace json` file is not what TLC writes. */
  | 'TLC_DUMPTRACE_MALFORMED'
  /** A TLC trace does not make a valid ITF trace (e.g. a state lacks a variable). */
  | 'TLC_TRACE_UNCONVERTIBLE'
  /** Downloading tla2tools.jar failed (offline, HTTP error). */
  | 'TLC_INSTALL_DOWNLOAD_FAILED'
  /** The download's SHA-256 is not the pinned one. */
  | 'TLC_INSTALL_CHECKSUM_MISMATCH'
  /** The expected SHA-256 (`--sha256`, `TLA2TOOLS_SHA256`) is not 64 hex digits. */
  | 'TLC_INSTALL_BAD_SHA256'
  /** The cache folder or the jar cannot be written. */
  | 'TLC_INSTALL_WRITE_FAILED';

/** An error of `src/tlc`. */
export interface TlcError {
  readonly code: TlcErrorCode;
  /** One line saying what is wrong. */
  readonly message: string;
  /** One line saying what to do. */
  readonly hint: string;
}

/** Result of a fallible `src/tlc` operation. */
export type TlcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TlcError };

/** Builds a failed result. */
export function tlcFailure<T = never>(code: TlcErrorCode, message: string, hint: string): TlcResult<T> {
  return { ok: false, error: { code, message, hint } };
}
