/**
 * MNHA.md section 4: the documented split brain (ICL down and a probe router
 * answering both nodes), and its resolution when the ICL returns: the lower
 * local id backs off, or with activeness-priority the lower priority.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, activeCount, bootInContact, network, srg1, states } from '../helpers.js';
import type { MnhaNetwork } from '../../../src/impl/index.js';

/** n1 active, n2 backup; router misbehaving; ICL cut and noticed by both; each probes once. */
function splitBrain(net: MnhaNetwork): void {
  net.setRouterMisbehaving(true);
  net.cutIcl();
  net.detectIclLoss('n1');
  net.detectIclLoss('n2');
  expect(net.probe('n2')).toBe('answered');
  expect(net.probe('n1')).toBe('answered');
}

describe('split brain under a misbehaving router', () => {
  it('withdraw reading: the backup takes over, then the withdrawn node is answered off path too', () => {
    const net = network();
    bootInContact(net);
    net.setRouterMisbehaving(true);
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    // n2's answer is on the preferred path (medium beats low)
    expect(net.probe('n2')).toBe('answered');
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
    // the router now prefers n2 (high); the misbehaving responder still answers n1
    expect(net.probe('n1')).toBe('answered');
    const o = net.observe();
    expect(o.probeResponder).toEqual({ router: 'r2', misbehaving: true, answeredOffPath: true });
    expect(states(net)).toEqual({ n1: 'active', n2: 'active' });
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
  });

  it('keep-and-probe reading: the backup is answered off path and joins the active node', () => {
    const net = network({ iclLossAtActive: 'keep-and-probe' });
    bootInContact(net);
    net.setRouterMisbehaving(true);
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    expect(net.probe('n2')).toBe('answered');
    expect(net.observe().probeResponder.answeredOffPath).toBe(true);
    expect(activeCount(net)).toBe(2);
  });

  it('with the router behaving, the same steps never give two active nodes', () => {
    const net = network();
    bootInContact(net);
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    expect(net.probe('n2')).toBe('answered');
    expect(net.probe('n1')).toBe('unanswered');
    expect(net.probe('n1')).toBe('unanswered');
    expect(activeCount(net)).toBe(1);
  });
});

describe('split-brain resolution when the ICL returns', () => {
  it('the lower local id backs off', () => {
    const net = network();
    bootInContact(net);
    splitBrain(net);
    net.restoreIcl();
    net.detectIclUp('n1');
    // n2 hears n1 active: n2 has the higher id, it stays, and answers
    expect(net.deliverNext('n2').outcome).toBe('delivered');
    expect(states(net)).toEqual({ n1: 'active', n2: 'active' });
    // n1 hears n2 active: n1 has the lower id, it backs off
    expect(net.deliverNext('n1').outcome).toBe('delivered');
    expect(srg1(net, 'n1')).toMatchObject(ROLE.backup);
    net.deliverAll();
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    // probing stops while the ICL is up: the misbehaving router cannot split them again
    expect(net.probe('n1')).toBe('not-probing');
    const o = net.observe();
    expect(o.routers.r1.preferred).toBe('n2');
    expect(o.routers.r2.preferred).toBe('n2');
  });

  it('with activeness-priority the lower priority backs off, whatever the ids', () => {
    // n1 has the lower id but the higher priority
    const net = network({ n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } });
    net.detectIclUp('n1');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    splitBrain(net);
    expect(activeCount(net)).toBe(2);
    net.restoreIcl();
    net.detectIclUp('n1');
    net.deliverAll();
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
  });

  it('on the clock: once the ICL is back, exactly one node is active and nobody probes', () => {
    const net = network();
    net.runUntilQuiet();
    net.setRouterMisbehaving(true);
    net.cutIcl();
    net.runUntilQuiet();
    expect(activeCount(net)).toBe(2);
    net.restoreIcl();
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    expect(srg1(net, 'n1').probing).toBe(false);
    expect(srg1(net, 'n2').probing).toBe(false);
  });
});
