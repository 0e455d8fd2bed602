/**
 * Temporal formulas over state predicates of the expression language, for
 * liveness properties: `[]P`, `<>P`, `P ~> Q`, `[]<>P` and `<>[]P`. The
 * fairness they are checked under is declared per action by the model.
 */
import type { Expr } from './ast.js';
import { bound } from './builders.js';
import { printDomain, printExpr } from './print-tla.js';
import type { EnumType } from './types.js';

/** A temporal formula. */
export type Temporal =
  | { readonly op: 'always'; readonly p: Expr }
  | { readonly op: 'eventually'; readonly p: Expr }
  | { readonly op: 'leadsTo'; readonly p: Expr; readonly q: Expr }
  | { readonly op: 'alwaysEventually'; readonly p: Expr }
  | { readonly op: 'eventuallyAlways'; readonly p: Expr }
  | { readonly op: 'forall'; readonly bind: string; readonly dom: EnumType; readonly body: Temporal };

/** `[]P`: P holds in every state. */
export const always = (p: Expr): Temporal => ({ op: 'always', p });
/** `<>P`: P holds in some state. */
export const eventually = (p: Expr): Temporal => ({ op: 'eventually', p });
/** `P ~> Q`: whenever P holds, Q holds then or later. */
export const leadsTo = (p: Expr, q: Expr): Temporal => ({ op: 'leadsTo', p, q });
/** `[]<>P`: P holds infinitely often. */
export const alwaysEventually = (p: Expr): Temporal => ({ op: 'alwaysEventually', p });
/** `<>[]P`: from some point on, P holds forever. */
export const eventuallyAlways = (p: Expr): Temporal => ({ op: 'eventuallyAlways', p });

/** `\A x \in D : F(x)` over a temporal formula (a conjunction of one formula per value). */
export function forallT(name: string, dom: EnumType, body: (x: Expr) => Temporal): Temporal {
  return { op: 'forall', bind: name, dom, body: body(bound(name, dom)) };
}

function paren(e: Expr): string {
  const s = printExpr(e);
  return /^[A-Za-z_][A-Za-z0-9_]*(\(.*\))?$/.test(s) ? s : `(${s})`;
}

/** Prints a temporal formula as TLA+. */
export function printTemporal(f: Temporal): string {
  switch (f.op) {
    case 'always': return `[]${paren(f.p)}`;
    case 'eventually': return `<>${paren(f.p)}`;
    case 'leadsTo': return `${paren(f.p)} ~> ${paren(f.q)}`;
    case 'alwaysEventually': return `[]<>${paren(f.p)}`;
    case 'eventuallyAlways': return `<>[]${paren(f.p)}`;
    case 'forall': return `\\A ${f.bind} \\in ${printDomain(f.dom)} : ${printTemporal(f.body)}`;
  }
}
