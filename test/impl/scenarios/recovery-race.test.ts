/**
 * The recovery race (PROTOCOL.md "Asking", the `stale-notices` scenario): a
 * node that goes ineligible and recovers before its "ineligible" notice has
 * reached the peer. Its peer, reading the stale notice, claims as the only
 * candidate (a backup facing an ineligible peer); the recovering node, if it
 * decides at once (waitForAnswer off), re-elects itself on the priorities
 * against what it still believes is a backup. Two active nodes, with the
 * router behaving and no probe answered: properties 2 and 3 of MNHA.md
 * section 8 fail, while property 1 holds (the notices are in flight, and
 * split-brain resolution ends it when they arrive).
 *
 * With waitForAnswer on, the recovering node asks and claims nothing until
 * the answer, which the in-order ICL makes reflect the stale notice: no
 * moment has two active nodes.
 */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork } from '../../../src/impl/index.js';
import { activeCount, network, srg1, states } from '../helpers.js';

const PRIORITIES = { n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } } as const;

/** n1 (200) active, n2 (100) backup; n1's SRG1 fails and recovers before n2 has read anything. */
function failAndRecoverBeforeThePeerReads(net: MnhaNetwork): void {
  net.detectIclUp('n1');
  net.deliverAll();
  expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  net.failMonitor('n1', 1); // "ineligible" in flight to n2
  net.recoverMonitor('n1', 1);
}

/** Delivers everything, oldest direction first, checking after every message that at most one node is active. */
function deliverAllWatchingActive(net: MnhaNetwork): number {
  let most = activeCount(net);
  for (;;) {
    const { toN1, toN2 } = net.observe().icl.inFlight;
    if (toN1.length + toN2.length === 0) return most;
    net.deliverNext(toN2.length > 0 ? 'n2' : 'n1');
    most = Math.max(most, activeCount(net));
  }
}

describe('recovery race with activeness-priority', () => {
  it('waitForAnswer off: two active nodes while the notices cross, without any router fault', () => {
    const net = network({ ...PRIORITIES, waitForAnswer: false });
    failAndRecoverBeforeThePeerReads(net);
    // n1 still knows n2 as backup: it elects itself by priority at once
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    net.deliverNext('n2'); // n2 reads the stale "ineligible": it is the only candidate
    expect(states(net)).toEqual({ n1: 'active', n2: 'active' });
    const o = net.observe();
    expect(o.probeResponder).toEqual({ router: 'r2', misbehaving: false, answeredOffPath: false });
    // AtMostOneActiveWhenIclUp is not violated: state notices are still in flight
    expect(o.icl.inFlight.toN1.length).toBeGreaterThan(0);
    expect(o.icl.inFlight.toN2.length).toBeGreaterThan(0);

    net.deliverAll(); // n2 (priority 100) hears n1 active and backs off
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });

  it('waitForAnswer on: the recovering node asks and claims nothing; at no step are two nodes active', () => {
    const net = network(PRIORITIES);
    failAndRecoverBeforeThePeerReads(net);
    // n1 still knows n2 as backup, but it only returns to hold and asks
    expect(srg1(net, 'n1')).toMatchObject({ state: 'hold', probing: false, ask: 'asked' });
    expect(net.observe().icl.inFlight.toN2.map((m) => (m.kind === 'state' ? `${m.srg1}/${m.flag}` : m.kind))).toEqual(['ineligible/none', 'hold/ask']);
    net.deliverNext('n2'); // n2 reads the stale "ineligible" and claims, as it should: n1 does not
    expect(states(net)).toEqual({ n1: 'hold', n2: 'active' });
    expect(deliverAllWatchingActive(net)).toBe(1);
    // n1 learned n2 active and became backup; its ask is answered
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    expect(srg1(net, 'n1').ask).toBe('idle');
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
  });

  it('waitForAnswer on: a notice from the peer sent before it read the ask is not the answer', () => {
    const net = network(PRIORITIES);
    failAndRecoverBeforeThePeerReads(net);
    net.deliverNext('n2'); // n2 reads "ineligible" and announces itself active
    net.deliverNext('n2'); // n2 reads the ask and answers
    const [plain, answer] = net.observe().icl.inFlight.toN1;
    expect(plain).toMatchObject({ kind: 'state', srg1: 'active', flag: 'none' });
    expect(answer).toMatchObject({ kind: 'state', srg1: 'active', flag: 'answer' });
    net.deliverNext('n1');
    // the plain notice acknowledges only "ineligible": n1 still waits (and, its peer active, is backup)
    expect(srg1(net, 'n1')).toMatchObject({ state: 'backup', ask: 'asked' });
    net.deliverNext('n1');
    expect(srg1(net, 'n1')).toMatchObject({ state: 'backup', ask: 'idle' });
  });

  it('does not happen without priorities: the recovering node could only win a probe, and it does not probe against a backup peer', () => {
    const net = network();
    net.detectIclUp('n1');
    net.deliverAll();
    net.probe('n1');
    net.deliverAll();
    net.failMonitor('n1', 1);
    net.recoverMonitor('n1', 1);
    expect(states(net)).toEqual({ n1: 'hold', n2: 'backup' });
    expect(net.probe('n1')).toBe('not-probing'); // MNHA.md section 8, property 10: its peer is known backup
    net.deliverNext('n2');
    expect(states(net)).toEqual({ n1: 'hold', n2: 'active' });
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
  });
});
