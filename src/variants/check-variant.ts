/**
 * How well the model-based checks catch real bugs: each broken variant of
 * the implementation (a node factory) is put through the checks that need
 * no hand-written scenario test, until one catches it:
 *
 * 1. the kept traces of the manifest, replayed (`kept-traces`);
 * 2. whole-graph conformance of every scenario (`conformance`), stopping at
 *    the first departure; first over each scenario's first states in
 *    breadth-first order (a small budget, then a larger one), then over the
 *    whole graphs, so that a bug close to the initial state of any scenario
 *    is found without first replaying the whole of the others;
 * 3. the node machine's paths beside a scripted peer (`node-paths`).
 *
 * Independently of those (the other direction), the variant's own recorded
 * runs are validated against the model (`validation`): a few seeded runs of
 * each scenario, stopping at the first log no model behaviour explains.
 * Its result is reported for every variant, so the table shows what each
 * direction catches; it decides the verdict only when the first three miss.
 *
 * A variant no check catches is a hole in the checks, not in the variant.
 */
import { relative } from 'node:path';
import type { NodeFactory } from '../impl/index.js';
import type { Scenario } from '../model/index.js';
import { checkConformance } from '../replay/conformance.js';
import { describeLabel } from '../replay/replay-trace.js';
import { replayManifest } from '../replay/manifest.js';
import { paramsOf } from '../replay/prepare-trace.js';
import { checkNodeMachine } from '../replay/single-node/node-paths.js';
import { validateRuns } from '../validate/validate-runs.js';

/** A broken variant of the implementation. */
export interface VariantUnderTest {
  readonly name: string;
  /** What it gets wrong, in a few words. */
  readonly fault: string;
  readonly factory: NodeFactory;
}

/** The check that caught a variant, and where. */
export interface VariantCatch {
  readonly check: 'kept-traces' | 'conformance' | 'node-paths' | 'validation';
  /** The scenario (conformance, node paths, validation: with the run's seed) or the trace (kept traces). */
  readonly where: string;
  /** Steps to the departure (the departing one included); for validation, the log line. */
  readonly step: number;
  /** The action of the departing step. */
  readonly action: string;
  /** The variables that differed there. */
  readonly variables: readonly string[];
}

/** What validating the variant's recorded runs found: the first run no model behaviour explains, or null. */
export type ValidationCatch = VariantCatch & { readonly check: 'validation'; readonly seed: number };

interface ResultBase {
  readonly variant: string;
  readonly fault: string;
  /** Validation of recorded runs, whatever the other checks found (null: every run conformed). */
  readonly validation: ValidationCatch | null;
  readonly durationMs: number;
}

/** The result for one variant: `by` is the first of kept traces, conformance, node paths that caught it, else validation. */
export type VariantResult =
  | (ResultBase & { readonly caught: true; readonly by: VariantCatch })
  | (ResultBase & { readonly caught: false });

/** Seeded runs validated per scenario for a variant, and their length. */
export const VARIANT_RUNS = { runs: 3, steps: 200, seed: 1 } as const;

/** The variant's recorded runs validated scenario by scenario, up to the first that does not conform. */
export async function validateVariant(variant: VariantUnderTest, scenarios: readonly Scenario[], signal?: AbortSignal): Promise<ValidationCatch | null> {
  for (const scenario of scenarios) {
    if (signal?.aborted) return null;
    const report = await validateRuns(scenario, { ...VARIANT_RUNS, nodeFactory: variant.factory, stopAtFirst: true, ...(signal ? { signal } : {}) });
    // a log the model does not explain; a log that cannot be read says nothing of the variant
    const bad = report.runs.find((r) => r.verdict.outcome === 'mismatch');
    if (bad === undefined) continue;
    const v = bad.verdict;
    return {
      check: 'validation', where: `${scenario.name} seed ${bad.seed}`, seed: bad.seed,
      step: v.outcome === 'mismatch' ? v.line : 0,
      action: v.outcome === 'mismatch' ? v.cause : '',
      variables: v.outcome === 'mismatch' ? v.variables : [],
    };
  }
  return null;
}

/** Options of a variant run. */
export interface VariantOptions {
  /** The scenarios conformance and node paths run on, in this order. */
  readonly scenarios: readonly Scenario[];
  /** The manifest of kept traces (none: the kept-traces check is skipped). */
  readonly manifest?: string;
  readonly signal?: AbortSignal;
}

/** States explored per scenario in each round of conformance (undefined: the whole graph). */
const CONFORMANCE_BUDGETS: readonly (number | undefined)[] = [1_000, 20_000, undefined];

/** Puts one broken variant through the model-based checks; the first that catches it is reported. */
export async function checkVariant(variant: VariantUnderTest, options: VariantOptions): Promise<VariantResult> {
  const start = performance.now();
  const validation = await validateVariant(variant, options.scenarios, options.signal);
  const done = (found?: VariantCatch): VariantResult => {
    const durationMs = performance.now() - start;
    const by = found ?? validation ?? undefined;
    return by === undefined
      ? { variant: variant.name, fault: variant.fault, caught: false, validation, durationMs }
      : { variant: variant.name, fault: variant.fault, caught: true, by, validation, durationMs };
  };
  if (options.manifest !== undefined) {
    const report = await replayManifest(options.manifest, { nodeFactory: variant.factory });
    // a kept trace that no longer does what the manifest says: a counterexample the variant does not
    // reproduce, or a regression it does not depart from
    // (a trace that cannot be replayed at all says nothing of the variant)
    const failed = 'checks' in report ? report.checks.find((c) => !c.ok && c.result.outcome !== 'error') : undefined;
    if (failed !== undefined) {
      const r = failed.result;
      return done({
        check: 'kept-traces', where: relative(process.cwd(), failed.path) || failed.path,
        step: r.outcome === 'departs' ? r.step : r.outcome === 'follows' ? r.steps : 0,
        action: r.outcome === 'departs' ? r.action : failed.verdict,
        variables: r.outcome === 'departs' ? r.diff.map((d) => d.variable) : [],
      });
    }
  }
  for (const budget of CONFORMANCE_BUDGETS) {
    for (const scenario of options.scenarios) {
      if (options.signal?.aborted) return done();
      const r = await checkConformance(scenario, {
        nodeFactory: variant.factory, stopAtFirstDeparture: true, maxReported: 1,
        ...(budget === undefined ? {} : { maxStates: budget }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const d = r.examples[0];
      if (d !== undefined) {
        return done({
          check: 'conformance', where: scenario.name, step: d.path.length,
          action: d.path.length === 0 ? '(initial state)' : describeLabel(d.path[d.path.length - 1]),
          variables: d.diff.map((x) => x.variable),
        });
      }
    }
  }
  for (const scenario of options.scenarios) {
    if (options.signal?.aborted) return done();
    const r = checkNodeMachine(paramsOf(scenario), { nodeFactory: variant.factory, maxReported: 1 });
    const d = r.departures[0];
    if (d !== undefined) {
      const last = d.events[d.events.length - 1];
      return done({ check: 'node-paths', where: scenario.name, step: d.step, action: last?.type ?? '', variables: d.diff.map((x) => x.variable) });
    }
  }
  return done();
}
