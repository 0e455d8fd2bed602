/**
 * The per-session HA table of SRG0 (MNHA.md section 6): each flow session has
 * a per-node state, active where its packets arrive and warm elsewhere.
 */
import type { SessionHaState } from '../domain.js';
import type { SessionRecord } from './icl-messages.js';

/** What a packet did to the session table. */
export type PacketEffect = 'created' | 'moved' | 'refreshed';

/** The session table of one node. */
export class SessionTable {
  private readonly entries = new Map<string, { state: SessionHaState; lastPacket: number }>();

  /** A packet of `id` arrived here: the session is (or becomes) active here. */
  packetArrived(id: string, stamp: number): PacketEffect {
    const entry = this.entries.get(id);
    this.entries.set(id, { state: 'active', lastPacket: stamp });
    if (entry === undefined) return 'created';
    return entry.state === 'warm' ? 'moved' : 'refreshed';
  }

  /** The peer made the session active: keep a warm copy here. */
  demote(id: string): void {
    const entry = this.entries.get(id);
    this.entries.set(id, { state: 'warm', lastPacket: entry?.lastPacket ?? 0 });
  }

  /**
   * Cold-sync reconciliation (Decision, MNHA.md section 6): a session ends
   * active only on the node that saw its latest packet. Both nodes run this
   * on each other's table, so both reach the same answer. A session the peer
   * has and this node lacks is copied warm.
   */
  reconcile(theirs: readonly SessionRecord[]): void {
    for (const record of theirs) {
      const mine = this.entries.get(record.id);
      if (mine === undefined) {
        this.entries.set(record.id, { state: 'warm', lastPacket: 0 });
      } else if (mine.lastPacket > record.lastPacket) {
        mine.state = 'active';
      } else if (mine.lastPacket < record.lastPacket) {
        mine.state = 'warm';
      }
    }
    const known = new Set(theirs.map((record) => record.id));
    for (const [id, mine] of this.entries) {
      // the peer lost this session (it rebooted): whoever saw a packet keeps it active
      if (!known.has(id) && mine.lastPacket > 0) mine.state = 'active';
    }
  }

  /** The table as records, sorted by session id. */
  records(): SessionRecord[] {
    return [...this.entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, entry]) => ({ id, state: entry.state, lastPacket: entry.lastPacket }));
  }
}
