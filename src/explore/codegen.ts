/**
 * Compiles the expression language to JavaScript source over slot arrays,
 * once per action and parameter tuple: parameters, constants and quantified
 * names are substituted at compile time, quantifiers and function
 * constructors are unrolled, and function variables split into slots are read
 * and written slot by slot. The result is straight-line code that V8
 * optimises well; nothing is interpreted per state.
 */
import {
  type EnumType, type Expr, type Stmt, type Type, type Value,
  cardinality, enumerate, keyCount, showType, typeEquals, unprimed,
} from '../dsl/index.js';
import { codeOf, seqBases } from './codes.js';
import type { Layout } from './layout.js';

/** Runtime helpers the generated code calls (tables for sequences, enum conversions...). */
export interface Helpers {
  readonly tables: unknown[];
  /** The constants' codes, read by code compiled with `constants: 'runtime'`. */
  readonly consts: Record<string, number>;
  err(msg: string): never;
  popcount(x: number): number;
}

/** What a bound name stands for: a compile-time code or a JS expression. */
type Binding = { readonly kind: 'code'; readonly code: number } | { readonly kind: 'js'; readonly src: string };

/** Compilation context. */
export interface GenCtx {
  readonly layout: Layout;
  readonly consts: Readonly<Record<string, Value>>;
  /** Name of the slot array expressions read: `s` (before the step) or `t` (during the body). */
  readonly arr: string;
  readonly bound: ReadonlyMap<string, Binding>;
  readonly helpers: Helpers;
  /**
   * Where constants come from: written into the code as numbers (`inline`,
   * the default: V8 folds them) or read from `h.consts` when the code runs
   * (`runtime`): then models that differ only in their constants generate
   * the same source, and a sweep of many such models optimises it once.
   */
  readonly constants?: 'inline' | 'runtime';
}

function table(ctx: GenCtx, value: unknown): string {
  ctx.helpers.tables.push(value);
  return `h.tables[${ctx.helpers.tables.length - 1}]`;
}

function isConst(src: string): boolean {
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(src);
}

/** Rank inside a composite from a code (integers are shifted by their lower bound). */
function toRank(t: Type, code: string): string {
  if (t.kind !== 'int' || t.lo === 0) return code;
  return isConst(code) ? String(Number(code) - t.lo) : `(${code} - ${t.lo})`;
}
function fromRank(t: Type, rank: string): string {
  if (t.kind !== 'int' || t.lo === 0) return rank;
  return isConst(rank) ? String(Number(rank) + t.lo) : `(${rank} + ${t.lo})`;
}

function digit(code: string, stride: number, card: number): string {
  if (isConst(code)) return String(Math.floor(Number(code) / stride) % card);
  if (card === 1) return '0';
  if (stride === 1) return `(${code} % ${card})`;
  return `(Math.floor(${code} / ${stride}) % ${card})`;
}

/** Converts a code of type `from` to the code of the same value in type `to` (enumerations may differ). */
function convert(ctx: GenCtx, from: Type, to: Type, code: string): string {
  if (from.kind === 'enum' && to.kind === 'enum') {
    if (from.values.length === to.values.length && from.values.every((v, i) => v === to.values[i])) return code;
    const map = from.values.map((v) => to.values.indexOf(v));
    if (isConst(code)) return String(map[Number(code)]);
    return `${table(ctx, map)}[${code}]`;
  }
  if (from.kind === 'int' && to.kind === 'int') return code;
  if (from.kind === to.kind && typeEquals(from, to)) return code;
  if (from.kind === to.kind && cardinality(from) === cardinality(to) && sameShape(from, to)) return code;
  throw new Error(`compiler: cannot convert ${showType(from)} to ${showType(to)}`);
}

/** Types whose codes coincide (same structure, enumerations of equal values). */
function sameShape(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'bool': return true;
    case 'int': return a.lo === (b as typeof a).lo && a.hi === (b as typeof a).hi;
    case 'enum': return a.values.length === (b as EnumType).values.length && a.values.every((v, i) => v === (b as EnumType).values[i]);
    case 'record': return a.fields.length === (b as typeof a).fields.length && a.fields.every(([f, t], i) => f === (b as typeof a).fields[i][0] && sameShape(t, (b as typeof a).fields[i][1]));
    case 'fun': return sameShape(a.key, (b as typeof a).key) && sameShape(a.value, (b as typeof a).value);
    case 'seq': return a.max === (b as typeof a).max && sameShape(a.elem, (b as typeof a).elem);
    case 'set': return sameShape(a.elem, (b as typeof a).elem);
  }
}

