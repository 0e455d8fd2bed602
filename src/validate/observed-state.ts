/**
 * A log line's state against the model's layout: which slots it observes
 * and the code each must hold. Values are checked against the variable's
 * domain strictly (a boolean is a boolean, a sequence within its bound), so
 * that a wrong log is told apart from a behaviour the model lacks.
 */
import { type Type, type Value, compareValues, isMember, keyAt, keyCount, keyIndex, showType } from '../dsl/index.js';
import { codeOf, valueOf } from '../explore/codes.js';
import type { Layout } from '../explore/layout.js';

/** The observed slots of one line, ascending, with their codes. */
export interface ObservedState {
  readonly slots: Int32Array;
  readonly codes: Float64Array;
}

/** Why a line's state cannot be read against the model. */
export class ObservationError extends Error {
  constructor(
    message: string,
    /** `value` when a value is outside its variable's domain; `shape` for anything else. */
    readonly kind: 'shape' | 'value',
    /** The variable (and key) concerned, when there is one. */
    readonly variable?: string,
  ) {
    super(message);
    this.name = 'ObservationError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON value as a value of domain t (sets sorted), or an error naming where. */
export function readValue(t: Type, v: unknown, where: string): Value {
  const bad = (): never => {
    throw new ObservationError(`${where} = ${JSON.stringify(v)} is not in its domain (${showType(t)})`, 'value', where);
  };
  switch (t.kind) {
    case 'bool': case 'int': case 'enum':
      return isMember(t, v as Value) ? (v as Value) : bad();
    case 'record': {
      if (!isObject(v) || Object.keys(v).length !== t.fields.length) return bad();
      return Object.fromEntries(t.fields.map(([f, ft]) => [f, f in v ? readValue(ft, v[f], `${where}.${f}`) : bad()]));
    }
    case 'fun': {
      if (!isObject(v) || Object.keys(v).length !== keyCount(t.key)) return bad();
      const out: Record<string, Value> = {};
      for (let i = 0; i < keyCount(t.key); i++) {
        const k = String(keyAt(t.key, i));
        out[k] = k in v ? readValue(t.value, v[k], `${where}[${k}]`) : bad();
      }
      return out;
    }
    case 'seq':
      if (!Array.isArray(v) || v.length > t.max) return bad();
      return v.map((e, i) => readValue(t.elem, e, `${where}[${i + 1}]`));
    case 'set': {
      if (!Array.isArray(v)) return bad();
      const elems = v.map((e) => readValue(t.elem, e, `${where} element`)).sort((a, b) => compareValues(t.elem, a, b));
      return elems.filter((e, i) => i === 0 || compareValues(t.elem, elems[i - 1] as Value, e) !== 0);
    }
  }
}

/**
 * The slots and codes a line's `state` observes. Unknown variables and keys
 * are shape errors; values outside their domain are value errors.
 */
export function observedState(layout: Layout, state: unknown, required: Readonly<Record<string, unknown>> = {}): ObservedState {
  if (!isObject(state)) throw new ObservationError('"state" must be an object of model variables', 'shape');
  if (Object.keys(state).length === 0) throw new ObservationError('"state" observes no variable (an observation must give at least one)', 'shape');
  const pairs: [number, number][] = [];
  // what every state of an explanation must hold, unless the line says otherwise
  const given = { ...required, ...state };
  for (const [name, raw] of Object.entries(given)) {
    const vl = layout.vars.get(name);
    if (vl === undefined) {
      throw new ObservationError(`unknown variable '${name}' (the model's variables: ${[...layout.vars.keys()].join(', ')})`, 'shape', name);
    }
    const t = vl.v.t;
    if (vl.split && t.kind === 'fun') {
      // a function split by key: each key given is observed on its own
      if (!isObject(raw)) throw new ObservationError(`${name} = ${JSON.stringify(raw)} is not in its domain (${showType(t)})`, 'value', name);
      for (const [key, kv] of Object.entries(raw)) {
        let k: number;
        try {
          k = keyIndex(t.key, t.key.kind === 'int' ? Number(key) : key);
        } catch {
          k = -1;
        }
        if (k < 0 || k >= keyCount(t.key)) throw new ObservationError(`unknown key ${name}[${key}]`, 'shape', `${name}[${key}]`);
        pairs.push([vl.base + k, codeOf(t.value, readValue(t.value, kv, `${name}[${key}]`))]);
      }
    } else {
      pairs.push([vl.base, codeOf(t, readValue(t, raw, name))]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { slots: Int32Array.from(pairs, (p) => p[0]), codes: Float64Array.from(pairs, (p) => p[1]) };
}

/** Whether slot array `s` holds every observed code. */
export function matches(o: ObservedState, s: Float64Array): boolean {
  const { slots, codes } = o;
  for (let i = 0; i < slots.length; i++) if (s[slots[i] as number] !== codes[i]) return false;
  return true;
}

/** How many observed slots of `s` differ. */
export function distance(o: ObservedState, s: Float64Array): number {
  let d = 0;
  for (let i = 0; i < o.slots.length; i++) if (s[o.slots[i] as number] !== o.codes[i]) d++;
  return d;
}

/** Whether two lines observe the same slots with the same codes. */
export function sameObservation(a: ObservedState, b: ObservedState): boolean {
  if (a.slots.length !== b.slots.length) return false;
  for (let i = 0; i < a.slots.length; i++) if (a.slots[i] !== b.slots[i] || a.codes[i] !== b.codes[i]) return false;
  return true;
}

/** A slot's name as reports write it: `srg1[n2]`, or the variable. */
export function slotName(layout: Layout, slot: number): string {
  const sl = layout.slots[slot];
  if (sl === undefined) return `slot ${slot}`;
  if (sl.key === undefined) return sl.var;
  const vt = layout.vars.get(sl.var)?.v.t;
  return vt?.kind === 'fun' ? `${sl.var}[${keyAt(vt.key, sl.key)}]` : `${sl.var}[${sl.key}]`;
}

/** One observed slot where a model state differs from the log. */
export interface SlotDiff {
  readonly variable: string;
  /** What the log says. */
  readonly log: Value;
  /** What the model state holds. */
  readonly model: Value;
}

/** The observed slots where `s` differs from the log's line, in layout order. */
export function slotDiffs(layout: Layout, o: ObservedState, s: Float64Array): SlotDiff[] {
  const out: SlotDiff[] = [];
  for (let i = 0; i < o.slots.length; i++) {
    const slot = o.slots[i] as number;
    const code = o.codes[i] as number;
    if (s[slot] === code) continue;
    const t = (layout.slots[slot] as { t: Type }).t;
    out.push({ variable: slotName(layout, slot), log: valueOf(t, code), model: valueOf(t, s[slot] as number) });
  }
  return out;
}
