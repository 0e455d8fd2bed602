/**
 * The model's two ICL channels laid over the implementation's one queue per
 * direction.
 *
 * The model keeps, per receiving node, `notify` (the sender's latest STATE
 * only: a newer one replaces the older) and `inbox` (SESSION, SA_SYNC,
 * SA_DELETE, first in first out), and a receive may take either channel's
 * head. The implementation's ICL is one FIFO of every message kind, and a
 * node sends state notifications only while it sees the ICL, but repeats
 * its state in heartbeats whatever it sees. So:
 *
 * - receiving from `notify` delivers the newest state notification in
 *   flight, dropping older ones (the model replaced them), except a
 *   manual-failover handover, which is delivered in its turn; when none is
 *   in flight, the sender repeats its state in a heartbeat (the model's
 *   notify holds the sender's current state: every state change announces
 *   it, and a cut or crash empties it), and that is delivered;
 * - receiving from `inbox` delivers the oldest message of the type received;
 * - what sits ahead of the wanted message in the FIFO cannot be overtaken:
 *   state notifications ahead are dropped (their content reaches the
 *   receiver at its own model step, as above), handovers and session or SA
 *   messages ahead are delivered early and counted, so that their own model
 *   step later does nothing more; heartbeats are dropped.
 */
import type { IclMessage, MnhaNetwork, NodeName } from '../impl/index.js';
import { peerOf } from '../impl/index.js';

/** The model's message types. */
export type ModelMessage = 'STATE' | 'SESSION' | 'SA_SYNC' | 'SA_DELETE';

/** The model message an implementation message stands for (null: none, a heartbeat). */
export function modelMessageOf(message: IclMessage): ModelMessage | null {
  switch (message.kind) {
    case 'state':
      return 'STATE';
    case 'session-active':
      return 'SESSION';
    case 'sa-sync':
      return 'SA_SYNC';
    case 'sa-delete':
      return 'SA_DELETE';
    case 'heartbeat':
      return null;
  }
}

type Credits = Record<ModelMessage, number>;

const noCredits = (): Credits => ({ STATE: 0, SESSION: 0, SA_SYNC: 0, SA_DELETE: 0 });

const isHandover = (m: IclMessage): boolean => m.kind === 'state' && m.handover;

/** Delivery of model receive steps onto the implementation's ICL, with the bookkeeping of early deliveries. */
export class IclBridge {
  private credits: Record<NodeName, Credits> = { n1: noCredits(), n2: noCredits() };

  constructor(private readonly net: MnhaNetwork) {}

  /** Everything in flight is lost (ICL cut, crash): so is what was received ahead of the model. */
  reset(): void {
    this.credits = { n1: noCredits(), n2: noCredits() };
  }

  /**
   * `to` receives a message of type `wanted`. Returns the outcome word:
   * `delivered`, `delivered-earlier` (taken ahead of its step),
   * `delivered-heartbeat` (the sender's state repeated), `empty`.
   */
  receive(to: NodeName, wanted: ModelMessage): string {
    return wanted === 'STATE' ? this.receiveState(to) : this.receiveInbox(to, wanted);
  }

  private receiveState(to: NodeName): string {
    const credits = this.credits[to];
    const queue = this.net.inFlight(to).map((e) => e.message);
    const target = queue.map(modelMessageOf).lastIndexOf('STATE');
    if (target < 0) {
      if (credits.STATE > 0) {
        credits.STATE = 0; // notify holds one message: the handover that went ahead was it
        return 'delivered-earlier';
      }
      return this.repeatPeerState(to);
    }
    credits.STATE = 0;
    this.consumeAhead(to, queue.slice(0, target), 'STATE');
    return this.net.deliverNext(to).outcome;
  }

  private receiveInbox(to: NodeName, wanted: ModelMessage): string {
    const credits = this.credits[to];
    // FIFO: the model's oldest message of this type is the one the implementation took earliest
    if (credits[wanted] > 0) {
      credits[wanted] -= 1;
      return 'delivered-earlier';
    }
    const queue = this.net.inFlight(to).map((e) => e.message);
    const target = queue.map(modelMessageOf).indexOf(wanted);
    if (target < 0) return 'empty';
    this.consumeAhead(to, queue.slice(0, target), wanted);
    return this.net.deliverNext(to).outcome;
  }

  /** Takes the messages ahead of the wanted one off the head of the queue toward `to`. */
  private consumeAhead(to: NodeName, ahead: readonly IclMessage[], wanted: ModelMessage): void {
    for (const message of ahead) {
      const type = modelMessageOf(message);
      if (type === null || (type === 'STATE' && !isHandover(message))) {
        this.net.dropNext(to);
        continue;
      }
      this.net.deliverNext(to);
      // a handover ahead of a newer state is the model's same notify message: no credit then
      if (!(type === 'STATE' && wanted === 'STATE')) this.credits[to][type] += 1;
    }
  }

  /** The sender repeats its state in a heartbeat, which `to` receives at once. */
  private repeatPeerState(to: NodeName): string {
    const sent = this.net.heartbeat(peerOf(to));
    if (sent !== 'sent') return `empty (heartbeat: ${sent})`;
    // a heartbeat goes to the back of the queue: what is ahead of it is not a state message (see above)
    const queue = this.net.inFlight(to).map((e) => e.message);
    this.consumeAhead(to, queue.slice(0, queue.length - 1), 'STATE');
    const delivered = this.net.deliverNext(to).outcome;
    return delivered === 'delivered' ? 'delivered-heartbeat' : delivered;
  }
}