function keyIndexCode(keyT: Type, code: string): string {
  // Enumeration keys: the code is the index. Integer keys: the value minus lo.
  return keyT.kind === 'int' ? toRank(keyT, code) : code;
}

function bindValues(dom: Type): number[] {
  return enumerate(dom).map((v) => codeOf(dom, v));
}

/** JS expression (a boolean) for a boolean expression. */
export function genBool(ctx: GenCtx, e: Expr): string {
  switch (e.op) {
    case 'not': return `!(${genBool(ctx, e.arg)})`;
    case 'and': return `(${e.args.map((a) => genBool(ctx, a)).join(' && ')})`;
    case 'or': return `(${e.args.map((a) => genBool(ctx, a)).join(' || ')})`;
    case 'implies': return `(!(${genBool(ctx, e.a)}) || ${genBool(ctx, e.b)})`;
    case 'eq': case 'neq': {
      let a = genCode(ctx, e.a);
      const b = genCode(ctx, e.b);
      if (e.a.t.kind === 'enum' && e.b.t.kind === 'enum') a = convert(ctx, e.a.t, e.b.t, a);
      else if (!(e.a.t.kind === 'int' && e.b.t.kind === 'int')) a = convert(ctx, e.a.t, e.b.t, a);
      return `(${a} ${e.op === 'eq' ? '===' : '!=='} ${b})`;
    }
    case 'lt': return `(${genCode(ctx, e.a)} < ${genCode(ctx, e.b)})`;
    case 'gt':
      // Len(s) > 0: the empty sequence is the only one with code 0.
      if (e.a.op === 'len' && e.b.op === 'lit' && e.b.value === 0) return `(${genCode(ctx, e.a.seq)} !== 0)`;
      return `(${genCode(ctx, e.a)} > ${genCode(ctx, e.b)})`;
    case 'le': return `(${genCode(ctx, e.a)} <= ${genCode(ctx, e.b)})`;
    case 'ge': return `(${genCode(ctx, e.a)} >= ${genCode(ctx, e.b)})`;
    case 'in': {
      if (e.set.t.kind !== 'set') throw new Error('unreachable');
      const el = toRank(e.set.t.elem, convert(ctx, e.elem.t, e.set.t.elem, genCode(ctx, e.elem)));
      const s = genCode(ctx, e.set);
      return cardinality(e.set.t.elem) <= 31 ? `((((${s}) >>> ${el}) & 1) === 1)` : `(Math.floor((${s}) / Math.pow(2, ${el})) % 2 === 1)`;
    }
    case 'forall': case 'exists': {
      const parts = bindValues(e.dom).map((c) => genBool({ ...ctx, bound: new Map(ctx.bound).set(e.bind, { kind: 'code', code: c }) }, e.body));
      if (parts.length === 0) return e.op === 'forall' ? 'true' : 'false';
      return `(${parts.join(e.op === 'forall' ? ' && ' : ' || ')})`;
    }
    default: {
      if (e.t.kind !== 'bool') throw new Error(`compiler: ${e.op} is not boolean`);
      const c = genCode(ctx, e);
      return isConst(c) ? (Number(c) !== 0 ? 'true' : 'false') : `(${c} !== 0)`;
    }
  }
}

/**
 * The variable a reference reads and the slot array it reads it from: a
 * primed variable (`v'`, action properties) is read from the successor
 * `t`, which the generated function receives beside `s`.
 */
function slotsOf(ctx: GenCtx, ref: string): { name: string; arr: string } {
  const u = unprimed(ref);
  return u.primed ? { name: u.name, arr: 't' } : { name: u.name, arr: ctx.arr };
}

