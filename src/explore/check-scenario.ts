/**
 * Checks one scenario with the built-in engine: compiles it, explores every
 * reachable state, gives every property a verdict, and builds a shortest
 * counterexample (or a lasso) for each violated one.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Expr, type Temporal, type Value, TRUE, lit, mapExpr } from '../dsl/index.js';
import { type ActionProperty, type Expectation, type LivenessProperty, type Scenario, invariantPremise, lowerSystem } from '../model/index.js';
import { type ItfTrace, writeItfTraceFile } from '../trace/index.js';
import { type Progress, explore } from './bfs.js';
import { type CompileOptions, type CompiledModel, compileModel } from './compile.js';
import { type TransitionFacts, findLivenessViolation } from './liveness.js';
import { exploreParallel } from './parallel.js';
import type { ScenarioSource } from './parallel-protocol.js';
import { lassoTrace, pathTrace, stepTrace } from './traces.js';

/** Verdict of one property. */
export interface PropertyVerdict {
  readonly name: string;
  readonly kind: 'invariant' | 'liveness' | 'action' | 'deadlock';
  readonly expected: Expectation;
  readonly verdict: 'holds' | 'violated' | 'unknown';
  /** The trace file written, if any. */
  readonly trace?: string;
  /** Number of states in the counterexample. */
  readonly traceLength?: number;
  /**
   * Reachable states the property was put to the test in: for an
   * implication (`P => Q`, `\A n : P(n) => Q(n)`), the states where its
   * premise holds; for `P ~> Q`, the states where P holds; for any other
   * property, every state. Absent when not counted (a parallel search).
   */
  readonly exercised?: number;
  /** Held only because nothing put it to the test (exercised 0, search complete): not evidence. */
  readonly vacuous?: boolean;
  /** Why the property cannot fail by construction (it restates the machine): reported, not evidence. */
  readonly structural?: string;
}

/** The result of checking a scenario, as `check --json` prints it. */
export interface CheckReport {
  readonly scenario: string;
  readonly engine: 'builtin';
  /** Worker threads the search used. */
  readonly workers: number;
  /** Why fewer workers were used than asked for, if so. */
  readonly note?: string;
  readonly complete: boolean;
  readonly stopReason?: string;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly durationMs: number;
  readonly statesPerSecond: number;
  readonly bytesPerState: number;
  readonly properties: readonly PropertyVerdict[];
  /** A model error that stopped the run (e.g. Head of an empty sequence), with its state. */
  readonly error?: { readonly message: string; readonly trace?: string };
}

/** Options of a check. */
export interface CheckOptions {
  readonly maxStates?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
  /** Worker threads for the search (1: the calling thread). */
  readonly workers?: number;
  /** Where worker threads import the scenario from (needed for workers > 1). */
  readonly source?: ScenarioSource;
  /** Folder traces are written under (`<outDir>/<scenario>/<property>.itf.json`); none written when undefined. */
  readonly outDir?: string;
  /** How constants are compiled (`compileModel`'s option): `runtime` when many models of one shape are checked in one process. */
  readonly constants?: CompileOptions['constants'];
}

/** A liveness property expanded over its quantifiers into leads-to pairs. */
interface LeadsTo { readonly p: Expr; readonly q: Expr }

function substitute(e: Expr, name: string, value: Value, t: Expr['t']): Expr {
  return mapExpr(e, (x) => (x.op === 'bound' && x.name === name ? lit(value, t) : x));
}

function expand(f: Temporal): LeadsTo[] | undefined {
  switch (f.op) {
    case 'leadsTo': return [{ p: f.p, q: f.q }];
    case 'alwaysEventually': return [{ p: TRUE, q: f.p }];
    case 'forall': {
      const out: LeadsTo[] = [];
      for (const v of f.dom.values) {
        const body = expand(f.body);
        if (!body) return undefined;
        for (const lt of body) out.push({ p: substitute(lt.p, f.bind, v, f.dom), q: substitute(lt.q, f.bind, v, f.dom) });
      }
      return out;
    }
    default: return undefined; // not supported by the built-in engine yet
  }
}

/**
 * The weak-fairness group of every transition: transitions that take the
 * same step (or receive the same message type on the same channel) with the
 * same parameters form one group; unfair and fault transitions get -1.
 */
