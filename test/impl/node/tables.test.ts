/**
 * The node's small tables: routing policy, weighted monitors, sessions,
 * SAs and the peer bookkeeping.
 */
import { describe, expect, it } from 'vitest';
import { Ask, policyPreference, type IclMessage } from '../../../src/impl/index.js';
import { MonitorSet } from '../../../src/impl/node/monitor-set.js';
import { PeerTracker } from '../../../src/impl/node/peer-tracker.js';
import { SaTable } from '../../../src/impl/node/sa-table.js';
import { SessionTable } from '../../../src/impl/node/session-table.js';

describe('routing policy (MNHA.md section 2 table)', () => {
  it('active-signal-route gives high, backup-signal-route medium, none low', () => {
    expect(policyPreference(true, false)).toBe('high');
    expect(policyPreference(false, true)).toBe('medium');
    expect(policyPreference(false, false)).toBe('low');
    // first match wins should both ever be present
    expect(policyPreference(true, true)).toBe('high');
  });
});

describe('weighted monitors', () => {
  it('an SRG without monitors gets one weighing the whole threshold', () => {
    const set = new MonitorSet({ threshold: 255, monitors: [] });
    expect(set.names()).toEqual(['srg-health']);
    set.set('srg-health', 'down');
    expect(set.failed()).toBe(true);
  });

  it('fails when the failed weights reach the threshold', () => {
    const set = new MonitorSet({ threshold: 150, monitors: [{ kind: 'interface', target: 'a', weight: 100 }, { kind: 'ip', target: '10.0.0.9', weight: 50 }] });
    expect(set.set('interface a', 'down')).toBe('changed');
    expect(set.set('interface a', 'down')).toBe('unchanged');
    expect([set.failedWeight(), set.failed()]).toEqual([100, false]);
    set.set('ip 10.0.0.9', 'down');
    expect([set.failedWeight(), set.failed()]).toEqual([150, true]);
    expect(set.set('nope', 'down')).toBe('unknown-monitor');
  });
});

describe('session table', () => {
  it('contact reconciliation: of the sessions active on both, the copy that did not see the latest packet goes warm', () => {
    const mine = new SessionTable();
    mine.packetArrived('a', 5); // active on both, mine later: kept here, the peer must be told
    mine.packetArrived('b', 2); // active on both, theirs later: goes warm here
    mine.packetArrived('c', 3); // warm on the peer: nothing to reconcile
    mine.packetArrived('e', 1);
    mine.demote('e'); // warm here, active there: nothing to reconcile
    const keep = mine.reconcileWith([
      { id: 'a', state: 'active', lastPacket: 4 },
      { id: 'b', state: 'active', lastPacket: 6 },
      { id: 'c', state: 'warm', lastPacket: 9 },
      { id: 'd', state: 'active', lastPacket: 7 }, // unknown here: not copied (no bulk copy of sessions)
      { id: 'e', state: 'active', lastPacket: 8 },
    ]);
    expect(keep).toEqual(['a']);
    expect(mine.records()).toEqual([
      { id: 'a', state: 'active', lastPacket: 5 },
      { id: 'b', state: 'warm', lastPacket: 2 },
      { id: 'c', state: 'active', lastPacket: 3 },
      { id: 'e', state: 'warm', lastPacket: 1 },
    ]);
  });

  it('returns the ids to tell the peer sorted', () => {
    const mine = new SessionTable();
    mine.packetArrived('z', 9);
    mine.packetArrived('m', 8);
    expect(mine.reconcileWith([{ id: 'z', state: 'active', lastPacket: 1 }, { id: 'm', state: 'active', lastPacket: 2 }])).toEqual(['m', 'z']);
  });

  it('tells created, moved and refreshed apart', () => {
    const table = new SessionTable();
    expect(table.packetArrived('s', 1)).toBe('created');
    expect(table.packetArrived('s', 2)).toBe('refreshed');
    table.demote('s');
    expect(table.packetArrived('s', 3)).toBe('moved');
  });

  it('a clone is independent of its original', () => {
    const table = new SessionTable();
    table.packetArrived('s', 1);
    const copy = table.clone();
    copy.demote('s');
    expect(table.records()).toEqual([{ id: 's', state: 'active', lastPacket: 1 }]);
  });
});

