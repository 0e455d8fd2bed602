/**
 * What ha-verify reads from a TLC run: the typed result of parsing its
 * `-tool` output (see `output-parser.ts`).
 */
import type { TlaValue } from './tla-value.js';
import type { ToolItem } from './tool-messages.js';
import type { StateAssignment } from './value-parser.js';

/** A span of a TLA+ module, 1-based, as TLC and SANY print them. */
export interface SourceRange {
  readonly module: string;
  readonly beginLine: number;
  readonly beginColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** How a printed state was reached: `<Initial predicate>` or an action. */
export type TlcStepLabel =
  | { readonly kind: 'initial'; readonly location?: SourceRange }
  | {
      readonly kind: 'action';
      /** The action's name, e.g. `ProbeSucceeds` (`M!Next` for an instance). */
      readonly name: string;
      /** The values TLC printed for its parameters: `ProbeSucceeds(n1)` gives `[n1]`. */
      readonly args: readonly TlaValue[];
      readonly location?: SourceRange;
    };

/** One state of a trace, as printed. */
export interface TlcTraceState {
  /** TLC's number for it, 1-based. */
  readonly number: number;
  readonly label: TlcStepLabel;
  /** Every variable with its value, in printed order. */
  readonly variables: readonly StateAssignment[];
}

/** How a behaviour that violates a temporal property goes on forever. */
export type TlcLasso =
  /** `N: Back to state: <Action ...>`: the last state steps (by `label`) back to state N. */
  | { readonly kind: 'back-to-state'; readonly stateNumber: number; readonly label: TlcStepLabel }
  /** `N: Stuttering`: the behaviour stays in the last state forever. */
  | { readonly kind: 'stuttering'; readonly stateNumber: number };

/** A behaviour printed by TLC. */
export interface TlcTrace {
  readonly states: readonly TlcTraceState[];
  readonly lasso?: TlcLasso;
}

/** An error message TLC or SANY reported, with where it is when they said. */
export interface TlcReportedError {
  readonly message: string;
  readonly range?: SourceRange;
}

/** A property TLC found violated (several with `-continue`). */
export type TlcViolation =
  | { readonly kind: 'invariant-violated'; readonly name: string; readonly initial: boolean; readonly trace: TlcTrace }
  | { readonly kind: 'property-violated'; readonly name?: string; readonly initial: boolean; readonly trace: TlcTrace }
  | { readonly kind: 'action-property-violated'; readonly name: string; readonly trace: TlcTrace }
  | { readonly kind: 'deadlock'; readonly trace: TlcTrace }
  | { readonly kind: 'assertion-failed'; readonly message: string; readonly trace: TlcTrace }
  | { readonly kind: 'assumption-violated'; readonly message: string; readonly range?: SourceRange };

/** The verdict of a TLC run. */
export type TlcOutcome =
  /** Model checking finished and found no error. */
  | { readonly kind: 'success' }
  /** Simulation finished and found no error (it proves nothing about the whole state space). */
  | { readonly kind: 'simulation-ok' }
  /** The first violation (all are in {@link TlcOutput.violations}). */
  | TlcViolation
  | { readonly kind: 'parse-error'; readonly module?: string; readonly errors: readonly TlcReportedError[] }
  | { readonly kind: 'semantic-error'; readonly module?: string; readonly errors: readonly TlcReportedError[] }
  | { readonly kind: 'file-not-found'; readonly module?: string; readonly path?: string; readonly message: string }
  /** TLC failed to evaluate an expression; `positions` are the nested expressions, outermost first. */
  | {
      readonly kind: 'evaluation-error';
      readonly code: number;
      readonly message: string;
      readonly positions: readonly SourceRange[];
      readonly trace?: TlcTrace;
    }
  | { readonly kind: 'config-error'; readonly code: number; readonly message: string }
  /** Any other error TLC reported. */
  | { readonly kind: 'error'; readonly code: number; readonly message: string }
  /** The output stops before TLC said how it ended (killed, crashed). */
  | { readonly kind: 'incomplete' };

/** How TLC ran. */
export interface TlcMode {
  readonly kind: 'model-checking' | 'simulation';
  readonly search?: 'breadth-first' | 'depth-first';
  /** The random seed, as printed (a 64-bit integer). */
  readonly seed?: string;
  readonly workers?: number;
  readonly cores?: number;
  /** Index of the fingerprint polynomial (`fp N`). */
  readonly fingerprint?: number;
  /** TLC's sentence, e.g. `Running breadth-first search Model-Checking with fp 53 ...`. */
  readonly text: string;
}

/** Counts TLC reported; absent when it did not report them. */
export interface TlcStatistics {
  readonly initialStates?: number;
  readonly generated?: number;
  readonly distinct?: number;
  readonly leftOnQueue?: number;
  /** Depth of the state graph search (the longest behaviour, in states). */
  readonly depth?: number;
  /** Wall time TLC reported in its `Finished in ...` line. */
  readonly durationMs?: number;
  /** TLC's optimistic estimate of a fingerprint collision. */
  readonly collisionProbability?: number;
}

/** One progress report (`Progress(9) at ...: 377 states generated, ...`). */
export interface TlcProgress {
  readonly depth: number;
  readonly generated: number;
  /** Absent in simulation, which does not count distinct states. */
  readonly distinct?: number;
  readonly leftOnQueue?: number;
}

/** Everything read from one TLC run's `-tool` output. */
export interface TlcOutput {
  /** TLC's version, e.g. `2026.11.25.140829`. */
  readonly version?: string;
  readonly mode?: TlcMode;
  readonly stats: TlcStatistics;
  readonly outcome: TlcOutcome;
  /** Every violation, in the order TLC reported them. */
  readonly violations: readonly TlcViolation[];
  /** Bodies of TLC's warnings (e.g. the garbage-collector advice). */
  readonly warnings: readonly string[];
  /** Whether TLC printed its final `Finished in ...` message. */
  readonly finished: boolean;
  /** Files TLC said it wrote a counterexample to (`-dumpTrace`). */
  readonly counterexampleFiles: readonly string[];
  /**
   * Messages this parser could not read (e.g. a state whose value it cannot
   * parse), each as `message <code>: <why>`. Empty for every TLC output
   * ha-verify knows; anything here means a trace may lack a state.
   */
  readonly unreadable: readonly string[];
  /** The whole output, split into messages and text lines. */
  readonly items: readonly ToolItem[];
}
