/**
 * Properties of a main module: each invariant as its own definition, and
 * each liveness property as a temporal formula checked once faults have
 * stopped.
 *
 * Liveness semantics (the built-in engine's, `src/explore/liveness.ts`):
 * under the fairness of `Spec`, assuming faults happen only finitely often,
 * `P ~> Q` is checked as `<>[](P => <>Q)` (P leads to Q in the suffix where
 * no fault happens) and `TRUE ~> Q` as `[]<>Q`. Each property is written
 * `FaultsStop => F`, where `FaultsStop == <>[][~FaultStep]_vars`; TLC's
 * liveness checker accepts `<>[][A]_v` among a property's conjuncts. Other
 * forms print as they are: `[]<>P`, `<>[]P`, `<>P`, `[]P`; a quantifier
 * over temporal formulas stays a quantifier (TLC expands it).
 */
import type { Expr, Temporal } from '../dsl/index.js';
import { printDomain } from '../dsl/index.js';
import { textOf } from './expr-tools.js';
import { formatExpr } from './format-expr.js';
import { LINE_WIDTH, comment, definition } from './layout.js';
import type { PreparedModule } from './prepare-module.js';

/** `e` in parentheses unless it is a name or an operator application. */
function atom(e: Expr): string {
  const s = textOf(e);
  return /^[A-Za-z_][A-Za-z0-9_]*(\(.*\))?$/.test(s) && balanced(s) ? s : `(${s})`;
}

/** Whether the outer parentheses of `Name(...)` close at the end (not `F(a) /\ G(b)`). */
function balanced(s: string): boolean {
  const open = s.indexOf('(');
  if (open < 0) return true;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i === s.length - 1;
  }
  return false;
}

/** `e` as the left side of `=>`: parenthesised when it binds more loosely. */
function premise(e: Expr): string {
  const s = textOf(e);
  return e.op === 'implies' || e.op === 'ite' || e.op === 'forall' || e.op === 'exists' ? `(${s})` : s;
}

function isTrue(e: Expr): boolean {
  return e.op === 'lit' && e.value === true;
}

/** A temporal formula in the form checked (see the module comment). */
export function printLiveness(f: Temporal): string {
  switch (f.op) {
    case 'leadsTo': return isTrue(f.p) ? `[]<>${atom(f.q)}` : `<>[](${premise(f.p)} => <>${atom(f.q)})`;
    case 'alwaysEventually': return `[]<>${atom(f.p)}`;
    case 'eventuallyAlways': return `<>[]${atom(f.p)}`;
    case 'eventually': return `<>${atom(f.p)}`;
    case 'always': return `[]${atom(f.p)}`;
    case 'forall': return `\\A ${f.bind} \\in ${printDomain(f.dom)} : ${printLiveness(f.body)}`;
  }
}

/** Every invariant, one definition each, with its documentation. */
export function emitInvariants(m: PreparedModule): string[] {
  const out: string[] = [];
  for (const p of m.invariants) {
    if (out.length > 0) out.push('');
    out.push(...comment(p.doc), ...definition(p.name, formatExpr(p.expr, LINE_WIDTH - 2)));
  }
  return out;
}

/**
 * Every action property, one definition each: `Name == [][A]_vars`, which
 * every step of a behaviour satisfies (a step changing nothing does).
 */
export function emitActionProperties(m: PreparedModule): string[] {
  const out: string[] = [];
  for (const p of m.actionProperties) {
    if (out.length > 0) out.push('');
    const body = formatExpr(p.expr, LINE_WIDTH - 6);
    const lines = body.length === 1 ? [`[][${body[0]}]_vars`] : ['[][', ...body.map((l) => `  ${l}`), ']_vars'];
    out.push(...comment(p.doc), ...definition(p.name, lines));
  }
  return out;
}

/** Every liveness property, one definition each. */
export function emitLiveness(m: PreparedModule): string[] {
  const faults = m.actions.some((a) => a.fault);
  const out: string[] = [];
  for (const p of m.liveness) {
    if (out.length > 0) out.push('');
    const body = printLiveness(p.formula);
    const stops = [...(faults ? ['FaultsStop'] : []), ...(p.environment ? [`${p.environment}Stops`] : [])];
    const premise = stops.length > 1 ? `(${stops.join(' /\\ ')})` : stops[0];
    const one = premise ? `${premise} => ${body}` : body;
    const lines = one.length + 2 <= LINE_WIDTH || !premise ? [one] : [`${premise} =>`, `  ${body}`];
    out.push(...comment(p.doc), ...definition(p.name, lines));
  }
  return out;
}
