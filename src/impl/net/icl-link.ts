/**
 * The interchassis link: one FIFO queue of messages in flight per direction,
 * so that delivery can be single-stepped. Cutting the link loses what is in
 * flight (Decision, MNHA.md section 1).
 */
import type { IclMessage } from '../node/icl-messages.js';
import type { NodeName } from './names.js';

/** A message on the wire. */
export interface Envelope {
  readonly id: number;
  readonly from: NodeName;
  readonly to: NodeName;
  readonly sentAt: number;
  readonly message: IclMessage;
}

/** Physical state of the link. */
export type LinkState = 'up' | 'cut';

/** The ICL's queues; the network decides what enters them. */
export class IclLink {
  private linkState: LinkState = 'up';
  private nextId = 1;
  /** Keyed by destination. */
  private readonly queues: Record<NodeName, Envelope[]> = { n1: [], n2: [] };

  /** A copy of the link and what is in flight (envelopes are immutable and shared). */
  clone(): IclLink {
    const copy = new IclLink();
    copy.linkState = this.linkState;
    copy.nextId = this.nextId;
    copy.queues.n1.push(...this.queues.n1);
    copy.queues.n2.push(...this.queues.n2);
    return copy;
  }

  /** Whether the link is up or cut. */
  state(): LinkState {
    return this.linkState;
  }

  /** Puts a message at the tail of the queue toward `to`. */
  enqueue(from: NodeName, to: NodeName, message: IclMessage, now: number): Envelope {
    const envelope: Envelope = { id: this.nextId, from, to, sentAt: now, message };
    this.nextId += 1;
    this.queues[to].push(envelope);
    return envelope;
  }

  /** The next message toward `to`, not removed. */
  head(to: NodeName): Envelope | undefined {
    return this.queues[to][0];
  }

  /** Removes and returns the next message toward `to`. */
  shift(to: NodeName): Envelope | undefined {
    return this.queues[to].shift();
  }

  /** Messages in flight toward `to`, oldest first. */
  inFlight(to: NodeName): readonly Envelope[] {
    return this.queues[to];
  }

  /** Cuts the link; in-flight messages are lost. Returns how many. */
  cut(): number {
    this.linkState = 'cut';
    return this.flush();
  }

  /** Restores the link (queues are empty: nothing survived the cut). */
  restore(): void {
    this.linkState = 'up';
  }

  /** Loses everything in flight (link cut, or an end crashed). Returns how many. */
  flush(): number {
    const lost = this.queues.n1.length + this.queues.n2.length;
    this.queues.n1.length = 0;
    this.queues.n2.length = 0;
    return lost;
  }
}
