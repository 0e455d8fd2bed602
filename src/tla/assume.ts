/**
 * Simplification under assumptions: inside an action, the guard's conjuncts
 * hold, so a condition that repeats one is TRUE and one that contradicts
 * one is FALSE. This removes, for example, the exit actions of `active`
 * from a step that the guard confines to `hold`, which the statechart
 * lowering emits as `when srg1[n] = "active" ...`.
 *
 * Only plain facts are used: a conjunct itself, its negation, and
 * `e = literal` against another `e = literal` or `e /= literal`. A fact is
 * not used under a binder that rebinds one of its free names.
 */
import { type Expr, FALSE, TRUE, valueEquals } from '../dsl/index.js';
import { binderBody, freeBound, isBinder, mapChildren, sameExpr, withBinder } from './expr-tools.js';
import { simplifyNode } from './simplify.js';

/** The conjuncts of a conjunction (itself when it is not one), TRUE dropped. */
export function conjuncts(e: Expr): Expr[] {
  if (e.op === 'and') return e.args.flatMap(conjuncts);
  if (e.op === 'lit' && e.value === true) return [];
  return [e];
}

/** What `facts` say of boolean `e`: true, false, or nothing. */
function decide(e: Expr, facts: readonly Expr[]): boolean | undefined {
  for (const f of facts) {
    if (sameExpr(e, f)) return true;
    if (f.op === 'not' && sameExpr(e, f.arg)) return false;
    if (e.op === 'not' && sameExpr(e.arg, f)) return false;
    if ((e.op === 'eq' || e.op === 'neq') && e.b.op === 'lit' && f.op === 'eq' && f.b.op === 'lit' && sameExpr(e.a, f.a)) {
      const equal = valueEquals(e.b.value, f.b.value);
      return e.op === 'eq' ? equal : !equal;
    }
  }
  return undefined;
}

/** Simplifies `e` assuming every expression of `facts` holds. */
export function simplifyUnder(e: Expr, facts: readonly Expr[]): Expr {
  if (facts.length === 0) return e;
  if (e.t.kind === 'bool' && !isBinder(e)) {
    const d = decide(e, facts);
    if (d !== undefined) return d ? TRUE : FALSE;
  }
  if (isBinder(e)) {
    const kept = facts.filter((f) => !freeBound(f).has(e.bind));
    return simplifyNode(withBinder(e, e.bind, simplifyUnder(binderBody(e), kept)));
  }
  return simplifyNode(mapChildren(e, (c) => simplifyUnder(c, facts)));
}

/**
 * Simplifies a guard's conjuncts, each under the ones before it (`A /\ B`
 * equals `A /\ B'` when B and B' agree wherever A holds). Conjuncts that
 * become TRUE are dropped; `known` are facts that hold already (an earlier
 * part of the guard).
 */
export function simplifyConjuncts(parts: readonly Expr[], known: readonly Expr[] = []): Expr[] {
  const facts: Expr[] = [...known];
  const out: Expr[] = [];
  for (const p of parts) {
    const s = simplifyUnder(p, facts);
    if (s.op === 'lit' && s.value === true) continue;
    for (const c of conjuncts(s)) {
      out.push(c);
      facts.push(c);
    }
  }
  return out;
}
