/**
 * Type hints that restore what a TLC trace cannot say about a value's type.
 *
 * TLC's `-dumpTrace json` writes sets and sequences both as arrays and
 * functions with string domains as objects; its `-tool` output prints a
 * function whose domain is a set of strings as a record. A caller that knows
 * a variable's type (the model does) passes a hint, and the value is
 * re-spelled accordingly, so that traces of the same behaviour agree
 * whichever way TLC wrote them. Values a hint does not fit are left as they
 * are: hints never invent or drop data.
 */
import type { ItfMap, ItfRecord, ItfValue } from '../trace/itf-types.js';

/** The type of a value, as far as its ITF spelling depends on it. */
export type TypeHint =
  | { readonly kind: 'any' }
  | { readonly kind: 'int' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'string' }
  | { readonly kind: 'set'; readonly of: TypeHint }
  | { readonly kind: 'seq'; readonly of: TypeHint }
  | { readonly kind: 'tuple'; readonly of: readonly TypeHint[] }
  | { readonly kind: 'function'; readonly from: TypeHint; readonly to: TypeHint }
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, TypeHint>> };

const ANY: TypeHint = { kind: 'any' };

function tagged(v: ItfValue, tag: string): unknown[] | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !(tag in v)) return undefined;
  return (v as Record<string, unknown>)[tag] as unknown[];
}

function isRecord(v: ItfValue): v is ItfRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.keys(v).some((k) => k.startsWith('#'));
}

/** A record key read back as the function's domain type wants it. */
function keyOf(k: string, hint: TypeHint): ItfValue {
  if (hint.kind === 'int' && /^-?[0-9]+$/.test(k)) return { '#bigint': k };
  return k;
}

/** Re-spells `v` as `hint` says (see the module comment). */
export function applyTypeHint(v: ItfValue, hint: TypeHint): ItfValue {
  switch (hint.kind) {
    case 'any':
    case 'bool':
    case 'string':
      return v;
    case 'int':
      return typeof v === 'number' ? { '#bigint': String(v) } : v;
    case 'set': {
      const elems = Array.isArray(v) ? (v as ItfValue[]) : (tagged(v, '#set') as ItfValue[] | undefined);
      return elems ? { '#set': elems.map((e) => applyTypeHint(e, hint.of)) } : v;
    }
    case 'seq': {
      const elems = Array.isArray(v) ? (v as ItfValue[]) : (tagged(v, '#tup') as ItfValue[] | undefined);
      return elems ? elems.map((e) => applyTypeHint(e, hint.of)) : v;
    }
    case 'tuple': {
      const elems = Array.isArray(v) ? (v as ItfValue[]) : (tagged(v, '#tup') as ItfValue[] | undefined);
      return elems ? { '#tup': elems.map((e, i) => applyTypeHint(e, hint.of[i] ?? ANY)) } : v;
    }
    case 'function': {
      const pairs = tagged(v, '#map') as ItfMap['#map'] | undefined;
      if (pairs) return { '#map': pairs.map(([k, x]) => [applyTypeHint(k, hint.from), applyTypeHint(x, hint.to)] as const) };
      // A function with domain 1..n is printed as a sequence.
      if (Array.isArray(v)) {
        return { '#map': (v as ItfValue[]).map((x, i) => [{ '#bigint': String(i + 1) }, applyTypeHint(x, hint.to)] as const) };
      }
      if (isRecord(v)) {
        return { '#map': Object.entries(v).map(([k, x]) => [keyOf(k, hint.from), applyTypeHint(x, hint.to)] as const) };
      }
      return v;
    }
    case 'record': {
      const pairs = tagged(v, '#map') as ItfMap['#map'] | undefined;
      const entries: [string, ItfValue][] | undefined = pairs
        ? pairs.every(([k]) => typeof k === 'string')
          ? pairs.map(([k, x]) => [k as string, x])
          : undefined
        : isRecord(v)
          ? Object.entries(v)
          : undefined;
      if (!entries) return v;
      const out: Record<string, ItfValue> = {};
      for (const [k, x] of entries) out[k] = applyTypeHint(x, hint.fields[k] ?? ANY);
      return out;
    }
  }
}
