/**
 * What the viewer reads from a trace's top-level `#meta` besides the states:
 * the scenario, the property and its kind, the step where it fails, and a
 * replay result. Every key may be absent; a key that is present with a wrong
 * type or an impossible value is refused with an error that names it.
 */
import type { ItfErrorCode, ItfErrorLocation, ItfTrace, ItfValue } from '../trace/index.js';
import { itfToPlain, validateItfValue } from '../trace/index.js';
import { escapeControls } from './escape.js';
import { formatValue } from './format.js';

/** Stable codes of the errors the viewer reports (the trace reader's, plus its own). */
export type ViewErrorCode = ItfErrorCode | 'VIEW_BAD_META' | 'VIEW_BAD_REPLAY';

/** An error that reaches a user: stable code, one-line message, what to do. */
export interface ViewError {
  readonly code: ViewErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly at?: ItfErrorLocation;
}

/** Result of every fallible operation of `src/viewer`. */
export type ViewResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ViewError };

/** One variable where the implementation's state differs from the trace's. */
export interface ReplayDiffEntry {
  readonly variable: string;
  /** What the trace (the model) says. */
  readonly expected: unknown;
  /** What the implementation has. */
  readonly actual: unknown;
}

/** What the implementation was given at one step of a replay (from the replay log). */
export interface ReplayLogEntry {
  /** The trace state this step produced; `states.length` for the step that closes a lasso. */
  readonly step: number;
  readonly action?: string;
  /** The stimulus applied, e.g. `probe n1`. */
  readonly stimulus?: string;
  /** What it reported, e.g. `answered`. */
  readonly outcome?: string;
}

/**
 * The result of replaying a trace against the implementation, as `replay`
 * reports it (`src/replay/result.ts`): it follows the trace, departs at a
 * step (with the per-variable diff, and a known difference when it is one),
 * or could not run (`error`, with a code and message).
 */
export interface ReplayResult {
  readonly outcome: 'follows' | 'departs' | 'error';
  /** The state index where the implementation departs (or where the error is); `states.length` for a lasso's closing step. */
  readonly step?: number;
  /** The action of that step, as replay writes it (`HoldOnProbeReply(n=n1)`). */
  readonly action?: string;
  readonly diff?: readonly ReplayDiffEntry[];
  /** Set when the departure is a known difference between the model and the implementation. */
  readonly known?: { readonly id: string; readonly summary: string };
  /** For `error`: the stable code, the message and what to do. */
  readonly code?: string;
  readonly message?: string;
  readonly hint?: string;
  /** What each step did to the implementation. */
  readonly log?: readonly ReplayLogEntry[];
}

/** Kinds of property the viewer knows how to describe. */
export type PropertyKind = 'invariant' | 'liveness' | 'deadlock';

/** What the viewer knows about a trace beyond its states. */
export interface TraceInfo {
  readonly scenario?: string;
  readonly property?: string;
  /** As the trace says; known kinds are described specially. */
  readonly kind?: string;
  readonly description?: string;
  /** The producer (`#meta.source`). */
  readonly producer?: string;
  /** The state where the property fails: `#meta.violationStep`, else the last state for an invariant or deadlock. */
  readonly violationStep?: number;
  readonly replay?: ReplayResult;
  /** The node routers prefer on equal preference, when the trace says (`TieBreak` param or `#meta.tieBreak`). */
  readonly tieBreak?: string;
  /** Whether routers see advertisements at once, when the trace says (`RouteConvergence` param or `#meta.routeConvergence`). */
  readonly routeConvergence?: string;
  /** The environment a liveness property states (`#meta.environment`), in words. */
  readonly environment?: string;
  /** The steps that environment stops (`#meta.stops`): never taken on the loop, owing no fairness. */
  readonly stops?: readonly string[];
}

const META_HINT = 'fix or regenerate the trace; the viewer reads #meta keys scenario, property, kind, violationStep, replay';
const REPLAY_HINT = 'a replay result is {"outcome": "follows" | "departs" | "error", "step"?: N, "action"?: "...", "diff"?: [{"variable", "expected", "actual"}], "known"?, "log"?} as replay writes it';

