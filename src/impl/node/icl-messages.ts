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
 * A state notification: the sender's SRG states and the facts the receiver
 * needs to elect, resolve a split brain or preempt.
 */
export interface StateNotification {
  readonly kind: 'state';
  readonly from: Origin;
  readonly seq: number;
  /** The highest sequence number the sender has accepted from the receiver (0: none). */
  readonly ack: number;
  /** The sender has just (re)gained contact and asks for the receiver's state. */
  readonly hello: boolean;
  /** Manual failover: the sender has stepped down and asks the receiver to become active. */
  readonly handover: boolean;
  readonly srg0: Srg0State;
  readonly srg1: Srg1State;
  readonly activenessPriority: number | null;
  readonly preemption: boolean;
}

/**
 * Liveness, sent periodically whatever the node believes of the ICL: lets
 * the receiver notice the ICL is up, or keep believing it. It repeats the
 * sender's current state, so that a lost state notification is repaired
 * within one heartbeat period (what a periodic state refresh does in a real
 * daemon). It carries no sequence number: FIFO delivery keeps it in order.
 */
export interface Heartbeat {
  readonly kind: 'heartbeat';
  readonly from: Origin;
  readonly ack: number;
  readonly srg0: Srg0State;
  readonly srg1: Srg1State;
  readonly activenessPriority: number | null;
  readonly preemption: boolean;
}

/** A session became active on the sender because a packet arrived there: demote your copy. */
export interface SessionActive {
  readonly kind: 'session-active';
  readonly from: Origin;
  readonly seq: number;
  readonly sessionId: string;
  /** Network stamp of the packet that made it active. */
  readonly packet: number;
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
  | { readonly kind: 'session-active'; readonly sessionId: string; readonly packet: number }
  | { readonly kind: 'sa-sync'; readonly vpn: string; readonly spi: string }
  | { readonly kind: 'sa-delete'; readonly vpn: string };

/** Stamps a body with its sender and sequence number, keys always in the same order. */
export function stampBody(body: OutgoingBody, from: Origin, seq: number): SessionActive | SaSync | SaDelete {
  switch (body.kind) {
    case 'session-active':
      return { kind: body.kind, from, seq, sessionId: body.sessionId, packet: body.packet };
    case 'sa-sync':
      return { kind: body.kind, from, seq, vpn: body.vpn, spi: body.spi };
    case 'sa-delete':
      return { kind: body.kind, from, seq, vpn: body.vpn };
  }
}

/** One session as a cold sync carries it. */
export interface SessionRecord {
  readonly id: string;
  readonly state: SessionHaState;
  /** Stamp of the latest packet this node saw for the session (0: none). */
  readonly lastPacket: number;
}

/** One IPsec SA as a cold sync carries it. */
export interface SaRecord {
  readonly vpn: string;
  readonly spi: string;
}

/**
 * What one node hands the other in a cold sync (the bulk transfer over the
 * ICL): its session table, its SAs and its SRG1 state.
 */
export interface ColdSyncSnapshot {
  readonly from: Origin;
  readonly srg1: Srg1State;
  readonly sessions: readonly SessionRecord[];
  readonly sas: readonly SaRecord[];
}
