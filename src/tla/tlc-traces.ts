/**
 * TLC's counterexamples as ITF traces spelled like the built-in engine's:
 * each variable re-spelled by its model type (a function over node ids is
 * a `#map`, not the record TLC prints), and each step's parameters named
 * after the action's parameters (TLC prints them by position).
 */
import { type Type, type Value, valueEquals } from '../dsl/index.js';
import { fromPlain, toPlain } from '../explore/itf-values.js';
import { type FlatModel, type State, applyAction, isEnabled, paramTuples } from '../model/index.js';
import { type DumpTrace, type ParamsResolver, type TlcResult, type TlcTrace, type ToItfOptions, type TypeHint, dumpTraceToItf, tlcTraceToItf } from '../tlc/index.js';
import { type ItfRecord, type ItfState, type ItfTrace, type ItfValue, itfToPlain, plainToItf } from '../trace/index.js';

/** The ITF type hint of a model type. */
export function typeHintOf(t: Type): TypeHint {
  switch (t.kind) {
    case 'bool': return { kind: 'bool' };
    case 'int': return { kind: 'int' };
    case 'enum': return { kind: 'string' };
    case 'record': return { kind: 'record', fields: Object.fromEntries(t.fields.map(([f, ft]) => [f, typeHintOf(ft)])) };
    case 'fun': return { kind: 'function', from: typeHintOf(t.key), to: typeHintOf(t.value) };
    case 'seq': return { kind: 'seq', of: typeHintOf(t.elem) };
    case 'set': return { kind: 'set', of: typeHintOf(t.elem) };
  }
}

/** What a trace's `#meta` says about where it comes from. */
export interface TlcTraceMeta {
  readonly scenario: string;
  readonly property: string;
  readonly kind: 'invariant' | 'liveness' | 'action' | 'deadlock';
}

/** The model state an ITF state holds, or undefined when a value does not fit its type. */
function stateOf(fm: FlatModel, s: ItfState): State | undefined {
  try {
    const out: Record<string, Value> = {};
    for (const v of fm.vars) out[v.name] = fromPlain(v.t, itfToPlain(s[v.name] as ItfValue), v.name);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Names the parameters of a step TLC printed without its arguments (TLC
 * releases before 1.8 print `<Crash line 12, col 3 ...>`): the parameter
 * tuple with which the action, run by the model's own semantics, leads from
 * the state before to the state after. When TLC printed the arguments they
 * are used as they are.
 */
export function paramsResolver(fm: FlatModel): ParamsResolver {
  const byName = new Map(fm.actions.map((a) => [a.name, a]));
  return (prev, next, actionName, args) => {
    const a = byName.get(actionName);
    if (!a || a.params.length === 0 || args.length === a.params.length) return undefined;
    const s = stateOf(fm, prev);
    const t = stateOf(fm, next);
    if (!s || !t) return undefined;
    for (const params of paramTuples(a.params)) {
      if (!isEnabled(fm, a, s, params)) continue;
      const u = applyAction(fm, a, s, params);
      if (fm.vars.every((v) => valueEquals(u[v.name], t[v.name]))) {
        const out: Record<string, ItfValue> = {};
        for (const [p, pt] of a.params) out[p] = plainToItf(toPlain(pt, params[p]));
        return out as ItfRecord;
      }
    }
    return undefined;
  };
}

/** How either of TLC's traces of a model becomes ITF: the model's variable order, types and parameter names. */
function modelOptions(fm: FlatModel, meta: TlcTraceMeta, states: number): ToItfOptions {
  return {
    resolveParams: paramsResolver(fm),
    vars: fm.vars.map((v) => v.name),
    typeHints: Object.fromEntries(fm.vars.map((v) => [v.name, typeHintOf(v.t)])),
    paramNames: Object.fromEntries(fm.actions.map((a) => [a.name, a.params.map(([p]) => p)])),
    meta: { ...meta, violationStep: states - 1 },
  };
}

/** Converts a TLC trace of a model's spec, as its `-tool` output prints it, to ITF (see the module comment). */
export function tlcTraceForModel(fm: FlatModel, trace: TlcTrace, meta: TlcTraceMeta): TlcResult<ItfTrace> {
  return tlcTraceToItf(trace, modelOptions(fm, meta, trace.states.length));
}

/**
 * Converts the trace TLC wrote with `-dumpTrace json` for a model's spec to
 * ITF, spelled as the built-in engine spells it, so that `view` and
 * `replay` take it.
 */
export function tlcDumpForModel(fm: FlatModel, dump: DumpTrace, meta: TlcTraceMeta): TlcResult<ItfTrace> {
  return dumpTraceToItf(dump, modelOptions(fm, meta, dump.states.length));
}
