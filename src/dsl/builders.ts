/**
 * Typed builders for the expression language. Each builder checks the types
 * of its operands when the model is built, so that a mistake in a guard is
 * reported at the line that wrote it rather than deep inside exploration.
 */
import type { ArithOp, CmpOp, Definition, Expr, FiniteDomain, QuantOp, SetOp, Stmt, Target } from './ast.js';
import {
  type EnumType, type IntType, type RecordType, type Type,
  boolT, fieldType, intT, recordT, setT, showType, typeEquals,
} from './types.js';
import { type Value, isMember, makeSet } from './values.js';

/** Raised when an expression is built from operands of the wrong type. */
export class DslTypeError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'DslTypeError';
  }
}

function expect(e: Expr, kind: Type['kind'], what: string): void {
  if (e.t.kind !== kind) throw new DslTypeError(`${what}: expected ${kind}, got ${showType(e.t)}`);
}

/** Whether values of the two types can be compared for equality. */
export function compatible(a: Type, b: Type): boolean {
  if (a.kind === 'int' && b.kind === 'int') return true;
  // Enumeration literals are strings in TLA+; any two can be compared (e.g. a
  // node id with a node-or-none value). Assignments are still range-checked.
  if (a.kind === 'enum' && b.kind === 'enum') return true;
  if (a.kind === 'seq' && b.kind === 'seq') return compatible(a.elem, b.elem);
  if (a.kind === 'set' && b.kind === 'set') return compatible(a.elem, b.elem);
  return typeEquals(a, b);
}

// ---------------------------------------------------------------- literals

/** A literal of a given domain; refused when the value is not in it. */
export function lit(value: Value, t: Type): Expr {
  if (!isMember(t, value)) throw new DslTypeError(`literal ${JSON.stringify(value)} is not in ${showType(t)}`);
  return { op: 'lit', t, value };
}
/** TRUE. */
export const TRUE: Expr = { op: 'lit', t: boolT, value: true };
/** FALSE. */
export const FALSE: Expr = { op: 'lit', t: boolT, value: false };
/** An integer literal. */
export function num(n: number): Expr {
  return lit(n, intT(n, n));
}
/** An enumeration literal, e.g. `str('active', Srg1States)`. */
export function str<const V extends string>(value: V, t: EnumType): Expr {
  return lit(value, t);
}

// -------------------------------------------------------------- references

/** A flat state variable (system level). */
export function variable(name: string, t: Type): Expr {
  return { op: 'var', t, name };
}
/**
 * The value of a state variable in the next state (`v'`), for action
 * properties (`[][A]_vars`), which relate a state to its successor. A primed
 * variable is a variable reference named `v'`: the TLA+ printer writes it
 * as it is, the compiler reads it from the successor's slots.
 */
export function primed(v: Expr): Expr {
  if (v.op !== 'var' || v.name.endsWith("'")) throw new TypeError('primed: an unprimed state variable is expected');
  return { op: 'var', t: v.t, name: `${v.name}'` };
}

/** Whether a variable reference is primed (`v'`), and the variable's own name. */
export function unprimed(name: string): { readonly name: string; readonly primed: boolean } {
  return name.endsWith("'") ? { name: name.slice(0, -1), primed: true } : { name, primed: false };
}
/** A field of the machine's own context (machine level). */
export function ctx(field: string, t: Type): Expr {
  return { op: 'ctx', t, field };
}
/** A field of the event being handled (machine level). */
export function ev(field: string, t: Type): Expr {
  return { op: 'ev', t, field };
}
/** The id of the machine instance evaluating the expression (machine level). */
export function self(t: EnumType): Expr {
  return { op: 'self', t };
}
/** A bound name: an action parameter or a quantified variable. */
export function bound(name: string, t: Type): Expr {
  return { op: 'bound', t, name };
}
/** A model constant (a scenario parameter), printed as a TLA+ CONSTANT. */
export function constant(name: string, t: Type): Expr {
  return { op: 'const', t, name };
}

/** Typed accessors for the fields of a machine's context: `c.probing` is `ctx('probing', boolT)`. */
export function contextOf<const S extends Record<string, Type>>(schema: S): { readonly [K in keyof S]: Expr } {
  return Object.fromEntries(Object.entries(schema).map(([k, t]) => [k, ctx(k, t)])) as { [K in keyof S]: Expr };
}
/** Typed accessors for the payload fields of an event. */
export function eventOf<const S extends Record<string, Type>>(schema: S): { readonly [K in keyof S]: Expr } {
  return Object.fromEntries(Object.entries(schema).map(([k, t]) => [k, ev(k, t)])) as { [K in keyof S]: Expr };
}

// ----------------------------------------------------------------- logic

