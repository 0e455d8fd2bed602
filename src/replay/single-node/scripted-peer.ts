/**
 * The peer of a single implementation node under test: a node object that
 * runs no protocol of its own and says only what the test tells it to say
 * (a state notification, a session move, an SA sync or deletion), the way
 * the model's node machine receives events from an environment. It keeps
 * just enough to speak correctly: its sequence numbers, and the last
 * sequence number it accepted from the node, which it acknowledges the way a
 * real peer would: a notification that is not an answer was sent before the
 * peer read the node's pending ask, so it acknowledges only what came before
 * that ask.
 *
 * It advertises nothing and has no sessions, so the routers prefer the node
 * under test and answer its probes, and the contact reconciliation leaves
 * the node's sessions as they are.
 */
import {
  MnhaNode,
  type IclMessage,
  type NodeDeps,
  type NodeFactory,
  type PacketOutcome,
  type ReceiveOutcome,
  type Srg1State,
  type StateFlag,
} from '../../impl/index.js';
import { REPLAY_VPN } from '../impl-setup.js';

/** A silent peer that speaks on command. */
export class ScriptedPeer extends MnhaNode {
  private seq = 0;
  private heard = { incarnation: 0, seq: 0 };
  /** Sequence number of the node's ask (or handover) not answered yet. */
  private pendingAsk: number | null = null;

  constructor(deps: NodeDeps) {
    super(deps);
  }

  /** No timers, no boot-time advertisement: the peer only speaks when told. */
  override start(): void {}

  /** Takes the node's messages: remembers what to acknowledge and the node's pending ask. */
  override receive(message: IclMessage): ReceiveOutcome {
    if (message.from.incarnation !== this.heard.incarnation) this.heard = { incarnation: message.from.incarnation, seq: 0 };
    if (message.kind === 'heartbeat') return 'accepted';
    this.heard.seq = Math.max(this.heard.seq, message.seq);
    if (message.kind === 'state' && (message.flag === 'ask' || message.flag === 'handover')) this.pendingAsk = message.seq;
    return 'accepted';
  }

  /** A packet reaches the peer: it tells the node the session is active here. */
  override receivePacket(sessionId: string): PacketOutcome {
    this.ports.icl.send({ kind: 'session-active', from: this.from(), seq: this.next(), sessionIds: [sessionId] });
    return 'forwarded';
  }

  /** Sends a state notification of `srg1` with `flag`; an answer acknowledges everything heard. */
  say(srg1: Srg1State, flag: StateFlag): void {
    const ack = flag === 'answer' || this.pendingAsk === null ? this.heard.seq : this.pendingAsk - 1;
    if (flag === 'answer') this.pendingAsk = null;
    this.ports.icl.send({
      kind: 'state', from: this.from(), seq: this.next(), ack, flag,
      srg0: 'online', srg1, activenessPriority: this.config.srg1.activenessPriority, preemption: this.config.srg1.preemption,
    });
  }

  /** Synchronises an SA of the scenario's VPN to the node. */
  syncSa(): void {
    this.ports.icl.send({ kind: 'sa-sync', from: this.from(), seq: this.next(), vpn: REPLAY_VPN, spi: `${this.config.localId}.peer` });
  }

  /** Tells the node the VPN's SA was deleted. */
  sayDeleteSa(): void {
    this.ports.icl.send({ kind: 'sa-delete', from: this.from(), seq: this.next(), vpn: REPLAY_VPN });
  }

  private from(): { localId: number; incarnation: number } {
    return { localId: this.config.localId, incarnation: this.incarnation };
  }

  private next(): number {
    this.seq += 1;
    return this.seq;
  }
}

/** The factory of a scripted peer, for the network's `nodeFactory` option. */
export const scriptedPeer: NodeFactory = (deps) => new ScriptedPeer(deps);
