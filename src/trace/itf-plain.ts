/**
 * Conversion between ITF values and plain JavaScript values, and between an
 * ITF trace and a list of plain steps.
 *
 * | ITF                      | plain JavaScript                                      |
 * | ------------------------ | ----------------------------------------------------- |
 * | `true` / `false`         | `boolean`                                             |
 * | string                   | `string`                                              |
 * | `{"#bigint"}` / JSON int | `number` when it is a safe integer, else `bigint`     |
 * | `[...]` (sequence)       | array                                                 |
 * | `{"#set"}`               | `Set`                                                 |
 * | `{"#map"}`               | `Map`                                                 |
 * | `{"#tup"}`               | {@link ItfTuple}                                      |
 * | `{"#unserializable"}`    | the same object, `{ '#unserializable': text }`        |
 * | record                   | plain object                                          |
 *
 * Integers are always written back as `{"#bigint"}`, so
 * `plainToItf(itfToPlain(v))` gives back `v` for every value ha-verify
 * writes, and `itfToPlain(plainToItf(p))` gives back `p`.
 */
import {
  ITF_ACTION_TAKEN,
  ITF_NONDET_PICKS,
  type ItfMap,
  type ItfRecord,
  type ItfState,
  type ItfTrace,
  type ItfTraceMeta,
  type ItfUnserializable,
  type ItfValue,
} from './itf-types.js';

/** A tuple among plain values (JavaScript has none; arrays are sequences). */
export class ItfTuple {
  readonly items: readonly PlainValue[];
  constructor(items: readonly PlainValue[]) {
    this.items = items;
  }
}

/** A record among plain values. */
export interface PlainRecord {
  readonly [field: string]: PlainValue;
}

/** A plain JavaScript value that maps one to one onto an ITF value. */
export type PlainValue =
  | boolean
  | string
  | number
  | bigint
  | readonly PlainValue[]
  | ReadonlySet<PlainValue>
  | ReadonlyMap<PlainValue, PlainValue>
  | ItfTuple
  | ItfUnserializable
  | PlainRecord;

function isTagged(v: object, tag: string): boolean {
  return Object.prototype.hasOwnProperty.call(v, tag);
}

/** Converts an (already valid) ITF value to a plain JavaScript value. */
export function itfToPlain(v: ItfValue): PlainValue {
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(itfToPlain);
  const o = v as Record<string, unknown>;
  if (isTagged(o, '#bigint')) {
    const n = BigInt(o['#bigint'] as string);
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  if (isTagged(o, '#set')) return new Set((o['#set'] as ItfValue[]).map(itfToPlain));
  if (isTagged(o, '#tup')) return new ItfTuple((o['#tup'] as ItfValue[]).map(itfToPlain));
  if (isTagged(o, '#map')) {
    return new Map((o['#map'] as ItfMap['#map']).map(([k, val]) => [itfToPlain(k), itfToPlain(val)] as const));
  }
  if (isTagged(o, '#unserializable')) return { '#unserializable': o['#unserializable'] as string };
  const out: Record<string, PlainValue> = {};
  for (const [k, val] of Object.entries(o)) out[k] = itfToPlain(val as ItfValue);
  return out;
}

/**
 * Converts a plain JavaScript value to an ITF value. Throws a `TypeError`
 * for what has no ITF form (a non-integer number, `null`, `undefined`, a
 * function, a record field starting with `#`): that is a bug of the caller,
 * not a condition to report.
 */
export function plainToItf(p: PlainValue): ItfValue {
  switch (typeof p) {
    case 'boolean':
    case 'string':
      return p;
    case 'number':
      if (!Number.isInteger(p)) throw new TypeError(`plainToItf: ${p} is not an integer`);
      return { '#bigint': BigInt(p).toString() };
    case 'bigint':
      return { '#bigint': p.toString() };
    case 'object':
      break;
    default:
      throw new TypeError(`plainToItf: a ${typeof p} has no ITF form`);
  }
  if (p === null) throw new TypeError('plainToItf: null has no ITF form');
  if (Array.isArray(p)) return p.map(plainToItf);
  if (p instanceof Set) return { '#set': [...p].map(plainToItf) };
  if (p instanceof Map) return { '#map': [...p].map(([k, v]) => [plainToItf(k), plainToItf(v)] as const) };
  if (p instanceof ItfTuple) return { '#tup': p.items.map(plainToItf) };
  const o = p as Record<string, PlainValue>;
  if (isTagged(o, '#unserializable') && Object.keys(o).length === 1) return { '#unserializable': String(o['#unserializable']) };
  const out: Record<string, ItfValue> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith('#')) throw new TypeError(`plainToItf: record field ${JSON.stringify(k)} starts with '#'`);
    out[k] = plainToItf(v);
  }
  return out;
}

