/**
 * What nodes say to each other over the interchassis link. Every message
 * names its sender (local id and boot incarnation); every message but the
 * heartbeat carries a sequence number, increasing per sender incarnation, so
 * that a receiver can drop what is stale or duplicated.
 */
import type { SessionHaState, Srg0State, Srg1State } from '../domain.js';

/** Who sent a message: the sender's local id and how many times it has booted. */
export interface Origin {
  readonly localId: number;
  readonly incarnation: number;
}

/**
 * What a state notification asks of its receiver: nothing; an answer (the
 * sender claims nothing until it has one); to take activeness over and
 * answer (manual failover); or it is itself the answer to one of those.
 */
export type StateFlag = 'none' | 'ask' | 'handover' | 'answer';

/**
 * A state notification: the sender's SRG states and the facts the receiver
 * needs to elect, resolve a split brain or preempt.
 */
export interface StateNotification {
  readonly kind: 'state';
  readonly from: Origin;
  readonly seq: number;
  /** The highest sequence number the sender has accepted from the receiver (0: none). */
  readonly ack: number;
  readonly flag: StateFlag;
  readonly srg0: Srg0State;
  readonly srg1: Srg1State;
  readonly activenessPriority: number | null;
  readonly preemption: boolean;
}

/**
 * Liveness only, sent periodically in clock-driven runs whatever the node
 * believes of the ICL: lets the receiver notice the ICL is up, or keep
 * believing it. It carries no state: a node learns its peer's state only
 * from state notifications, which the in-order ICL never loses while the
 * link stays up.
 */
export interface Heartbeat {
  readonly kind: 'heartbeat';
  readonly from: Origin;
  readonly ack: number;
}

/** Sessions became active on the sender (a packet, or the contact reconciliation): demote your copies. */
export interface SessionActive {
  readonly kind: 'session-active';
  readonly from: Origin;
  readonly seq: number;
  /** Sorted. */
  readonly sessionIds: readonly string[];
}

/** An IPsec SA negotiated on the (active) sender, synchronised to the receiver. */
export interface SaSync {
  readonly kind: 'sa-sync';
  readonly from: Origin;
  readonly seq: number;
  readonly vpn: string;
  readonly spi: string;
}

/** An IPsec SA deleted on the (active) sender. */
export interface SaDelete {
  readonly kind: 'sa-delete';
  readonly from: Origin;
  readonly seq: number;
  readonly vpn: string;
}

/** Any message on the ICL. */
export type IclMessage = StateNotification | Heartbeat | SessionActive | SaSync | SaDelete;

/** A message's content before the sender stamps it with its origin and sequence number. */
export type OutgoingBody =
  | { readonly kind: 'session-active'; readonly sessionIds: readonly string[] }
  | { readonly kind: 'sa-sync'; readonly vpn: string; readonly spi: string }
  | { readonly kind: 'sa-delete'; readonly vpn: string };

/** Stamps a body with its sender and sequence number, keys always in the same order. */
export function stampBody(body: OutgoingBody, from: Origin, seq: number): SessionActive | SaSync | SaDelete {
  switch (body.kind) {
    case 'session-active':
      return { kind: body.kind, from, seq, sessionIds: [...body.sessionIds] };
    case 'sa-sync':
      return { kind: body.kind, from, seq, vpn: body.vpn, spi: body.spi };
    case 'sa-delete':
      return { kind: body.kind, from, seq, vpn: body.vpn };
  }
}

/** One session as a node's table holds it, and as the contact reconciliation reads the peer's. */
export interface SessionRecord {
  readonly id: string;
  readonly state: SessionHaState;
  /** Stamp of the latest packet this node saw for the session (0: none). */
  readonly lastPacket: number;
}

/** One IPsec SA held by a node: in use (this node is the IKE end) or a synchronised copy. */
export interface SaRecord {
  readonly vpn: string;
  readonly spi: string;
  readonly inUse: boolean;
}
