/**
 * Prints expressions, values and domains as TLA+ text. The output is what a
 * person would write: minimal parentheses following TLA+'s precedence, sets
 * named by their definitions where they have one, and strings for enumeration
 * literals. Machine-level references (`ctx`, `ev`, `self`) must be lowered to
 * system variables before printing a spec; they print in a diagnostic form.
 */
import type { Expr } from './ast.js';
import { type Type, keyAt, keyCount } from './types.js';
import { type Value, defaultValue } from './values.js';

const PREC: Partial<Record<Expr['op'], number>> = {
  implies: 1, or: 2, and: 3, not: 4,
  eq: 5, neq: 5, lt: 5, le: 5, gt: 5, ge: 5, in: 5,
  union: 8, minus: 8, inter: 8, add: 10, sub: 11,
  ite: 0, forall: 0, exists: 0,
};
const ATOM = 100;

function prec(e: Expr): number {
  return PREC[e.op] ?? ATOM;
}

const BIN: Partial<Record<Expr['op'], string>> = {
  implies: '=>', eq: '=', neq: '/=', lt: '<', le: '<=', gt: '>', ge: '>=',
  union: '\\cup', minus: '\\', inter: '\\cap', add: '+', sub: '-',
};

/**
 * Prints a value as a TLA+ constant expression of domain `t`. A function
 * whose values are all equal prints as `[k \in D |-> v]`; nested ones
 * bind `k2`, `k3`... so that no bound name hides another (SANY refuses
 * that). A function over an empty domain (e.g. `Sessions = {}`) prints as
 * `[k \in D |-> d]` with `d` the first value of its range: every function
 * over an empty domain is the same value, and this spelling stays the same
 * text when the domain is a constant that other scenarios make non-empty.
 */
export function printValue(v: Value, t: Type): string {
  return printValueAt(v, t, 1);
}

function printValueAt(v: Value, t: Type, depth: number): string {
  switch (t.kind) {
    case 'bool': return v ? 'TRUE' : 'FALSE';
    case 'int': return String(v);
    case 'enum': return JSON.stringify(v);
    case 'record': {
      const r = v as Record<string, Value>;
      return `[${t.fields.map(([f, ft]) => `${f} |-> ${printValueAt(r[f], ft, depth)}`).join(', ')}]`;
    }
    case 'fun': {
      const r = v as Record<string, Value>;
      const n = keyCount(t.key);
      const k = depth === 1 ? 'k' : `k${depth}`;
      if (n === 0) return `[${k} \\in ${printDomain(t.key)} |-> ${printValueAt(defaultValue(t.value), t.value, depth + 1)}]`;
      const parts = Array.from({ length: n }, (_, i) => printValueAt(r[String(keyAt(t.key, i))], t.value, depth + 1));
      if (parts.every((p) => p === parts[0])) return `[${k} \\in ${printDomain(t.key)} |-> ${parts[0]}]`;
      return `(${Array.from({ length: n }, (_, i) => `${printValueAt(keyAt(t.key, i), t.key, depth)} :> ${parts[i]}`).join(' @@ ')})`;
    }
    case 'seq': return `<<${(v as Value[]).map((x) => printValueAt(x, t.elem, depth)).join(', ')}>>`;
    case 'set': return `{${(v as Value[]).map((x) => printValueAt(x, t.elem, depth)).join(', ')}}`;
  }
}

/**
 * Prints a domain as a TLA+ set expression: the definition's name when the
 * enumeration has one, otherwise the set itself. Bounded sequences use the
 * `BSeq(S, n)` operator that emitted modules define.
 */
export function printDomain(t: Type): string {
  switch (t.kind) {
    case 'bool': return 'BOOLEAN';
    case 'int': return `${t.lo}..${t.hiName ?? t.hi}`;
    case 'enum': return t.name ?? `{${t.values.map((x) => JSON.stringify(x)).join(', ')}}`;
    case 'record': return `[${t.fields.map(([f, ft]) => `${f} : ${printDomain(ft)}`).join(', ')}]`;
    case 'fun': return `[${printDomain(t.key)} -> ${printDomain(t.value)}]`;
    case 'seq': return `BSeq(${printDomain(t.elem)}, ${t.maxName ?? t.max})`;
    case 'set': return `SUBSET ${printDomain(t.elem)}`;
  }
}

function wrap(e: Expr, min: number): string {
  const s = printExpr(e);
  return prec(e) < min ? `(${s})` : s;
}

/** Prints an expression as TLA+ on one line. */
export function printExpr(e: Expr): string {
  switch (e.op) {
    case 'lit': return printValue(e.value, e.t);
    case 'var': case 'bound': case 'const': return e.name;
    case 'ctx': return `ctx.${e.field}`;
    case 'ev': return `ev.${e.field}`;
    case 'self': return 'self';
    case 'not': return `~${wrap(e.arg, ATOM)}`;
    case 'and': case 'or': {
      const sym = e.op === 'and' ? ' /\\ ' : ' \\/ ';
      return e.args.map((a) => (a.op === e.op ? printExpr(a) : wrap(a, 4))).join(sym);
    }
    case 'implies': return `${wrap(e.a, 2)} => ${wrap(e.b, 2)}`;
    case 'eq': case 'neq': case 'lt': case 'le': case 'gt': case 'ge': case 'in':
      return e.op === 'in'
        ? `${wrap(e.elem, 6)} \\in ${wrap(e.set, 6)}`
        : `${wrap(e.a, 6)} ${BIN[e.op]} ${wrap(e.b, 6)}`;
    case 'union': case 'minus': case 'inter':
      return `${wrap(e.a, 9)} ${BIN[e.op]} ${wrap(e.b, 9)}`;
    case 'add': return `${wrap(e.a, 10)} + ${wrap(e.b, 11)}`;
    case 'sub': return `${wrap(e.a, 10)} - ${wrap(e.b, 12)}`;
    case 'ite': return `IF ${printExpr(e.c)} THEN ${printExpr(e.a)} ELSE ${printExpr(e.b)}`;
    case 'field': return `${wrap(e.rec, ATOM)}.${e.name}`;
    case 'record': return `[${e.fields.map(([k, v]) => `${k} |-> ${printExpr(v)}`).join(', ')}]`;
    case 'app': return `${wrap(e.fn, ATOM)}[${printExpr(e.key)}]`;
    case 'except': return `[${printExpr(e.fn)} EXCEPT ![${printExpr(e.key)}] = ${printExpr(e.value)}]`;
    case 'funOf': return `[${e.bind} \\in ${printDomain(e.dom)} |-> ${printExpr(e.body)}]`;
    case 'len': return `Len(${printExpr(e.seq)})`;
    case 'head': return `Head(${printExpr(e.seq)})`;
    case 'tail': return `Tail(${printExpr(e.seq)})`;
    case 'append': return `Append(${printExpr(e.seq)}, ${printExpr(e.elem)})`;
    case 'at': return `${wrap(e.seq, ATOM)}[${printExpr(e.index)}]`;
    case 'setOf': return `{${e.elems.map(printExpr).join(', ')}}`;
    case 'card': return `Cardinality(${printExpr(e.set)})`;
    case 'filter': return `{${e.bind} \\in ${printDomain(e.dom)} : ${printExpr(e.pred)}}`;
    case 'forall': case 'exists':
      return `${e.op === 'forall' ? '\\A' : '\\E'} ${e.bind} \\in ${printDomain(e.dom)} : ${printExpr(e.body)}`;
    case 'call': return e.args.length === 0 ? e.def.name : `${e.def.name}(${e.args.map(printExpr).join(', ')})`;
  }
}
