/**
 * Liveness on the explored graph. A property `P ~> Q` is checked as
 * `<>[](P => <>Q)` under weak fairness of every fair transition (action and
 * parameters, grouped by the step they take), assuming fault transitions happen only finitely often: it is
 * violated exactly when some reachable cycle of not-Q states takes no fault,
 * is fair, and passes through a P state. Cycles are found as strongly
 * connected components of the not-Q, fault-free subgraph; a component is
 * fair when every fair transition enabled in all its states is taken inside
 * it. The counterexample is a lasso: a shortest path to a P state of such a
 * component, then a fair cycle back to it.
 */
import type { StateGraph } from './graph.js';

/** What the checker needs to know about transitions. */
export interface TransitionFacts {
  /** Transition ids that are faults (never fair, finitely many). */
  readonly fault: (tid: number) => boolean;
  /**
   * The weak-fairness group of a transition, or -1 when it is not fair. A
   * group is one step of the model with its parameters (e.g. "n notices the
   * ICL is down"), whichever transition of the machine takes it: weak
   * fairness is `WF_vars` of the disjunction of the group's transitions.
   */
  readonly group: (tid: number) => number;
}

/** A lasso: `stem` from an initial state to the loop start, then `cycle` edges back to it. */
export interface Lasso {
  /** State indices from an initial state to the first state of the loop (inclusive). */
  readonly stem: readonly number[];
  /** The loop: each step's transition and the state it reaches; the last state is the loop start. Empty: the last state of the stem stutters forever. */
  readonly cycle: readonly { readonly tid: number; readonly state: number }[];
}

/** Tarjan's algorithm, iterative, on the subgraph of states `inG` and edges `edgeOk`. Returns component ids (-1 outside). */
function components(g: StateGraph, n: number, inG: Uint8Array, edgeOk: (e: number) => boolean): { comp: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callV: number[] = [];
  const callE: number[] = [];
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (!inG[root] || index[root] >= 0) continue;
    callV.push(root);
    callE.push(g.offsets[root]);
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (callV.length > 0) {
      const v = callV[callV.length - 1];
      const e = callE[callE.length - 1];
      if (e < g.offsets[v + 1]) {
        callE[callE.length - 1] = e + 1;
        const w = g.targets[e];
        if (!inG[w] || !edgeOk(e)) continue;
        if (index[w] < 0) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          callV.push(w);
          callE.push(g.offsets[w]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
      } else {
        callV.pop();
        callE.pop();
        if (callV.length > 0) {
          const u = callV[callV.length - 1];
          low[u] = Math.min(low[u], low[v]);
        }
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            comp[w] = count;
          } while (w !== v);
          count++;
        }
      }
    }
  }
  return { comp, count };
}

/**
 * Finds a fair, fault-free cycle of states where `notQ` holds that contains
 * a state where `p` holds, and returns it as a lasso from an initial state;
 * undefined when there is none (the property holds).
 */
export function findLivenessViolation(
  g: StateGraph,
  n: number,
  p: Uint8Array,
  notQ: Uint8Array,
  facts: TransitionFacts,
  pathTo: (state: number) => number[],
): Lasso | undefined {
  const edgeOk = (e: number) => !facts.fault(g.tids[e]);
  const { comp, count } = components(g, n, notQ, edgeOk);
  // Per component: size, whether it has an internal edge, and a P state (the smallest index: shortest stem).
  const size = new Int32Array(count);
  const hasEdge = new Uint8Array(count);
  const pState = new Int32Array(count).fill(-1);
  for (let v = 0; v < n; v++) {
    const c = comp[v];
    if (c < 0) continue;
    size[c]++;
    if (p[v] && pState[c] < 0) pState[c] = v;
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (comp[g.targets[e]] === c && edgeOk(e)) hasEdge[c] = 1;
  }
  // A state where no weakly fair transition is enabled may stutter forever:
  // that is a (trivial) fair cycle of its own.
  let stutter = -1;
  for (let v = 0; v < n && stutter < 0; v++) {
    if (!notQ[v] || !p[v]) continue;
    let fairEnabled = false;
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (facts.group(g.tids[e]) >= 0) { fairEnabled = true; break; }
    if (!fairEnabled) stutter = v;
  }
  const members = new Map<number, number[]>();
  const candidates: number[] = [];
  for (let c = 0; c < count; c++) if (hasEdge[c] && pState[c] >= 0) candidates.push(c);
  candidates.sort((a, b) => pState[a] - pState[b]);
  const stutterLasso = stutter >= 0 ? { stem: pathTo(stutter), cycle: [] } : undefined;
  if (candidates.length === 0) return stutterLasso;
  if (stutter >= 0 && stutter < pState[candidates[0]]) return stutterLasso;
  const wanted = new Set(candidates);
  for (let v = 0; v < n; v++) if (wanted.has(comp[v])) (members.get(comp[v]) ?? members.set(comp[v], []).get(comp[v])!).push(v);

  for (const c of candidates) {
    const states = members.get(c)!;
    // Weakly fair transitions enabled in every state of the component must be taken inside it.
    const enabledCount = new Map<number, number>();
    const internal = new Set<number>();
    for (const v of states) {
      const seenHere = new Set<number>();
      for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
        const grp = facts.group(g.tids[e]);
        if (grp < 0) continue;
        if (comp[g.targets[e]] === c && edgeOk(e)) internal.add(grp);
        if (seenHere.has(grp)) continue;
        seenHere.add(grp);
        enabledCount.set(grp, (enabledCount.get(grp) ?? 0) + 1);
      }
    }
    let fair = true;
    for (const [grp, k] of enabledCount) if (k === states.length && !internal.has(grp)) { fair = false; break; }
    if (!fair) continue;
    if (stutter >= 0 && stutter < pState[c]) return stutterLasso;
    return buildLasso(g, comp, c, pState[c], facts, edgeOk, pathTo);
  }
  return stutterLasso;
}

