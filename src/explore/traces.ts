/**
 * Counterexamples as ITF traces: the states along a path of the explored
 * graph, each after the first with the action that produced it and its
 * parameters, and for a lasso the index the loop returns to.
 */
import type { Value } from '../dsl/index.js';
import { type ItfTrace, type PlainStep, type PlainValue, toItfTrace } from '../trace/index.js';
import type { CompiledModel } from './compile.js';
import { decodeState } from './layout.js';
import type { StateStore } from './state-store.js';
import { toPlain } from './itf-values.js';


/** The values of stored state i. */
export function storedState(cm: CompiledModel, store: StateStore, i: number): Record<string, Value> {
  const s = new Float64Array(cm.layout.slots.length);
  cm.codec.unpack(store.raw, store.at(i), s);
  return decodeState(cm.layout, s);
}

/**
 * The slot codes of every state along a path of state indices. Kept states
 * are read back; otherwise the path is replayed from the initial state with
 * the transitions that first reached each state.
 */
export function slotsAlong(cm: CompiledModel, store: StateStore, path: readonly number[]): Float64Array[] {
  const n = cm.layout.slots.length;
  if (store.retains) {
    return path.map((i) => {
      const s = new Float64Array(n);
      cm.codec.unpack(store.raw, store.at(i), s);
      return s;
    });
  }
  const out: Float64Array[] = [new Float64Array(cm.init)];
  for (let k = 1; k < path.length; k++) {
    const prev = out[k - 1];
    const next = new Float64Array(prev);
    cm.transitions[store.via(path[k])].apply(prev, next);
    out.push(next);
  }
  return out;
}

function stepOf(cm: CompiledModel, store: StateStore, state: number, tid: number | undefined, slots?: Float64Array): PlainStep {
  const values = slots ? decodeState(cm.layout, slots) : storedState(cm, store, state);
  const plain: Record<string, PlainValue> = {};
  for (const v of cm.fm.vars) plain[v.name] = toPlain(v.t, values[v.name]);
  if (tid === undefined) return { values: plain };
  const tr = cm.transitions[tid];
  const picks: Record<string, PlainValue> = {};
  for (const [p, t] of tr.action.params) picks[p] = toPlain(t, tr.label.params[p]);
  return { values: plain, action: tr.label.name, picks };
}

/** Metadata written in a trace's `#meta`. */
export interface TraceMeta {
  readonly scenario: string;
  readonly property: string;
  readonly kind: 'invariant' | 'liveness' | 'action' | 'deadlock';
  readonly [k: string]: unknown;
}

/** The ITF trace of the path from an initial state to stored state `target`. */
export function pathTrace(cm: CompiledModel, store: StateStore, target: number, meta: TraceMeta): ItfTrace {
  const path = store.pathTo(target);
  const slots = slotsAlong(cm, store, path);
  const steps = path.map((i, k) => stepOf(cm, store, i, k === 0 ? undefined : store.via(i), slots[k]));
  return toItfTrace({
    vars: cm.fm.vars.map((v) => v.name),
    steps,
    meta: { ...meta, source: 'ha-verify builtin explorer', violationStep: steps.length - 1 },
  });
}

/**
 * The ITF trace of a step that violates an action property: the path from
 * an initial state to the step's source, then the step itself (whose
 * successor may have been reached first another way; the trace shows this
 * step into it).
 */
export function stepTrace(cm: CompiledModel, store: StateStore, source: number, tid: number, meta: TraceMeta): ItfTrace {
  const path = store.pathTo(source);
  const slots = slotsAlong(cm, store, path);
  const steps = path.map((i, k) => stepOf(cm, store, i, k === 0 ? undefined : store.via(i), slots[k]));
  const last = slots[slots.length - 1] as Float64Array;
  const next = new Float64Array(last);
  cm.transitions[tid]?.apply(last, next);
  steps.push(stepOf(cm, store, -1, tid, next));
  return toItfTrace({
    vars: cm.fm.vars.map((v) => v.name),
    steps,
    meta: { ...meta, source: 'ha-verify builtin explorer', violationStep: steps.length - 1 },
  });
}

/** The ITF trace of a lasso: the stem, then the cycle, with `loop` at the cycle's first state. */
export function lassoTrace(
  cm: CompiledModel, store: StateStore,
  lasso: { stem: readonly number[]; cycle: readonly { tid: number; state: number }[] },
  meta: TraceMeta,
): ItfTrace {
  const stem = lasso.stem.map((i, k) => stepOf(cm, store, i, k === 0 ? undefined : store.via(i)));
  if (lasso.cycle.length === 0) {
    // Stuttering: the last state repeats forever (ITF: the loop is the last state, with no loop action).
    return toItfTrace({
      vars: cm.fm.vars.map((v) => v.name), steps: stem, loop: stem.length - 1,
      meta: { ...meta, source: 'ha-verify builtin explorer', violationStep: stem.length - 1, stuttering: true },
    });
  }
  const around = lasso.cycle.slice(0, -1).map((e) => stepOf(cm, store, e.state, e.tid));
  const last = lasso.cycle[lasso.cycle.length - 1];
  const closing = stepOf(cm, store, last.state, last.tid);
  return toItfTrace({
    vars: cm.fm.vars.map((v) => v.name),
    steps: [...stem, ...around],
    loop: stem.length - 1,
    loopAction: { action: closing.action!, picks: closing.picks ?? {} },
    meta: { ...meta, source: 'ha-verify builtin explorer', violationStep: stem.length - 1 },
  });
}
