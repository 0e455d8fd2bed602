/**
 * Evaluates a prepared action (what the TLA+ definition says) with the
 * DSL's evaluator, reading it as TLA+ does: conjuncts in order, the LET
 * bound in the state before the step, every primed update read in that
 * state, every other variable unchanged.
 */
import { type Value, evaluate } from '../../src/dsl/index.js';
import type { FlatModel, State } from '../../src/model/index.js';
import type { PreparedAction } from '../../src/tla/prepare-action.js';

/** The successor under `a` with `params` (by position), or undefined when the action is not enabled. */
export function stepPrepared(fm: FlatModel, a: PreparedAction, s: State, params: readonly Value[]): State | undefined {
  const bound: Record<string, Value> = {};
  a.params.forEach(([p], i) => (bound[p] = params[i]));
  const env = () => ({ readVar: (n: string) => s[n], consts: fm.constValues, bound });
  for (const g of a.source) if (evaluate(g, env()) !== true) return undefined;
  for (const [n, e] of a.lets) bound[n] = evaluate(e, env());
  for (const g of a.guard) if (evaluate(g, env()) !== true) return undefined;
  const next: Record<string, Value> = { ...s };
  for (const [v, e] of a.updates) next[v] = evaluate(e, env());
  return next;
}
