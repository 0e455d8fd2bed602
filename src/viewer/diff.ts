/**
 * Differences between two values of one variable, in two shapes from one
 * walk: a display tree of the new value whose changed parts carry their old
 * text (what the page shows), and a flat list of changes with paths such as
 * `[n1]` or `[n2][1].srg1` (what the step list and the terminal show).
 *
 * Functions (maps), records and tuples of the same length are compared part
 * by part; anything else that changed (a sequence, a set, a value of another
 * kind) is one change of the whole value, which keeps message queues
 * readable: `notify[n1]: [{type: STATE, srg1: hold, ...}] -> [...]`, not an
 * edit of a field of a message.
 */
import { ItfTuple, type PlainValue } from '../trace/index.js';
import { formatString, formatValue, isRecord, isUnserializable } from './format.js';

/** A value without parts; `w` is its previous text when it changed. */
export interface DisplayAtom {
  readonly a: string;
  readonly w?: string;
}

/** What kind of container a {@link DisplayContainer} shows. */
export type ContainerKind = 'map' | 'rec' | 'seq' | 'set' | 'tup';

/** A value with parts; `w` is the previous text of the whole value when it changed as a whole. */
export interface DisplayContainer {
  readonly c: ContainerKind;
  readonly e: readonly DisplayEntry[];
  readonly w?: string;
}

/** One part of a container: its key (maps and records), its value, and whether it was added or removed. */
export interface DisplayEntry {
  readonly k?: string;
  readonly v: DisplayValue;
  readonly s?: 'add' | 'del';
}

/** A value as the page shows it, with its changes marked (see the module comment). */
export type DisplayValue = DisplayAtom | DisplayContainer;

/** One change: where inside the variable (`''` for the whole value), and the texts before and after. */
export interface ValueChange {
  /** Path inside the variable: `''`, `[n1]`, `[n1][1].srg1`... */
  readonly path: string;
  /** Text before; absent when the part was added. */
  readonly before?: string;
  /** Text after; absent when the part was removed. */
  readonly after?: string;
}

/** The result of {@link diffValue}. */
export interface ValueDiff {
  readonly display: DisplayValue;
  readonly changes: readonly ValueChange[];
}

/**
 * A text that is the same for two values exactly when they are the same
 * value: like {@link formatValue}, with the elements of sets and the entries
 * of maps and records in sorted order.
 */
export function valueKey(v: PlainValue): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'T' : 'F';
    case 'number':
    case 'bigint':
      return 'i' + v.toString();
    case 'string':
      return 's' + JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
  if (v instanceof ItfTuple) return `(${v.items.map(valueKey).join(',')})`;
  if (v instanceof Set) return `{${[...new Set([...v].map(valueKey))].sort().join(',')}}`;
  if (v instanceof Map) return `m{${[...v].map(([k, e]) => `${valueKey(k)}:${valueKey(e)}`).sort().join(',')}}`;
  if (isUnserializable(v)) return 'u' + JSON.stringify(v['#unserializable']);
  return `r{${Object.entries(v).map(([k, e]) => `${JSON.stringify(k)}:${valueKey(e)}`).sort().join(',')}}`;
}

/** The display tree of a value with no changes marked. */
export function displayValue(v: PlainValue): DisplayValue {
  if (typeof v !== 'object' || isUnserializable(v)) return { a: formatValue(v) };
  if (Array.isArray(v)) return { c: 'seq', e: v.map((x) => ({ v: displayValue(x) })) };
  if (v instanceof ItfTuple) return { c: 'tup', e: v.items.map((x) => ({ v: displayValue(x) })) };
  if (v instanceof Set) return { c: 'set', e: [...v].map((x) => ({ v: displayValue(x) })) };
  if (v instanceof Map) return { c: 'map', e: [...v].map(([k, x]) => ({ k: formatValue(k), v: displayValue(x) })) };
  return { c: 'rec', e: Object.entries(v).map(([k, x]) => ({ k: formatString(k), v: displayValue(x) })) };
}

function replaced(prev: PlainValue, cur: PlainValue, path: string): ValueDiff {
  const d = displayValue(cur);
  const before = formatValue(prev);
  return { display: { ...d, w: before }, changes: [{ path, before, after: formatValue(cur) }] };
}

function keyed(
  kind: 'map' | 'rec',
  prev: readonly (readonly [string, string, PlainValue])[],
  cur: readonly (readonly [string, string, PlainValue])[],
  path: string,
  step: (label: string) => string,
): ValueDiff {
  const before = new Map(prev.map(([key, label, v]) => [key, { label, v }]));
  const entries: DisplayEntry[] = [];
  const changes: ValueChange[] = [];
  const seen = new Set<string>();
  for (const [key, label, v] of cur) {
    seen.add(key);
    const old = before.get(key);
    if (old === undefined) {
      entries.push({ k: label, v: displayValue(v), s: 'add' });
      changes.push({ path: path + step(label), after: formatValue(v) });
    } else {
      const d = walk(old.v, v, path + step(label));
      entries.push({ k: label, v: d.display });
      changes.push(...d.changes);
    }
  }
  for (const [key, label, v] of prev) {
    if (seen.has(key)) continue;
    entries.push({ k: label, v: displayValue(v), s: 'del' });
    changes.push({ path: path + step(label), before: formatValue(v) });
  }
  return { display: { c: kind, e: entries }, changes };
}

function walk(prev: PlainValue, cur: PlainValue, path: string): ValueDiff {
  if (valueKey(prev) === valueKey(cur)) return { display: displayValue(cur), changes: [] };
  if (prev instanceof Map && cur instanceof Map) {
    const rows = (m: ReadonlyMap<PlainValue, PlainValue>) => [...m].map(([k, v]) => [valueKey(k), formatValue(k), v] as const);
    return keyed('map', rows(prev), rows(cur), path, (label) => `[${label}]`);
  }
  if (isRecord(prev) && isRecord(cur)) {
    const rows = (r: Readonly<Record<string, PlainValue>>) => Object.entries(r).map(([k, v]) => [k, formatString(k), v] as const);
    return keyed('rec', rows(prev), rows(cur), path, (label) => `.${label}`);
  }
  if (prev instanceof ItfTuple && cur instanceof ItfTuple && prev.items.length === cur.items.length) {
    const parts = cur.items.map((x, i) => walk(prev.items[i] as PlainValue, x, `${path}[${i + 1}]`));
    return { display: { c: 'tup', e: parts.map((d) => ({ v: d.display })) }, changes: parts.flatMap((d) => d.changes) };
  }
  if (prev instanceof Set && cur instanceof Set) {
    const had = new Set([...prev].map(valueKey));
    const has = new Set([...cur].map(valueKey));
    const entries: DisplayEntry[] = [
      ...[...cur].map((x): DisplayEntry => (had.has(valueKey(x)) ? { v: displayValue(x) } : { v: displayValue(x), s: 'add' })),
      ...[...prev].filter((x) => !has.has(valueKey(x))).map((x): DisplayEntry => ({ v: displayValue(x), s: 'del' })),
    ];
    return { display: { c: 'set', e: entries }, changes: [{ path, before: formatValue(prev), after: formatValue(cur) }] };
  }
  return replaced(prev, cur, path);
}

/**
 * Compares the value of a variable before and after a step: the display
 * tree of `cur` with its changes marked, and the flat list of changes (empty
 * when the two are the same value; set and map order does not count).
 */
export function diffValue(prev: PlainValue, cur: PlainValue): ValueDiff {
  return walk(prev, cur, '');
}
