/**
 * MNHA.md section 3: activeness determination at boot, by the probe and by
 * activeness-priority. Expected values follow the section's steps.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, network, srg1, states, up } from '../helpers.js';

describe('boot election by probe (MNHA.md section 3, steps 1-4)', () => {
  it('after boot both nodes hold, advertise low and probe', () => {
    const net = network();
    for (const node of ['n1', 'n2'] as const) {
      expect(srg1(net, node)).toMatchObject(ROLE.holdProbing);
      expect(up(net.observe(), node).srg0.state).toBe('coldSync');
    }
    // both advertise low: the routers fall back on their tie-break (n1 by default)
    expect(net.observe().routers.r2).toEqual({ preferred: 'n1', tieBreak: 'n1', learned: { n1: 'low', n2: 'low' } });
  });

  it('the node on the router preferred path gets the answer, becomes active; the other learns it and becomes backup', () => {
    const net = network({ tieBreak: { r1: 'n2', r2: 'n2' } });
    net.detectIclUp('n1');
    expect(net.deliverAll()).toBe(2); // n1's contact notice, then n2's (it notices the ICL on reading n1's)
    // in contact, no priorities: the probe decides, so both still probe
    expect(srg1(net, 'n1').probing).toBe(true);
    expect(srg1(net, 'n2').probing).toBe(true);

    // the answer to n1's probe follows the router's path to the floating IP: to n2, which did not ask
    expect(net.probe('n1')).toBe('unanswered');
    expect(states(net)).toEqual({ n1: 'hold', n2: 'hold' });

    expect(net.probe('n2')).toBe('answered');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    // n2 notifies its peer over the ICL
    expect(net.observe().icl.inFlight.toN1.map((m) => m.kind)).toEqual(['state']);
    expect(srg1(net, 'n1')).toMatchObject(ROLE.holdProbing);

    expect(net.deliverNext('n1').outcome).toBe('delivered');
    expect(srg1(net, 'n1')).toMatchObject(ROLE.backup);
    net.deliverAll();
    const o = net.observe();
    expect(o.routers.r1.preferred).toBe('n2');
    expect(o.routers.r2.preferred).toBe('n2');
    expect(o.routers.r2.learned).toEqual({ n1: 'medium', n2: 'high' });
    // a node in contact with an active peer does not probe
    expect(net.probe('n1')).toBe('not-probing');
  });

  it('without contact, only the node the router answers becomes active; the other keeps holding and probing', () => {
    const net = network();
    expect(net.probe('n2')).toBe('unanswered');
    expect(net.probe('n1')).toBe('answered');
    expect(states(net)).toEqual({ n1: 'active', n2: 'hold' });
    // n1's view of the ICL is down, so nothing was sent
    expect(net.observe().icl.inFlight.toN2).toEqual([]);
    // n2 still probes, but the router now prefers n1 (high): never answered
    expect(net.probe('n2')).toBe('unanswered');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.holdProbing);
  });

  it('runs the same way on the clock: heartbeats make contact, the tie-break node wins the first probe round', () => {
    const net = network({ tieBreak: { r1: 'n2', r2: 'n2' } });
    expect(net.runUntilQuiet().quiet).toBe(true);
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    expect(srg1(net, 'n1')).toMatchObject(ROLE.backup);
    // the cold sync timer brought SRG0 online on both
    expect(up(net.observe(), 'n1').srg0.state).toBe('online');
    expect(up(net.observe(), 'n2').srg0.state).toBe('online');
  });
});

describe('boot election by activeness-priority (MNHA.md section 3, step 5)', () => {
  it('in contact, the higher priority becomes active without a probe, even against the tie-break', () => {
    // the router would answer n1; n2 has the higher priority
    const net = network({ n1: { activenessPriority: 100 }, n2: { activenessPriority: 200 } });
    net.detectIclUp('n2');
    expect(net.deliverNext('n1').outcome).toBe('delivered');
    // n1 knows n2 holds with a higher priority: it waits, and does not probe with the ICL up
    expect(srg1(net, 'n1')).toMatchObject({ state: 'hold', probing: false });
    expect(net.probe('n1')).toBe('not-probing');

    expect(net.deliverNext('n2').outcome).toBe('delivered');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    net.deliverAll();
    expect(srg1(net, 'n1')).toMatchObject(ROLE.backup);
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
  });

  it('with equal priorities the probe decides', () => {
    const net = network({ n1: { activenessPriority: 150 }, n2: { activenessPriority: 150 } });
    net.detectIclUp('n1');
    net.deliverAll();
    expect(srg1(net, 'n1').probing).toBe(true);
    expect(srg1(net, 'n2').probing).toBe(true);
    expect(net.probe('n1')).toBe('answered');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });

  it('runs the same way on the clock: contact (100 ms) comes before the first probe (200 ms)', () => {
    const net = network({ n1: { activenessPriority: 100 }, n2: { activenessPriority: 200 } });
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
  });
});
