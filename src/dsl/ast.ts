/**
 * The abstract syntax of the expression language. Every node carries its
 * domain type `t`, computed and checked by the builders, so evaluation,
 * compilation and TLA+ printing never have to infer anything.
 *
 * Two layers share this syntax:
 * - machine level: guards and actions of one XState machine refer to their
 *   own context (`ctx`), the event being handled (`ev`) and the instance's
 *   own id (`self`);
 * - system level: after composition every reference is to a flat state
 *   variable (`var`), an action parameter or quantified name (`bound`) or a
 *   model constant (`const`). Only this layer is printed as TLA+.
 */
import type { EnumType, IntType, Type } from './types.js';
import type { Value } from './values.js';

/** A named, parameterised definition: printed once as a TLA+ operator, called by name. */
export interface Definition {
  readonly name: string;
  readonly params: readonly (readonly [string, Type])[];
  readonly body: Expr;
  /** One line of documentation, printed as a comment above the operator. */
  readonly doc?: string;
}

/** Comparison operators. */
export type CmpOp = 'eq' | 'neq' | 'lt' | 'le' | 'gt' | 'ge';
/** Arithmetic operators. */
export type ArithOp = 'add' | 'sub';
/** Binary set operators. */
export type SetOp = 'union' | 'minus' | 'inter';
/** Quantifiers. */
export type QuantOp = 'forall' | 'exists';
/** A domain a quantifier or a function constructor ranges over. */
export type FiniteDomain = EnumType | IntType | Type;

/** An expression of the language. */
export type Expr =
  | { readonly op: 'lit'; readonly t: Type; readonly value: Value }
  | { readonly op: 'var'; readonly t: Type; readonly name: string }
  | { readonly op: 'ctx'; readonly t: Type; readonly field: string }
  | { readonly op: 'ev'; readonly t: Type; readonly field: string }
  | { readonly op: 'self'; readonly t: Type }
  | { readonly op: 'bound'; readonly t: Type; readonly name: string }
  | { readonly op: 'const'; readonly t: Type; readonly name: string }
  | { readonly op: 'not'; readonly t: Type; readonly arg: Expr }
  | { readonly op: 'and' | 'or'; readonly t: Type; readonly args: readonly Expr[] }
  | { readonly op: 'implies'; readonly t: Type; readonly a: Expr; readonly b: Expr }
  | { readonly op: CmpOp; readonly t: Type; readonly a: Expr; readonly b: Expr }
  | { readonly op: ArithOp; readonly t: Type; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'ite'; readonly t: Type; readonly c: Expr; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'field'; readonly t: Type; readonly rec: Expr; readonly name: string }
  | { readonly op: 'record'; readonly t: Type; readonly fields: readonly (readonly [string, Expr])[] }
  | { readonly op: 'app'; readonly t: Type; readonly fn: Expr; readonly key: Expr }
  | { readonly op: 'except'; readonly t: Type; readonly fn: Expr; readonly key: Expr; readonly value: Expr }
  | { readonly op: 'funOf'; readonly t: Type; readonly bind: string; readonly dom: FiniteDomain; readonly body: Expr }
  | { readonly op: 'len'; readonly t: Type; readonly seq: Expr }
  | { readonly op: 'head'; readonly t: Type; readonly seq: Expr }
  | { readonly op: 'tail'; readonly t: Type; readonly seq: Expr }
  | { readonly op: 'append'; readonly t: Type; readonly seq: Expr; readonly elem: Expr }
  | { readonly op: 'at'; readonly t: Type; readonly seq: Expr; readonly index: Expr }
  | { readonly op: 'setOf'; readonly t: Type; readonly elems: readonly Expr[] }
  | { readonly op: 'in'; readonly t: Type; readonly elem: Expr; readonly set: Expr }
  | { readonly op: SetOp; readonly t: Type; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'card'; readonly t: Type; readonly set: Expr }
  | { readonly op: 'filter'; readonly t: Type; readonly bind: string; readonly dom: FiniteDomain; readonly pred: Expr }
  | { readonly op: QuantOp; readonly t: Type; readonly bind: string; readonly dom: FiniteDomain; readonly body: Expr }
  | { readonly op: 'call'; readonly t: Type; readonly def: Definition; readonly args: readonly Expr[] };

/** The operator tags of expressions. */
export type ExprOp = Expr['op'];

/** An assignable place: a flat state variable (system level) or an own context field (machine level). */
export type Target =
  | { readonly kind: 'var'; readonly name: string; readonly t: Type }
  | { readonly kind: 'ctx'; readonly field: string; readonly t: Type };

