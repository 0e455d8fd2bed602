/**
 * The node's small tables: routing policy, weighted monitors, sessions,
 * SAs and the peer bookkeeping.
 */
import { describe, expect, it } from 'vitest';
import { policyPreference, type IclMessage } from '../../../src/impl/index.js';
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
  it('reconciles to the node that saw the latest packet, copying unknown sessions warm', () => {
    const mine = new SessionTable();
    mine.packetArrived('a', 5); // mine later
    mine.packetArrived('b', 2); // theirs later
    mine.packetArrived('c', 3); // theirs lost it (rebooted)
    mine.reconcile([
      { id: 'a', state: 'active', lastPacket: 4 },
      { id: 'b', state: 'active', lastPacket: 6 },
      { id: 'd', state: 'active', lastPacket: 7 },
    ]);
    expect(mine.records()).toEqual([
      { id: 'a', state: 'active', lastPacket: 5 },
      { id: 'b', state: 'warm', lastPacket: 2 },
      { id: 'c', state: 'active', lastPacket: 3 },
      { id: 'd', state: 'warm', lastPacket: 0 },
    ]);
  });

  it('tells created, moved and refreshed apart', () => {
    const table = new SessionTable();
    expect(table.packetArrived('s', 1)).toBe('created');
    expect(table.packetArrived('s', 2)).toBe('refreshed');
    table.demote('s');
    expect(table.packetArrived('s', 3)).toBe('moved');
  });
});

describe('SA table', () => {
  it('merges what it lacks, and takes the active peer copy', () => {
    const table = new SaTable();
    table.set('A', 'mine');
    table.merge([{ vpn: 'A', spi: 'theirs' }, { vpn: 'B', spi: 'b' }], false);
    expect(table.records()).toEqual([{ vpn: 'A', spi: 'mine' }, { vpn: 'B', spi: 'b' }]);
    table.merge([{ vpn: 'A', spi: 'theirs' }], true);
    expect(table.get('A')).toBe('theirs');
  });
});

describe('peer tracker', () => {
  const state = (incarnation: number, seq: number, localId = 2): IclMessage => ({
    kind: 'state', from: { localId, incarnation }, seq, ack: 0, hello: false, handover: false,
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
    expect(peer.admit({ kind: 'heartbeat', from: { localId: 2, incarnation: 2 }, ack: 0, srg0: 'online', srg1: 'hold', activenessPriority: null, preemption: false })).toBe('accepted');
  });
});
