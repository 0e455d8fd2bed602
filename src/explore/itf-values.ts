/**
 * Type-directed conversion between the expression language's values and the
 * plain values of ITF traces: records stay objects, functions become maps,
 * sets become sets, sequences stay arrays. The type is needed because the
 * language keeps functions and records alike as objects.
 */
import { type Type, type Value, keyAt, keyCount, makeSet } from '../dsl/index.js';
import type { PlainValue } from '../trace/index.js';

/** The ITF plain value of a value of type t. */
export function toPlain(t: Type, v: Value): PlainValue {
  switch (t.kind) {
    case 'bool': case 'int': case 'enum': return v as PlainValue;
    case 'record': return Object.fromEntries(t.fields.map(([f, ft]) => [f, toPlain(ft, (v as Record<string, Value>)[f])]));
    case 'fun': {
      const m = new Map<PlainValue, PlainValue>();
      for (let i = 0; i < keyCount(t.key); i++) {
        const k = keyAt(t.key, i);
        m.set(k, toPlain(t.value, (v as Record<string, Value>)[String(k)]));
      }
      return m;
    }
    case 'seq': return (v as Value[]).map((x) => toPlain(t.elem, x));
    case 'set': return new Set((v as Value[]).map((x) => toPlain(t.elem, x)));
  }
}

/** The value of type t of an ITF plain value; throws a `TypeError` naming the mismatch. */
export function fromPlain(t: Type, p: PlainValue, where = 'value'): Value {
  const bad = (what: string): never => { throw new TypeError(`${where}: expected ${what}`); };
  switch (t.kind) {
    case 'bool': return typeof p === 'boolean' ? p : bad('a boolean');
    case 'int': return typeof p === 'number' ? p : typeof p === 'bigint' ? Number(p) : bad('an integer');
    case 'enum': return typeof p === 'string' && t.values.includes(p) ? p : bad(`one of ${t.values.join(', ')}`);
    case 'record': {
      if (typeof p !== 'object' || p === null || p instanceof Map || p instanceof Set || Array.isArray(p)) return bad('a record');
      const r = p as Record<string, PlainValue>;
      return Object.fromEntries(t.fields.map(([f, ft]) => [f, fromPlain(ft, r[f] ?? bad(`field ${f}`), `${where}.${f}`)]));
    }
    case 'fun': {
      if (!(p instanceof Map)) return bad('a function (#map)');
      const out: Record<string, Value> = {};
      for (let i = 0; i < keyCount(t.key); i++) {
        const k = keyAt(t.key, i);
        // ITF integers come back as numbers (safe integers), so keys match directly.
        const v = p.has(k) ? p.get(k)! : bad(`a value at key ${k}`);
        out[String(k)] = fromPlain(t.value, v, `${where}[${k}]`);
      }
      return out;
    }
    case 'seq': return Array.isArray(p) ? (p as PlainValue[]).map((x, i) => fromPlain(t.elem, x, `${where}[${i + 1}]`)) : bad('a sequence');
    case 'set': return p instanceof Set ? makeSet(t.elem, [...p].map((x) => fromPlain(t.elem, x, `${where} element`))) : bad('a set (#set)');
  }
}
