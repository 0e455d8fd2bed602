/**
 * Strict reader of ITF traces: checks that a parsed JSON document is an ITF
 * trace as `src/trace/itf-types.ts` documents it, and names the first thing
 * that is wrong and where (state index, variable, JSON path).
 */
import {
  ITF_ACTION_TAKEN,
  ITF_NONDET_PICKS,
  type ItfError,
  type ItfErrorLocation,
  type ItfResult,
  type ItfTrace,
  type ItfValue,
} from './itf-types.js';

/** Options of {@link validateItfTrace}. */
export interface ItfValidateOptions {
  /**
   * Require `mbt::actionTaken` and `mbt::nondetPicks` on every state after
   * the first (ha-verify's convention; default `true`). Set to `false` to
   * read traces of other tools that do not record steps.
   */
  readonly requireActions?: boolean;
}

const TOP_LEVEL_KEYS = new Set(['#meta', 'params', 'vars', 'states', 'loop']);
const TAGS = new Set(['#bigint', '#set', '#map', '#tup', '#unserializable']);
const HINT = 'fix or regenerate the trace; ITF is described in src/trace/itf-types.ts';

/** Thrown internally to unwind on the first problem; never escapes this module. */
class Malformed extends Error {
  constructor(readonly where: ItfErrorLocation, readonly what: string) {
    super(what);
  }
}

interface Ctx {
  readonly path: string;
  readonly state?: number;
  readonly variable?: string;
}

function fail(ctx: Ctx, what: string): never {
  const where: ItfErrorLocation = {
    path: ctx.path,
    ...(ctx.state !== undefined ? { state: ctx.state } : {}),
    ...(ctx.variable !== undefined ? { variable: ctx.variable } : {}),
  };
  throw new Malformed(where, what);
}

function child(ctx: Ctx, key: string | number): Ctx {
  const step = typeof key === 'number' ? `[${key}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return { ...ctx, path: ctx.path + step };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + '...' : x)}`;
  return `${typeof x} ${String(x)}`;
}

function checkValue(x: unknown, ctx: Ctx): void {
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return;
    case 'number':
      if (!Number.isSafeInteger(x)) {
        fail(ctx, `${x} is not an integer an ITF number may hold (write integers as {"#bigint": "..."})`);
      }
      return;
    case 'object':
      break;
    default:
      fail(ctx, `${describe(x)} is not an ITF value`);
  }
  if (x === null) fail(ctx, 'null is not an ITF value');
  if (Array.isArray(x)) {
    x.forEach((e, i) => checkValue(e, child(ctx, i)));
    return;
  }
  const obj = x as Record<string, unknown>;
  const keys = Object.keys(obj);
  const tagged = keys.filter((k) => k.startsWith('#'));
  if (tagged.length === 0) {
    for (const k of keys) checkValue(obj[k], child(ctx, k));
    return;
  }
  const tag = tagged[0];
  if (keys.length !== 1 || !TAGS.has(tag)) {
    fail(ctx, `object with keys ${keys.map((k) => JSON.stringify(k)).join(', ')} is neither a record (no key starts with '#') nor one of ${[...TAGS].join(', ')}`);
  }
  const body = obj[tag];
  const at = child(ctx, tag);
  switch (tag) {
    case '#bigint':
      if (typeof body !== 'string' || !/^-?[0-9]+$/.test(body)) fail(at, `${describe(body)} is not a decimal integer string`);
      return;
    case '#unserializable':
      if (typeof body !== 'string') fail(at, `${describe(body)} is not a string`);
      return;
    case '#set':
    case '#tup':
      if (!Array.isArray(body)) fail(at, `${describe(body)} is not an array`);
      body.forEach((e, i) => checkValue(e, child(at, i)));
      return;
    case '#map':
      if (!Array.isArray(body)) fail(at, `${describe(body)} is not an array of [key, value] pairs`);
      body.forEach((pair, i) => {
        const pc = child(at, i);
        if (!Array.isArray(pair) || pair.length !== 2) fail(pc, `${describe(pair)} is not a [key, value] pair`);
        checkValue(pair[0], child(pc, 0));
        checkValue(pair[1], child(pc, 1));
      });
      return;
  }
}