/** JS expression (a number) for the code of any expression. */
export function genCode(ctx: GenCtx, e: Expr): string {
  switch (e.op) {
    case 'lit': return String(codeOf(e.t, e.value));
    case 'const': {
      if (!(e.name in ctx.consts)) throw new Error(`compiler: constant ${e.name} has no value`);
      if (ctx.constants === 'runtime') return `h.consts.${e.name}`;
      return String(codeOf(e.t, ctx.consts[e.name]));
    }
    case 'bound': {
      const b = ctx.bound.get(e.name);
      if (!b) throw new Error(`compiler: unbound name ${e.name}`);
      return b.kind === 'code' ? String(b.code) : b.src;
    }
    case 'var': {
      const { name, arr } = slotsOf(ctx, e.name);
      const vl = ctx.layout.vars.get(name);
      if (!vl) throw new Error(`compiler: unknown variable ${e.name}`);
      if (!vl.split || e.t.kind !== 'fun') return `${arr}[${vl.base}]`;
      const n = keyCount(e.t.key);
      const vc = cardinality(e.t.value);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(`${toRank(e.t.value, `${arr}[${vl.base + k}]`)} * ${vc ** k}`);
      return parts.length ? `(${parts.join(' + ')})` : '0';
    }
    case 'ctx': case 'ev': case 'self':
      throw new Error(`compiler: machine-level ${e.op} must be lowered before compiling`);
    case 'not': case 'and': case 'or': case 'implies': case 'eq': case 'neq': case 'lt': case 'le': case 'gt': case 'ge':
    case 'in': case 'forall': case 'exists':
      return `(${genBool(ctx, e)} ? 1 : 0)`;
    case 'add': return `(${genCode(ctx, e.a)} + ${genCode(ctx, e.b)})`;
    case 'sub': return `(${genCode(ctx, e.a)} - ${genCode(ctx, e.b)})`;
    case 'ite': {
      const a = genCode(ctx, e.a);
      const b = e.a.t.kind === 'int' ? genCode(ctx, e.b) : convert(ctx, e.b.t, e.a.t, genCode(ctx, e.b));
      return `(${genBool(ctx, e.c)} ? ${a} : ${b})`;
    }
    case 'field': {
      if (e.rec.t.kind !== 'record') throw new Error('unreachable');
      let stride = 1;
      for (const [f, ft] of e.rec.t.fields) {
        const c = cardinality(ft);
        if (f === e.name) return fromRank(ft, digit(genCode(ctx, e.rec), stride, c));
        stride *= c;
      }
      throw new Error(`compiler: no field ${e.name}`);
    }
    case 'record': {
      if (e.t.kind !== 'record') throw new Error('unreachable');
      let stride = 1;
      const parts: string[] = [];
      for (const [f, ft] of e.t.fields) {
        const fe = e.fields.find(([k]) => k === f)![1];
        const code = ft.kind === 'int' ? genCode(ctx, fe) : convert(ctx, fe.t, ft, genCode(ctx, fe));
        parts.push(`${toRank(ft, code)} * ${stride}`);
        stride *= cardinality(ft);
      }
      return `(${parts.join(' + ')})`;
    }
    case 'app': {
      if (e.fn.t.kind !== 'fun') throw new Error('unreachable');
      const ft = e.fn.t;
      const key = keyIndexCode(ft.key, convertKey(ctx, e.key, ft.key));
      if (e.fn.op === 'var') {
        const { name, arr } = slotsOf(ctx, e.fn.name);
        const vl = ctx.layout.vars.get(name)!;
        if (vl.split) return isConst(key) ? `${arr}[${vl.base + Number(key)}]` : `${arr}[${vl.base} + ${key}]`;
      }
      const vc = cardinality(ft.value);
      const f = genCode(ctx, e.fn);
      if (isConst(key)) return fromRank(ft.value, digit(f, vc ** Number(key), vc));
      return fromRank(ft.value, `(Math.floor(${f} / Math.pow(${vc}, ${key})) % ${vc})`);
    }
    case 'except': {
      if (e.fn.t.kind !== 'fun') throw new Error('unreachable');
      const ft = e.fn.t;
      const vc = cardinality(ft.value);
      const key = keyIndexCode(ft.key, convertKey(ctx, e.key, ft.key));
      const stride = isConst(key) ? String(vc ** Number(key)) : `Math.pow(${vc}, ${key})`;
      const f = genCode(ctx, e.fn);
      const old = isConst(key) ? digit(f, vc ** Number(key), vc) : `(Math.floor(${f} / ${stride}) % ${vc})`;
      const nv = toRank(ft.value, ft.value.kind === 'int' ? genCode(ctx, e.value) : convert(ctx, e.value.t, ft.value, genCode(ctx, e.value)));
      return `(${f} + (${nv} - ${old}) * ${stride})`;
    }
    case 'funOf': {
      if (e.t.kind !== 'fun') throw new Error('unreachable');
      const ft = e.t;
      const vc = cardinality(ft.value);
      const parts = bindValues(e.dom).map((c, i) => {
        const body = genCode({ ...ctx, bound: new Map(ctx.bound).set(e.bind, { kind: 'code', code: c }) }, e.body);
        const code = ft.value.kind === 'int' ? body : convert(ctx, e.body.t, ft.value, body);
        return `${toRank(ft.value, code)} * ${vc ** i}`;
      });
      return parts.length ? `(${parts.join(' + ')})` : '0';
    }
    case 'len': case 'head': case 'tail': case 'append': case 'at': {
      if (e.seq.t.kind !== 'seq') throw new Error('unreachable');
      const st = e.seq.t;
      const base = seqBases(st);
      const ec = cardinality(st.elem);
      const pw = Array.from({ length: st.max + 1 }, (_, i) => ec ** i);
      const ops = table(ctx, new SeqOps(base, pw, ec, st.max));
      const s = genCode(ctx, e.seq);
      if (e.op === 'len') {
        // Short sequences: compare with the length offsets inline.
        if (isConst(s)) {
          let l = 0;
          while (l < st.max && Number(s) >= base[l + 1]) l++;
          return String(l);
        }
        if (st.max <= 3) {
          // Written over a parameter so that the sequence's code is computed once.
          let expr = '0';
          for (let l = 1; l <= st.max; l++) expr = `(x >= ${base[l]} ? ${l} : ${expr})`;
          return `((x) => ${expr})(${s})`;
        }
        return `${ops}.lenOf(${s})`;
      }
      if (e.op === 'head') return fromRank(st.elem, `h.head(${ops}, ${s})`);
      if (e.op === 'tail') return `h.tail(${ops}, ${s})`;
      if (e.op === 'at') return fromRank(st.elem, `h.at(${ops}, ${s}, ${genCode(ctx, e.index)})`);
      const el = toRank(st.elem, st.elem.kind === 'int' ? genCode(ctx, e.elem) : convert(ctx, e.elem.t, st.elem, genCode(ctx, e.elem)));
      return `h.append(${ops}, ${s}, ${el})`;
    }
    case 'setOf': {
      if (e.t.kind !== 'set') throw new Error('unreachable');
      const et = e.t.elem;
      const parts = e.elems.map((x) => toRank(et, convert(ctx, x.t, et, genCode(ctx, x))));
      if (cardinality(et) <= 31) return parts.length ? `(${parts.map((p) => `(1 << ${p})`).join(' | ')})` : '0';
      return `h.setOf([${parts.join(', ')}])`;
    }
    case 'union': case 'inter': case 'minus': {
      if (e.t.kind !== 'set' || cardinality(e.t.elem) > 31) throw new Error('compiler: set operations need element domains of at most 31 values');
      const a = genCode(ctx, e.a);
      const b = genCode(ctx, e.b);
      return e.op === 'union' ? `((${a} | ${b}) >>> 0)` : e.op === 'inter' ? `((${a} & ${b}) >>> 0)` : `((${a} & ~${b}) >>> 0)`;
    }
    case 'card': return `h.popcount(${genCode(ctx, e.set)})`;
    case 'filter': {
      const parts = bindValues(e.dom).map((c, i) => `(${genBool({ ...ctx, bound: new Map(ctx.bound).set(e.bind, { kind: 'code', code: c }) }, e.pred)} ? ${2 ** i} : 0)`);
      return parts.length ? `(${parts.join(' + ')})` : '0';
    }
    case 'call': {
      const b = new Map<string, Binding>();
      e.def.params.forEach(([p, pt], i) => {
        const a = e.args[i];
        const code = pt.kind === 'int' ? genCode(ctx, a) : convert(ctx, a.t, pt, genCode(ctx, a));
        b.set(p, isConst(code) ? { kind: 'code', code: Number(code) } : { kind: 'js', src: code });
      });
      return genCode({ ...ctx, bound: b }, e.def.body);
    }
  }
}