describe('SA table (MNHA.md section 7, PROTOCOL.md "IPsec")', () => {
  it('keeps a synchronised copy unless it uses an SA of its own', () => {
    const table = new SaTable();
    table.synced('A', 'theirs-1');
    expect(table.records()).toEqual([{ vpn: 'A', spi: 'theirs-1', inUse: false }]);
    table.synced('A', 'theirs-2'); // a newer copy replaces the old one
    expect(table.get('A')).toEqual({ spi: 'theirs-2', inUse: false });
    table.negotiated('B', 'mine');
    table.synced('B', 'theirs');
    expect(table.get('B')).toEqual({ spi: 'mine', inUse: true });
  });

  it('becoming active takes every copy into use; leaving active turns them back into copies', () => {
    const table = new SaTable();
    table.synced('A', 'a');
    table.synced('B', 'b');
    table.takeOver();
    expect(table.records()).toEqual([
      { vpn: 'A', spi: 'a', inUse: true },
      { vpn: 'B', spi: 'b', inUse: true },
    ]);
    table.handBack();
    expect(table.records().map((sa) => sa.inUse)).toEqual([false, false]);
  });

  it("the peer's deletion drops a copy, never an SA in use here", () => {
    const table = new SaTable();
    table.synced('A', 'a');
    table.negotiated('B', 'b');
    table.peerDeleted('A');
    table.peerDeleted('B');
    table.peerDeleted('C'); // nothing to drop
    expect(table.records()).toEqual([{ vpn: 'B', spi: 'b', inUse: true }]);
    expect(table.delete('B')).toBe(true);
    expect(table.delete('B')).toBe(false);
  });
});

describe('peer tracker', () => {
  const state = (incarnation: number, seq: number, localId = 2): IclMessage => ({
    kind: 'state', from: { localId, incarnation }, seq, ack: 0, flag: 'none',
    srg0: 'online', srg1: 'backup', activenessPriority: null, preemption: false,
  });

  it('drops foreign, duplicated and older-boot messages; notices a reboot', () => {
    const peer = new PeerTracker(2);
    expect(peer.admit(state(1, 1, 3))).toBe('foreign');
    expect(peer.admit(state(1, 1))).toBe('accepted');
    expect(peer.admit(state(1, 1))).toBe('stale');
    expect(peer.admit(state(1, 2))).toBe('accepted');
    expect(peer.lastAccepted()).toBe(2);
    expect(peer.admit(state(2, 1))).toBe('new-incarnation');
    expect(peer.admit(state(1, 9))).toBe('stale');
    // heartbeats carry no sequence number: accepted without moving the acknowledgement
    expect(peer.admit({ kind: 'heartbeat', from: { localId: 2, incarnation: 2 }, ack: 0 })).toBe('accepted');
    expect(peer.lastAccepted()).toBe(1);
  });

  it('forgets the peer state and the acknowledgement when the ICL goes, but still refuses an older boot', () => {
    const peer = new PeerTracker(2);
    const message = state(2, 5);
    peer.admit(message);
    if (message.kind === 'state') peer.record(message);
    expect(peer.known()?.srg1).toBe('backup');
    peer.forget();
    expect(peer.known()).toBeNull();
    expect(peer.lastAccepted()).toBe(0);
    expect(peer.admit(state(1, 9))).toBe('stale');
    // a new ICL connection numbers from the start again within the same boot
    expect(peer.admit(state(2, 1))).toBe('accepted');
  });
});

describe('ask (PROTOCOL.md "Asking": one ask out at a time, answered by acknowledgement)', () => {
  it('is answered by the first acknowledgement that reaches its own sequence number', () => {
    const ask = new Ask();
    expect(ask.state()).toBe('idle');
    expect(ask.acknowledged(99)).toBe('idle');
    expect(ask.want()).toBe(true);
    ask.sent(4);
    expect([ask.state(), ask.waiting()]).toEqual(['asked', true]);
    // a notification sent before the peer read the ask is no answer
    expect(ask.acknowledged(3)).toBe('waiting');
    expect(ask.acknowledged(4)).toBe('answered');
    expect([ask.state(), ask.waiting()]).toEqual(['idle', false]);
  });

  it('a second ask while one is out waits for the pending answer, then goes out anew', () => {
    const ask = new Ask();
    ask.want();
    ask.sent(2);
    expect(ask.want()).toBe(false); // not sent now
    expect(ask.state()).toBe('askAgain');
    expect(ask.acknowledged(1)).toBe('waiting');
    // the pending answer is stale: the caller asks again at once
    expect(ask.acknowledged(2)).toBe('ask-again');
    expect(ask.state()).toBe('asked');
    ask.sent(5);
    expect(ask.acknowledged(4)).toBe('waiting');
    expect(ask.acknowledged(5)).toBe('answered');
  });

  it('is forgotten with the ICL, and a clone is independent', () => {
    const ask = new Ask();
    ask.want();
    ask.sent(3);
    const copy = ask.clone();
    ask.forget();
    expect(ask.state()).toBe('idle');
    expect(copy.state()).toBe('asked');
    expect(copy.acknowledged(3)).toBe('answered');
  });
});
