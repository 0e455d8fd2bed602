/**
 * Breadth-first exploration of a compiled model: every reachable state once,
 * in order of distance, so the first violation found of each invariant has a
 * shortest trace. Runs in slices so that progress can be reported and an
 * interrupt or a state limit stops it cleanly with what was found so far.
 */
import type { CompiledModel, CompiledPredicate, CompiledStepPredicate } from './compile.js';
import { StateGraph } from './graph.js';
import { SeenSet, fingerprint } from './seen-set.js';
import { StateStore } from './state-store.js';

/** An invariant to check on every state. */
export interface CheckedInvariant {
  readonly name: string;
  readonly pred: CompiledPredicate;
  /** The states the invariant is about (its premise); counted, to tell a tested invariant from a vacuous one. */
  readonly premise?: CompiledPredicate;
}

/** An action property to check on every step that changes the state. */
export interface CheckedAction {
  readonly name: string;
  readonly pred: CompiledStepPredicate;
  /** The steps it is about; counted like an invariant's premise. */
  readonly premise?: CompiledStepPredicate;
}

/** The first (shortest) step that violates an action property: its source state and transition. */
export interface StepViolation {
  readonly source: number;
  readonly transition: number;
}

/** Progress of a running search. */
export interface Progress {
  readonly distinct: number;
  readonly generated: number;
  readonly queue: number;
  readonly depth: number;
  readonly elapsedMs: number;
  readonly statesPerSecond: number;
  readonly heapUsedBytes: number;
}

/** Options of a search. */
export interface ExploreOptions {
  readonly invariants?: readonly CheckedInvariant[];
  readonly actions?: readonly CheckedAction[];
  readonly checkDeadlock?: boolean;
  /** Stop after this many distinct states (the run is then incomplete). */
  readonly maxStates?: number;
  /** Aborting stops the search at the next slice (the run is then incomplete). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
  readonly progressIntervalMs?: number;
  /** Record every edge, for liveness checking (keeps every state and a state index per key). */
  readonly keepGraph?: boolean;
  /** Keep every packed state (implied by keepGraph); otherwise expanded states are dropped. */
  readonly retainStates?: boolean;
}

/** A model error met while exploring (e.g. Head of an empty sequence). */
export interface ExploreError {
  readonly message: string;
  /** The state where the failing transition was taken. */
  readonly state: number;
  readonly transition: number;
}

/** What a search found. */
export interface ExploreResult {
  readonly complete: boolean;
  readonly stopReason?: 'limit' | 'interrupted' | 'error';
  readonly distinct: number;
  readonly generated: number;
  /** Number of breadth-first levels (TLC's "depth of the complete state graph search"). */
  readonly depth: number;
  readonly durationMs: number;
  /** First (shortest) violating state of each violated invariant. */
  readonly violations: ReadonlyMap<string, number>;
  /** Per invariant with a premise, the distinct states reached where it held; per action property, the steps. */
  readonly exercised: ReadonlyMap<string, number>;
  /** First (shortest) violating step of each violated action property. */
  readonly stepViolations: ReadonlyMap<string, StepViolation>;
  /** First state with no enabled transition, when deadlock is checked. */
  readonly deadlock: number | undefined;
  readonly error: ExploreError | undefined;
  readonly store: StateStore;
  readonly seen: SeenSet | undefined;
  readonly graph: StateGraph | undefined;
  /** Bytes of the seen-set, the state store (the queue) and the parent links, per distinct state. */
  readonly bytesPerState: number;
  readonly seenBytes: number;
  readonly queueBytes: number;
  readonly linkBytes: number;
}

const SLICE = 4096;

