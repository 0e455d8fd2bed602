/**
 * The comparison after one step, shared by trace replay and lock-step
 * runs: the implementation's mapped state against the expected one,
 * accepting the implementation one eager step ahead, and naming the known
 * difference a departure is, if any.
 */
import type { Value } from '../dsl/index.js';
import type { FlatAction, FlatModel } from '../model/index.js';
import { eagerSuccessors } from './eager-steps.js';
import { type KnownDifference, knownDifference } from './known-differences.js';
import { compareStates, type ModelState, type VariableRule } from './refinement.js';
import type { VariableDiff } from './result.js';
import { actionNode } from './stimuli.js';

/** What the comparison after a step found. */
export type StepCheck =
  | { readonly agrees: true; /** The implementation is an eager step ahead of the trace. */ readonly ahead: boolean }
  | { readonly agrees: false; readonly diff: readonly VariableDiff[]; readonly known?: KnownDifference };

/**
 * Compares the implementation's state `actual` with the `expected` state
 * reached from `before` by `action` with `picks`. `pendingHandover` names
 * the implementation nodes waiting for a handover answer (see
 * `known-differences.ts`).
 */
export function checkStep(
  fm: FlatModel,
  rules: readonly VariableRule[],
  step: { readonly action: FlatAction; readonly picks: Readonly<Record<string, Value>> },
  before: ModelState,
  expected: ModelState,
  actual: ModelState,
  pendingHandover: readonly string[] = [],
): StepCheck {
  const diff = compareStates(expected, actual, rules);
  if (diff.length === 0) return { agrees: true, ahead: false };
  const ahead = eagerSuccessors(fm, expected);
  if (ahead.some((s) => compareStates(s, actual, rules).length === 0)) return { agrees: true, ahead: true };
  const known = knownDifference({
    origin: step.action.origin,
    node: actionNode(step.action.origin, step.picks),
    before,
    diff,
    eagerPending: ahead.length > 0 || eagerSuccessors(fm, before).length > 0,
    pendingHandover,
    prioritiesSet: Object.values((fm.constValues.Priority ?? {}) as Record<string, Value>).every((p) => typeof p === 'number' && p > 0),
  });
  return { agrees: false, diff, ...(known === undefined ? {} : { known }) };
}
