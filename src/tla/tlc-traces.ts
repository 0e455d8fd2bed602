/**
 * TLC's counterexamples as ITF traces spelled like the built-in engine's:
 * each variable re-spelled by its model type (a function over node ids is
 * a `#map`, not the record TLC prints), and each step's parameters named
 * after the action's parameters (TLC prints them by position).
 */
import type { Type } from '../dsl/index.js';
import type { FlatModel } from '../model/index.js';
import { type TlcResult, type TlcTrace, type TypeHint, tlcTraceToItf } from '../tlc/index.js';
import type { ItfTrace } from '../trace/index.js';

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
  readonly kind: 'invariant' | 'liveness' | 'deadlock';
}

/** Converts a TLC trace of a model's spec to ITF (see the module comment). */
export function tlcTraceForModel(fm: FlatModel, trace: TlcTrace, meta: TlcTraceMeta): TlcResult<ItfTrace> {
  return tlcTraceToItf(trace, {
    vars: fm.vars.map((v) => v.name),
    typeHints: Object.fromEntries(fm.vars.map((v) => [v.name, typeHintOf(v.t)])),
    paramNames: Object.fromEntries(fm.actions.map((a) => [a.name, a.params.map(([p]) => p)])),
    meta: { ...meta, violationStep: trace.states.length - 1 },
  });
}