/** Shortest path inside component c from `from` to a state satisfying `goal`, as edges (empty when `from` satisfies it). */
function pathInside(g: StateGraph, comp: Int32Array, c: number, from: number, goal: (v: number) => boolean, edgeOk: (e: number) => boolean): { tid: number; state: number }[] {
  if (goal(from)) return [];
  const prev = new Map<number, { from: number; tid: number }>();
  const queue = [from];
  const visited = new Set([from]);
  let found = -1;
  for (let i = 0; i < queue.length && found < 0; i++) {
    const v = queue[i];
    for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
      const w = g.targets[e];
      if (comp[w] !== c || !edgeOk(e) || visited.has(w)) continue;
      visited.add(w);
      prev.set(w, { from: v, tid: g.tids[e] });
      if (goal(w)) { found = w; break; }
      queue.push(w);
    }
  }
  if (found < 0) throw new Error('liveness: no path inside the component');
  const out: { tid: number; state: number }[] = [];
  for (let v = found; v !== from; ) {
    const p = prev.get(v)!;
    out.unshift({ tid: p.tid, state: v });
    v = p.from;
  }
  return out;
}

function internalEdge(g: StateGraph, comp: Int32Array, c: number, v: number, grp: number, facts: TransitionFacts, edgeOk: (e: number) => boolean): number {
  for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (facts.group(g.tids[e]) === grp && comp[g.targets[e]] === c && edgeOk(e)) return e;
  return -1;
}

function buildLasso(
  g: StateGraph, comp: Int32Array, c: number, start: number, facts: TransitionFacts,
  edgeOk: (e: number) => boolean, pathTo: (s: number) => number[],
): Lasso {
  const cycle: { tid: number; state: number }[] = [];
  let cur = start;
  // Extend the walk until it is a closed cycle on which every weakly fair
  // transition is either taken or disabled somewhere.
  for (let round = 0; round < 100_000; round++) {
    const onCycle = new Set([start, ...cycle.map((x) => x.state)]);
    const taken = new Set(cycle.map((x) => facts.group(x.tid)));
    const enabledCount = new Map<number, number>();
    for (const v of onCycle) {
      const here = new Set<number>();
      for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (facts.group(g.tids[e]) >= 0) here.add(facts.group(g.tids[e]));
      for (const grp of here) enabledCount.set(grp, (enabledCount.get(grp) ?? 0) + 1);
    }
    let offending = -1;
    for (const [grp, k] of enabledCount) if (k === onCycle.size && !taken.has(grp)) { offending = grp; break; }
    if (offending >= 0) {
      const canTake = (v: number) => internalEdge(g, comp, c, v, offending, facts, edgeOk) >= 0;
      let hasInternal = false;
      for (const v of comp.keys()) if (comp[v] === c && canTake(v)) { hasInternal = true; break; }
      if (hasInternal) {
        const walk = pathInside(g, comp, c, cur, canTake, edgeOk);
        cycle.push(...walk);
        cur = walk.length ? walk[walk.length - 1].state : cur;
        const e = internalEdge(g, comp, c, cur, offending, facts, edgeOk);
        cycle.push({ tid: g.tids[e], state: g.targets[e] });
        cur = g.targets[e];
      } else {
        const disabled = (v: number) => {
          for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) if (facts.group(g.tids[e]) === offending) return false;
          return true;
        };
        const walk = pathInside(g, comp, c, cur, disabled, edgeOk);
        cycle.push(...walk);
        cur = walk.length ? walk[walk.length - 1].state : cur;
      }
      continue;
    }
    if (cycle.length > 0 && cur === start) break;
    if (cur !== start) {
      const back = pathInside(g, comp, c, cur, (v) => v === start, edgeOk);
      cycle.push(...back);
      cur = start;
      continue;
    }
    for (let e = g.offsets[cur]; e < g.offsets[cur + 1]; e++) {
      if (comp[g.targets[e]] === c && edgeOk(e)) { cycle.push({ tid: g.tids[e], state: g.targets[e] }); cur = g.targets[e]; break; }
    }
  }
  return { stem: pathTo(start), cycle };
}
