/**
 * A race the implementation exhibits by following MNHA.md to the letter,
 * kept as a finding for the model: "a healthy peer becomes active" when a
 * node goes ineligible, and a recovering node "elects as at boot" when the
 * peer is not active. With activeness-priority, if the node recovers before
 * its ineligible notice reaches the peer, both decide to be active, with
 * the router behaving and no probe answered at all. The split-brain rule
 * resolves it as soon as the messages in flight arrive, so property 1
 * (no state in flight) holds, but properties 2 and 3 do not.
 */
import { describe, expect, it } from 'vitest';
import { network, states } from '../helpers.js';

describe('recovery race with activeness-priority (finding)', () => {
  it('gives two active nodes while the notices cross, without any router fault', () => {
    const net = network({ n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } });
    net.detectIclUp('n1');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });

    net.failMonitor('n1', 1); // "ineligible" in flight to n2
    net.recoverMonitor('n1', 1); // n1 still knows n2 as backup: elects itself by priority
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    net.deliverNext('n2'); // n2 reads the stale "ineligible": it is the only candidate
    expect(states(net)).toEqual({ n1: 'active', n2: 'active' });
    const o = net.observe();
    expect(o.probeResponder).toEqual({ router: 'r2', misbehaving: false, answeredOffPath: false });
    expect(o.icl.inFlight.toN2.length + o.icl.inFlight.toN1.length).toBeGreaterThan(0);

    net.deliverAll(); // n2 (priority 100) hears n1 active and backs off
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
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
