/**
 * Recorded runs validated: N seeded runs of a scenario's implementation
 * (`recordRun`), each log followed through the model (`validateLines`).
 * Used by `ha-verify validate`, by `verify` and on the broken variants.
 */
import type { NodeFactory } from '../impl/index.js';
import type { Scenario } from '../model/index.js';
import { type RecordedRun, recordRun } from './record-run.js';
import type { EventClass } from './run-events.js';
import { type LogVerdict, validateLines } from './validate-log.js';

/** One recorded run and what validation said of it. */
export interface RunVerdict {
  readonly seed: number;
  /** Observations recorded (the initial one included). */
  readonly lines: number;
  readonly virtualMs: number;
  readonly verdict: LogVerdict;
  /** The log's text, kept for runs that do not conform (and for all with `keepLogs`). */
  readonly text?: string;
}

/** The runs of one scenario. */
export interface RunsReport {
  readonly scenario: string;
  readonly runs: readonly RunVerdict[];
  readonly conforming: number;
  /** Observations over all runs. */
  readonly steps: number;
  /** Events injected over all runs, per class. */
  readonly events: Readonly<Partial<Record<EventClass, number>>>;
  readonly durationMs: number;
}

/** Options of a series of runs. */
export interface RunsOptions {
  readonly runs: number;
  /** Seed of the first run; run k has seed + k. */
  readonly seed: number;
  readonly steps: number;
  readonly nodeFactory?: NodeFactory | { readonly n1?: NodeFactory; readonly n2?: NodeFactory };
  /** Stop at the first run that does not conform (a broken variant is caught). */
  readonly stopAtFirst?: boolean;
  /** Keep the text of every log, not only of those that do not conform. */
  readonly keepLogs?: boolean;
  readonly signal?: AbortSignal;
  readonly onRun?: (r: RunVerdict) => void;
}

/** Records and validates `runs` seeded runs of the scenario. */
export async function validateRuns(scenario: Scenario, options: RunsOptions): Promise<RunsReport> {
  const started = Date.now();
  const runs: RunVerdict[] = [];
  const events: Partial<Record<EventClass, number>> = {};
  for (let k = 0; k < options.runs; k++) {
    if (options.signal?.aborted) break;
    const seed = options.seed + k;
    const run: RecordedRun = recordRun(scenario, { seed, steps: options.steps, ...(options.nodeFactory ? { nodeFactory: options.nodeFactory } : {}) });
    for (const [cls, n] of Object.entries(run.events) as [EventClass, number][]) events[cls] = (events[cls] ?? 0) + n;
    const verdict = await validateLines(`${scenario.name}-seed-${seed}.jsonl`, run.text.split('\n'), { scenario, ...(options.signal ? { signal: options.signal } : {}) });
    const keep = options.keepLogs === true || verdict.outcome !== 'conforms';
    const r: RunVerdict = { seed, lines: run.lines, virtualMs: run.durationMs, verdict, ...(keep ? { text: run.text } : {}) };
    runs.push(r);
    options.onRun?.(r);
    if (options.stopAtFirst === true && verdict.outcome !== 'conforms') break;
  }
  return {
    scenario: scenario.name, runs, conforming: runs.filter((r) => r.verdict.outcome === 'conforms').length,
    steps: runs.reduce((n, r) => n + r.lines, 0), events, durationMs: Date.now() - started,
  };
}