/**
 * A statement of an update. Statements in a list run in order: a later
 * statement sees the values assigned by earlier ones (as XState's `assign`
 * actions do); the TLA+ printer composes them into simultaneous primed
 * assignments.
 */
export type Stmt =
  | { readonly kind: 'assign'; readonly target: Target; readonly value: Expr }
  | { readonly kind: 'when'; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] }
  | { readonly kind: 'send'; readonly channel: string; readonly to: Expr; readonly msg: Expr };

/** Calls `visit` on `e` and every sub-expression, parents first. */
export function walkExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  for (const c of children(e)) walkExpr(c, visit);
}

/** Calls `visit` on every expression inside a statement list. */
export function walkStmts(stmts: readonly Stmt[], visit: (e: Expr) => void): void {
  for (const s of stmts) {
    switch (s.kind) {
      case 'assign': walkExpr(s.value, visit); break;
      case 'when': walkExpr(s.cond, visit); walkStmts(s.then, visit); walkStmts(s.else, visit); break;
      case 'send': walkExpr(s.to, visit); walkExpr(s.msg, visit); break;
    }
  }
}

/** The direct sub-expressions of a node (a definition's body is not included). */
export function children(e: Expr): readonly Expr[] {
  switch (e.op) {
    case 'lit': case 'var': case 'ctx': case 'ev': case 'self': case 'bound': case 'const': return [];
    case 'not': return [e.arg];
    case 'and': case 'or': return e.args;
    case 'implies': case 'eq': case 'neq': case 'lt': case 'le': case 'gt': case 'ge':
    case 'add': case 'sub': case 'union': case 'minus': case 'inter': return [e.a, e.b];
    case 'ite': return [e.c, e.a, e.b];
    case 'field': return [e.rec];
    case 'record': return e.fields.map(([, v]) => v);
    case 'app': return [e.fn, e.key];
    case 'except': return [e.fn, e.key, e.value];
    case 'funOf': return [e.body];
    case 'len': case 'head': case 'tail': return [e.seq];
    case 'append': return [e.seq, e.elem];
    case 'at': return [e.seq, e.index];
    case 'setOf': return e.elems;
    case 'in': return [e.elem, e.set];
    case 'card': return [e.set];
    case 'filter': return [e.pred];
    case 'forall': case 'exists': return [e.body];
    case 'call': return e.args;
  }
}

/**
 * Rebuilds an expression bottom-up, letting `f` replace any node after its
 * children were rebuilt. Used to lower machine-level references to system
 * variables and to substitute sequential assignments.
 */
export function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  const m = (x: Expr) => mapExpr(x, f);
  let r: Expr;
  switch (e.op) {
    case 'lit': case 'var': case 'ctx': case 'ev': case 'self': case 'bound': case 'const': r = e; break;
    case 'not': r = { ...e, arg: m(e.arg) }; break;
    case 'and': case 'or': r = { ...e, args: e.args.map(m) }; break;
    case 'implies': case 'eq': case 'neq': case 'lt': case 'le': case 'gt': case 'ge':
    case 'add': case 'sub': case 'union': case 'minus': case 'inter': r = { ...e, a: m(e.a), b: m(e.b) }; break;
    case 'ite': r = { ...e, c: m(e.c), a: m(e.a), b: m(e.b) }; break;
    case 'field': r = { ...e, rec: m(e.rec) }; break;
    case 'record': r = { ...e, fields: e.fields.map(([k, v]) => [k, m(v)] as const) }; break;
    case 'app': r = { ...e, fn: m(e.fn), key: m(e.key) }; break;
    case 'except': r = { ...e, fn: m(e.fn), key: m(e.key), value: m(e.value) }; break;
    case 'funOf': r = { ...e, body: m(e.body) }; break;
    case 'len': case 'head': case 'tail': r = { ...e, seq: m(e.seq) }; break;
    case 'append': r = { ...e, seq: m(e.seq), elem: m(e.elem) }; break;
    case 'at': r = { ...e, seq: m(e.seq), index: m(e.index) }; break;
    case 'setOf': r = { ...e, elems: e.elems.map(m) }; break;
    case 'in': r = { ...e, elem: m(e.elem), set: m(e.set) }; break;
    case 'card': r = { ...e, set: m(e.set) }; break;
    case 'filter': r = { ...e, pred: m(e.pred) }; break;
    case 'forall': case 'exists': r = { ...e, body: m(e.body) }; break;
    case 'call': r = { ...e, args: e.args.map(m) }; break;
  }
  return f(r);
}
