/**
 * Compact, readable text of trace values for people who are not TLA+
 * experts: `{n1: active, n2: hold}` for a function or record, `[a, b]` for a
 * sequence, `{a, b}` for a set, `(a, b)` for a tuple. Strings that read as
 * plain words are written bare; any other string is quoted, with every
 * control or invisible character escaped, so that a value can never pass for
 * another or hide part of itself.
 */
import { ItfTuple, type PlainValue } from '../trace/index.js';
import { escapeControls } from './escape.js';

const BARE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Whether `v` is a plain record (neither a Map, Set, array, tuple nor `#unserializable`). */
export function isRecord(v: PlainValue): v is Readonly<Record<string, PlainValue>> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Map) &&
    !(v instanceof Set) &&
    !(v instanceof ItfTuple) &&
    !isUnserializable(v)
  );
}

/** Whether `v` is an ITF value with no finite form (`{"#unserializable": text}`). */
export function isUnserializable(v: PlainValue): v is { readonly '#unserializable': string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Map) &&
    !(v instanceof Set) &&
    Object.prototype.hasOwnProperty.call(v, '#unserializable')
  );
}

/** Whether a value has no parts to show separately (boolean, number, string, unserializable). */
export function isAtom(v: PlainValue): boolean {
  return typeof v !== 'object' || isUnserializable(v);
}

/**
 * The text of a string as a name or value: bare when it reads as a word
 * (`n1`, `coldSync`, `keep-and-probe`), else JSON-quoted with control and
 * invisible characters escaped. `true`, `false` and the empty string are
 * always quoted so that they cannot be mistaken for other values.
 */
export function formatString(s: string): string {
  if (BARE.test(s) && s !== 'true' && s !== 'false') return s;
  return escapeControls(JSON.stringify(s));
}

/** The text of any plain trace value (see the module comment). */
export function formatValue(v: PlainValue): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
    case 'bigint':
      return v.toString();
    case 'string':
      return formatString(v);
  }
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (v instanceof Set) return `{${[...v].map(formatValue).join(', ')}}`;
  if (v instanceof Map) return `{${[...v].map(([k, e]) => `${formatValue(k)}: ${formatValue(e)}`).join(', ')}}`;
  if (v instanceof ItfTuple) return `(${v.items.map(formatValue).join(', ')})`;
  if (isUnserializable(v)) return `<${escapeControls(v['#unserializable'])}>`;
  return `{${Object.entries(v).map(([k, e]) => `${formatString(k)}: ${formatValue(e)}`).join(', ')}}`;
}

/**
 * The text of an action and its parameters, e.g. `HoldOnProbeReply(n: n1)`,
 * `Packet(n: n1, s: s1)`, or just `IclCut` when it has none.
 */
export function formatAction(action: string, picks: Readonly<Record<string, PlainValue>> | undefined): string {
  const params = Object.entries(picks ?? {});
  const name = formatString(action);
  if (params.length === 0) return name;
  return `${name}(${params.map(([k, v]) => `${formatString(k)}: ${formatValue(v)}`).join(', ')})`;
}