function convertKey(ctx: GenCtx, key: Expr, keyT: Type): string {
  const c = genCode(ctx, key);
  return keyT.kind === 'int' ? c : convert(ctx, key.t, keyT, c);
}

/**
 * JS statements for a statement list. Expressions read the working array
 * `t`; a write to one key of a split function variable is a single slot
 * write. Values are range-checked where the domain could be left.
 */
export function genStmts(ctx: GenCtx, stmts: readonly Stmt[]): string {
  const out: string[] = [];
  for (const s of stmts) {
    switch (s.kind) {
      case 'assign': {
        if (s.target.kind !== 'var') throw new Error('compiler: machine-level assignment must be lowered before compiling');
        const vl = ctx.layout.vars.get(s.target.name)!;
        const tt = s.target.t;
        const v = s.value;
        if (vl.split && tt.kind === 'fun' && v.op === 'except' && v.fn.op === 'var' && v.fn.name === s.target.name) {
          const key = keyIndexCode(tt.key, convertKey(ctx, v.key, tt.key));
          const idx = isConst(key) ? String(vl.base + Number(key)) : `${vl.base} + ${key}`;
          out.push(`t[${idx}] = ${checked(ctx, tt.value, v.value, s.target.name)};`);
        } else if (vl.split && tt.kind === 'fun') {
          // one name for every such block: it is block-scoped, and a name that
          // does not depend on what was compiled before keeps equal code equal
          const tmp = '_f';
          const vc = cardinality(tt.value);
          out.push(`{ const ${tmp} = ${convert(ctx, v.t, tt, genCode(ctx, v))};`);
          for (let k = 0; k < keyCount(tt.key); k++) out.push(`t[${vl.base + k}] = ${fromRank(tt.value, digit(tmp, vc ** k, vc))};`);
          out.push('}');
        } else {
          out.push(`t[${vl.base}] = ${checked(ctx, tt, v, s.target.name)};`);
        }
        break;
      }
      case 'when':
        out.push(`if (${genBool(ctx, s.cond)}) {`, genStmts(ctx, s.then), '} else {', genStmts(ctx, s.else), '}');
        break;
      case 'send':
        throw new Error('compiler: sends must be lowered to channel updates before compiling');
    }
  }
  return out.join('\n');
}

