/** What crosses between a sweep and its worker processes. */

/** One combination to check. */
export interface SweepJob {
  readonly index: number;
  readonly id: string;
  /** The scenario name its traces are written under. */
  readonly name: string;
  readonly params: unknown;
  readonly tracesDir: string;
}

/** One property's verdict in one combination. */
export interface CellVerdict {
  readonly name: string;
  readonly kind: string;
  readonly verdict: 'holds' | 'violated' | 'unknown';
  readonly exercised?: number;
  readonly vacuous?: boolean;
  readonly trace?: string;
  /** The trace's viewer page, written by the worker beside the trace (absent when it could not be rendered). */
  readonly page?: string;
}

/** What a worker sends back for a combination. */
export type CellResult =
  | { readonly index: number; readonly ok: true; readonly distinctStates: number; readonly complete: boolean; readonly durationMs: number; readonly properties: readonly CellVerdict[] }
  | { readonly index: number; readonly ok: false; readonly error: string; readonly durationMs: number };
