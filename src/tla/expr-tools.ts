/**
 * Scope-aware tools over DSL expressions that the TLA+ emitter needs and the
 * DSL does not provide: structural equality, free bound names, the
 * variables an expression reads (through named definitions too), and
 * capture-avoiding substitution of variables and bound names.
 *
 * Binders of the DSL are `funOf`, `filter`, `forall` and `exists`; a
 * definition's body sees only its own parameters.
 */
import { type Definition, type Expr, type Type, printExpr } from '../dsl/index.js';

/** The binder nodes of the expression language. */
export type BinderExpr = Extract<Expr, { readonly bind: string }>;

/** Whether `e` binds a name. */
export function isBinder(e: Expr): e is BinderExpr {
  return e.op === 'funOf' || e.op === 'filter' || e.op === 'forall' || e.op === 'exists';
}

/** The expression under a binder. */
export function binderBody(e: BinderExpr): Expr {
  return e.op === 'filter' ? e.pred : e.body;
}

/** The binder with another bound name and body. */
export function withBinder(e: BinderExpr, bind: string, body: Expr): Expr {
  return e.op === 'filter' ? { ...e, bind, pred: body } : { ...e, bind, body };
}

const printed = new WeakMap<Expr, string>();

/**
 * The TLA+ text of an expression, cached. Two expressions print the same
 * exactly when they mean the same TLA+ (definitions are unique by name,
 * which the emitter checks), so this is the emitter's structural equality.
 */
export function textOf(e: Expr): string {
  let s = printed.get(e);
  if (s === undefined) {
    s = printExpr(e);
    printed.set(e, s);
  }
  return s;
}

/** Structural equality of two expressions (see {@link textOf}). */
export function sameExpr(a: Expr, b: Expr): boolean {
  return a === b || textOf(a) === textOf(b);
}

/** Rebuilds `e` with `f` applied to its direct sub-expressions (not below). */
export function mapChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  switch (e.op) {
    case 'lit': case 'var': case 'ctx': case 'ev': case 'self': case 'bound': case 'const': return e;
    case 'not': return { ...e, arg: f(e.arg) };
    case 'and': case 'or': return { ...e, args: e.args.map(f) };
    case 'implies': case 'eq': case 'neq': case 'lt': case 'le': case 'gt': case 'ge':
    case 'add': case 'sub': case 'union': case 'minus': case 'inter': return { ...e, a: f(e.a), b: f(e.b) };
    case 'ite': return { ...e, c: f(e.c), a: f(e.a), b: f(e.b) };
    case 'field': return { ...e, rec: f(e.rec) };
    case 'record': return { ...e, fields: e.fields.map(([k, v]) => [k, f(v)] as const) };
    case 'app': return { ...e, fn: f(e.fn), key: f(e.key) };
    case 'except': return { ...e, fn: f(e.fn), key: f(e.key), value: f(e.value) };
    case 'funOf': case 'forall': case 'exists': return { ...e, body: f(e.body) };
    case 'filter': return { ...e, pred: f(e.pred) };
    case 'len': case 'head': case 'tail': return { ...e, seq: f(e.seq) };
    case 'append': return { ...e, seq: f(e.seq), elem: f(e.elem) };
    case 'at': return { ...e, seq: f(e.seq), index: f(e.index) };
    case 'setOf': return { ...e, elems: e.elems.map(f) };
    case 'in': return { ...e, elem: f(e.elem), set: f(e.set) };
    case 'card': return { ...e, set: f(e.set) };
    case 'call': return { ...e, args: e.args.map(f) };
  }
}

/** The direct sub-expressions of `e` (a definition's body is not one). */
export function childrenOf(e: Expr): Expr[] {
  const out: Expr[] = [];
  mapChildren(e, (c) => {
    out.push(c);
    return c;
  });
  return out;
}

const freeCache = new WeakMap<Expr, ReadonlySet<string>>();

