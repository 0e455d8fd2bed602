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
 * A variant no check catches is a hole in the checks, not in the variant.
 */
import { relative } from 'node:path';
import type { NodeFactory } from '../impl/index.js';
import type { Scenario } from '../model/index.js';
import { checkConformance } from './conformance.js';
import { describeLabel } from './replay-trace.js';
import { replayManifest } from './manifest.js';
import { paramsOf } from './prepare-trace.js';
import { checkNodeMachine } from './single-node/node-paths.js';

/** A broken variant of the implementation. */
export interface VariantUnderTest {
  readonly name: string;
  /** What it gets wrong, in a few words. */
  readonly fault: string;
  readonly factory: NodeFactory;
}

/** The check that caught a variant, and where. */
export interface VariantCatch {
  readonly check: 'kept-traces' | 'conformance' | 'node-paths';
  /** The scenario (conformance, node paths) or the trace (kept traces). */
  readonly where: string;
  /** Steps to the departure (the departing one included). */
  readonly step: number;
  /** The action of the departing step. */
  readonly action: string;
  /** The variables that differed there. */
  readonly variables: readonly string[];
}

/** The result for one variant. */
export type VariantResult =
  | { readonly variant: string; readonly fault: string; readonly caught: true; readonly by: VariantCatch; readonly durationMs: number }
  | { readonly variant: string; readonly fault: string; readonly caught: false; readonly durationMs: number };

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
  const done = (by?: VariantCatch): VariantResult => {
    const durationMs = performance.now() - start;
    return by === undefined
      ? { variant: variant.name, fault: variant.fault, caught: false, durationMs }
      : { variant: variant.name, fault: variant.fault, caught: true, by, durationMs };
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
