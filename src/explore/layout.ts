/**
 * The packed layout of a state. Each flat variable becomes one slot, or one
 * slot per key when it is a function of small values (so `srg1[n]` is a slot
 * of its own and a step that changes one node writes one slot). Slots are
 * packed into 32-bit words, each slot taking the bits its domain needs and
 * never straddling two words, except a slot wider than 32 bits (a long
 * channel, say), which takes two whole words of its own: codes are exact
 * doubles, so a slot holds up to 53 bits.
 */
import { type Type, type Value, cardinality, keyAt, keyCount } from '../dsl/index.js';
import type { FlatVar, State } from '../model/index.js';
import { codeOf, valueOf } from './codes.js';

/** One slot: a variable, or one key of a function variable. */
export interface Slot {
  readonly var: string;
  /** Key index when the variable is split by key. */
  readonly key: number | undefined;
  /** Domain of the slot's value. */
  readonly t: Type;
  /** Lower bound subtracted before packing (integers), else 0. */
  readonly lo: number;
  readonly bits: number;
  /** First word; a slot of more than 32 bits also takes the next one. */
  readonly word: number;
  readonly shift: number;
}

/** Most bits a slot may take: slot codes are doubles, exact up to 2^53. */
export const MAX_SLOT_BITS = 53;

/** Where a variable lives in the slot array. */
export interface VarLayout {
  readonly v: FlatVar;
  /** First slot. */
  readonly base: number;
  /** Split into one slot per key of its function type. */
  readonly split: boolean;
}

/** The layout of every variable. */
export interface Layout {
  readonly slots: readonly Slot[];
  readonly vars: ReadonlyMap<string, VarLayout>;
  readonly order: readonly VarLayout[];
  /** 32-bit words per packed state. */
  readonly words: number;
}

const SPLIT_LIMIT = 2 ** MAX_SLOT_BITS;

function bitsFor(card: number): number {
  return card <= 1 ? 0 : Math.ceil(Math.log2(card));
}

/** Computes the layout of a model's variables. */
export function makeLayout(vars: readonly FlatVar[]): Layout {
  const slots: Slot[] = [];
  const byName = new Map<string, VarLayout>();
  const order: VarLayout[] = [];
  let word = 0;
  let used = 0;
  const place = (v: string, key: number | undefined, t: Type) => {
    const card = cardinality(t);
    const bits = bitsFor(card);
    if (bits > MAX_SLOT_BITS) throw new RangeError(`variable ${v}: a domain of ${card} values does not fit a ${MAX_SLOT_BITS}-bit slot`);
    if (bits > 32) {
      // two whole words: the low 32 bits, then the rest
      if (used > 0) { word++; used = 0; }
      slots.push({ var: v, key, t, lo: 0, bits, word, shift: 0 });
      word += 2;
      return;
    }
    if (used + bits > 32) { word++; used = 0; }
    slots.push({ var: v, key, t, lo: t.kind === 'int' ? t.lo : 0, bits, word, shift: used });
    used += bits;
  };
  for (const v of vars) {
    const base = slots.length;
    const split = v.t.kind === 'fun' && cardinality(v.t.value) < SPLIT_LIMIT && keyCount(v.t.key) > 0;
    if (split && v.t.kind === 'fun') {
      for (let k = 0; k < keyCount(v.t.key); k++) place(v.name, k, v.t.value);
    } else {
      place(v.name, undefined, v.t);
    }
    const vl = { v, base, split };
    byName.set(v.name, vl);
    order.push(vl);
  }
  return { slots, vars: byName, order, words: slots.length === 0 ? 1 : used === 0 && word > 0 ? word : word + 1 };
}

/** A packer and unpacker generated for one layout: straight-line code, no per-slot lookups. */
export interface Codec {
  pack(s: Float64Array, out: Uint32Array, at: number): void;
  unpack(words: Uint32Array, at: number, s: Float64Array): void;
}

/** Generates the packing code of a layout. */
export function makeCodec(layout: Layout): Codec {
  const packLines: string[] = [];
  const perWord: string[][] = Array.from({ length: layout.words }, () => []);
  const unpackLines: string[] = [];
  layout.slots.forEach((sl, i) => {
    if (sl.bits > 32) {
      perWord[sl.word].push(`(s[${i}] >>> 0)`);
      perWord[sl.word + 1].push(`Math.floor(s[${i}] / 4294967296)`);
      unpackLines.push(`s[${i}] = w[at + ${sl.word}] + w[at + ${sl.word + 1}] * 4294967296;`);
      return;
    }
    const v = sl.lo === 0 ? `s[${i}]` : `(s[${i}] - ${sl.lo})`;
    if (sl.bits > 0) perWord[sl.word].push(sl.shift === 0 ? v : `(${v} << ${sl.shift})`);
    if (sl.bits === 0) unpackLines.push(`s[${i}] = ${sl.lo};`);
    else {
      const w = `w[at + ${sl.word}]`;
      const shifted = sl.shift === 0 ? w : `(${w} >>> ${sl.shift})`;
      const masked = sl.bits === 32 ? shifted : `(${shifted} & ${2 ** sl.bits - 1})`;
      unpackLines.push(`s[${i}] = ${sl.lo === 0 ? masked : `${masked} + ${sl.lo}`};`);
    }
  });
  perWord.forEach((parts, k) => packLines.push(`o[at + ${k}] = ${parts.length ? parts.join(' | ') : '0'};`));
  const pack = new Function('s', 'o', 'at', packLines.join('\n')) as Codec['pack'];
  const unpackFn = new Function('w', 'at', 's', unpackLines.join('\n')) as Codec['unpack'];
  return { pack, unpack: unpackFn };
}

/** Slot codes of a state given as values. */
export function encodeState(layout: Layout, st: State, out: Float64Array): void {
  for (const vl of layout.order) {
    const v: Value = st[vl.v.name];
    if (vl.split && vl.v.t.kind === 'fun') {
      const t = vl.v.t;
      for (let k = 0; k < keyCount(t.key); k++) out[vl.base + k] = codeOf(t.value, (v as Record<string, Value>)[String(keyAt(t.key, k))]);
    } else {
      out[vl.base] = codeOf(vl.v.t, v);
    }
  }
}

/** The state (as values) of slot codes. */
export function decodeState(layout: Layout, s: ArrayLike<number>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const vl of layout.order) {
    if (vl.split && vl.v.t.kind === 'fun') {
      const t = vl.v.t;
      const f: Record<string, Value> = {};
      for (let k = 0; k < keyCount(t.key); k++) f[String(keyAt(t.key, k))] = valueOf(t.value, s[vl.base + k]);
      out[vl.v.name] = f;
    } else {
      out[vl.v.name] = valueOf(vl.v.t, s[vl.base]);
    }
  }
  return out;
}
