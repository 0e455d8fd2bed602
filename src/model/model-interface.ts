/**
 * A stateright-style interface to a model: initial states, the enabled
 * actions of a state in a deterministic order, and the successor of a state
 * under an action. Both the interpreted flat model and the XState reference
 * semantics implement it, so searches and differential tests can run on
 * either.
 */
import type { ActionLabel, State } from './flat-model.js';

/** A model as a search sees it. */
export interface ModelInterface {
  /** The initial states. */
  initStates(): State[];
  /** The actions enabled in `s`, in a deterministic order. */
  actions(s: State): ActionLabel[];
  /** The state after taking `a` in `s`. */
  next(s: State, a: ActionLabel): State;
}
