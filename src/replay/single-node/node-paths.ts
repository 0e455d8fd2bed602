/**
 * Model-based tests of one node: the model's node machine explored with
 * @xstate/graph under the events a node gets beside a running peer, the
 * shortest path to every state and to every transition of the explored
 * graph replayed against one implementation node with a scripted peer,
 * and the share of the machine's named transitions those replays take.
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { type AnyMachineSnapshot, type AnyStateMachine, initialTransition } from 'xstate';
import type { NodeFactory } from '../../impl/index.js';
import { type ActionOrigin, lowerSystem, readMachine, SELF_FIELD } from '../../model/index.js';
import type { MnhaParams } from '../../../models/mnha/params.js';
import { nodeMachine } from '../../../models/mnha/node-machine.js';
import { mnhaSystem } from '../../../models/mnha/system.js';
import type { VariableDiff } from '../result.js';
import { type NodeEvent, type NodeSnapshotView, offeredEvents } from './node-events.js';
import { SingleNodeHarness } from './node-harness.js';

/** A replayed path that departed. */
export interface NodePathDeparture {
  readonly events: readonly NodeEvent[];
  /** 1-based index of the event after which n1 differed. */
  readonly step: number;
  /** The machine transition of that event (undefined: the event changed nothing in the machine). */
  readonly transition: string | undefined;
  readonly diff: readonly VariableDiff[];
}

/** What the node-machine run found. */
export interface NodeMachineReport {
  /** Snapshots of the node machine reached under the offered events. */
  readonly states: number;
  /** Edges of the explored graph: each replayed by the shortest path to its source, then itself. */
  readonly edges: number;
  /** Paths replayed: one per state, one per edge. */
  readonly paths: number;
  /** Paths the implementation followed to the end. */
  readonly followed: number;
  /** Paths that departed (the first few, shortest first). */
  readonly departures: readonly NodePathDeparture[];
  readonly departureCount: number;
  /** Named transitions of the machine, and those a replay took with the implementation agreeing after it. */
  readonly coverage: { readonly total: readonly string[]; readonly covered: readonly string[] };
}

const serialize = (s: AnyMachineSnapshot): string => JSON.stringify({ value: s.value, context: s.context });

/** The machine transition an event takes from a snapshot (document order among candidates), if any. */
function transitionTaken(machine: AnyStateMachine, model: ReturnType<typeof readMachine>, s: AnyMachineSnapshot, event: NodeEvent): string | undefined {
  const data = machine.getTransitionData(s as never, event as never);
  if (data.length === 0) return undefined;
  const td = data[0] as unknown as { source: { path: string[] }; eventType: string };
  const src = td.source.path.join('.');
  const node = src === '' ? machine.root : machine.getStateNodeById(`${machine.id}.${src}`);
  const index = (node.transitions.get(td.eventType) ?? []).indexOf(data[0] as never);
  return model.transitions.find((t) => t.source.id === src && t.event === td.eventType && t.index === index)?.name;
}

/** The system origin of each event the node machine takes (from the flat model's actions). */
function originsOf(params: MnhaParams): Map<string, ActionOrigin> {
  const fm = lowerSystem(mnhaSystem(params).decl);
  const out = new Map<string, ActionOrigin>();
  for (const a of fm.actions) {
    if (a.origin.machine === 'node' && a.origin.event !== undefined && !out.has(a.origin.event)) out.set(a.origin.event, a.origin);
  }
  return out;
}

/** Options of a node-machine run. */
export interface NodeMachineOptions {
  /** How the node under test is built (a broken fixture); the real node by default. */
  readonly nodeFactory?: NodeFactory;
  /** Keep at most this many departures. Default 10. */
  readonly maxReported?: number;
}

/**
 * Explores the node machine of `params` and replays the shortest path to
 * every state and to every edge against n1 of the implementation.
 */
export function checkNodeMachine(params: MnhaParams, options: NodeMachineOptions = {}): NodeMachineReport {
  const def = nodeMachine(params);
  const machine = def.machine;
  const model = readMachine(def);
  const origins = originsOf(params);
  const [boot] = initialTransition(machine);
  const fromState = machine.resolveState({ value: boot.value, context: { ...(boot.context as object), [SELF_FIELD]: 'n1' } } as never);
  const traversal = { fromState, events: (s: AnyMachineSnapshot) => offeredEvents(params, s as NodeSnapshotView), serializeState: serialize };
  const adjacency = getAdjacencyMap(machine, traversal as never);
  const shortest = new Map(getShortestPaths(machine, traversal as never).map((p) => [serialize(p.state as AnyMachineSnapshot), p]));

  type Step = { event: NodeEvent; before: AnyMachineSnapshot; after: AnyMachineSnapshot };
  const stepsTo = (key: string): Step[] => {
    const path = shortest.get(key)!;
    const out: Step[] = [];
    let before = fromState as AnyMachineSnapshot;
    for (const step of path.steps) {
      if (step.event.type.startsWith('xstate.')) continue;
      out.push({ event: step.event as NodeEvent, before, after: step.state as AnyMachineSnapshot });
      before = step.state as AnyMachineSnapshot;
    }
    return out;
  };
  const paths: Step[][] = [];
  for (const key of shortest.keys()) paths.push(stepsTo(key));
  let edges = 0;
  for (const [key, entry] of Object.entries(adjacency)) {
    for (const t of Object.values(entry.transitions) as { event: unknown; state: unknown }[]) {
      edges += 1;
      paths.push([...stepsTo(key), { event: t.event as NodeEvent, before: entry.state as AnyMachineSnapshot, after: t.state as AnyMachineSnapshot }]);
    }
  }

  const covered = new Set<string>();
  const departures: NodePathDeparture[] = [];
  let departureCount = 0;
  let followed = 0;
  for (const path of paths) {
    const harness = new SingleNodeHarness(params, machine, origins, options.nodeFactory);
    let departed = false;
    for (const [i, { event, before, after }] of path.entries()) {
      const name = transitionTaken(machine, model, before, event);
      const check = harness.step(event, after as NodeSnapshotView);
      if (check.agrees) {
        if (name !== undefined) covered.add(name);
        continue;
      }
      departed = true;
      departureCount += 1;
      if (departures.length < (options.maxReported ?? 10)) {
        departures.push({ events: path.slice(0, i + 1).map((s) => s.event), step: i + 1, transition: name, diff: check.diff });
      }
      break;
    }
    if (!departed) followed += 1;
  }
  departures.sort((a, b) => a.events.length - b.events.length);
  const total = model.transitions.map((t) => t.name);
  return {
    states: shortest.size, edges, paths: paths.length, followed, departures, departureCount,
    coverage: { total, covered: total.filter((t) => covered.has(t)) },
  };
}
