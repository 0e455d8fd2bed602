/**
 * Finite domain types of the expression language. Every variable of a model
 * carries one of these, so that `TypeOK` can be derived, values can be packed
 * into small integers (by rank), and every domain can be enumerated for
 * quantifiers. All domains are finite by construction.
 */
import type { Value } from './values.js';

/** BOOLEAN. */
export interface BoolType { readonly kind: 'bool' }
/** The integers lo..hi, both included; `hiName` names the upper bound in TLA+ (a constant), if any. */
export interface IntType { readonly kind: 'int'; readonly lo: number; readonly hi: number; readonly hiName?: string }
/** A finite set of string literals, in declaration order. */
export interface EnumType { readonly kind: 'enum'; readonly values: readonly string[]; readonly name?: string }
/** A record with named fields, printed `[a : A, b : B]`. Fields keep declaration order. */
export interface RecordType { readonly kind: 'record'; readonly fields: readonly (readonly [string, Type])[] }
/** A total function from a finite key domain (enum or int range) to a value type, `[K -> V]`. */
export interface FunType { readonly kind: 'fun'; readonly key: EnumType | IntType; readonly value: Type }
/** A FIFO sequence of at most `max` elements (a bounded channel); `maxName` names the bound in TLA+ (a constant). */
export interface SeqType { readonly kind: 'seq'; readonly elem: Type; readonly max: number; readonly maxName?: string }
/** A subset of a finite element domain, `SUBSET E`. */
export interface SetType { readonly kind: 'set'; readonly elem: Type }

/** Any finite domain. */
export type Type = BoolType | IntType | EnumType | RecordType | FunType | SeqType | SetType;

/** BOOLEAN. */
export const boolT: BoolType = Object.freeze({ kind: 'bool' });

/** The integer range lo..hi; `hiName` is the TLA+ constant that holds `hi`, if any. */
export function intT(lo: number, hi: number, hiName?: string): IntType {
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo > hi) {
    throw new RangeError(`intT: bad range ${lo}..${hi}`);
  }
  return Object.freeze({ kind: 'int', lo, hi, ...(hiName ? { hiName } : {}) });
}

/** An enumeration of string literals; `name` is the TLA+ constant or definition that names the set, if any. */
export function enumT<const V extends string>(values: readonly V[], name?: string): EnumType {
  // An empty set is allowed only when it is named (a constant like Sessions = {}).
  if (values.length === 0 && !name) throw new RangeError('enumT: empty enumeration');
  if (new Set(values).size !== values.length) throw new RangeError(`enumT: duplicate literal in ${values.join(',')}`);
  return Object.freeze({ kind: 'enum', values: Object.freeze([...values]), ...(name ? { name } : {}) });
}

/** A record type; field order is kept for printing and packing. */
export function recordT(fields: Record<string, Type>): RecordType {
  return Object.freeze({ kind: 'record', fields: Object.freeze(Object.entries(fields).map(([k, t]) => Object.freeze([k, t] as const))) });
}

/** The function space [key -> value]. */
export function funT(key: EnumType | IntType, value: Type): FunType {
  return Object.freeze({ kind: 'fun', key, value });
}

/** Sequences of at most `max` elements of `elem`; `maxName` is the TLA+ constant that holds `max`, if any. */
export function seqT(elem: Type, max: number, maxName?: string): SeqType {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`seqT: bad bound ${max}`);
  return Object.freeze({ kind: 'seq', elem, max, ...(maxName ? { maxName } : {}) });
}

/** Subsets of `elem`. */
export function setT(elem: Type): SetType {
  return Object.freeze({ kind: 'set', elem });
}

/** The type of a record field, or undefined when the record has no such field. */
export function fieldType(t: RecordType, field: string): Type | undefined {
  for (const [k, ft] of t.fields) if (k === field) return ft;
  return undefined;
}

/** Structural equality of types (enum names are ignored). */
export function typeEquals(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'bool': return true;
    case 'int': return a.lo === (b as IntType).lo && a.hi === (b as IntType).hi;
    case 'enum': {
      const bv = (b as EnumType).values;
      return a.values.length === bv.length && a.values.every((v, i) => v === bv[i]);
    }
    case 'record': {
      const bf = (b as RecordType).fields;
      return a.fields.length === bf.length && a.fields.every(([k, t], i) => k === bf[i][0] && typeEquals(t, bf[i][1]));
    }
    case 'fun': return typeEquals(a.key, (b as FunType).key) && typeEquals(a.value, (b as FunType).value);
    case 'seq': return a.max === (b as SeqType).max && typeEquals(a.elem, (b as SeqType).elem);
    case 'set': return typeEquals(a.elem, (b as SetType).elem);
  }
}

/** Number of keys of a function's domain. */
export function keyCount(k: EnumType | IntType): number {
  return k.kind === 'enum' ? k.values.length : k.hi - k.lo + 1;
}

/** The position of a key in its domain (0-based), or -1 when it is outside. */
export function keyIndex(k: EnumType | IntType, key: Value): number {
  if (k.kind === 'enum') return typeof key === 'string' ? k.values.indexOf(key) : -1;
  return typeof key === 'number' && key >= k.lo && key <= k.hi && Number.isInteger(key) ? key - k.lo : -1;
}

/** The key at a position of its domain. */
export function keyAt(k: EnumType | IntType, index: number): string | number {
  return k.kind === 'enum' ? k.values[index] : k.lo + index;
}

/** Short human-readable rendering of a type, for error messages. */
export function showType(t: Type): string {
  switch (t.kind) {
    case 'bool': return 'BOOLEAN';
    case 'int': return `${t.lo}..${t.hi}`;
    case 'enum': return t.name ?? `{${t.values.map((v) => JSON.stringify(v)).join(', ')}}`;
    case 'record': return `[${t.fields.map(([k, ft]) => `${k} : ${showType(ft)}`).join(', ')}]`;
    case 'fun': return `[${showType(t.key)} -> ${showType(t.value)}]`;
    case 'seq': return `Seq(${showType(t.elem)}) of length <= ${t.max}`;
    case 'set': return `SUBSET ${showType(t.elem)}`;
  }
}