/** The bound names (parameters, lets, quantified names) free in `e`. */
export function freeBound(e: Expr): ReadonlySet<string> {
  const hit = freeCache.get(e);
  if (hit) return hit;
  let out: Set<string>;
  if (e.op === 'bound') out = new Set([e.name]);
  else if (isBinder(e)) {
    out = new Set(freeBound(binderBody(e)));
    out.delete(e.bind);
  } else {
    out = new Set();
    for (const c of childrenOf(e)) for (const n of freeBound(c)) out.add(n);
  }
  freeCache.set(e, out);
  return out;
}

const defVarsCache = new WeakMap<Definition, ReadonlySet<string>>();

/** The state variables a definition reads, directly or through the definitions it calls. */
export function definitionReads(def: Definition): ReadonlySet<string> {
  const hit = defVarsCache.get(def);
  if (hit) return hit;
  const out = new Set<string>();
  defVarsCache.set(def, out); // a recursive definition cannot occur, but must not loop
  for (const v of varsRead(def.body)) out.add(v);
  return out;
}

/** The state variables an expression reads, through the definitions it calls too. */
export function varsRead(e: Expr): ReadonlySet<string> {
  const out = new Set<string>();
  const visit = (x: Expr): void => {
    if (x.op === 'var') out.add(x.name);
    if (x.op === 'call') for (const v of definitionReads(x.def)) out.add(v);
    for (const c of childrenOf(x)) visit(c);
  };
  visit(e);
  return out;
}

/** `base`, or `base` with a number appended, whichever first avoids every name in `avoid`. */
export function freshName(base: string, avoid: (name: string) => boolean): string {
  if (!avoid(base)) return base;
  for (let i = 2; ; i++) if (!avoid(`${base}${i}`)) return `${base}${i}`;
}

/** A bound-name reference of a given domain. */
export function boundRef(name: string, t: Type): Expr {
  return { op: 'bound', t, name };
}

/**
 * Replaces state variables (`vars`) and free bound names (`bounds`) in `e`
 * at once, without capturing: a binder whose name occurs free in a
 * replacement is renamed first. A call of a definition that reads a
 * replaced variable is inlined (its body, with the arguments for its
 * parameters), because the operator itself would read the old value.
 * Replacements are inserted as they are, not substituted again.
 */
export function substitute(e: Expr, vars: ReadonlyMap<string, Expr>, bounds: ReadonlyMap<string, Expr>): Expr {
  if (vars.size === 0 && bounds.size === 0) return e;
  switch (e.op) {
    case 'var': return vars.get(e.name) ?? e;
    case 'bound': return bounds.get(e.name) ?? e;
    case 'call': {
      const args = e.args.map((a) => substitute(a, vars, bounds));
      const reads = definitionReads(e.def);
      if ([...vars.keys()].some((v) => reads.has(v))) {
        const params = new Map(e.def.params.map(([p], i) => [p, args[i]] as const));
        return substitute(e.def.body, vars, params);
      }
      return { ...e, args };
    }
    case 'funOf': case 'filter': case 'forall': case 'exists': {
      const inner = new Map(bounds);
      inner.delete(e.bind);
      const body = binderBody(e);
      if (vars.size === 0 && inner.size === 0) return e;
      const danger = new Set<string>();
      for (const r of [...vars.values(), ...inner.values()]) for (const n of freeBound(r)) danger.add(n);
      if (!danger.has(e.bind)) return withBinder(e, e.bind, substitute(body, vars, inner));
      // Rename the binder so that a replacement's free name is not captured.
      const bodyFree = freeBound(body);
      const renamed = freshName(e.bind, (n) => danger.has(n) || bodyFree.has(n) || inner.has(n));
      const body2 = substitute(body, new Map(), new Map([[e.bind, boundRef(renamed, e.dom as Type)]]));
      return withBinder(e, renamed, substitute(body2, vars, inner));
    }
    default:
      return mapChildren(e, (c) => substitute(c, vars, bounds));
  }
}
