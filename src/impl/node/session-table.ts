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

  /** A copy of the table. */
  clone(): SessionTable {
    const copy = new SessionTable();
    for (const [id, entry] of this.entries) copy.entries.set(id, { ...entry });
    return copy;
  }

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
   * Contact reconciliation (Decision, MNHA.md section 6), read against the
   * peer's table: of each session active on both nodes, the copy that did
   * not see the latest packet goes warm. This node's copies go warm here;
   * the ids returned are those whose latest packet was here, so that the
   * peer's copies go warm when it is told. Sorted.
   */
  reconcileWith(theirs: readonly SessionRecord[]): string[] {
    const keep: string[] = [];
    for (const record of theirs) {
      const mine = this.entries.get(record.id);
      if (mine === undefined || mine.state !== 'active' || record.state !== 'active') continue;
      if (mine.lastPacket > record.lastPacket) keep.push(record.id);
      else if (mine.lastPacket < record.lastPacket) mine.state = 'warm';
    }
    return keep.sort();
  }

  /** The table as records, sorted by session id. */
  records(): SessionRecord[] {
    return [...this.entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, entry]) => ({ id, state: entry.state, lastPacket: entry.lastPacket }));
  }
}
