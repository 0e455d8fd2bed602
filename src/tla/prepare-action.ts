/**
 * Turns a flat action into what its TLA+ definition shows: parameters,
 * the source guard's conjuncts, the lets kept as LET, the guard's
 * conjuncts, the simultaneous primed updates and the unchanged variables.
 *
 * Meaning (`src/model/interpret.ts`): the source guard is checked first,
 * then the lets are bound in the state before the step, then the guard is
 * checked, then the body runs in order. The TLA+ definition keeps that
 * order as bullets (TLC evaluates conjuncts left to right, so `Head` is
 * never taken of an empty channel), and the body becomes simultaneous
 * updates (`compose.ts`). Simplifications use only what the earlier
 * conjuncts guarantee (`assume.ts`).
 */
import type { Expr, Type } from '../dsl/index.js';
import type { FlatAction, FlatVar } from '../model/index.js';
import { conjuncts, simplifyConjuncts } from './assume.js';
import { composeBody } from './compose.js';
import { freeBound, substitute } from './expr-tools.js';
import { type ModuleNames, hygienic, parameterNames } from './names.js';
import { simplify } from './simplify.js';

/** An action as its TLA+ definition shows it. */
export interface PreparedAction {
  readonly name: string;
  /** Parameters with their TLA+ names (renamed only on a clash), in order. */
  readonly params: readonly (readonly [string, Type])[];
  /** Conjuncts checked before the LET. */
  readonly source: readonly Expr[];
  /** Lets kept as `LET name == expr IN` (others were inlined or unused). */
  readonly lets: readonly (readonly [string, Expr])[];
  /** Conjuncts checked inside the LET. */
  readonly guard: readonly Expr[];
  /** Changed variables with their new values over the state before the step. */
  readonly updates: readonly (readonly [string, Expr])[];
  /** Every other variable, in declaration order. */
  readonly unchanged: readonly string[];
  readonly fault: boolean;
  readonly fairness: FlatAction['fairness'];
  readonly doc?: string;
}

/** `~(a \/ b)` as `~a`, `~b`: a negated disjunction in a guard reads better as several conjuncts. */
function deMorgan(parts: readonly Expr[]): Expr[] {
  return parts.flatMap((p) => (p.op === 'not' && p.arg.op === 'or' ? p.arg.args.map((d) => simplify({ op: 'not', t: p.t, arg: d })) : [p]));
}

/**
 * Whether a let's expression is small enough to write in its place: a name,
 * a literal, or a function application or field of those (`adv[n]`). The
 * let and the composed updates both read the state before the step, so
 * writing it in place means the same.
 */
function inlinable(e: Expr): boolean {
  switch (e.op) {
    case 'var': case 'bound': case 'const': case 'lit': return true;
    case 'app': return inlinable(e.fn) && inlinable(e.key);
    case 'field': return inlinable(e.rec);
    default: return false;
  }
}

/** Prepares one action for printing (see the module comment). */
export function prepareAction(a: FlatAction, vars: readonly FlatVar[], names: ModuleNames): PreparedAction {
  const varType = new Map(vars.map((v) => [v.name, v.t]));
  const source = simplifyConjuncts(conjuncts(a.sourceGuard));
  let guard = simplifyConjuncts(deMorgan(conjuncts(a.guard)), source);
  const composed = composeBody(a.body, (n) => varType.get(n)!, a.name, [...source, ...guard]);
  let updates = composed.updates;

  // Lets: write small ones in place; keep the others as LET when something reads them.
  const inline = new Map<string, Expr>();
  const kept: [string, Expr][] = [];
  for (const [name, e0] of a.lets) {
    const e = substitute(e0, new Map(), inline);
    if (inlinable(e)) inline.set(name, e);
    else kept.push([name, e]);
  }
  if (inline.size > 0) {
    guard = guard.map((g) => simplify(substitute(g, new Map(), inline)));
    updates = updates.map(([v, e]) => [v, simplify(substitute(e, new Map(), inline))] as const);
  }
  const reads = new Set<string>();
  for (const e of [...guard, ...updates.map(([, u]) => u)]) for (const n of freeBound(e)) reads.add(n);
  // A kept let read only by a later let stays too.
  const lets = kept.filter(([name], i) => reads.has(name) || kept.slice(i + 1).some(([, e]) => freeBound(e).has(name)));

  // TLA+ names: parameters and lets keep theirs unless a module-level name has it.
  const pn = parameterNames([...a.params, ...lets.map(([n, e]) => [n, e.t] as const)], names);
  const rename = pn.rename;
  const r = (e: Expr) => (rename.size > 0 ? substitute(e, new Map(), rename) : e);
  const scope = new Set(pn.names);
  const clean = (e: Expr) => hygienic(r(e), scope, names);
  const params = a.params.map(([, t], i) => [pn.names[i], t] as const);
  const letNames = pn.names.slice(a.params.length);
  const updated = new Set(updates.map(([v]) => v));
  return {
    name: a.name,
    params,
    source: source.map(clean),
    lets: lets.map(([, e], i) => [letNames[i], clean(e)] as const),
    guard: guard.map(clean),
    updates: updates.map(([v, e]) => [v, clean(e)] as const),
    unchanged: vars.map((v) => v.name).filter((n) => !updated.has(n)),
    fault: a.fault,
    fairness: a.fairness,
    ...(a.doc ?? defaultDoc(a) ? { doc: a.doc ?? defaultDoc(a) } : {}),
  };
}

/** A one-line description from where the action comes from, for actions the model does not document. */
function defaultDoc(a: FlatAction): string | undefined {
  const o = a.origin;
  const who = o.instanceParam ? `the ${o.machine} instance ${o.instanceParam}` : o.instance ? `the ${o.machine} instance "${o.instance}"` : o.machine;
  if (o.kind === 'receive' && who && o.event) return `${who} takes a ${o.event} message off ${o.channel} (transition ${o.transition})`;
  if (o.kind === 'deliver' && who && o.event) return `${who} handles ${o.event} (transition ${o.transition})`;
  return undefined;
}