/** Negation. */
export function not(arg: Expr): Expr {
  expect(arg, 'bool', 'not');
  return { op: 'not', t: boolT, arg };
}
/** Conjunction; `and()` is TRUE. */
export function and(...args: Expr[]): Expr {
  args.forEach((a, i) => expect(a, 'bool', `and operand ${i + 1}`));
  if (args.length === 0) return TRUE;
  if (args.length === 1) return args[0];
  return { op: 'and', t: boolT, args };
}
/** Disjunction; `or()` is FALSE. */
export function or(...args: Expr[]): Expr {
  args.forEach((a, i) => expect(a, 'bool', `or operand ${i + 1}`));
  if (args.length === 0) return FALSE;
  if (args.length === 1) return args[0];
  return { op: 'or', t: boolT, args };
}
/** Implication. */
export function implies(a: Expr, b: Expr): Expr {
  expect(a, 'bool', 'implies (left)');
  expect(b, 'bool', 'implies (right)');
  return { op: 'implies', t: boolT, a, b };
}

function cmp(op: CmpOp, a: Expr, b: Expr): Expr {
  if (op === 'eq' || op === 'neq') {
    if (!compatible(a.t, b.t)) throw new DslTypeError(`${op}: cannot compare ${showType(a.t)} with ${showType(b.t)}`);
  } else {
    expect(a, 'int', op);
    expect(b, 'int', op);
  }
  return { op, t: boolT, a, b };
}
/** Equality (`=`). */
export const eq = (a: Expr, b: Expr): Expr => cmp('eq', a, b);
/** Inequality (`/=`). */
export const neq = (a: Expr, b: Expr): Expr => cmp('neq', a, b);
/** `<` on integers. */
export const lt = (a: Expr, b: Expr): Expr => cmp('lt', a, b);
/** `<=` on integers. */
export const le = (a: Expr, b: Expr): Expr => cmp('le', a, b);
/** `>` on integers. */
export const gt = (a: Expr, b: Expr): Expr => cmp('gt', a, b);
/** `>=` on integers. */
export const ge = (a: Expr, b: Expr): Expr => cmp('ge', a, b);

function arith(op: ArithOp, a: Expr, b: Expr): Expr {
  expect(a, 'int', op);
  expect(b, 'int', op);
  const [x, y] = [a.t as IntType, b.t as IntType];
  const t = op === 'add' ? intT(x.lo + y.lo, x.hi + y.hi) : intT(x.lo - y.hi, x.hi - y.lo);
  return { op, t, a, b };
}
/** Integer addition; the result's range is the sum of the operands' ranges. */
export const add = (a: Expr, b: Expr): Expr => arith('add', a, b);
/** Integer subtraction. */
export const sub = (a: Expr, b: Expr): Expr => arith('sub', a, b);

/** IF c THEN a ELSE b. */
export function ite(c: Expr, a: Expr, b: Expr): Expr {
  expect(c, 'bool', 'ite condition');
  if (!compatible(a.t, b.t)) throw new DslTypeError(`ite: branches differ: ${showType(a.t)} vs ${showType(b.t)}`);
  const t = a.t.kind === 'int' && b.t.kind === 'int'
    ? intT(Math.min(a.t.lo, b.t.lo), Math.max(a.t.hi, b.t.hi))
    : a.t;
  return { op: 'ite', t, c, a, b };
}

/** A chain of IF/ELSE IF: the first case whose condition holds gives the value. */
export function cases(branches: readonly (readonly [Expr, Expr])[], otherwise: Expr): Expr {
  return branches.reduceRight<Expr>((acc, [c, v]) => ite(c, v, acc), otherwise);
}

// ----------------------------------------------------------- records, functions

