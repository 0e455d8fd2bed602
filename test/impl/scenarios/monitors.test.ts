/**
 * MNHA.md section 5: monitor failure to ineligible and back, weights and
 * the SRG threshold, and the three recovery cases of the Decision.
 */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork } from '../../../src/impl/index.js';
import { ROLE, bootInContact, network, srg1, states } from '../helpers.js';

describe('SRG1 monitor failure to ineligible and back', () => {
  it('the active node goes ineligible and silent; the healthy peer becomes active; recovery makes it backup', () => {
    const net = network();
    bootInContact(net);
    expect(net.failMonitor('n1', 1)).toBe('changed');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.ineligible, failedMonitors: ['srg-health'] });
    // low against medium: the routers already prefer the backup
    expect(net.observe().routers.r2.preferred).toBe('n2');
    // the peer is told over the ICL
    expect(net.observe().icl.inFlight.toN2.map((m) => (m.kind === 'state' ? m.srg1 : m.kind))).toEqual(['ineligible']);

    net.deliverNext('n2');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    net.deliverAll();
    expect(srg1(net, 'n1')).toMatchObject(ROLE.ineligible);
    expect(net.failMonitor('n1', 1)).toBe('unchanged');

    // recovery with the ICL up and the peer active: backup (Decision), asking its peer (waitForAnswer)
    expect(net.recoverMonitor('n1', 1)).toBe('changed');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, failedMonitors: [], ask: 'asked' });
    expect(net.observe().icl.inFlight.toN2).toMatchObject([{ kind: 'state', srg1: 'backup', flag: 'ask' }]);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    expect(srg1(net, 'n1').ask).toBe('idle');
  });

  it('recovery with the ICL down goes to hold and probes; unanswered, it stays in hold', () => {
    const net = network();
    bootInContact(net);
    net.failMonitor('n1', 1);
    net.deliverAll();
    net.cutIcl();
    net.detectIclLoss('n1');
    net.recoverMonitor('n1', 1);
    expect(srg1(net, 'n1')).toMatchObject(ROLE.holdProbing);
    // the router prefers n2 (high): no answer, and a node in hold that gets none stays in hold
    expect(net.probe('n1')).toBe('unanswered');
    expect(srg1(net, 'n1')).toMatchObject(ROLE.holdProbing);
  });

  /** n1 then n2 go ineligible, every notice delivered: both ineligible, each knowing the other is. */
  function bothIneligible(net: MnhaNetwork): void {
    bootInContact(net);
    net.failMonitor('n1', 1);
    net.deliverAll(); // n2 active
    net.failMonitor('n2', 1);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'ineligible', n2: 'ineligible' });
  }

  it('recovery with the ICL up and the peer not active asks first; answered, a lone eligible node becomes active', () => {
    const net = network();
    bothIneligible(net);
    net.recoverMonitor('n1', 1);
    // hold, asking: it claims nothing and does not probe until answered (PROTOCOL.md "Asking")
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.holdProbing, probing: false, ask: 'asked' });
    expect(net.observe().icl.inFlight.toN2).toMatchObject([{ kind: 'state', srg1: 'hold', flag: 'ask' }]);
    net.deliverNext('n2');
    // the answer: n2's state, unchanged (ineligible)
    expect(net.observe().icl.inFlight.toN1).toMatchObject([{ kind: 'state', srg1: 'ineligible', flag: 'answer' }]);
    net.deliverNext('n1');
    // its peer is ineligible: n1 is the only candidate
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.active, ask: 'idle' });
  });

  it('without waitForAnswer, recovery with the ICL up and the peer not active elects at once, as at boot', () => {
    const net = network({ waitForAnswer: false });
    bothIneligible(net);
    net.recoverMonitor('n1', 1);
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.active, ask: 'idle' });
    expect(net.observe().icl.inFlight.toN2).toMatchObject([{ kind: 'state', srg1: 'active', flag: 'none' }]);
  });

  it('weighted monitors fail the SRG only when the failed weights reach the threshold', () => {
    const monitors = { srg1Threshold: 200, srg1Monitors: [{ kind: 'interface', target: 'ge-0/0/4', weight: 100 }, { kind: 'ip', target: '10.1.1.1', weight: 100 }] } as const;
    const net = network({ n1: monitors, n2: monitors });
    bootInContact(net);
    expect(net.setMonitor('n1', 1, 'interface ge-0/0/4', 'down')).toBe('changed');
    // 100 < 200: still healthy
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.active, failedMonitors: ['interface ge-0/0/4'] });
    expect(net.setMonitor('n1', 1, 'ip 10.1.1.1', 'down')).toBe('changed');
    // 200 reaches 200
    expect(srg1(net, 'n1').state).toBe('ineligible');
    net.deliverAll();
    expect(net.setMonitor('n1', 1, 'interface ge-0/0/4', 'up')).toBe('changed');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, failedMonitors: ['ip 10.1.1.1'] });
    expect(net.setMonitor('n1', 1, 'interface ge-0/0/9', 'down')).toBe('unknown-monitor');
  });
});
