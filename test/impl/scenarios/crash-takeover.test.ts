/**
 * MNHA.md sections 4 and 5: the active node crashes; the backup cannot tell
 * a dead peer from a cut link, restarts probing, and since the dead node's
 * routes are withdrawn the router answers it: it takes over. The crashed
 * node reboots into hold and joins as backup.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, bootInContact, network, srg1, states, up } from '../helpers.js';

describe('crash of the active node and takeover by the backup', () => {
  it('step by step: withdrawal at the routers, detection, probe, takeover', () => {
    const net = network();
    bootInContact(net);
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });

    expect(net.crash('n1')).toBe('crashed');
    let o = net.observe();
    expect(o.nodes.n1).toEqual({ alive: false, localId: 1, boots: 1 });
    // its routes are withdrawn: the routers now prefer the backup (medium over nothing)
    expect(o.routers.r2.learned).toEqual({ n1: 'withdrawn', n2: 'medium' });
    expect(o.routers.r2.preferred).toBe('n2');
    // the backup has not noticed yet: it believes the ICL is up, so it does not probe
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
    expect(net.probe('n2')).toBe('not-probing');

    expect(net.detectIclLoss('n2')).toBe('detected');
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
    expect(net.probe('n2')).toBe('answered');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    o = net.observe();
    expect(o.routers.r1.preferred).toBe('n2');
    expect(o.routers.r2.preferred).toBe('n2');
  });

  it('the rebooted node starts in hold and cold sync, then joins as backup', () => {
    const net = network({ n1: { shutdownOnFailure: ['ge-0/0/3'] } });
    bootInContact(net);
    net.crash('n1');
    net.detectIclLoss('n2');
    net.probe('n2');

    expect(net.reboot('n1')).toBe('rebooted');
    expect(net.reboot('n1')).toBe('already-up');
    const n1 = up(net.observe(), 'n1');
    expect(n1.boots).toBe(2);
    expect(n1.srg1).toMatchObject(ROLE.holdProbing);
    expect(n1.srg0).toEqual({ state: 'coldSync', interfaces: [{ name: 'ge-0/0/3', status: 'down' }], failedMonitors: [] });
    expect(n1.icl).toEqual({ view: 'down', peer: null });
    // nothing survived the crash
    expect(n1.sessions).toEqual([]);

    expect(net.detectIclUp('n1')).toBe('detected');
    net.deliverAll();
    expect(srg1(net, 'n1')).toMatchObject(ROLE.backup);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    // SRG0's cold sync completes by itself (PROTOCOL.md "Sessions"), once
    expect(net.completeColdSync('n1')).toBe('online');
    expect(up(net.observe(), 'n1').srg0.state).toBe('online');
    expect(net.completeColdSync('n1')).toBe('not-syncing');
  });

  it('a crashed node takes no stimulus, and crashing drops what was in flight', () => {
    const net = network();
    net.detectIclUp('n1');
    expect(net.observe().icl.inFlight.toN2.length).toBe(1);
    net.crash('n2');
    expect(net.observe().icl.inFlight.toN2).toEqual([]);
    expect(net.probe('n2')).toBe('node-down');
    expect(net.detectIclLoss('n2')).toBe('node-down');
    expect(net.detectIclUp('n1')).toBe('peer-down');
    expect(net.packet('n2', 's1')).toBe('node-down');
    expect(net.crash('n2')).toBe('already-down');
  });

  it('on the clock: the heartbeat timeout, then the next probe, make the backup active', () => {
    const net = network();
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    net.crash('n1');
    // heartbeats arrive every 100 ms and the timeout is 300 ms: 150 ms after the crash n2 still waits
    net.advance(150);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'down', n2: 'active' });
    net.reboot('n1');
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
  });
});

describe('probe loss', () => {
  it('a lost probe changes nothing; the next one is answered', () => {
    const net = network();
    bootInContact(net);
    net.crash('n1');
    net.detectIclLoss('n2');
    expect(net.probe('n2', { lose: true })).toBe('lost');
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
    expect(net.apply({ kind: 'probe', node: 'n2' }).outcome).toBe('answered');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
  });
});
