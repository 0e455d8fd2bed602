/**
 * One implementation node (n1) run beside a scripted peer, driven by the
 * events of the model's node machine and compared with the machine's
 * snapshot after every event. Events map to stimuli by the system step (or
 * channel) they come from, as in trace replay; a message the node receives
 * is first said by the scripted peer.
 */
import { type AnyStateMachine, transition } from 'xstate';
import type { Value } from '../../dsl/index.js';
import { MnhaNetwork, type NodeFactory } from '../../impl/index.js';
import type { ActionOrigin } from '../../model/index.js';
import type { MnhaParams } from '../../../models/mnha/params.js';
import { IclBridge } from '../icl-bridge.js';
import { configFor, sessionIds } from '../impl-setup.js';
import { type KnownDifference, knownDifference } from '../known-differences.js';
import { abstractState, compareStates, refinementRules, type ReplayEnvironment, type VariableRule } from '../refinement.js';
import type { VariableDiff } from '../result.js';
import { applyAction } from '../stimuli.js';
import { type NodeEvent, type NodeSnapshotView, preemptEnabled, regions } from './node-events.js';
import { ScriptedPeer, scriptedPeer } from './scripted-peer.js';

/** The node machine's variables, per node in the system. */
const NODE_VARS = ['node', 'srg0', 'srg1', 'iclSeen', 'peerSrg1', 'activeRoute', 'backupRoute', 'adv', 'probing', 'shut', 'sess', 'sa'] as const;

/** The model's value of n1's variables in a node machine snapshot. */
export function nodeVariables(s: NodeSnapshotView): Record<string, Value> {
  const r = regions(s.value);
  const out: Record<string, Value> = { node: r === null ? 'down' : 'up', srg0: r?.srg0 ?? 'off', srg1: r?.srg1 ?? 'off' };
  for (const v of NODE_VARS.slice(3)) out[v] = s.context[v] as Value;
  return out;
}

/** The result of one event. */
export type EventCheck =
  | { readonly agrees: true; readonly stimulus: string; readonly outcome: string }
  | { readonly agrees: false; readonly stimulus: string; readonly outcome: string; readonly diff: readonly VariableDiff[]; readonly known?: KnownDifference };

/** n1 of the implementation beside a scripted n2. */
export class SingleNodeHarness {
  readonly net: MnhaNetwork;
  private readonly bridge: IclBridge;
  private readonly env: ReplayEnvironment;
  private readonly rules: VariableRule[];
  private peerSays: string = 'hold';

  /**
   * @param origins the system origin of each node event type (from the flat model's actions)
   * @param nodeFactory how n1 is built (a broken fixture, or the real node)
   */
  constructor(
    private readonly params: MnhaParams,
    private readonly machine: AnyStateMachine,
    private readonly origins: ReadonlyMap<string, ActionOrigin>,
    nodeFactory?: NodeFactory,
  ) {
    this.net = new MnhaNetwork({
      configs: { n1: configFor(params, 'n1'), n2: configFor(params, 'n2') },
      iclLossAtActive: params.iclLossAtActive,
      routeConvergence: params.routeConvergence,
      tieBreak: { r1: params.tieBreak, r2: params.tieBreak },
      nodeFactory: { ...(nodeFactory === undefined ? {} : { n1: nodeFactory }), n2: scriptedPeer },
    });
    this.bridge = new IclBridge(this.net);
    this.env = { probeLoss: false, lastPacket: Object.fromEntries(sessionIds(params).map((s) => [s, 'none' as const])) };
    this.rules = refinementRules(params);
  }

  private peer(): ScriptedPeer {
    const peer = this.net.nodeObject('n2');
    if (!(peer instanceof ScriptedPeer)) throw new Error('the peer of the node under test is not scripted');
    return peer;
  }

  /** The peer says what the node is about to receive. */
  private speak(event: NodeEvent): void {
    const peer = this.peer();
    switch (event.type) {
      case 'STATE':
        this.peerSays = String(event.srg1);
        peer.announce(event.srg1 as 'hold');
        break;
      case 'SESSION':
        this.net.packet('n2', String(event.sid));
        break;
      case 'SA_SYNC':
        peer.syncSa();
        break;
      case 'SA_DELETE':
        peer.sayDeleteSa();
        break;
    }
  }

  /**
   * A system-like state around n1's variables: the rest as the
   * implementation has it (so only n1 is compared); with `peerAsSaid`, n2's
   * SRG1 as the peer last said (what the known-difference rules look at).
   */
  private systemState(n1: Record<string, Value>, actual: Record<string, Value>, peerAsSaid = false): Record<string, Value> {
    const state: Record<string, Value> = { ...actual };
    for (const v of NODE_VARS) state[v] = { ...(actual[v] as Record<string, Value>), n1: n1[v] };
    if (peerAsSaid) state.srg1 = { ...(state.srg1 as Record<string, Value>), n2: this.peerSays };
    return state;
  }

  /**
   * Applies `event` (taken by the machine from `before` to `after`) to the
   * implementation and compares n1 with `after` (or with `after` and the
   * eager Preempt, see `eager-steps.ts`).
   */
  step(event: NodeEvent, before: NodeSnapshotView, after: NodeSnapshotView): EventCheck {
    const origin = this.origins.get(event.type);
    if (origin === undefined) throw new Error(`no system step delivers ${event.type} to the node`);
    this.speak(event);
    const picks: Record<string, Value> = { n: 'n1', ...(typeof event.sid === 'string' ? { s: event.sid } : {}) };
    const applied = applyAction({ net: this.net, bridge: this.bridge, env: this.env }, origin, picks);
    // the peer takes whatever the node said (acknowledgements, session moves)
    while (this.net.inFlight('n2').length > 0) this.net.deliverNext('n2');
    const actual = abstractState(this.net.observe(), this.params, this.env);
    const diff = compareStates(this.systemState(nodeVariables(after), actual), actual, this.rules);
    if (diff.length === 0) return { agrees: true, ...applied };
    if (preemptEnabled(this.params, after)) {
      const [preempted] = transition(this.machine, this.machine.resolveState(after as never), { type: 'PREEMPT' });
      if (compareStates(this.systemState(nodeVariables(preempted as NodeSnapshotView), actual), actual, this.rules).length === 0) {
        return { agrees: true, ...applied, outcome: `${applied.outcome} (one eager Preempt ahead)` };
      }
    }
    const o = this.net.observe().nodes.n1;
    const known = knownDifference({
      origin,
      node: 'n1',
      before: this.systemState(nodeVariables(before), actual, true),
      diff,
      eagerPending: preemptEnabled(this.params, before) || preemptEnabled(this.params, after),
      pendingHandover: o.alive && o.srg1.pendingHandover ? ['n1'] : [],
      prioritiesSet: this.params.priority.n1 > 0 && this.params.priority.n2 > 0,
    });
    return { agrees: false, ...applied, diff, ...(known === undefined ? {} : { known }) };
  }
}
