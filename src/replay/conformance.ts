/**
 * Conformance over a scenario's whole state graph: every reachable
 * transition of the model, reached by a shortest path from the initial
 * state, is replayed against a fresh implementation and compared after
 * every step. Where random command sequences find a difference only if they
 * happen to take the right interleaving, this takes every one the model
 * has (up to the limits given).
 */
import { type ActionLabel, type FlatModel, type Scenario, type State, interpretedModel, stateKey } from '../model/index.js';
import { ImplDriver } from './impl-driver.js';
import type { ImplOptions } from './impl-setup.js';
import type { KnownDifference } from './known-differences.js';
import { modelOf, paramsOf } from './prepare-trace.js';
import { refinementRules } from './refinement.js';
import type { VariableDiff } from './result.js';
import { checkStep } from './step-check.js';

/** A transition whose replay departed. */
export interface ConformanceDeparture {
  /** The shortest path to the transition's source, then the transition. */
  readonly path: readonly ActionLabel[];
  /** 1-based step of `path` after which the states differed. */
  readonly step: number;
  readonly diff: readonly VariableDiff[];
  readonly known?: KnownDifference;
}

/** What a conformance run found. */
export interface ConformanceReport {
  readonly scenario: string;
  /** Distinct model states reached. */
  readonly states: number;
  /** Transitions of the explored graph. */
  readonly transitions: number;
  /** Transitions replayed without departure (their path included). */
  readonly conforming: number;
  /** Transitions whose replay departed with a known difference, by id. */
  readonly known: Readonly<Record<string, number>>;
  /** Departures no known difference explains (at most `maxReported`), shortest paths first. */
  readonly unexplained: readonly ConformanceDeparture[];
  readonly unexplainedCount: number;
  /** True when the whole graph was explored (no limit hit). */
  readonly complete: boolean;
}

/** Limits and options of a conformance run. */
export interface ConformanceOptions extends ImplOptions {
  /** Stop exploring after this many states. Default 100 000. */
  readonly maxStates?: number;
  /** Keep at most this many unexplained departures. Default 10. */
  readonly maxReported?: number;
}

interface Node {
  readonly state: State;
  /** How the state was first reached: parent index and action, or null for the initial state. */
  readonly via: { readonly parent: number; readonly label: ActionLabel } | null;
  readonly depth: number;
}

function pathTo(nodes: readonly Node[], i: number): { labels: ActionLabel[]; states: State[] } {
  const labels: ActionLabel[] = [];
  const states: State[] = [];
  for (let k = i; ; ) {
    const node = nodes[k];
    states.unshift(node.state);
    if (node.via === null) break;
    labels.unshift(node.via.label);
    k = node.via.parent;
  }
  return { labels, states };
}

/**
 * Replays `labels` (whose model states are `states`) and returns the
 * departure at the last step, if any. The steps before it are a path
 * already checked (the shortest path to the source, whose last edge was
 * checked as a transition of its own source), so they are only applied.
 */
function replayPath(
  fm: FlatModel, scenario: Scenario, labels: readonly ActionLabel[], states: readonly State[], options: ImplOptions,
): ConformanceDeparture | undefined {
  const params = paramsOf(scenario);
  const rules = refinementRules(params);
  const driver = new ImplDriver(params, options);
  const byName = new Map(fm.actions.map((a) => [a.name, a]));
  for (const [k, label] of labels.entries()) {
    const action = byName.get(label.name)!;
    driver.apply(action, label.params);
    if (k < labels.length - 1) continue;
    const check = checkStep(fm, rules, { action, picks: label.params }, states[k], states[k + 1], driver.state(), driver.pendingHandover());
    if (!check.agrees) return { path: labels, step: k + 1, diff: check.diff, ...(check.known === undefined ? {} : { known: check.known }) };
  }
  return undefined;
}

/**
 * Explores the scenario's model breadth first and replays every transition
 * found (by the shortest path to its source) against the implementation.
 */
export function checkConformance(scenario: Scenario, options: ConformanceOptions = {}): ConformanceReport {
  const fm = modelOf(scenario);
  const model = interpretedModel(fm);
  const maxStates = options.maxStates ?? 100_000;
  const maxReported = options.maxReported ?? 10;
  const nodes: Node[] = [];
  const seen = new Map<string, number>();
  for (const s of model.initStates()) {
    seen.set(stateKey(fm.vars, s), nodes.length);
    nodes.push({ state: s, via: null, depth: 0 });
  }
  let transitions = 0;
  let conforming = 0;
  let unexplainedCount = 0;
  let complete = true;
  const known: Record<string, number> = {};
  const unexplained: ConformanceDeparture[] = [];
  // a state whose shortest path departs cannot say anything about its transitions: remember it
  const departedAt = new Set<number>();
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    const base = pathTo(nodes, i);
    for (const label of model.actions(node.state)) {
      const next = model.next(node.state, label);
      const key = stateKey(fm.vars, next);
      let discovered: number | undefined;
      if (!seen.has(key)) {
        if (nodes.length >= maxStates) {
          complete = false;
        } else {
          discovered = nodes.length;
          seen.set(key, nodes.length);
          nodes.push({ state: next, via: { parent: i, label }, depth: node.depth + 1 });
        }
      }
      transitions += 1;
      if (departedAt.has(i)) {
        if (discovered !== undefined) departedAt.add(discovered);
        continue;
      }
      const departure = replayPath(fm, scenario, [...base.labels, label], [...base.states, next], options);
      if (departure === undefined) {
        conforming += 1;
        continue;
      }
      // this transition is the shortest path's last edge of the state it discovered
      if (discovered !== undefined) departedAt.add(discovered);
      if (departure.known !== undefined) {
        known[departure.known.id] = (known[departure.known.id] ?? 0) + 1;
        continue;
      }
      unexplainedCount += 1;
      if (unexplained.length < maxReported) unexplained.push(departure);
    }
  }
  return { scenario: scenario.name, states: nodes.length, transitions, conforming, known, unexplained, unexplainedCount, complete };
}