function checked(ctx: GenCtx, target: Type, v: Expr, name: string): string {
  if (target.kind === 'int') {
    const code = genCode(ctx, v);
    if (v.t.kind === 'int' && v.t.lo >= target.lo && v.t.hi <= target.hi) return code;
    const tmp = '_v'; // a parameter name: scoped to its arrow, and the same in every model
    return `((${tmp}) => (${tmp} < ${target.lo} || ${tmp} > ${target.hi}) ? h.err(${JSON.stringify(`value assigned to ${name} is outside ${target.lo}..${target.hi}`)} + ': ' + ${tmp}) : ${tmp})(${code})`;
  }
  if (target.kind === 'enum' && v.t.kind === 'enum' && !v.t.values.every((x) => target.values.includes(x))) {
    const tmp = '_v'; // a parameter name: scoped to its arrow, and the same in every model
    return `((${tmp}) => ${tmp} < 0 ? h.err(${JSON.stringify(`value assigned to ${name} is outside ${showType(target)}`)}) : ${tmp})(${convert(ctx, v.t, target, genCode(ctx, v))})`;
  }
  return convert(ctx, v.t, target, genCode(ctx, v));
}

/**
 * The codes of one bounded sequence type: the offset of each length, the
 * powers of the element count, and the bound. A class, so that every
 * sequence of every model shares one shape and one `lenOf`.
 */
class SeqOps {
  constructor(readonly base: number[], readonly pw: number[], readonly ec: number, readonly max: number) {}

  /** The length of the sequence whose code is `code`. */
  lenOf(code: number): number {
    let l = 0;
    while (l < this.max && code >= this.base[l + 1]) l++;
    return l;
  }
}

function modelError(msg: string): never {
  throw new Error(`model error: ${msg}`);
}

/*
 * The helpers' functions exist once per process, not once per model: the
 * generated code calls them through \`h\`, and V8 inlines a call only while
 * its target stays the same function. Fresh closures per model would make
 * every model's first run deoptimise the shared generated code.
 */
const sharedHelpers = {
  err: modelError,
  popcount(x: number): number { let c = 0; while (x > 0) { c += x % 2; x = Math.floor(x / 2); } return c; },
  head(o: SeqOps, s: number): number {
    const l = o.lenOf(s);
    if (l === 0) modelError('Head of an empty sequence');
    return (s - o.base[l]) % o.ec;
  },
  tail(o: SeqOps, s: number): number {
    const l = o.lenOf(s);
    if (l === 0) modelError('Tail of an empty sequence');
    return o.base[l - 1] + Math.floor((s - o.base[l]) / o.ec);
  },
  at(o: SeqOps, s: number, i: number): number {
    const l = o.lenOf(s);
    if (i < 1 || i > l) modelError(`sequence index ${i} outside 1..${l}`);
    return Math.floor((s - o.base[l]) / o.pw[i - 1]) % o.ec;
  },
  append(o: SeqOps, s: number, e: number): number {
    const l = o.lenOf(s);
    if (l >= o.max) modelError(`Append beyond the bound ${o.max}`);
    return o.base[l + 1] + (s - o.base[l]) + e * o.pw[l];
  },
  setOf(ranks: number[]): number {
    let m = 0;
    for (const r of new Set(ranks)) m += 2 ** r;
    return m;
  },
};

/** The runtime helpers of one model: its own tables and constants, the shared functions. */
export function makeHelpers(): Helpers & Record<string, unknown> {
  return { tables: [] as unknown[], consts: {} as Record<string, number>, ...sharedHelpers };
}