class Bad extends Error {
  constructor(readonly path: string, readonly what: string) {
    super(what);
  }
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + '...' : x)}`;
  return `${typeof x} ${String(x)}`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function optString(o: Record<string, unknown>, key: string, path: string): string | undefined {
  if (!(key in o) || o[key] === undefined) return undefined;
  const v = o[key];
  if (typeof v !== 'string') throw new Bad(`${path}.${key}`, `must be a string, found ${describe(v)}`);
  return v;
}

function asInteger(x: unknown): number | undefined {
  if (typeof x === 'number' && Number.isSafeInteger(x)) return x;
  if (isObject(x) && Object.keys(x).length === 1 && typeof x['#bigint'] === 'string' && /^-?[0-9]+$/.test(x['#bigint'])) {
    const n = Number(x['#bigint']);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

function optIndex(o: Record<string, unknown>, key: string, path: string, states: number): number | undefined {
  if (!(key in o) || o[key] === undefined) return undefined;
  const n = asInteger(o[key]);
  if (n === undefined || n < 0 || n >= states) {
    throw new Bad(`${path}.${key}`, `must be a state index in 0..${states - 1}, found ${describe(o[key])}`);
  }
  return n;
}

function readReplay(doc: unknown, path: string, states: number, lasso: boolean): ReplayResult {
  if (!isObject(doc)) throw new Bad(path, `must be an object, found ${describe(doc)}`);
  const outcome = doc.outcome;
  if (outcome !== 'follows' && outcome !== 'departs' && outcome !== 'error') {
    throw new Bad(`${path}.outcome`, `must be "follows", "departs" or "error", found ${describe(outcome)}`);
  }
  // A lasso's closing step has no state of its own: replay numbers it states.length.
  const steps = lasso ? states + 1 : states;
  const step = optIndex(doc, 'step', path, steps);
  const strings: Record<string, string> = {};
  for (const key of ['action', 'code', 'message', 'hint']) {
    const v = optString(doc, key, path);
    if (v !== undefined) strings[key] = v;
  }
  let diff: ReplayDiffEntry[] | undefined;
  if ('diff' in doc && doc.diff !== undefined) {
    if (!Array.isArray(doc.diff)) throw new Bad(`${path}.diff`, `must be an array, found ${describe(doc.diff)}`);
    diff = doc.diff.map((d, i): ReplayDiffEntry => {
      const at = `${path}.diff[${i}]`;
      if (!isObject(d)) throw new Bad(at, `must be an object, found ${describe(d)}`);
      if (typeof d.variable !== 'string') throw new Bad(`${at}.variable`, `must be a string, found ${describe(d.variable)}`);
      return { variable: d.variable, expected: d.expected, actual: d.actual };
    });
  }
  let known: { id: string; summary: string } | undefined;
  if ('known' in doc && doc.known !== undefined) {
    const k = doc.known;
    if (!isObject(k) || typeof k.id !== 'string' || typeof k.summary !== 'string') {
      throw new Bad(`${path}.known`, `must be {"id": string, "summary": string}, found ${describe(k)}`);
    }
    known = { id: k.id, summary: k.summary };
  }
  let log: ReplayLogEntry[] | undefined;
  if ('log' in doc && doc.log !== undefined) {
    if (!Array.isArray(doc.log)) throw new Bad(`${path}.log`, `must be an array, found ${describe(doc.log)}`);
    log = doc.log.map((e, i): ReplayLogEntry => {
      const at = `${path}.log[${i}]`;
      if (!isObject(e)) throw new Bad(at, `must be an object, found ${describe(e)}`);
      const index = optIndex(e, 'step', at, steps);
      if (index === undefined) throw new Bad(`${at}.step`, 'is missing');
      const entry: Record<string, unknown> = { step: index };
      for (const key of ['action', 'stimulus', 'outcome']) {
        const v = optString(e, key, at);
        if (v !== undefined) entry[key] = v;
      }
      return entry as unknown as ReplayLogEntry;
    });
  }
  return {
    outcome,
    ...(step !== undefined ? { step } : {}),
    ...strings,
    ...(diff ? { diff } : {}),
    ...(known ? { known } : {}),
    ...(log ? { log } : {}),
  };
}

function paramValue(trace: ItfTrace, name: string): unknown {
  if (!trace.params?.includes(name)) return undefined;
  return trace.states[0]?.[name];
}

function optParamString(trace: ItfTrace, meta: Record<string, unknown>, param: string, key: string): string | undefined {
  const p = paramValue(trace, param);
  if (typeof p === 'string') return p;
  return optString(meta, key, '#meta');
}

/**
 * Reads the viewer's keys of a (validated) trace's `#meta`. A `replay`
 * given here (from a `--replay` file) takes the place of `#meta.replay`.
 * Fails with `VIEW_BAD_META` or `VIEW_BAD_REPLAY` naming the key and what is
 * wrong with it.
 */
