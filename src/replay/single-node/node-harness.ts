/**
 * One implementation node (n1) run beside a scripted peer, driven by the
 * events of the model's node machine and compared with the machine's
 * snapshot after every event. Events map to stimuli by the system step (or
 * channel) they come from, as in trace replay; a message the node receives
 * is first said by the scripted peer.
 */
import type { AnyStateMachine } from 'xstate';
import type { Value } from '../../dsl/index.js';
import { MnhaNetwork, type NodeFactory, type Srg1State, type StateFlag } from '../../impl/index.js';
import type { ActionOrigin } from '../../model/index.js';
import type { MnhaParams } from '../../../models/mnha/params.js';
import { configFor, sessionIds } from '../impl-setup.js';
import { abstractState, compareStates, refinementRules, type ReplayEnvironment, type VariableRule } from '../refinement.js';
import type { VariableDiff } from '../result.js';
import { applyAction } from '../stimuli.js';
import { type NodeEvent, type NodeSnapshotView, regions } from './node-events.js';
import { ScriptedPeer, scriptedPeer } from './scripted-peer.js';

/** The node machine's variables, per node in the system. */
const NODE_VARS = ['node', 'srg0', 'srg1', 'iclSeen', 'peerSrg1', 'awaiting', 'activeRoute', 'backupRoute', 'adv', 'probing', 'shut', 'sess', 'sa'] as const;

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
  | { readonly agrees: false; readonly stimulus: string; readonly outcome: string; readonly diff: readonly VariableDiff[] };

/** n1 of the implementation beside a scripted n2. */
export class SingleNodeHarness {
  readonly net: MnhaNetwork;
  private readonly env: ReplayEnvironment;
  private readonly rules: VariableRule[];

  /**
   * @param origins the system origin of each node event type (from the flat model's actions)
   * @param nodeFactory how n1 is built (a broken fixture, or the real node)
   */
  constructor(
    private readonly params: MnhaParams,
    readonly machine: AnyStateMachine,
    private readonly origins: ReadonlyMap<string, ActionOrigin>,
    nodeFactory?: NodeFactory,
  ) {
    this.net = new MnhaNetwork({
      configs: { n1: configFor(params, 'n1'), n2: configFor(params, 'n2') },
      iclLossAtActive: params.iclLossAtActive,
      routeConvergence: params.routeConvergence,
      waitForAnswer: params.waitForAnswer,
      tieBreak: { r1: params.tieBreak, r2: params.tieBreak },
      nodeFactory: { ...(nodeFactory === undefined ? {} : { n1: nodeFactory }), n2: scriptedPeer },
    });
    this.env = { probeLoss: false, lastPacket: Object.fromEntries(sessionIds(params).map((s) => [s, 'none' as const])) };
    this.rules = refinementRules(params).filter((r) => (NODE_VARS as readonly string[]).includes(r.variable));
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
        peer.say(event.srg1 as Srg1State, event.flag as StateFlag);
        break;
      case 'SESSION':
        this.net.packet('n2', String((event.sids as string[])[0]));
        break;
      case 'SA_SYNC':
        peer.syncSa();
        break;
      case 'SA_DELETE':
        peer.sayDeleteSa();
        break;
    }
  }

  /** Applies `event` (taken by the machine to `after`) to the implementation and compares n1 with `after`. */
  step(event: NodeEvent, after: NodeSnapshotView): EventCheck {
    const origin = this.origins.get(event.type);
    if (origin === undefined) throw new Error(`no system step delivers ${event.type} to the node`);
    this.speak(event);
    const picks: Record<string, Value> = { n: 'n1', ...(typeof event.sid === 'string' ? { s: event.sid } : {}) };
    const applied = applyAction({ net: this.net, env: this.env }, origin, picks);
    // the peer takes whatever the node said (acknowledgements, session moves)
    while (this.net.inFlight('n2').length > 0) this.net.deliverNext('n2');
    const actual = abstractState(this.net.observe(), this.params, this.env);
    const expected: Record<string, Value> = { ...actual };
    const n1 = nodeVariables(after);
    for (const v of NODE_VARS) expected[v] = { ...(actual[v] as Record<string, Value>), n1: n1[v] };
    const diff = compareStates(expected, actual, this.rules);
    return diff.length === 0 ? { agrees: true, ...applied } : { agrees: false, ...applied, diff };
  }
}