/** The field `name` of a record. */
export function field(rec: Expr, name: string): Expr {
  expect(rec, 'record', `field .${name}`);
  const t = fieldType(rec.t as RecordType, name);
  if (!t) throw new DslTypeError(`record ${showType(rec.t)} has no field ${name}`);
  return { op: 'field', t, rec, name };
}
/** A record built from field expressions, `[a |-> x, b |-> y]`. */
export function record(fields: Record<string, Expr>, t?: RecordType): Expr {
  const entries = Object.entries(fields);
  const rt = t ?? recordT(Object.fromEntries(entries.map(([k, v]) => [k, v.t])));
  if (t) {
    if (entries.length !== t.fields.length) throw new DslTypeError(`record: expected fields ${t.fields.map(([k]) => k).join(', ')}`);
    for (const [k, ft] of t.fields) {
      const v = fields[k];
      if (!v) throw new DslTypeError(`record: missing field ${k}`);
      if (!compatible(ft, v.t)) throw new DslTypeError(`record field ${k}: expected ${showType(ft)}, got ${showType(v.t)}`);
    }
  }
  const ordered = t ? t.fields.map(([k]) => [k, fields[k]] as const) : entries.map(([k, v]) => [k, v] as const);
  return { op: 'record', t: rt, fields: ordered };
}
/** Function application `f[k]`. */
export function app(fn: Expr, key: Expr): Expr {
  expect(fn, 'fun', 'app');
  if (fn.t.kind !== 'fun') throw new Error('unreachable');
  if (!compatible(fn.t.key, key.t)) throw new DslTypeError(`app: key ${showType(key.t)} is not in ${showType(fn.t.key)}`);
  return { op: 'app', t: fn.t.value, fn, key };
}
/** `[f EXCEPT ![k] = v]`. */
export function except(fn: Expr, key: Expr, value: Expr): Expr {
  expect(fn, 'fun', 'except');
  if (fn.t.kind !== 'fun') throw new Error('unreachable');
  if (!compatible(fn.t.key, key.t)) throw new DslTypeError(`except: key ${showType(key.t)} is not in ${showType(fn.t.key)}`);
  if (!compatible(fn.t.value, value.t)) throw new DslTypeError(`except: value ${showType(value.t)} is not in ${showType(fn.t.value)}`);
  return { op: 'except', t: fn.t, fn, key, value };
}

let fresh = 0;
function bindName(hint: string): string {
  return hint || `x${++fresh}`;
}

/** `[k \in D |-> body(k)]`; `name` is the bound variable's name in TLA+. */
export function funOf(name: string, dom: EnumType | IntType, body: (k: Expr) => Expr, valueT?: Type): Expr {
  const b = bindName(name);
  const e = body(bound(b, dom));
  return { op: 'funOf', t: { kind: 'fun', key: dom, value: valueT ?? e.t }, bind: b, dom, body: e };
}

// ------------------------------------------------------------ sequences

/** Len(s). */
export function len(seq: Expr): Expr {
  expect(seq, 'seq', 'len');
  return { op: 'len', t: intT(0, (seq.t as { max: number }).max), seq };
}
/** Head(s); evaluating it on an empty sequence is a model error. */
export function head(seq: Expr): Expr {
  expect(seq, 'seq', 'head');
  if (seq.t.kind !== 'seq') throw new Error('unreachable');
  return { op: 'head', t: seq.t.elem, seq };
}
/** Tail(s). */
export function tail(seq: Expr): Expr {
  expect(seq, 'seq', 'tail');
  return { op: 'tail', t: seq.t, seq };
}
/** Append(s, e); appending past the sequence bound is a model error. */
export function append(seq: Expr, elem: Expr): Expr {
  expect(seq, 'seq', 'append');
  if (seq.t.kind !== 'seq') throw new Error('unreachable');
  if (!compatible(seq.t.elem, elem.t)) throw new DslTypeError(`append: ${showType(elem.t)} is not in ${showType(seq.t.elem)}`);
  return { op: 'append', t: seq.t, seq, elem };
}
/** The element at 1-based position `index` of a sequence, `s[i]`; outside 1..Len(s) it is a model error. */
export function at(seq: Expr, index: Expr): Expr {
  expect(seq, 'seq', 'at');
  expect(index, 'int', 'at index');
  if (seq.t.kind !== 'seq') throw new Error('unreachable');
  return { op: 'at', t: seq.t.elem, seq, index };
}
/** Some element of a sequence satisfies `pred`: `\E i \in 1..max : i <= Len(s) /\ pred(s[i])` (max by name when the type names it). */
export function seqExists(name: string, seq: Expr, pred: (elem: Expr) => Expr): Expr {
  expect(seq, 'seq', 'seqExists');
  if (seq.t.kind !== 'seq') throw new Error('unreachable');
  return exists(name, intT(1, Math.max(1, seq.t.max), seq.t.maxName), (i) => and(le(i, len(seq)), pred(at(seq, i))));
}
/** The empty sequence of a sequence type. */
export function emptySeq(t: Type): Expr {
  return lit([], t);
}

// ----------------------------------------------------------------- sets

