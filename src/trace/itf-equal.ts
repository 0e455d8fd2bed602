/**
 * Equality of ITF values as TLA+ values, whatever their ITF spelling.
 *
 * Different producers spell one TLA+ value differently: TLC prints a function
 * whose domain is a set of strings as a record, a tuple is a sequence, an
 * integer may be a JSON number or a `#bigint`, set and map order means
 * nothing. Comparing two traces of the same behaviour (explorer and TLC,
 * `-tool` output and `-dumpTrace json`, model and implementation) needs the
 * TLA+ meaning, which this module gives by reducing every value to one
 * canonical text.
 */
import type { ItfMap, ItfValue } from './itf-types.js';

function keyOf(v: ItfValue): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'T' : 'F';
    case 'string':
      return 's' + JSON.stringify(v);
    case 'number':
      return 'i' + BigInt(v).toString();
  }
  if (Array.isArray(v)) return fnKey(v.map((e, i) => [`i${i + 1}`, keyOf(e)] as const));
  const o = v as Record<string, unknown>;
  if ('#bigint' in o) return 'i' + BigInt(o['#bigint'] as string).toString();
  if ('#tup' in o) return keyOf(o['#tup'] as ItfValue[]);
  if ('#set' in o) {
    const elems = [...new Set((o['#set'] as ItfValue[]).map(keyOf))].sort();
    return `{${elems.join(',')}}`;
  }
  if ('#map' in o) return fnKey((o['#map'] as ItfMap['#map']).map(([k, val]) => [keyOf(k), keyOf(val)] as const));
  if ('#unserializable' in o) return 'u' + JSON.stringify(o['#unserializable']);
  return fnKey(Object.entries(o).map(([k, val]) => ['s' + JSON.stringify(k), keyOf(val as ItfValue)] as const));
}

// Sequences, tuples, records and maps are all TLA+ functions: one spelling.
function fnKey(entries: readonly (readonly [string, string])[]): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `(${sorted.map(([k, v]) => `${k}:>${v}`).join('@@')})`;
}

/**
 * Whether two valid ITF values denote the same TLA+ value: integers by value,
 * sets and maps regardless of order, and sequences, tuples, records and maps
 * alike as functions (so `[1, 2]` equals `{"#tup": [1, 2]}` and `{"a": 1}`
 * equals `{"#map": [["a", 1]]}`).
 */
export function itfEqual(a: ItfValue, b: ItfValue): boolean {
  return a === b || keyOf(a) === keyOf(b);
}

/**
 * A canonical text of a value such that two values have the same text
 * exactly when {@link itfEqual} holds; usable as a `Map`/`Set` key.
 */
export function itfCanonicalKey(v: ItfValue): string {
  return keyOf(v);
}
