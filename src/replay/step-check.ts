/**
 * The comparison after one step, shared by trace replay and lock-step
 * runs: the implementation's mapped state against the expected one, exactly
 * (see `refinement.ts` for what each variable stands for; conformance compares packed states first).
 */
import { compareStates, type ModelState, type VariableRule } from './refinement.js';
import type { VariableDiff } from './result.js';

/** What the comparison after a step found. */
export type StepCheck = { readonly agrees: true } | { readonly agrees: false; readonly diff: readonly VariableDiff[] };

/** Compares the implementation's state `actual` with the model's `expected` state after a step. */
export function checkStep(rules: readonly VariableRule[], expected: ModelState, actual: ModelState): StepCheck {
  const diff = compareStates(expected, actual, rules);
  return diff.length === 0 ? { agrees: true } : { agrees: false, diff };
}
