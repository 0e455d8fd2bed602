/**
 * The peer of a single implementation node under test: a node object that
 * runs no protocol of its own and says only what the test tells it to say
 * (a state notification, a session move, an SA sync or deletion), the way
 * the model's node machine receives events from an environment. It keeps
 * just enough to speak correctly: its sequence numbers, the last sequence
 * number it accepted from the node (acknowledgements end a handover), and
 * the sessions it claimed (its half of a cold sync).
 *
 * It advertises nothing, so the routers prefer the node under test and
 * answer its probes.
 */
import { MnhaNode, type ColdSyncSnapshot, type IclMessage, type NodeDeps, type NodeFactory, type PacketOutcome, type ReceiveOutcome, type SessionRecord, type Srg1State } from '../../impl/index.js';
import { REPLAY_VPN } from '../impl-setup.js';

/** A silent peer that speaks on command. */
export class ScriptedPeer extends MnhaNode {
  private seq = 0;
  private heard = { incarnation: 0, seq: 0 };
  private announced: Srg1State = 'hold';
  private readonly claimed = new Map<string, SessionRecord>();

  constructor(deps: NodeDeps) {
    super(deps);
  }

  /** No timers, no boot-time advertisement: the peer only speaks when told. */
  override start(): void {}

  /** Takes the node's messages: remembers what to acknowledge and which sessions moved to the node. */
  override receive(message: IclMessage): ReceiveOutcome {
    if (message.from.incarnation !== this.heard.incarnation) this.heard = { incarnation: message.from.incarnation, seq: 0 };
    if (message.kind !== 'heartbeat') this.heard.seq = Math.max(this.heard.seq, message.seq);
    if (message.kind === 'session-active') {
      const mine = this.claimed.get(message.sessionId);
      if (mine !== undefined) this.claimed.set(message.sessionId, { ...mine, state: 'warm' });
    }
    return 'accepted';
  }

  /** A packet reaches the peer: it claims the session and tells the node. */
  override receivePacket(sessionId: string, stamp: number): PacketOutcome {
    this.claimed.set(sessionId, { id: sessionId, state: 'active', lastPacket: stamp });
    this.ports.icl.send({ kind: 'session-active', from: this.from(), seq: this.next(), sessionId, packet: stamp });
    return 'forwarded';
  }

  /** Its half of a cold sync: the sessions it claimed, no SA (it is never the active node). */
  override coldSyncSnapshot(): ColdSyncSnapshot {
    return { from: this.from(), srg1: this.announced, sessions: [...this.claimed.values()], sas: [] };
  }

  override acceptColdSync(): void {}

  /** Sends a state notification announcing `srg1`. */
  announce(srg1: Srg1State): void {
    this.announced = srg1;
    this.ports.icl.send({
      kind: 'state', from: this.from(), seq: this.next(), ack: this.heard.seq, hello: false, handover: false,
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
