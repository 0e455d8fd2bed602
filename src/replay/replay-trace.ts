/**
 * Replays a trace against the implementation: the initial states are
 * compared, then each step's stimulus is applied and the state after it
 * compared, until the first difference or the end of the trace (and, for a
 * lasso with a known closing step, that step back to the loop state).
 */
import type { Value } from '../dsl/index.js';
import type { Scenario } from '../model/index.js';
import type { ItfTrace } from '../trace/index.js';
import { ImplDriver } from './impl-driver.js';
import type { ImplOptions } from './impl-setup.js';
import { type PreparedStep, prepareTrace } from './prepare-trace.js';
import { compareStates, refinementRules } from './refinement.js';
import type { ReplayResult, StepRecord } from './result.js';
import { checkStep } from './step-check.js';

/** Options of a replay. */
export interface ReplayOptions extends ImplOptions {
  /** The scenario the trace belongs to; by default the one its `#meta.scenario` names. */
  readonly scenario?: Scenario;
}

/** `Name(p=v, ...)`, the way reports show a step. */
export function describeStep(step: PreparedStep): string {
  return describeLabel({ name: step.action.name, params: step.picks });
}

/** `Name(p=v, ...)` of an action label, the way reports show a step. */
export function describeLabel(label: { readonly name: string; readonly params: Readonly<Record<string, unknown>> }): string {
  const params = Object.entries(label.params).map(([p, v]) => `${p}=${String(v as Value)}`);
  return params.length === 0 ? label.name : `${label.name}(${params.join(', ')})`;
}

/**
 * Replays `trace` against the implementation and says whether it follows
 * the whole trace, departs at a step (with the per-variable diff and the
 * action of that step), or could not be replayed (malformed trace, unknown
 * scenario or action, with the step named).
 */
export function replayTrace(trace: ItfTrace, options: ReplayOptions = {}): ReplayResult {
  const prepared = prepareTrace(trace, options.scenario);
  if ('outcome' in prepared) return prepared;
  const { params, states, steps } = prepared;
  const rules = refinementRules(params);
  const driver = new ImplDriver(params, options);
  const log: StepRecord[] = [];

  const initial = compareStates(states[0], driver.state(), rules);
  if (initial.length > 0) return { outcome: 'departs', step: 0, action: '(initial state)', diff: initial, log };

  const run: { step: PreparedStep; index: number; expected: number }[] = steps.map((step, i) => ({ step, index: i + 1, expected: i + 1 }));
  if (prepared.closing) run.push({ step: prepared.closing.step, index: states.length, expected: prepared.closing.loop });
  for (const { step, index, expected } of run) {
    const applied = driver.apply(step.action, step.picks);
    const action = describeStep(step);
    const check = checkStep(rules, states[expected], driver.state());
    log.push({ step: index, action, stimulus: applied.stimulus, outcome: applied.outcome });
    if (!check.agrees) return { outcome: 'departs', step: index, action, diff: check.diff, log };
  }
  return { outcome: 'follows', steps: run.length, log };
}