/** A set literal `{a, b}` over element type `elem`. */
export function setOf(elem: Type, ...elems: Expr[]): Expr {
  elems.forEach((x, i) => {
    if (!compatible(elem, x.t)) throw new DslTypeError(`setOf element ${i + 1}: ${showType(x.t)} is not in ${showType(elem)}`);
  });
  if (elems.every((x) => x.op === 'lit')) {
    return lit(makeSet(elem, elems.map((x) => (x as { value: Value }).value)), setT(elem));
  }
  return { op: 'setOf', t: setT(elem), elems };
}
/** Membership `e \in S`. */
export function isIn(elem: Expr, set: Expr): Expr {
  expect(set, 'set', 'isIn');
  if (set.t.kind !== 'set') throw new Error('unreachable');
  if (!compatible(set.t.elem, elem.t)) throw new DslTypeError(`isIn: ${showType(elem.t)} is not in ${showType(set.t.elem)}`);
  return { op: 'in', t: boolT, elem, set };
}
function setop(op: SetOp, a: Expr, b: Expr): Expr {
  expect(a, 'set', op);
  expect(b, 'set', op);
  if (!compatible(a.t, b.t)) throw new DslTypeError(`${op}: ${showType(a.t)} vs ${showType(b.t)}`);
  return { op, t: a.t, a, b };
}
/** Set union. */
export const union = (a: Expr, b: Expr): Expr => setop('union', a, b);
/** Set difference. */
export const minus = (a: Expr, b: Expr): Expr => setop('minus', a, b);
/** Set intersection. */
export const inter = (a: Expr, b: Expr): Expr => setop('inter', a, b);
/** Cardinality(S). */
export function card(set: Expr): Expr {
  expect(set, 'set', 'card');
  return { op: 'card', t: intT(0, 1 << 20), set };
}
/** `{x \in D : pred(x)}`. */
export function filter(name: string, dom: EnumType | IntType, pred: (x: Expr) => Expr): Expr {
  const b = bindName(name);
  const p = pred(bound(b, dom));
  expect(p, 'bool', 'filter predicate');
  return { op: 'filter', t: setT(dom), bind: b, dom, pred: p };
}

// ----------------------------------------------------------- quantifiers

function quant(op: QuantOp, name: string, dom: FiniteDomain, body: (x: Expr) => Expr): Expr {
  const b = bindName(name);
  const e = body(bound(b, dom));
  expect(e, 'bool', `${op} body`);
  return { op, t: boolT, bind: b, dom, body: e };
}
/** `\A x \in D : body(x)`. */
export const forall = (name: string, dom: FiniteDomain, body: (x: Expr) => Expr): Expr => quant('forall', name, dom, body);
/** `\E x \in D : body(x)`. */
export const exists = (name: string, dom: FiniteDomain, body: (x: Expr) => Expr): Expr => quant('exists', name, dom, body);

// ----------------------------------------------------------- definitions

/**
 * A named operator with parameters, printed once in TLA+ as
 * `Name(p1, p2) == body` and referred to by name. Use it for the
 * vocabulary a reader of the spec should see (e.g. `RouterPrefers(n)`).
 */
export function define(name: string, params: Record<string, Type>, body: (...args: Expr[]) => Expr, doc?: string): (...args: Expr[]) => Expr {
  const ps = Object.entries(params);
  const def: Definition = { name, params: ps, body: body(...ps.map(([p, t]) => bound(p, t))), ...(doc ? { doc } : {}) };
  return (...args: Expr[]) => {
    if (args.length !== ps.length) throw new DslTypeError(`${name}: expected ${ps.length} arguments, got ${args.length}`);
    args.forEach((a, i) => {
      if (!compatible(ps[i][1], a.t)) throw new DslTypeError(`${name} argument ${ps[i][0]}: ${showType(a.t)} is not in ${showType(ps[i][1])}`);
    });
    return { op: 'call', t: def.body.t, def, args };
  };
}

// ------------------------------------------------------------ statements

function toTarget(place: Expr): Target {
  if (place.op === 'ctx') return { kind: 'ctx', field: place.field, t: place.t };
  if (place.op === 'var') return { kind: 'var', name: place.name, t: place.t };
  throw new DslTypeError(`assign: ${place.op} is not assignable (use a context field or a variable)`);
}

/**
 * `place := value`. `place` is a context field, a variable, or an
 * application `f[k]` of one (desugared to `f := [f EXCEPT ![k] = value]`).
 */
export function assign(place: Expr, value: Expr): Stmt {
  if (place.op === 'app') return assign(place.fn, except(place.fn, place.key, value));
  const target = toTarget(place);
  if (!compatible(target.t, value.t)) throw new DslTypeError(`assign to ${place.op === 'ctx' ? place.field : (place as { name: string }).name}: ${showType(value.t)} is not in ${showType(target.t)}`);
  return { kind: 'assign', target, value };
}
/** Runs `then` when `cond` holds, `otherwise` when it does not. */
export function when(cond: Expr, then: readonly Stmt[], otherwise: readonly Stmt[] = []): Stmt {
  expect(cond, 'bool', 'when condition');
  return { kind: 'when', cond, then, else: otherwise };
}
/** Sends `msg` on the named channel to instance `to`; the system decides delivery and loss. */
export function send(channel: string, to: Expr, msg: Expr): Stmt {
  return { kind: 'send', channel, to, msg };
}
