/**
 * The flat model run by direct evaluation of its DSL: the semantics that the
 * TLA+ emitter prints and the compiled explorer must reproduce exactly.
 */
import { type Type, type Value, EvalError, enumerate, evaluate, execute } from '../dsl/index.js';
import type { ActionLabel, FlatAction, FlatModel, State } from './flat-model.js';
import type { ModelInterface } from './model-interface.js';

/** Every assignment of values to the parameters, in domain order. */
export function paramTuples(params: readonly (readonly [string, Type])[]): Record<string, Value>[] {
  let acc: Record<string, Value>[] = [{}];
  for (const [p, t] of params) {
    const vs = enumerate(t);
    acc = acc.flatMap((r) => vs.map((v) => ({ ...r, [p]: v })));
  }
  return acc;
}

function envFor(fm: FlatModel, s: State, bound: Record<string, Value>) {
  return { readVar: (n: string) => s[n], consts: fm.constValues, bound };
}

/** Binds an action's lets if its source guard holds; undefined when it does not. */
function bindLets(fm: FlatModel, a: FlatAction, s: State, params: Readonly<Record<string, Value>>): Record<string, Value> | undefined {
  const bound: Record<string, Value> = { ...params };
  if (evaluate(a.sourceGuard, envFor(fm, s, bound)) !== true) return undefined;
  for (const [name, e] of a.lets) bound[name] = evaluate(e, envFor(fm, s, bound));
  return bound;
}

/** Whether action `a` with these parameters is enabled in `s`. */
export function isEnabled(fm: FlatModel, a: FlatAction, s: State, params: Readonly<Record<string, Value>>): boolean {
  const bound = bindLets(fm, a, s, params);
  return bound !== undefined && evaluate(a.guard, envFor(fm, s, bound)) === true;
}

/** Runs the body of an (enabled) action. */
export function applyAction(fm: FlatModel, a: FlatAction, s: State, params: Readonly<Record<string, Value>>): State {
  const bound = bindLets(fm, a, s, params);
  if (!bound) throw new EvalError(`${a.name} is not enabled`);
  const work: Record<string, Value> = { ...s };
  execute(a.body, { readVar: (n) => work[n], consts: fm.constValues, bound }, { writeVar: (n, v) => { work[n] = v; } });
  return work;
}

/** The flat model as a `ModelInterface`, by interpretation. */
export function interpretedModel(fm: FlatModel): ModelInterface {
  const tuples = fm.actions.map((a) => paramTuples(a.params));
  const byName = new Map(fm.actions.map((a) => [a.name, a]));
  return {
    initStates: () => [fm.init],
    actions(s) {
      const out: ActionLabel[] = [];
      fm.actions.forEach((a, i) => {
        for (const params of tuples[i]) if (isEnabled(fm, a, s, params)) out.push({ name: a.name, params });
      });
      return out;
    },
    next(s, label) {
      const a = byName.get(label.name);
      if (!a) throw new EvalError(`unknown action ${label.name}`);
      return applyAction(fm, a, s, label.params);
    },
  };
}
