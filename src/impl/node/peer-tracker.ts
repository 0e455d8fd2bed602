/**
 * What a node knows about its peer: which boot of the peer it talks to, the
 * last sequence number accepted from it, and the peer's last announced
 * state. Stale, duplicated and foreign messages are recognised here.
 */
import type { Srg0State, Srg1State } from '../domain.js';
import type { IclMessage, StateNotification } from './icl-messages.js';

/** The peer's state as its last state notification announced it. */
export interface PeerState {
  readonly localId: number;
  readonly srg0: Srg0State;
  readonly srg1: Srg1State;
  readonly activenessPriority: number | null;
  readonly preemption: boolean;
}

/**
 * How an arriving message is taken: `accepted`; `new-incarnation` (the peer
 * has rebooted since we last heard from it, accepted); `stale` (older boot
 * or sequence number already seen, dropped); `foreign` (not our peer, dropped).
 */
export type Admission = 'accepted' | 'new-incarnation' | 'stale' | 'foreign';

/** The peer as one node knows it. */
export class PeerTracker {
  private incarnation = 0;
  private lastSeq = 0;
  private state: PeerState | null = null;

  constructor(private readonly peerId: number) {}

  /** A copy of what this node knows of its peer. */
  clone(): PeerTracker {
    const copy = new PeerTracker(this.peerId);
    copy.incarnation = this.incarnation;
    copy.lastSeq = this.lastSeq;
    copy.state = this.state;
    return copy;
  }

  /** Decides whether to take `message`, and remembers its sequence number if so. */
  admit(message: IclMessage): Admission {
    if (message.from.localId !== this.peerId) return 'foreign';
    if (message.from.incarnation < this.incarnation) return 'stale';
    let admission: Admission = 'accepted';
    if (message.from.incarnation > this.incarnation) {
      // a new boot of the peer: whatever we knew of the old one is void
      admission = this.incarnation === 0 ? 'accepted' : 'new-incarnation';
      this.incarnation = message.from.incarnation;
      this.lastSeq = 0;
      this.state = null;
    }
    if (message.kind === 'heartbeat') return admission;
    if (message.seq <= this.lastSeq) return 'stale';
    this.lastSeq = message.seq;
    return admission;
  }

  /** Records the state a notification announces. */
  record(notification: StateNotification): void {
    this.state = {
      localId: notification.from.localId,
      srg0: notification.srg0,
      srg1: notification.srg1,
      activenessPriority: notification.activenessPriority,
      preemption: notification.preemption,
    };
  }

  /**
   * Forgets the peer's state (the ICL went down) and what was acknowledged:
   * acknowledgements count within one ICL connection, so that the first
   * notification after contact, sent before anything is heard from the
   * peer (which may have rebooted meanwhile), acknowledges nothing. The
   * peer's incarnation is kept, so that an older boot is still refused.
   */
  forget(): void {
    this.state = null;
    this.lastSeq = 0;
  }

  /** The peer's last announced state, or null when unknown. */
  known(): PeerState | null {
    return this.state;
  }

  /** The highest sequence number accepted from the current peer boot (0: none). */
  lastAccepted(): number {
    return this.lastSeq;
  }
}