function checkNames(x: unknown, ctx: Ctx, what: string): readonly string[] {
  if (!Array.isArray(x)) fail(ctx, `${what} must be an array of names, found ${describe(x)}`);
  const seen = new Set<string>();
  x.forEach((n, i) => {
    if (typeof n !== 'string' || n === '') fail(child(ctx, i), `${what} entry ${describe(n)} is not a non-empty name`);
    if (n.startsWith('#')) fail(child(ctx, i), `${what} entry ${JSON.stringify(n)} starts with '#'`);
    if (seen.has(n)) fail(child(ctx, i), `${what} lists ${JSON.stringify(n)} twice`);
    seen.add(n);
  });
  return x as string[];
}

function checkTrace(doc: unknown, opts: ItfValidateOptions): asserts doc is ItfTrace {
  const root: Ctx = { path: '$' };
  if (!isPlainObject(doc)) fail(root, `an ITF trace is a JSON object, found ${describe(doc)}`);
  for (const k of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.has(k)) fail(child(root, k), `unknown top-level key ${JSON.stringify(k)} (expected ${[...TOP_LEVEL_KEYS].join(', ')})`);
  }
  if ('#meta' in doc && !isPlainObject(doc['#meta'])) fail(child(root, '#meta'), `#meta must be an object, found ${describe(doc['#meta'])}`);
  if (!('vars' in doc)) fail(root, 'missing "vars"');
  const vars = checkNames(doc.vars, child(root, 'vars'), 'vars');
  const params = 'params' in doc ? checkNames(doc.params, child(root, 'params'), 'params') : [];
  for (const p of params) if (vars.includes(p)) fail(child(root, 'params'), `${JSON.stringify(p)} is both a param and a var`);
  if (!('states' in doc)) fail(root, 'missing "states"');
  const states = doc.states;
  const sctx = child(root, 'states');
  if (!Array.isArray(states)) fail(sctx, `states must be an array, found ${describe(states)}`);
  if (states.length === 0) fail(sctx, 'states is empty; a trace has at least its initial state');
  const requireActions = opts.requireActions ?? true;
  const known = new Set([...vars, ...params, '#meta', ITF_ACTION_TAKEN, ITF_NONDET_PICKS]);
  states.forEach((s, i) => {
    const c: Ctx = { ...child(sctx, i), state: i };
    if (!isPlainObject(s)) fail(c, `state ${i} must be an object, found ${describe(s)}`);
    for (const k of Object.keys(s)) {
      if (!known.has(k)) {
        const where = { ...child(c, k), variable: k };
        fail(where, k.startsWith('mbt::') ? `state ${i} has unknown key ${JSON.stringify(k)}` : `state ${i} has variable ${JSON.stringify(k)}, which is not listed in vars`);
      }
    }
    if ('#meta' in s) {
      const meta = s['#meta'];
      const mc = child(c, '#meta');
      if (!isPlainObject(meta)) fail(mc, `state ${i}: #meta must be an object, found ${describe(meta)}`);
      if ('index' in meta && meta.index !== i) fail(child(mc, 'index'), `state ${i}: #meta.index is ${describe(meta.index)}, expected ${i}`);
      for (const k of Object.keys(meta)) checkValue(meta[k], child(mc, k));
    }
    const required = i === 0 ? [...vars, ...params] : vars;
    for (const v of required) {
      const vc: Ctx = { ...child(c, v), variable: v };
      if (!(v in s)) fail(vc, `state ${i} has no value for variable ${JSON.stringify(v)}`);
      checkValue(s[v], vc);
    }
    for (const p of i === 0 ? [] : params) if (p in s) checkValue(s[p], { ...child(c, p), variable: p });
    checkStep(s, c, i, i > 0 && requireActions);
  });
  if ('loop' in doc) {
    const loop = doc.loop;
    if (typeof loop !== 'number' || !Number.isInteger(loop) || loop < 0 || loop >= states.length) {
      fail(child(root, 'loop'), `loop must be a state index in 0..${states.length - 1}, found ${describe(loop)}`);
    }
  }
  const meta = doc['#meta'];
  if (isPlainObject(meta) && 'loopAction' in meta) {
    const lc = child(child(root, '#meta'), 'loopAction');
    if (!('loop' in doc)) fail(lc, '#meta.loopAction is set but the trace has no loop');
    if (!isPlainObject(meta.loopAction)) fail(lc, `#meta.loopAction must be an object, found ${describe(meta.loopAction)}`);
    checkStep(meta.loopAction, lc, undefined, true);
  }
}

