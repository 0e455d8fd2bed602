/**
 * TLA+ values as TLC prints them, and their ITF form.
 *
 * The parser keeps what TLC printed apart (a record `[a |-> 1]` is not a
 * function `(a :> 1)`, a model value `n1` is not a string `"n1"`) so that a
 * caller sees exactly what TLC said; {@link tlaValueToItf} then applies the
 * encoding documented in `src/trace/itf-types.ts`.
 */
import type { ItfValue } from '../trace/itf-types.js';

/** A value printed by TLC. */
export type TlaValue =
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'string'; readonly value: string }
  /** A model value (an uninterpreted constant such as `n1`). */
  | { readonly kind: 'model-value'; readonly name: string }
  | { readonly kind: 'set'; readonly elements: readonly TlaValue[] }
  /** `<<a, b>>`: a sequence or tuple (TLA+ does not tell them apart). */
  | { readonly kind: 'seq'; readonly elements: readonly TlaValue[] }
  /** `[f |-> v, ...]`, fields in printed order. */
  | { readonly kind: 'record'; readonly fields: readonly (readonly [string, TlaValue])[] }
  /** `(k :> v @@ ...)` or `[x \in S |-> v]`, entries in printed order. */
  | { readonly kind: 'function'; readonly entries: readonly (readonly [TlaValue, TlaValue])[] };

/**
 * The ITF form of a TLC value: integers as `#bigint`, sets as `#set`,
 * sequences as arrays, records as objects, functions as `#map`, and model
 * values as plain strings (as TLC's own `-dumpTrace json` writes them).
 */
export function tlaValueToItf(v: TlaValue): ItfValue {
  switch (v.kind) {
    case 'bool':
      return v.value;
    case 'int':
      return { '#bigint': v.value.toString() };
    case 'string':
      return v.value;
    case 'model-value':
      return v.name;
    case 'set':
      return { '#set': v.elements.map(tlaValueToItf) };
    case 'seq':
      return v.elements.map(tlaValueToItf);
    case 'record': {
      const out: Record<string, ItfValue> = {};
      for (const [f, x] of v.fields) out[f] = tlaValueToItf(x);
      return out;
    }
    case 'function':
      return { '#map': v.entries.map(([k, x]) => [tlaValueToItf(k), tlaValueToItf(x)] as const) };
  }
}
