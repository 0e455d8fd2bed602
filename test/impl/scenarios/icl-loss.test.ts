/**
 * MNHA.md section 4: the ICL goes down with both nodes alive. The active
 * node either withdraws its active-signal-route (`withdraw`, the 20.4-era
 * documentation) or keeps it and probes (`keep-and-probe`); either way, with
 * the router behaving, exactly one node ends active.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, activeCount, bootInContact, network, srg1, states, up } from '../helpers.js';

describe('ICL loss, withdraw reading', () => {
  it('the active node withdraws, the backup wins at the router and takes over; the ICL return settles roles', () => {
    const net = network({ iclLossAtActive: 'withdraw' });
    bootInContact(net);
    expect(net.cutIcl()).toBe('cut');
    expect(net.cutIcl()).toBe('already-cut');
    // nobody has noticed: nothing changes yet
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });

    expect(net.detectIclLoss('n1')).toBe('detected');
    expect(net.detectIclLoss('n1')).toBe('already-down');
    // no signal route: low; it probes like a node in hold (Decision: withdraw returns to hold)
    expect(srg1(net, 'n1')).toMatchObject(ROLE.holdProbing);
    // medium beats low at the router
    expect(net.observe().routers.r2.preferred).toBe('n2');

    net.detectIclLoss('n2');
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
    expect(net.probe('n1')).toBe('unanswered');
    expect(srg1(net, 'n1').state).toBe('hold');
    expect(net.probe('n2')).toBe('answered');
    expect(states(net)).toEqual({ n1: 'hold', n2: 'active' });
    expect(activeCount(net)).toBe(1);

    expect(net.detectIclUp('n1')).toBe('link-cut');
    expect(net.restoreIcl()).toBe('restored');
    expect(net.detectIclUp('n2')).toBe('detected');
    net.deliverAll();
    expect(srg1(net, 'n1')).toMatchObject(ROLE.backup);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
  });

  it('messages in flight when the ICL is cut are lost', () => {
    const net = network();
    net.detectIclUp('n1');
    expect(net.observe().icl.inFlight.toN2.length).toBe(1);
    net.cutIcl();
    expect(net.observe().icl.inFlight.toN2).toEqual([]);
    expect(net.deliverNext('n2')).toEqual({ outcome: 'empty' });
  });
});

describe('ICL loss, keep-and-probe reading', () => {
  it('both probe; the active node keeps its route and its answers, the backup stays backup', () => {
    const net = network({ iclLossAtActive: 'keep-and-probe' });
    bootInContact(net);
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.active, probing: true });
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
    // high beats medium: only the active node is answered
    expect(net.probe('n2')).toBe('unanswered');
    expect(net.probe('n1')).toBe('answered');
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });

    net.restoreIcl();
    net.detectIclUp('n1');
    net.deliverAll();
    // probing stops while the ICL is up
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
  });

  it('on the clock, a cut ICL leaves roles as they were and the return stops the probing', () => {
    const net = network({ iclLossAtActive: 'keep-and-probe' });
    net.runUntilQuiet();
    net.cutIcl();
    net.runUntilQuiet();
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.active, probing: true });
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
    net.restoreIcl();
    net.runUntilQuiet();
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
  });
});

describe('a lost state notification', () => {
  /**
   * The ICL of PROTOCOL.md loses messages only on a cut or a crash, and
   * nothing repeats a state: a message lost otherwise (dropNext) stays lost
   * until the next contact, when each node announces its state again.
   */
  it('is not repeated by heartbeats, which carry no state; the next contact announces it again', () => {
    const net = network();
    bootInContact(net);
    net.failMonitor('n1', 1);
    expect(net.dropNext('n2')).toMatchObject({ outcome: 'dropped', message: { kind: 'state', srg1: 'ineligible' } });
    expect(net.heartbeat('n1')).toBe('sent');
    expect(net.deliverNext('n2').outcome).toBe('delivered');
    // n2 still believes n1 active: it stays backup, and nobody is active
    expect(up(net.observe(), 'n2').icl.peer?.srg1).toBe('active');
    expect(states(net)).toEqual({ n1: 'ineligible', n2: 'backup' });

    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    net.restoreIcl();
    net.detectIclUp('n1'); // contact: n1 announces its state, ineligible
    net.deliverNext('n2');
    // n2 (backup) reads a peer ineligible: the only candidate, it claims without a probe
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'ineligible', n2: 'active' });
  });
});
