/**
 * Integer codes of values, the representation the compiled explorer works
 * on. Integers are coded as themselves; every other value by its rank in its
 * domain (booleans 0/1, enumerations by position, records and functions in
 * mixed radix, sequences length-prefixed, sets as bit masks). Equal values
 * have equal codes, so equality is integer comparison.
 */
import { type Type, type Value, cardinality, keyAt, keyCount, makeSet } from '../dsl/index.js';

/** Code of an element inside a composite: its rank (integers shifted by their lower bound). */
export function rankOf(t: Type, v: Value): number {
  return t.kind === 'int' ? (v as number) - t.lo : codeOf(t, v);
}

/** Value of a rank inside a composite. */
export function valueOfRank(t: Type, r: number): Value {
  return t.kind === 'int' ? r + t.lo : valueOf(t, r);
}

/** Offsets of the sequences of each length: base[l] = sum of E^i for i < l. */
export function seqBases(t: Type & { kind: 'seq' }): number[] {
  const e = cardinality(t.elem);
  const base = [0];
  for (let l = 1; l <= t.max + 1; l++) base.push(base[l - 1] + e ** (l - 1));
  return base;
}

/** The code of a value of type t. */
export function codeOf(t: Type, v: Value): number {
  switch (t.kind) {
    case 'bool': return v ? 1 : 0;
    case 'int': {
      // a value outside the domain would pack into a neighbour's bits, or as another value
      if (typeof v !== 'number' || !Number.isInteger(v) || v < t.lo || v > t.hi) throw new RangeError(`${String(v)} is not in ${t.lo}..${t.hi}`);
      return v;
    }
    case 'enum': {
      const i = t.values.indexOf(v as string);
      if (i < 0) throw new RangeError(`${String(v)} is not in the enumeration`);
      return i;
    }
    case 'record': {
      let code = 0;
      let stride = 1;
      for (const [f, ft] of t.fields) {
        code += rankOf(ft, (v as Record<string, Value>)[f]) * stride;
        stride *= cardinality(ft);
      }
      return code;
    }
    case 'fun': {
      let code = 0;
      let stride = 1;
      const vc = cardinality(t.value);
      for (let i = 0; i < keyCount(t.key); i++) {
        code += rankOf(t.value, (v as Record<string, Value>)[String(keyAt(t.key, i))]) * stride;
        stride *= vc;
      }
      return code;
    }
    case 'seq': {
      const s = v as Value[];
      if (!Array.isArray(s) || s.length > t.max) throw new RangeError(`a sequence of ${Array.isArray(s) ? s.length : '?'} elements is longer than the bound ${t.max}`);
      const e = cardinality(t.elem);
      let code = 0;
      let stride = 1;
      for (const x of s) { code += rankOf(t.elem, x) * stride; stride *= e; }
      return seqBases(t)[s.length] + code;
    }
    case 'set': {
      let mask = 0;
      for (const x of v as Value[]) mask += 2 ** rankOf(t.elem, x);
      return mask;
    }
  }
}

/** The value of a code of type t. */
export function valueOf(t: Type, code: number): Value {
  switch (t.kind) {
    case 'bool': return code !== 0;
    case 'int': return code;
    case 'enum': return t.values[code];
    case 'record': {
      const out: Record<string, Value> = {};
      let rest = code;
      for (const [f, ft] of t.fields) {
        const c = cardinality(ft);
        out[f] = valueOfRank(ft, rest % c);
        rest = Math.floor(rest / c);
      }
      return out;
    }
    case 'fun': {
      const out: Record<string, Value> = {};
      let rest = code;
      const c = cardinality(t.value);
      for (let i = 0; i < keyCount(t.key); i++) {
        out[String(keyAt(t.key, i))] = valueOfRank(t.value, rest % c);
        rest = Math.floor(rest / c);
      }
      return out;
    }
    case 'seq': {
      const base = seqBases(t);
      let len = 0;
      while (len < t.max && code >= base[len + 1]) len++;
      let rest = code - base[len];
      const e = cardinality(t.elem);
      const out: Value[] = [];
      for (let i = 0; i < len; i++) { out.push(valueOfRank(t.elem, rest % e)); rest = Math.floor(rest / e); }
      return out;
    }
    case 'set': {
      const out: Value[] = [];
      const n = cardinality(t.elem);
      for (let i = 0; i < n; i++) if (Math.floor(code / 2 ** i) % 2 === 1) out.push(valueOfRank(t.elem, i));
      return makeSet(t.elem, out); // canonical order, as the interpreter keeps sets
    }
  }
}