function checkStep(s: Record<string, unknown>, c: Ctx, index: number | undefined, required: boolean): void {
  const who = index === undefined ? 'the loop action' : `state ${index}`;
  const ac: Ctx = { ...child(c, ITF_ACTION_TAKEN), variable: ITF_ACTION_TAKEN };
  const pc: Ctx = { ...child(c, ITF_NONDET_PICKS), variable: ITF_NONDET_PICKS };
  if (ITF_ACTION_TAKEN in s) {
    const a = s[ITF_ACTION_TAKEN];
    if (typeof a !== 'string' || a === '') fail(ac, `${who}: ${ITF_ACTION_TAKEN} must be a non-empty action name, found ${describe(a)}`);
  } else if (required) {
    fail(ac, `${who} has no ${ITF_ACTION_TAKEN} (every state after the first records the action that produced it)`);
  }
  if (ITF_NONDET_PICKS in s) {
    const p = s[ITF_NONDET_PICKS];
    if (!isPlainObject(p) || Object.keys(p).some((k) => k.startsWith('#'))) {
      fail(pc, `${who}: ${ITF_NONDET_PICKS} must be a record of the action's parameters, found ${describe(p)}`);
    }
    checkValue(p, pc);
  } else if (required) {
    fail(pc, `${who} has no ${ITF_NONDET_PICKS} (use {} for an action without parameters)`);
  }
}

function malformed(e: Malformed): ItfError {
  return { code: 'ITF_MALFORMED', message: `malformed ITF trace at ${e.where.path}: ${e.what}`, at: e.where, hint: HINT };
}

/**
 * Checks that `doc` (a parsed JSON document) is a well-formed ITF trace.
 * Succeeds with the same object, now typed; fails with `ITF_MALFORMED`
 * naming the first problem and where it is (`at.state`, `at.variable`,
 * `at.path`).
 */
export function validateItfTrace(doc: unknown, options: ItfValidateOptions = {}): ItfResult<ItfTrace> {
  try {
    checkTrace(doc, options);
    return { ok: true, value: doc };
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: malformed(e) };
    throw e;
  }
}

/**
 * Checks that `x` is a well-formed ITF value; `path` names it in the error
 * (default `$`).
 */
export function validateItfValue(x: unknown, path = '$'): ItfResult<ItfValue> {
  try {
    checkValue(x, { path });
    return { ok: true, value: x as ItfValue };
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: malformed(e) };
    throw e;
  }
}

/**
 * Parses the text of a `*.itf.json` file and validates it
 * ({@link validateItfTrace}). Text that is not JSON fails with
 * `ITF_NOT_JSON`.
 */
export function parseItfTrace(text: string, options: ItfValidateOptions = {}): ItfResult<ItfTrace> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'ITF_NOT_JSON', message: `not an ITF trace: the text is not JSON (${reason})`, hint: HINT },
    };
  }
  return validateItfTrace(doc, options);
}
