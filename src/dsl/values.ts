/**
 * Runtime values of the expression language. They are plain, immutable,
 * JSON-friendly data so that they can sit in an XState context unchanged:
 *
 * - BOOLEAN: `boolean`; integers: `number`; enum literals: `string`
 * - records: a plain object whose keys are the record's fields
 * - functions: a plain object keyed by the (stringified) key, in domain order
 * - sequences: an array, head first
 * - sets: an array of elements sorted in the element type's canonical order
 */
import { type Type, keyAt, keyCount } from './types.js';

/** A value of the expression language. */
export type Value = boolean | number | string | readonly Value[] | { readonly [k: string]: Value };

/** Deep structural equality of two values. */
export function valueEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valueEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as { readonly [k: string]: Value };
  const rb = b as { readonly [k: string]: Value };
  const ka = Object.keys(ra);
  if (ka.length !== Object.keys(rb).length) return false;
  for (const k of ka) if (!(k in rb) || !valueEquals(ra[k], rb[k])) return false;
  return true;
}

/**
 * Total order on values of one type, used to keep sets canonical. Booleans:
 * FALSE < TRUE; enums by declaration order; integers numerically; composite
 * values lexicographically.
 */
export function compareValues(t: Type, a: Value, b: Value): number {
  switch (t.kind) {
    case 'bool': return Number(a) - Number(b);
    case 'int': return (a as number) - (b as number);
    case 'enum': return t.values.indexOf(a as string) - t.values.indexOf(b as string);
    case 'record': {
      const ra = a as Record<string, Value>;
      const rb = b as Record<string, Value>;
      for (const [f, ft] of t.fields) {
        const c = compareValues(ft, ra[f], rb[f]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'fun': {
      const ra = a as Record<string, Value>;
      const rb = b as Record<string, Value>;
      for (let i = 0; i < keyCount(t.key); i++) {
        const k = String(keyAt(t.key, i));
        const c = compareValues(t.value, ra[k], rb[k]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'seq':
    case 'set': {
      const sa = a as readonly Value[];
      const sb = b as readonly Value[];
      if (t.kind === 'seq' && sa.length !== sb.length) return sa.length - sb.length;
      const n = Math.min(sa.length, sb.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(t.elem, sa[i], sb[i]);
        if (c !== 0) return c;
      }
      return sa.length - sb.length;
    }
  }
}

/** Whether `v` is a member of the domain `t` (shape, range and bounds). */
export function isMember(t: Type, v: Value): boolean {
  switch (t.kind) {
    case 'bool': return typeof v === 'boolean';
    case 'int': return typeof v === 'number' && Number.isInteger(v) && v >= t.lo && v <= t.hi;
    case 'enum': return typeof v === 'string' && t.values.includes(v);
    case 'record': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const r = v as Record<string, Value>;
      if (Object.keys(r).length !== t.fields.length) return false;
      return t.fields.every(([f, ft]) => f in r && isMember(ft, r[f]));
    }
    case 'fun': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const r = v as Record<string, Value>;
      const n = keyCount(t.key);
      if (Object.keys(r).length !== n) return false;
      for (let i = 0; i < n; i++) {
        const k = String(keyAt(t.key, i));
        if (!(k in r) || !isMember(t.value, r[k])) return false;
      }
      return true;
    }
    case 'seq':
      return Array.isArray(v) && v.length <= t.max && v.every((e) => isMember(t.elem, e));
    case 'set': {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) {
        if (!isMember(t.elem, v[i])) return false;
        if (i > 0 && compareValues(t.elem, v[i - 1], v[i]) >= 0) return false; // sorted, no duplicates
      }
      return true;
    }
  }
}

/** Every value of a domain, in canonical order. Throws when the domain is larger than `limit`. */
export function enumerate(t: Type, limit = 1_000_000): Value[] {
  const out = enumerateUnbounded(t);
  if (out.length > limit) throw new RangeError(`domain too large to enumerate (${out.length} values)`);
  return out;
}

function enumerateUnbounded(t: Type): Value[] {
  switch (t.kind) {
    case 'bool': return [false, true];
    case 'int': return Array.from({ length: t.hi - t.lo + 1 }, (_, i) => t.lo + i);
    case 'enum': return [...t.values];
    case 'record': {
      let acc: Record<string, Value>[] = [{}];
      for (const [f, ft] of t.fields) {
        const vs = enumerateUnbounded(ft);
        acc = acc.flatMap((r) => vs.map((v) => ({ ...r, [f]: v })));
      }
      return acc;
    }
    case 'fun': {
      let acc: Record<string, Value>[] = [{}];
      const vs = enumerateUnbounded(t.value);
      for (let i = 0; i < keyCount(t.key); i++) {
        const k = String(keyAt(t.key, i));
        acc = acc.flatMap((r) => vs.map((v) => ({ ...r, [k]: v })));
      }
      return acc;
    }
    case 'seq': {
      const es = enumerateUnbounded(t.elem);
      const out: Value[][] = [[]];
      let layer: Value[][] = [[]];
      for (let len = 1; len <= t.max; len++) {
        layer = layer.flatMap((s) => es.map((e) => [...s, e]));
        out.push(...layer);
      }
      return out;
    }
    case 'set': {
      const es = enumerateUnbounded(t.elem);
      const out: Value[][] = [];
      const n = es.length;
      if (n > 20) throw new RangeError('set domain too large to enumerate');
      for (let mask = 0; mask < 1 << n; mask++) {
        const s: Value[] = [];
        for (let i = 0; i < n; i++) if (mask & (1 << i)) s.push(es[i]);
        out.push(s);
      }
      return out;
    }
  }
}

/** Number of values of a domain (may be large; returned as a float). */
export function cardinality(t: Type): number {
  switch (t.kind) {
    case 'bool': return 2;
    case 'int': return t.hi - t.lo + 1;
    case 'enum': return t.values.length;
    case 'record': return t.fields.reduce((acc, [, ft]) => acc * cardinality(ft), 1);
    case 'fun': return cardinality(t.value) ** keyCount(t.key);
    case 'seq': {
      const e = cardinality(t.elem);
      let total = 0;
      for (let len = 0; len <= t.max; len++) total += e ** len;
      return total;
    }
    case 'set': return 2 ** cardinality(t.elem);
  }
}

/** A set value from any list of elements: sorted canonically, duplicates removed. */
export function makeSet(t: Type, elems: readonly Value[]): Value[] {
  const sorted = [...elems].sort((a, b) => compareValues(t, a, b));
  return sorted.filter((v, i) => i === 0 || compareValues(t, sorted[i - 1], v) !== 0);
}

/** The default (first) value of a domain, used to fill unused fields. */
export function defaultValue(t: Type): Value {
  switch (t.kind) {
    case 'bool': return false;
    case 'int': return t.lo;
    case 'enum': return t.values[0];
    case 'record': return Object.fromEntries(t.fields.map(([f, ft]) => [f, defaultValue(ft)]));
    case 'fun': return Object.fromEntries(Array.from({ length: keyCount(t.key) }, (_, i) => [String(keyAt(t.key, i)), defaultValue(t.value)]));
    case 'seq': return [];
    case 'set': return [];
  }
}