export function fairnessGroups(cm: CompiledModel): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(cm.transitions.length);
  cm.transitions.forEach((t, i) => {
    const a = t.action;
    if (a.fault || a.fairness === 'none') { out[i] = -1; return; }
    const o = a.origin;
    const step = o.kind === 'env' || o.kind === 'deliver' ? `step:${o.step}` : `recv:${o.channel}:${o.event}`;
    const key = `${step}${JSON.stringify(t.label.params)}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    out[i] = ids.get(key)!;
  });
  return out;
}

/**
 * The transition facts of a liveness property that states its environment:
 * the steps the environment stops are, like faults, never taken on the loop
 * and owe no fairness. (A step may have no transition in a scenario whose
 * constants disable it; the model checks the names against its steps.)
 */
export function environmentFacts(cm: CompiledModel, groups: Int32Array, lp: LivenessProperty): TransitionFacts {
  const env = lp.environment!;
  const stepOf = (tid: number): string | undefined => {
    const o = cm.transitions[tid].action.origin;
    return o.kind === 'env' || o.kind === 'deliver' ? o.step : undefined;
  };
  const stops = new Set(env.stops);
  const stopped = Uint8Array.from(cm.transitions, (_, tid) => (stops.has(stepOf(tid) ?? '') ? 1 : 0));
  return {
    fault: (tid) => stopped[tid] === 1 || cm.transitions[tid].action.fault,
    group: (tid) => (stopped[tid] === 1 ? -1 : groups[tid]),
  };
}

/** Checks a scenario with the built-in explorer. */
export async function checkScenario(sc: Scenario, opts: CheckOptions = {}): Promise<{ report: CheckReport; traces: Map<string, ItfTrace>; model: CompiledModel }> {
  const { system, properties } = sc.build();
  const fm = lowerSystem(system);
  const cm = compileModel(fm, opts.constants === undefined ? {} : { constants: opts.constants });
  const invariants = properties.filter((p) => p.kind === 'invariant');
  const liveness = properties.filter((p): p is LivenessProperty => p.kind === 'liveness');
  const actionProps = properties.filter((p): p is ActionProperty => p.kind === 'action');
  const compiledActions = actionProps.map((p) => {
    const premise = invariantPremise(p.expr);
    return { name: p.name, pred: cm.stepPredicate(p.expr), ...(premise === null ? {} : { premise: cm.stepPredicate(premise) }) };
  });
  const compiledInvariants = invariants.map((p) => {
    const premise = invariantPremise((p as { expr: Expr }).expr);
    return { name: p.name, pred: cm.predicate((p as { expr: Expr }).expr), ...(premise === null ? {} : { premise: cm.predicate(premise) }) };
  });
  const common = {
    checkDeadlock: sc.checkDeadlock,
    ...(opts.maxStates !== undefined ? { maxStates: opts.maxStates } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  };
  // Liveness needs the whole state graph, which the single-threaded search builds; action properties are checked there too.
  const parallel = (opts.workers ?? 1) > 1 && liveness.length === 0 && actionProps.length === 0 && opts.source !== undefined;
  const workersUsed = parallel ? opts.workers! : 1;
  const result = parallel
    ? await exploreParallel(cm, { ...common, workers: opts.workers!, source: opts.source!, invariants: compiledInvariants })
    : await explore(cm, { ...common, invariants: compiledInvariants, actions: compiledActions, keepGraph: liveness.length > 0 });
  const traces = new Map<string, ItfTrace>();
  const verdicts: PropertyVerdict[] = [];
  const tested = (verdict: PropertyVerdict['verdict'], exercised: number | undefined) => (exercised === undefined ? {} : {
    exercised, vacuous: verdict === 'holds' && exercised === 0,
  });
  const meta = (property: string, kind: 'invariant' | 'liveness' | 'action' | 'deadlock') => ({ ...(sc.traceMeta ?? {}), scenario: sc.name, property, kind });

  for (const p of invariants) {
    const at = result.violations.get(p.name);
    if (at !== undefined) traces.set(p.name, pathTrace(cm, result.store, at, meta(p.name, 'invariant')));
    const verdict = at !== undefined ? 'violated' : result.complete ? 'holds' : 'unknown';
    const premised = compiledInvariants.find((c) => c.name === p.name)?.premise !== undefined;
    const exercised = premised ? result.exercised.get(p.name) : parallel ? undefined : result.distinct;
    verdicts.push({ name: p.name, kind: 'invariant', expected: sc.expect[p.name] ?? 'holds', verdict, ...tested(verdict, exercised) });
  }

  for (const p of actionProps) {
    const at = result.stepViolations.get(p.name);
    if (at !== undefined) traces.set(p.name, stepTrace(cm, result.store, at.source, at.transition, meta(p.name, 'action')));
    const verdict = at !== undefined ? 'violated' : result.complete ? 'holds' : 'unknown';
    verdicts.push({ name: p.name, kind: 'action', expected: sc.expect[p.name] ?? 'holds', verdict, ...tested(verdict, result.exercised.get(p.name)) });
  }

  if (liveness.length > 0) {
    const graph = result.graph!;
    const n = graph.states;
    const slots = new Float64Array(cm.layout.slots.length);
    const groups = fairnessGroups(cm);
    const baseFacts = { fault: (tid: number) => cm.transitions[tid].action.fault, group: (tid: number) => groups[tid] };
    for (const lp of liveness) {
      const facts = lp.environment ? environmentFacts(cm, groups, lp) : baseFacts;
      const envMeta = lp.environment ? { environment: lp.environment.doc, stops: [...lp.environment.stops] } : {};
      const pairs = result.complete ? expand(lp.formula) : undefined;
      let verdict: PropertyVerdict['verdict'] = 'unknown';
      // states where some premise (P of P ~> Q) holds: the states the property was tested in
      const triggered = new Uint8Array(n);
      if (pairs) {
        verdict = 'holds';
        for (const { p, q } of pairs) {
          const pp = cm.predicate(p);
          // the states that trigger the property: P, where Q is about them (TRUE ~> (A => B) waits only where A)
          const qPremise = invariantPremise(q);
          const tp = qPremise === null ? pp : cm.predicate({ op: 'and', t: p.t, args: [p, qPremise] });
          const qq = cm.predicate(q);
          const pBits = new Uint8Array(n);
          const notQ = new Uint8Array(n);
          for (let i = 0; i < n; i++) {
            cm.codec.unpack(result.store.raw, result.store.at(i), slots);
            pBits[i] = pp(slots) ? 1 : 0;
            notQ[i] = qq(slots) ? 0 : 1;
            if (tp(slots)) triggered[i] = 1;
          }
          const lasso = findLivenessViolation(graph, n, pBits, notQ, facts, (s) => result.store.pathTo(s));
          if (lasso) {
            verdict = 'violated';
            traces.set(lp.name, lassoTrace(cm, result.store, lasso, { ...meta(lp.name, 'liveness'), ...envMeta }));
            break;
          }
        }
      }
      // a violation stops the count early: it is then at least this many
      const exercised = pairs ? triggered.reduce((a, b) => a + b, 0) : undefined;
      verdicts.push({ name: lp.name, kind: 'liveness', expected: sc.expect[lp.name] ?? 'holds', verdict, ...tested(verdict, exercised) });
    }
  }

  if (sc.checkDeadlock) {
    if (result.deadlock !== undefined) traces.set('Deadlock', pathTrace(cm, result.store, result.deadlock, meta('Deadlock', 'deadlock')));
    const verdict = result.deadlock !== undefined ? 'violated' : result.complete ? 'holds' : 'unknown';
    verdicts.push({ name: 'Deadlock', kind: 'deadlock', expected: 'holds', verdict, ...tested(verdict, result.distinct) });
  }

  let errorTrace: string | undefined;
  const written = new Map<string, string>();
  if (opts.outDir !== undefined) {
    const dir = join(opts.outDir, sc.name);
    if (traces.size > 0 || result.error) await mkdir(dir, { recursive: true });
    if (result.error) {
      const t = pathTrace(cm, result.store, result.error.state, meta('ModelError', 'invariant'));
      traces.set('ModelError', t);
    }
    for (const [name, t] of traces) {
      const file = join(dir, `${name}.itf.json`);
      const w = await writeItfTraceFile(file, t);
      if (!w.ok) throw new Error(w.error.message);
      written.set(name, file);
    }
    errorTrace = written.get('ModelError');
    // A counterexample left by an earlier run of a property that now holds is stale: remove it.
    if (result.complete) {
      for (const v of verdicts) {
        if (v.verdict === 'holds') await rm(join(dir, `${v.name}.itf.json`), { force: true });
      }
    }
  }

  const report: CheckReport = {
    scenario: sc.name,
    engine: 'builtin',
    workers: workersUsed,
    ...((opts.workers ?? 1) > workersUsed ? { note: 'liveness needs the state graph, which one thread builds: the search ran on 1 thread' } : {}),
    complete: result.complete,
    ...(result.stopReason ? { stopReason: result.stopReason } : {}),
    distinctStates: result.distinct,
    generatedStates: result.generated,
    depth: result.depth,
    durationMs: Math.round(result.durationMs),
    statesPerSecond: Math.round(result.distinct / Math.max(0.001, result.durationMs / 1000)),
    bytesPerState: Math.round(result.bytesPerState * 10) / 10,
    properties: verdicts.map((v) => {
      const file = written.get(v.name);
      const t = traces.get(v.name);
      const structural = v.name === 'Deadlock' && v.kind === 'deadlock' ? sc.deadlockStructural : properties.find((p) => p.name === v.name)?.structural;
      return { ...v, ...(file ? { trace: file } : {}), ...(t ? { traceLength: t.states.length } : {}), ...(structural ? { structural } : {}) };
    }),
    ...(result.error ? { error: { message: result.error.message, ...(errorTrace ? { trace: errorTrace } : {}) } } : {}),
  };
  return { report, traces, model: cm };
}

/** Whether every verdict matches its expectation. */
export function allAsExpected(report: CheckReport): boolean {
  return report.complete && !report.error && report.properties.every((p) => p.verdict === p.expected);
}
