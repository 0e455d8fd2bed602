/**
 * MNHA.md section 5: an operator asks the active node to hand activeness to
 * a healthy backup peer.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, bootInContact, network, srg1, states } from '../helpers.js';

describe('manual failover', () => {
  it('the active node steps down and the backup takes over', () => {
    const net = network();
    bootInContact(net);
    expect(net.manualFailover('n2')).toBe('not-active');
    expect(net.manualFailover('n1')).toBe('handed-over');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, pendingHandover: true });
    const [request] = net.observe().icl.inFlight.toN2;
    expect(request).toMatchObject({ kind: 'state', srg1: 'backup', handover: true });
    net.deliverNext('n2');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    net.deliverNext('n1');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, pendingHandover: false });
    expect(net.observe().routers.r2.preferred).toBe('n2');
  });

  it('the stepping-down node does not re-elect itself on an older message from the peer, even with the higher priority', () => {
    const net = network({ n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } });
    net.detectIclUp('n1');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    // n2 announces an SRG0 change: a message toward n1 sent before n2 knows of any failover
    net.failMonitor('n2', 0);
    expect(net.manualFailover('n1')).toBe('handed-over');
    net.deliverNext('n1'); // n2's older state: backup, but it does not acknowledge the handover
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, pendingHandover: true });
    net.deliverNext('n2');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
  });

  it('is refused without a reachable healthy backup', () => {
    const net = network({ iclLossAtActive: 'keep-and-probe' });
    bootInContact(net);
    net.failMonitor('n2', 1);
    net.deliverAll();
    expect(net.manualFailover('n1')).toBe('peer-not-backup');
    net.recoverMonitor('n2', 1);
    net.deliverAll();
    net.cutIcl();
    net.detectIclLoss('n1');
    expect(net.manualFailover('n1')).toBe('peer-unreachable');
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });
});