/** Explores every reachable state of a compiled model. */
export async function explore(cm: CompiledModel, opts: ExploreOptions = {}): Promise<ExploreResult> {
  const { layout, transitions, codec } = cm;
  const h = cm.h;
  const nSlots = layout.slots.length;
  const W = layout.words;
  const exact = W <= 2;
  const s = new Float64Array(nSlots);
  const t = new Float64Array(nSlots);
  // At least two words, so that a one-word state reads as a 64-bit key with a zero high half.
  const buf = new Uint32Array(Math.max(W, 2));
  const fp = new Uint32Array(2);
  const retain = !!opts.keepGraph || !!opts.retainStates;
  const store = new StateStore(W, transitions.length, 1 << 16, retain);
  const seen = new SeenSet(1 << 16, !!opts.keepGraph);
  const graph = opts.keepGraph ? new StateGraph() : undefined;
  const invariants = opts.invariants ?? [];
  const violations = new Map<string, number>();
  const exercised = new Map<string, number>();
  const withPremise = invariants.filter((inv) => inv.premise !== undefined);
  for (const inv of withPremise) exercised.set(inv.name, 0);
  const actions = opts.actions ?? [];
  const stepViolations = new Map<string, StepViolation>();
  for (const a of actions) exercised.set(a.name, 0);
  // Action properties, on every step that changes the state (a stuttering step satisfies [][A]_vars).
  // Called with the successor packed in `buf`: a change shows in its few packed words, compared with the
  // source's words still in the store, rather than slot by slot.
  const checkActions = (k: number) => {
    const raw = store.raw;
    const at = store.at(current);
    let changed = false;
    for (let i = 0; i < W; i++) if (buf[i] !== raw[at + i]) { changed = true; break; }
    if (!changed) return;
    for (const a of actions) {
      if (a.premise === undefined || a.premise(s, t)) exercised.set(a.name, (exercised.get(a.name) as number) + 1);
      if (!stepViolations.has(a.name) && !a.pred(s, t)) stepViolations.set(a.name, { source: current, transition: k });
    }
  };
  let deadlock: number | undefined;
  let error: ExploreError | undefined;
  let generated = 0;
  const start = performance.now();
  let lastProgress = start;
  const interval = opts.progressIntervalMs ?? 2000;

  // The seen-set key of the packed state in `buf`: the state itself when it
  // fits 64 bits, else its fingerprint (computed into fp).
  const key = exact ? buf : fp;
  const checkInvariants = (slots: Float64Array, index: number) => {
    for (const inv of invariants) if (!violations.has(inv.name) && !inv.pred(slots)) violations.set(inv.name, index);
    for (const inv of withPremise) if ((inv.premise as CompiledPredicate)(slots)) exercised.set(inv.name, (exercised.get(inv.name) as number) + 1);
  };

  // Initial state.
  codec.pack(cm.init, buf, 0);
  if (!exact) fingerprint(buf, 0, W, fp);
  seen.insert(key[0], key[1], 0);
  store.push(buf, 0, -1, -1);
  generated++;
  checkInvariants(cm.init, 0);

  let cursor = 0;
  let levelEnd = store.size;
  let depth = 1;
  let stopReason: ExploreResult['stopReason'];

  // Called for every successor written into `t` by the generated expand().
  let current = 0;
  let enabled = false;
  const emit = (k: number) => {
    enabled = true;
    generated++;
    codec.pack(t, buf, 0);
    if (actions.length > 0) checkActions(k);
    if (!exact) fingerprint(buf, 0, W, fp);
    const idx = store.size;
    const found = seen.insert(key[0], key[1], idx);
    if (found === -1) {
      store.push(buf, 0, current, k);
      if (invariants.length) checkInvariants(t, idx);
      graph?.addEdge(idx, k);
    } else if (graph) {
      graph.addEdge(found, k);
    }
  };

  outer: while (cursor < store.size) {
    const sliceEnd = Math.min(store.size, cursor + SLICE);
    for (; cursor < sliceEnd; cursor++) {
      if (cursor === levelEnd) { depth++; levelEnd = store.size; }
      codec.unpack(store.raw, store.at(cursor), s);
      graph?.beginState();
      current = cursor;
      enabled = false;
      try {
        cm.expand(s, t, h, emit);
      } catch (err) {
        const k = (err as { transition?: number }).transition ?? -1;
        error = { message: (err as Error).message, state: cursor, transition: k };
        stopReason = 'error';
        break outer;
      }
      if (!enabled && opts.checkDeadlock && deadlock === undefined) deadlock = cursor;
    }
    store.release(cursor);
    if (opts.maxStates !== undefined && store.size >= opts.maxStates) { stopReason = 'limit'; break; }
    const now = performance.now();
    if (opts.onProgress && now - lastProgress >= interval) {
      lastProgress = now;
      opts.onProgress(progress(store.size, generated, store.size - cursor, depth, now - start));
    }
    if (opts.signal) {
      await new Promise<void>((r) => setImmediate(r));
      if (opts.signal.aborted) { stopReason = 'interrupted'; break; }
    }
  }
  const durationMs = performance.now() - start;
  const complete = stopReason === undefined;
  return {
    complete,
    ...(stopReason ? { stopReason } : {}),
    distinct: store.size,
    generated,
    depth,
    durationMs,
    violations,
    exercised,
    stepViolations,
    deadlock,
    error,
    store,
    seen,
    graph,
    bytesPerState: (seen.bytes + store.bytes) / Math.max(1, store.size),
    seenBytes: seen.bytes,
    queueBytes: store.queueBytes,
    linkBytes: store.linkBytes,
  };
}

function progress(distinct: number, generated: number, queue: number, depth: number, elapsedMs: number): Progress {
  return {
    distinct, generated, queue, depth, elapsedMs,
    statesPerSecond: Math.round(distinct / Math.max(0.001, elapsedMs / 1000)),
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}
