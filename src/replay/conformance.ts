/**
 * Conformance over a scenario's whole state graph: every transition of the
 * model (every edge the explorer generates, stuttering ones included) is
 * replayed against the implementation, from the implementation in the
 * transition's source state, and the states are compared exactly after it.
 *
 * The graph comes from the compiled explorer. The implementation is walked
 * depth first along the search's spanning tree: each state's implementation
 * is forked once per outgoing transition (`MnhaNetwork.fork`), so a
 * transition costs one fork and one stimulus, never a replay from the
 * start. A transition whose replay departs is reported with the shortest
 * path to it; the tree below it is still walked, from the implementation as
 * it departed, so that every transition is replayed and counted (departures
 * below a departure may follow from it).
 */
import type { Value } from '../dsl/index.js';
import { type ExploreResult, explore } from '../explore/bfs.js';
import { type CompiledModel, compileModel } from '../explore/compile.js';
import { encodeState } from '../explore/layout.js';
import { storedState } from '../explore/traces.js';
import type { ActionLabel, Scenario } from '../model/index.js';
import { ImplDriver } from './impl-driver.js';
import type { ImplOptions } from './impl-setup.js';
import { modelOf, paramsOf, scenarioKey } from './prepare-trace.js';
import { compareStates, type ModelState, refinementRules } from './refinement.js';
import type { VariableDiff } from './result.js';

/** A transition whose replay departed. */
export interface ConformanceDeparture {
  /** The shortest path to the transition's source, then the transition. */
  readonly path: readonly ActionLabel[];
  readonly diff: readonly VariableDiff[];
}

/** What a conformance run found. */
export interface ConformanceReport {
  readonly scenario: string;
  /** Distinct model states reached. */
  readonly states: number;
  /** Transitions replayed (edges of the explored graph, stuttering ones included). */
  readonly transitions: number;
  /** Transitions after which the implementation's state was the model's. */
  readonly conform: number;
  /** Transitions after which it was not. */
  readonly departures: number;
  /** The first departures (at most `maxReported`), shortest paths first. */
  readonly examples: readonly ConformanceDeparture[];
  /** True when every transition of the whole graph was replayed (no limit hit, no early stop). */
  readonly complete: boolean;
  readonly durationMs: number;
}

/** Limits and options of a conformance run. */
export interface ConformanceOptions extends ImplOptions {
  /** Explore at most this many states (the report is then incomplete). Default: no limit. */
  readonly maxStates?: number;
  /** Keep at most this many departures as examples. Default 10. */
  readonly maxReported?: number;
  /** Called now and then with the transitions replayed so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stop at the first departure (a broken variant is caught; the counts are then partial). */
  readonly stopAtFirstDeparture?: boolean;
  /** Aborting stops the run between transitions (the report is then incomplete). */
  readonly signal?: AbortSignal;
}

/** A scenario's explored graph, kept for the runs that follow (conformance of several variants, say). */
interface Explored {
  readonly cm: CompiledModel;
  readonly result: ExploreResult;
}

const explored = new Map<string, Explored>();

/**
 * The scenario's compiled model and explored graph, explored once per
 * process and state limit (an exploration cut short by the signal is not
 * kept).
 */
async function exploredGraph(scenario: Scenario, maxStates: number | undefined, signal: AbortSignal | undefined): Promise<Explored> {
  const key = `${scenarioKey(scenario)}/${maxStates ?? 'all'}`;
  let e = explored.get(key);
  if (e === undefined) {
    const cm = compileModel(modelOf(scenario));
    const result = await explore(cm, { keepGraph: true, ...(maxStates === undefined ? {} : { maxStates }), ...(signal ? { signal } : {}) });
    e = { cm, result };
    if (result.stopReason !== 'interrupted') explored.set(key, e);
  }
  return e;
}

interface Frame {
  readonly state: number;
  readonly driver: ImplDriver;
}

/**
 * Explores the scenario's model and replays every transition of its state
 * graph against the implementation.
 */