export function readTraceInfo(trace: ItfTrace, replay?: unknown): ViewResult<TraceInfo> {
  const meta = (trace['#meta'] ?? {}) as Record<string, unknown>;
  const states = trace.states.length;
  let inReplay = false;
  try {
    const scenario = optString(meta, 'scenario', '#meta');
    const property = optString(meta, 'property', '#meta');
    const kind = optString(meta, 'kind', '#meta');
    const description = optString(meta, 'description', '#meta');
    const producer = optString(meta, 'source', '#meta');
    const explicit = optIndex(meta, 'violationStep', '#meta', states);
    const defaultsToLast = kind === 'invariant' || kind === 'deadlock' || (kind === undefined && property !== undefined && trace.loop === undefined);
    const violationStep = explicit ?? (defaultsToLast ? states - 1 : undefined);
    inReplay = true;
    const replayResult =
      replay !== undefined
        ? readReplay(isObject(replay) && 'replay' in replay && !('outcome' in replay) ? replay.replay : replay, 'replay', states, trace.loop !== undefined)
        : 'replay' in meta && meta.replay !== undefined
          ? readReplay(meta.replay, '#meta.replay', states, trace.loop !== undefined)
          : undefined;
    inReplay = false;
    const tieBreak = optParamString(trace, meta, 'TieBreak', 'tieBreak');
    const routeConvergence = optParamString(trace, meta, 'RouteConvergence', 'routeConvergence');
    const environment = optString(meta, 'environment', '#meta');
    const stops = meta.stops;
    if (stops !== undefined && !(Array.isArray(stops) && stops.every((x) => typeof x === 'string'))) throw new Bad('#meta.stops', `must be an array of step names, found ${describe(stops)}`);
    return {
      ok: true,
      value: {
        ...(scenario !== undefined ? { scenario } : {}),
        ...(property !== undefined ? { property } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(producer !== undefined ? { producer } : {}),
        ...(violationStep !== undefined ? { violationStep } : {}),
        ...(replayResult ? { replay: replayResult } : {}),
        ...(tieBreak !== undefined ? { tieBreak } : {}),
        ...(routeConvergence !== undefined ? { routeConvergence } : {}),
        ...(environment !== undefined ? { environment } : {}),
        ...(stops !== undefined ? { stops: stops as string[] } : {}),
      },
    };
  } catch (e) {
    if (!(e instanceof Bad)) throw e;
    const code = inReplay ? 'VIEW_BAD_REPLAY' : 'VIEW_BAD_META';
    const what = inReplay && replay !== undefined ? 'replay result' : 'trace';
    return {
      ok: false,
      error: { code, message: `malformed ${what} at ${e.path}: ${e.what}`, hint: inReplay ? REPLAY_HINT : META_HINT, at: { path: e.path } },
    };
  }
}

/**
 * The text of a value from a replay result: an ITF value is shown as trace
 * values are (`{n1: active, n2: hold}`), anything else as JSON.
 */
export function formatReplayValue(x: unknown): string {
  if (x === undefined) return '(absent)';
  const v = validateItfValue(x);
  if (v.ok) return formatValue(itfToPlain(v.value as ItfValue));
  return escapeControls(JSON.stringify(x) ?? String(x));
}
