/**
 * Reader of the file TLC writes with `-dumpTrace json F`:
 *
 * ```
 * {"counterexample": {
 *    "state":  [[1, {var: value, ...}], [2, {...}], ...],
 *    "action": [[[1, {...}], {"name": "Fail", "location": {...},
 *                             "context": {"n": "n2"}, "parameters": ["n"]}, [2, {...}]], ...]},
 *  "vars": ["role", ...]}
 * ```
 *
 * Values are TLC's JSON: sets and sequences both arrays, functions with
 * string domains objects, model values strings. A last action that goes
 * back to an earlier (or the same) state closes a lasso.
 */
import { readFile } from 'node:fs/promises';

import { type TlcResult, tlcFailure } from './errors.js';
import type { SourceRange } from './output-types.js';

/** A JSON value as TLC writes it. */
export type JsonValue = boolean | number | string | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One state, by TLC's 1-based number. */
export interface DumpTraceState {
  readonly number: number;
  readonly values: Readonly<Record<string, JsonValue>>;
}

/** One step: from state `from` to state `to` by action `name`. */
export interface DumpTraceAction {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly location?: SourceRange;
  /** The action's parameters and their values, when it has any. */
  readonly context?: Readonly<Record<string, JsonValue>>;
  /** The parameters' names in declaration order. */
  readonly parameters?: readonly string[];
}

/** A parsed `-dumpTrace json` file. */
export interface DumpTrace {
  /** The spec's variables in declaration order. */
  readonly vars: readonly string[];
  /** The states, numbered 1..n in order. */
  readonly states: readonly DumpTraceState[];
  /** The steps in order; a last step with `to <= from` closes a lasso. */
  readonly actions: readonly DumpTraceAction[];
}

const HINT = "re-run TLC with '-dumpTrace json <file>' and read the file it writes";

class Bad extends Error {}

function obj(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Bad(`${what} is not an object`);
  return x as Record<string, unknown>;
}

function arr(x: unknown, what: string): unknown[] {
  if (!Array.isArray(x)) throw new Bad(`${what} is not an array`);
  return x;
}

function int(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new Bad(`${what} is not an integer`);
  return x;
}

function numbered(x: unknown, what: string): DumpTraceState {
  const pair = arr(x, what);
  if (pair.length !== 2) throw new Bad(`${what} is not a [number, state] pair`);
  return { number: int(pair[0], `${what}[0]`), values: obj(pair[1], `${what}[1]`) as Record<string, JsonValue> };
}

function location(x: unknown, what: string): SourceRange {
  const o = obj(x, what);
  if (typeof o.module !== 'string') throw new Bad(`${what}.module is not a string`);
  return {
    module: o.module,
    beginLine: int(o.beginLine, `${what}.beginLine`),
    beginColumn: int(o.beginColumn, `${what}.beginColumn`),
    endLine: int(o.endLine, `${what}.endLine`),
    endColumn: int(o.endColumn, `${what}.endColumn`),
  };
}

function read(doc: unknown): DumpTrace {
  const root = obj(doc, 'the file');
  const vars = arr(root.vars, 'vars').map((v, i) => {
    if (typeof v !== 'string') throw new Bad(`vars[${i}] is not a name`);
    return v;
  });
  const ce = obj(root.counterexample, 'counterexample');
  const states = arr(ce.state, 'counterexample.state').map((s, i) => numbered(s, `counterexample.state[${i}]`));
  if (states.length === 0) throw new Bad('counterexample.state is empty');
  states.forEach((s, i) => {
    if (s.number !== i + 1) throw new Bad(`counterexample.state[${i}] is numbered ${s.number}, expected ${i + 1}`);
    for (const v of vars) if (!(v in s.values)) throw new Bad(`state ${s.number} has no value for variable ${v}`);
  });
  const actions = arr(ce.action ?? [], 'counterexample.action').map((a, i): DumpTraceAction => {
    const what = `counterexample.action[${i}]`;
    const triple = arr(a, what);
    if (triple.length !== 3) throw new Bad(`${what} is not a [from, action, to] triple`);
    const from = numbered(triple[0], `${what}[0]`).number;
    const to = numbered(triple[2], `${what}[2]`).number;
    for (const n of [from, to]) if (n < 1 || n > states.length) throw new Bad(`${what} refers to state ${n}, which does not exist`);
    const info = obj(triple[1], `${what}[1]`);
    if (typeof info.name !== 'string' || info.name === '') throw new Bad(`${what}[1].name is not an action name`);
    const parameters = info.parameters === undefined ? undefined : arr(info.parameters, `${what}[1].parameters`).map(String);
    return {
      from,
      to,
      name: info.name,
      ...(info.location !== undefined ? { location: location(info.location, `${what}[1].location`) } : {}),
      ...(info.context !== undefined ? { context: obj(info.context, `${what}[1].context`) as Record<string, JsonValue> } : {}),
      ...(parameters ? { parameters } : {}),
    };
  });
  actions.forEach((a, i) => {
    const last = i === actions.length - 1;
    if (!(a.from === i + 1 && a.to === i + 2) && !(last && a.from === states.length && a.to <= a.from)) {
      throw new Bad(`counterexample.action[${i}] goes from state ${a.from} to ${a.to}, expected ${i + 1} to ${i + 2}`);
    }
  });
  const forward = actions.filter((a) => a.to > a.from).length;
  if (forward !== states.length - 1) throw new Bad(`${states.length} states but ${forward} steps between them`);
  return { vars, states, actions };
}

/** Parses the text of a `-dumpTrace json` file. */
export function parseDumpTrace(text: string): TlcResult<DumpTrace> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return tlcFailure('TLC_DUMPTRACE_MALFORMED', `TLC trace file is not JSON: ${(e as Error).message}`, HINT);
  }
  try {
    return { ok: true, value: read(doc) };
  } catch (e) {
    if (e instanceof Bad) return tlcFailure('TLC_DUMPTRACE_MALFORMED', `TLC trace file is malformed: ${e.message}`, HINT);
    throw e;
  }
}

/** Reads and parses a `-dumpTrace json` file. */
export async function readDumpTraceFile(path: string): Promise<TlcResult<DumpTrace>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return tlcFailure('TLC_DUMPTRACE_UNREADABLE', `cannot read TLC trace file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, HINT);
  }
  const r = parseDumpTrace(text);
  return r.ok ? r : tlcFailure(r.error.code, `${path}: ${r.error.message}`, r.error.hint);
}