export async function checkConformance(scenario: Scenario, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const start = performance.now();
  const fm = modelOf(scenario);
  const params = paramsOf(scenario);
  const rules = refinementRules(params);
  const ignored = rules.filter((r) => r.mode === 'not compared').map((r) => r.variable);
  const { cm, result } = await exploredGraph(scenario, options.maxStates, options.signal);
  const { store, graph } = result;
  const n = graph!.states;
  const maxReported = options.maxReported ?? 10;
  const stateOf = (i: number): ModelState => storedState(cm, store, i);
  const labelOf = (tid: number): ActionLabel => cm.transitions[tid].label;
  const actionOf = (tid: number) => cm.transitions[tid].action;
  const pathTo = (i: number): number[] => {
    const tids: number[] = [];
    for (let k = i; store.parent(k) >= 0; k = store.parent(k)) tids.unshift(store.via(k));
    return tids;
  };

  let transitions = 0;
  let conform = 0;
  let departures = 0;
  const examples: ConformanceDeparture[] = [];
  // The fast path: the implementation's mapped state packed the way the explorer packs states and
  // compared word for word with the stored target. Variables the mapping does not compare keep, in
  // the model, their initial value (rview under instant convergence), so they take it here too.
  const fixed = Object.fromEntries(ignored.map((v) => [v, fm.init[v] as Value]));
  const slots = new Float64Array(cm.layout.slots.length);
  // at least two words, as the explorer's own buffers (a one-word state is read as a 64-bit key)
  const words = new Uint32Array(Math.max(cm.layout.words, 2));
  const matches = (target: number, actual: Record<string, Value>): boolean => {
    Object.assign(actual, fixed);
    try {
      encodeState(cm.layout, actual, slots);
    } catch {
      return false; // a value outside the model's domain: the slow path names it
    }
    cm.codec.pack(slots, words, 0);
    const at = store.at(target);
    for (let k = 0; k < cm.layout.words; k += 1) if (store.raw[at + k] !== words[k]) return false;
    return true;
  };
  const compare = (target: number, driver: ImplDriver): VariableDiff[] => {
    const actual = driver.state();
    if (matches(target, actual)) return [];
    return compareStates(stateOf(target), actual, rules);
  };
  const initial = new ImplDriver(params, options);
  const stack: Frame[] = [{ state: 0, driver: initial }];
  const rootDiff = compare(0, initial);
  if (rootDiff.length > 0) {
    departures += 1;
    examples.push({ path: [], diff: rootDiff });
  }
  let stopped = options.stopAtFirstDeparture === true && departures > 0;
  while (stack.length > 0 && !stopped) {
    if (options.signal?.aborted) {
      stopped = true;
      break;
    }
    const { state, driver } = stack.pop()!;
    if (state >= n) continue; // beyond a state limit: its edges were not generated
    const base = pathTo(state).map(labelOf);
    for (let e = graph!.offsets[state]; e < graph!.offsets[state + 1]; e += 1) {
      const target = graph!.targets[e];
      const tid = graph!.tids[e];
      const fork = new ImplDriver(params, options, driver);
      fork.apply(actionOf(tid), labelOf(tid).params);
      const diff = compare(target, fork);
      transitions += 1;
      const tree = target !== 0 && store.parent(target) === state && store.via(target) === tid;
      if (diff.length === 0) {
        conform += 1;
        if (tree) stack.push({ state: target, driver: fork });
      } else {
        departures += 1;
        if (examples.length < maxReported) examples.push({ path: [...base, labelOf(tid)], diff });
        if (options.stopAtFirstDeparture === true) {
          stopped = true;
          break;
        }
        // the subtree is still walked, from the implementation as it departed: every transition is
        // replayed, and departures below this one are counted (they may follow from it)
        if (tree) stack.push({ state: target, driver: fork });
      }
      if (transitions % 20_000 === 0) {
        options.onProgress?.(transitions, graph!.edges);
        // let Ctrl-C (and whatever else waits on the event loop) in
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) {
          stopped = true;
          break;
        }
      }
    }
  }
  examples.sort((a, b) => a.path.length - b.path.length);
  return {
    scenario: scenario.name,
    states: result.distinct,
    transitions,
    conform,
    departures,
    examples,
    complete: result.complete && !stopped,
    durationMs: performance.now() - start,
  };
}
