/**
 * What the TLC engine (`engine-tlc.ts`) takes and gives: options, the
 * events it reports while TLC runs, and its report, shaped like the
 * built-in engine's so that `check` prints both the same way.
 */
import type { TlcErrorCode, TlcProgress } from '../tlc/index.js';
import type { ItfTrace } from '../trace/index.js';
import type { TlaErrorCode } from './errors.js';
import type { SpecFamily } from './generate-specs.js';

/** What the engine reports while it runs (for progress lines). */
export type TlcEngineEvent =
  /** TLC run `run` starts; `without` lists the properties earlier runs found violated (not checked again). */
  | {
    readonly kind: 'run-started'; readonly run: number; readonly checking: number; readonly without: readonly string[];
    /** The stated environment whose specification the run checks against (`Spec<environment>`), if not Spec. */
    readonly environment?: string;
  }
  /** One of TLC's progress reports. */
  | { readonly kind: 'progress'; readonly run: number; readonly progress: TlcProgress; readonly elapsedMs: number }
  /** TLC has explored the whole state space and checks the liveness properties on it. */
  | { readonly kind: 'temporal-check'; readonly run: number }
  /** TLC reported these properties violated. */
  | { readonly kind: 'violation'; readonly run: number; readonly properties: readonly string[] };

/** Options of `checkWithTlc`. */
export interface TlcCheckOptions {
  /** tla2tools.jar; default `TLA2TOOLS_JAR`. */
  readonly jar?: string;
  /** The java executable; default the one on `PATH` (then `JAVA_HOME`). */
  readonly java?: string;
  /** TLC worker threads (`-workers`); default 1. */
  readonly workers?: number | 'auto';
  /** Budget for all TLC runs together, in milliseconds; past it the report is incomplete (`timeout`). */
  readonly timeoutMs?: number;
  /** Aborting ends the TLC run under way; the report is then incomplete (`interrupted`). */
  readonly signal?: AbortSignal;
  /**
   * Stop once a TLC progress report counts this many distinct states; the
   * report is then incomplete (`limit`). TLC has no limit of its own, so it
   * stops at the first report past it (see `progressIntervalSeconds`).
   */
  readonly maxStates?: number;
  /** Seconds between TLC's progress reports; default 2. */
  readonly progressIntervalSeconds?: number;
  /** Called as TLC runs (see {@link TlcEngineEvent}). */
  readonly onEvent?: (event: TlcEngineEvent) => void;
  /** The model family the scenario belongs to (e.g. MNHA_FAMILY from models/spec-families.ts). */
  readonly family: SpecFamily;
  /** Environment for finding Java and the jar, and for TLC; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The verdict of one property, as TLC found it. */
export interface TlcPropertyVerdict {
  readonly name: string;
  readonly kind: 'invariant' | 'liveness' | 'action' | 'deadlock';
  /** `unknown` when the run stopped before TLC could tell. */
  readonly verdict: 'holds' | 'violated' | 'unknown';
  /** The counterexample, when violated (from TLC's `-dumpTrace json`, else from its printed trace). */
  readonly trace?: ItfTrace;
}

/** Why a TLC check stopped before it was complete. */
export type TlcStopReason = 'interrupted' | 'timeout' | 'limit';

/** What TLC found for a scenario. */
export interface TlcCheckReport {
  readonly ok: true;
  readonly scenario: string;
  readonly engine: 'tlc';
  /** Whether TLC explored the whole state space (every verdict is then holds or violated). */
  readonly complete: boolean;
  readonly stopReason?: TlcStopReason;
  /**
   * Distinct states of the whole state space (from the run that finished
   * with no violation); when incomplete, the most TLC reported before it
   * was stopped.
   */
  readonly distinctStates: number;
  /** States TLC generated in that run (TLC counts differently from the built-in engine). */
  readonly generatedStates: number;
  /** Depth of TLC's breadth-first search (its "depth of the complete state graph search"). */
  readonly depth: number;
  /** Wall time of all runs. */
  readonly durationMs: number;
  /** How many times TLC ran (1 + the number of violations found, when complete). */
  readonly runs: number;
  /** TLC's version line, e.g. `2026.11.25.140829`. */
  readonly tlcVersion?: string;
  /** Every property of the scenario in its declared order, then `Deadlock` when the scenario checks it. */
  readonly properties: readonly TlcPropertyVerdict[];
  /** What a user should know about the results (e.g. a trace taken from TLC's printed output). */
  readonly notes: readonly string[];
}

/** Stable codes of `checkWithTlc` failures. */
export type TlcCheckErrorCode =
  | TlcErrorCode
  | TlaErrorCode
  /** No scenario of that name. */
  | 'TLC_UNKNOWN_SCENARIO'
  /** TLC ran but did not model-check (parse, semantic, configuration or evaluation error, or it crashed). */
  | 'TLC_RUN_FAILED'
  /** TypeOK was violated: a variable left its domain (the built-in engine reports this as a model error). */
  | 'TLC_TYPE_VIOLATION';

/** Why `checkWithTlc` could not give verdicts. */
export interface TlcCheckFailure {
  readonly ok: false;
  readonly error: {
    readonly code: TlcCheckErrorCode;
    /** One line saying what is wrong. */
    readonly message: string;
    /** One line saying what to do. */
    readonly hint: string;
  };
}

/** Result of `checkWithTlc`. */
export type TlcCheckResult = TlcCheckReport | TlcCheckFailure;
