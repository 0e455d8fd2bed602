/**
 * Meaning-preserving simplification of the expressions that composing a
 * sequential body produces, so that the primed updates read as a person
 * would write them: `[[f EXCEPT ![n] = a] EXCEPT ![n] = b]` becomes
 * `[f EXCEPT ![n] = b]`, `[f EXCEPT ![n] = v][n]` becomes `v`,
 * `IF TRUE THEN a ELSE b` becomes `a`, and so on.
 *
 * Every rule holds in TLA+ and in the DSL's evaluator for well-typed
 * models (keys always lie in their function's domain); none changes which
 * states satisfy a guard or what a step produces.
 */
import { type Expr, FALSE, TRUE, lit, valueEquals } from '../dsl/index.js';
import { mapChildren, sameExpr, substitute } from './expr-tools.js';

function isLit(e: Expr, v: boolean): boolean {
  return e.op === 'lit' && e.value === v;
}

/** Whether two keys are distinct literals (so that updating one leaves the other). */
function distinctLiterals(a: Expr, b: Expr): boolean {
  return a.op === 'lit' && b.op === 'lit' && !valueEquals(a.value, b.value);
}

/** `f[k]` with `f` an EXCEPT chain or a function constructor resolved where possible. */
function simplifyApp(fn: Expr, key: Expr, original: Expr): Expr {
  if (fn.op === 'except') {
    if (sameExpr(fn.key, key)) return fn.value;
    if (distinctLiterals(fn.key, key)) return simplifyApp(fn.fn, key, { ...original, fn: fn.fn } as Expr);
  }
  if (fn.op === 'funOf') {
    // Beta reduction: [x \in D |-> body][k] = body with x := k.
    return simplifyNode(substitute(fn.body, new Map(), new Map([[fn.bind, key]])));
  }
  if (fn.op === 'lit' && key.op === 'lit' && typeof fn.value === 'object' && !Array.isArray(fn.value)) {
    const v = (fn.value as Record<string, unknown>)[String(key.value)];
    if (v !== undefined && fn.t.kind === 'fun') return lit(v as never, fn.t.value);
  }
  return original;
}

/** Simplifies one node whose children are already simplified. */
export function simplifyNode(e: Expr): Expr {
  switch (e.op) {
    case 'and': case 'or': {
      const unit = e.op === 'and';
      const flat: Expr[] = [];
      for (const a of e.args) {
        if (a.op === e.op) flat.push(...a.args);
        else flat.push(a);
      }
      const kept: Expr[] = [];
      for (const a of flat) {
        if (isLit(a, unit)) continue; // TRUE in a conjunction, FALSE in a disjunction
        if (isLit(a, !unit)) return unit ? FALSE : TRUE;
        if (!kept.some((k) => sameExpr(k, a))) kept.push(a);
      }
      if (kept.length === 0) return unit ? TRUE : FALSE;
      if (kept.length === 1) return kept[0];
      return { ...e, args: kept };
    }
    case 'not':
      if (isLit(e.arg, true)) return FALSE;
      if (isLit(e.arg, false)) return TRUE;
      if (e.arg.op === 'not') return e.arg.arg;
      return e;
    case 'ite':
      if (isLit(e.c, true)) return e.a;
      if (isLit(e.c, false)) return e.b;
      if (sameExpr(e.a, e.b)) return e.a;
      if (e.t.kind === 'bool' && isLit(e.a, true) && isLit(e.b, false)) return e.c;
      return e;
    case 'app':
      return simplifyApp(e.fn, e.key, e);
    case 'except': {
      // [[f EXCEPT ![k] = a] EXCEPT ![k] = b] = [f EXCEPT ![k] = b]
      if (e.fn.op === 'except' && sameExpr(e.fn.key, e.key)) return simplifyNode({ ...e, fn: e.fn.fn });
      // [f EXCEPT ![k] = f[k]] = f
      if (e.value.op === 'app' && sameExpr(e.value.fn, e.fn) && sameExpr(e.value.key, e.key)) return e.fn;
      return e;
    }
    case 'field':
      if (e.rec.op === 'record') {
        const f = e.rec.fields.find(([k]) => k === e.name);
        if (f) return f[1];
      }
      return e;
    case 'eq':
      if (e.a.op === 'lit' && e.b.op === 'lit') return valueEquals(e.a.value, e.b.value) ? TRUE : FALSE;
      return e;
    case 'neq':
      if (e.a.op === 'lit' && e.b.op === 'lit') return valueEquals(e.a.value, e.b.value) ? FALSE : TRUE;
      return e;
    default:
      return e;
  }
}

/** Simplifies an expression bottom-up. */
export function simplify(e: Expr): Expr {
  switch (e.op) {
    case 'lit': case 'var': case 'bound': case 'const': case 'ctx': case 'ev': case 'self': return e;
    default: return simplifyNode(mapChildren(e, simplify));
  }
}

/**
 * Merges the values a variable has after the two branches of a `when`:
 * `IF c THEN a ELSE b`, pushed inside an EXCEPT when both branches update the
 * same key of the same function (or one leaves it), so that
 * `IF c THEN [f EXCEPT ![k] = v] ELSE f` reads `[f EXCEPT ![k] = IF c THEN v ELSE f[k]]`.
 */
export function mergeBranches(c: Expr, a: Expr, b: Expr): Expr {
  if (sameExpr(a, b)) return a;
  if (a.op === 'except' && b.op === 'except' && sameExpr(a.fn, b.fn) && sameExpr(a.key, b.key)) {
    return { ...a, value: mergeBranches(c, a.value, b.value) };
  }
  if (a.op === 'except' && sameExpr(a.fn, b)) {
    return { ...a, value: simplifyNode({ op: 'ite', t: a.value.t, c, a: a.value, b: appOf(b, a.key) }) };
  }
  if (b.op === 'except' && sameExpr(b.fn, a)) {
    return { ...b, value: simplifyNode({ op: 'ite', t: b.value.t, c, a: appOf(a, b.key), b: b.value }) };
  }
  return simplifyNode({ op: 'ite', t: a.t, c, a, b });
}

function appOf(fn: Expr, key: Expr): Expr {
  const t = fn.t.kind === 'fun' ? fn.t.value : fn.t;
  return { op: 'app', t, fn, key };
}
