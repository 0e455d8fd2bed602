/**
 * MNHA.md section 5: SRG0 failure isolates the node and shuts its
 * shut-on-failure interfaces; recovery waits for a cold sync before going
 * online and bringing them up. PROTOCOL.md: the cold sync completes by
 * itself (sessions are reconciled on contact, not by the cold sync), and
 * SRG0 changes send nothing over the ICL.
 */
import { describe, expect, it } from 'vitest';
import { bootInContact, network, srg0, srg1, up } from '../helpers.js';

describe('SRG0 isolation and the cold sync before online', () => {
  it('isolates with interfaces shut, syncs cold on recovery, then goes online', () => {
    const shut = { shutdownOnFailure: ['ge-0/0/3', 'ge-0/0/2'] };
    const net = network({ n1: shut, n2: shut });
    bootInContact(net);
    expect(srg0(net, 'n1')).toEqual({
      state: 'online',
      interfaces: [
        { name: 'ge-0/0/2', status: 'up' },
        { name: 'ge-0/0/3', status: 'up' },
      ],
      failedMonitors: [],
    });

    expect(net.failMonitor('n1', 0)).toBe('changed');
    expect(srg0(net, 'n1')).toEqual({
      state: 'isolated',
      interfaces: [
        { name: 'ge-0/0/2', status: 'down' },
        { name: 'ge-0/0/3', status: 'down' },
      ],
      failedMonitors: ['srg-health'],
    });
    // SRG1 is a separate group: n1 stays active; an SRG0 change is not announced
    expect(srg1(net, 'n1').state).toBe('active');
    expect(net.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
    // an isolated node forwards nothing; the peer carries the session meanwhile (stamps 1 and 2: a dropped packet is counted too)
    expect(net.packet('n1', 's1')).toBe('dropped');
    expect(net.packet('n2', 's1')).toBe('forwarded');
    net.deliverAll();

    expect(net.recoverMonitor('n1', 0)).toBe('changed');
    // recovered but not yet synced: interfaces stay down, packets still dropped (packet 3)
    expect(srg0(net, 'n1').state).toBe('coldSync');
    expect(srg0(net, 'n1').interfaces.every((i) => i.status === 'down')).toBe(true);
    expect(net.packet('n1', 's1')).toBe('dropped');

    expect(net.completeColdSync('n1')).toBe('online');
    expect(srg0(net, 'n1').state).toBe('online');
    expect(srg0(net, 'n1').interfaces.every((i) => i.status === 'up')).toBe(true);
    expect(net.completeColdSync('n1')).toBe('not-syncing');
    // n1 keeps the warm copy n2's SESSION message gave it while isolated; n2, which saw the packet (stamp 2), keeps it active
    expect(up(net.observe(), 'n1').sessions).toEqual([{ id: 's1', state: 'warm', lastPacket: 0 }]);
    expect(up(net.observe(), 'n2').sessions).toEqual([{ id: 's1', state: 'active', lastPacket: 2 }]);
    // online again: n1 forwards, and the session moves back to it
    expect(net.packet('n1', 's1')).toBe('forwarded');
  });

  it('the cold sync completes by itself, the peer reachable or not, and exchanges nothing', () => {
    const net = network();
    net.crash('n2');
    expect(net.completeColdSync('n1')).toBe('online');
    expect(srg0(net, 'n1').state).toBe('online');
    const other = network();
    expect(other.completeColdSync('n1')).toBe('online');
    expect(other.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
  });

  it('on the clock, recovery waits the cold sync time before going online', () => {
    const net = network({ n1: { shutdownOnFailure: ['ge-0/0/3'] } });
    net.runUntilQuiet();
    net.failMonitor('n1', 0);
    net.recoverMonitor('n1', 0);
    net.advance(400); // cold sync takes 500 ms
    expect(srg0(net, 'n1').state).toBe('coldSync');
    net.advance(200);
    expect(srg0(net, 'n1')).toMatchObject({ state: 'online', interfaces: [{ name: 'ge-0/0/3', status: 'up' }] });
  });
});
