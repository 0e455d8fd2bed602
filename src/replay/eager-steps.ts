/**
 * Model steps the implementation takes by itself, at once, inside another
 * step. `Preempt(n)` is one: in the model an active node that learns its
 * healthy backup peer has the higher priority (preemption on) steps down
 * at a later step of its own; the implementation steps down the moment it
 * learns it. Right after such a step the implementation is one model step
 * ahead, and its state matches the trace's state with the eager step
 * applied; once the trace takes the step, both agree again.
 */
import type { FlatModel, State } from '../model/index.js';
import { applyAction, isEnabled, paramTuples } from '../model/index.js';

/** Names of the system steps the implementation takes eagerly. */
export const EAGER_STEPS: readonly string[] = ['Preempt'];

/** The states `state` leads to by one enabled eager step. */
export function eagerSuccessors(fm: FlatModel, state: State): State[] {
  const out: State[] = [];
  for (const action of fm.actions) {
    if (action.origin.step === undefined || !EAGER_STEPS.includes(action.origin.step)) continue;
    for (const params of paramTuples(action.params)) {
      if (isEnabled(fm, action, state, params)) out.push(applyAction(fm, action, state, params));
    }
  }
  return out;
}