/** One state of a trace in plain values, with the step that produced it. */
export interface PlainStep {
  /** A value for every variable. */
  readonly values: Readonly<Record<string, PlainValue>>;
  /** The action that produced this state; absent for the initial state. */
  readonly action?: string;
  /** That action's parameters by name (`{}` when it has none). */
  readonly picks?: Readonly<Record<string, PlainValue>>;
}

/** A trace in plain values: what the explorer, replay and the viewer handle. */
export interface PlainTrace {
  readonly vars: readonly string[];
  readonly steps: readonly PlainStep[];
  /** Index of the state the lasso returns to (see `itf-types.ts`). */
  readonly loop?: number;
  /** The step that closes the lasso, when known. */
  readonly loopAction?: { readonly action: string; readonly picks: Readonly<Record<string, PlainValue>> };
  /** Trace metadata other than `loopAction`. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

function picksToItf(picks: Readonly<Record<string, PlainValue>> | undefined): ItfRecord {
  return (picks === undefined ? {} : plainToItf(picks as PlainRecord)) as ItfRecord;
}

/**
 * Builds an ITF trace from plain steps. Every state gets `#meta.index`;
 * every state after the first gets `mbt::actionTaken` (the step's `action`,
 * which it must have) and `mbt::nondetPicks` (its `picks`, `{}` if absent).
 * Throws a `TypeError` when a step lacks a variable or a later step lacks
 * its action: the caller built a wrong trace.
 */
export function toItfTrace(trace: PlainTrace): ItfTrace {
  const states = trace.steps.map((step, i): ItfState => {
    const s: Record<string, unknown> = { '#meta': { index: i } };
    if (step.action !== undefined) {
      s[ITF_ACTION_TAKEN] = step.action;
      s[ITF_NONDET_PICKS] = picksToItf(step.picks);
    } else if (i > 0) {
      throw new TypeError(`toItfTrace: step ${i} has no action`);
    }
    for (const v of trace.vars) {
      if (!(v in step.values)) throw new TypeError(`toItfTrace: step ${i} has no value for ${JSON.stringify(v)}`);
      s[v] = plainToItf(step.values[v]);
    }
    return s as ItfState;
  });
  const meta: Record<string, unknown> = { format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', ...trace.meta };
  if (trace.loopAction) {
    meta.loopAction = { [ITF_ACTION_TAKEN]: trace.loopAction.action, [ITF_NONDET_PICKS]: picksToItf(trace.loopAction.picks) };
  }
  return {
    '#meta': meta as ItfTraceMeta,
    vars: [...trace.vars],
    states,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };
}

function picksToPlain(picks: ItfRecord | undefined): Record<string, PlainValue> {
  return picks === undefined ? {} : (itfToPlain(picks) as Record<string, PlainValue>);
}

/**
 * Reads an (already valid) ITF trace as plain steps: the inverse of
 * {@link toItfTrace}. `params` are not part of the result.
 */
export function fromItfTrace(trace: ItfTrace): PlainTrace {
  const steps = trace.states.map((s): PlainStep => {
    const values: Record<string, PlainValue> = {};
    for (const v of trace.vars) values[v] = itfToPlain(s[v] as ItfValue);
    const action = s[ITF_ACTION_TAKEN];
    return action === undefined ? { values } : { values, action, picks: picksToPlain(s[ITF_NONDET_PICKS]) };
  });
  const { loopAction, ...meta } = trace['#meta'] ?? {};
  return {
    vars: [...trace.vars],
    steps,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
    ...(loopAction
      ? { loopAction: { action: loopAction[ITF_ACTION_TAKEN], picks: picksToPlain(loopAction[ITF_NONDET_PICKS]) } }
      : {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
  };
}
