/**
 * A deliberately simple breadth-first search over any `ModelInterface`,
 * keyed by canonical state text. Slow, obviously correct, and the yardstick
 * for the compiled explorer.
 */
import type { ActionLabel, FlatVar, ModelInterface, State } from '../model/index.js';
import { stateKey } from '../model/index.js';

/** What a reference search found. */
export interface ReferenceResult {
  readonly distinctStates: number;
  /** Number of edges explored (successor states generated, including repeats). */
  readonly generatedStates: number;
  /** Length of the longest shortest path from an initial state. */
  readonly depth: number;
  /** States with no enabled action. */
  readonly deadlocks: number;
  /** The first state (in BFS order) where `invariant` failed, with the path to it. */
  readonly violation?: { readonly state: State; readonly path: readonly { action?: ActionLabel; state: State }[] };
}

/** Explores every reachable state breadth-first; stops at `maxStates` distinct states. */
export function referenceBfs(
  model: ModelInterface,
  vars: readonly FlatVar[],
  opts: { invariant?: (s: State) => boolean; maxStates?: number } = {},
): ReferenceResult {
  const key = (s: State) => stateKey(vars, s);
  const parent = new Map<string, { from: string | undefined; action?: ActionLabel; state: State; depth: number }>();
  let queue: State[] = [];
  for (const s of model.initStates()) {
    const k = key(s);
    if (!parent.has(k)) { parent.set(k, { from: undefined, state: s, depth: 0 }); queue.push(s); }
  }
  let generated = queue.length;
  let depth = 0;
  let deadlocks = 0;
  let violation: ReferenceResult['violation'];
  const pathTo = (k: string) => {
    const out: { action?: ActionLabel; state: State }[] = [];
    for (let c: string | undefined = k; c !== undefined; c = parent.get(c)!.from) {
      const p = parent.get(c)!;
      out.unshift(p.action ? { action: p.action, state: p.state } : { state: p.state });
    }
    return out;
  };
  const check = (s: State, k: string) => {
    if (!violation && opts.invariant && !opts.invariant(s)) violation = { state: s, path: pathTo(k) };
  };
  for (const s of queue) check(s, key(s));
  while (queue.length > 0) {
    const nextQueue: State[] = [];
    for (const s of queue) {
      const k = key(s);
      const d = parent.get(k)!.depth;
      const acts = model.actions(s);
      if (acts.length === 0) deadlocks++;
      for (const a of acts) {
        const t = model.next(s, a);
        generated++;
        const tk = key(t);
        if (parent.has(tk)) continue;
        parent.set(tk, { from: k, action: a, state: t, depth: d + 1 });
        depth = Math.max(depth, d + 1);
        check(t, tk);
        nextQueue.push(t);
        if (opts.maxStates && parent.size >= opts.maxStates) {
          return { distinctStates: parent.size, generatedStates: generated, depth, deadlocks, ...(violation ? { violation } : {}) };
        }
      }
    }
    queue = nextQueue;
  }
  return { distinctStates: parent.size, generatedStates: generated, depth, deadlocks, ...(violation ? { violation } : {}) };
}
