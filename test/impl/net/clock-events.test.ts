/**
 * The network run one event at a time (what a recorder needs): `fireNext`
 * fires a single timer even when several fall on the same instant, labels
 * say what each was, and a message reaching a node that believes the ICL
 * down comes after a separate event in which it notices the ICL up.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/impl/index.js';
import { network } from '../helpers.js';

describe('one event at a time', () => {
  it('the clock fires one timer per call, in order, even at the same instant; scheduleFirst goes before the rest of the instant', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.scheduleAt(10, () => fired.push('a'), 'x', 'first');
    clock.scheduleAt(10, () => { fired.push('b'); clock.scheduleFirst(() => fired.push('b2'), 'x', 'urgent'); }, 'x', 'second');
    clock.scheduleAt(10, () => fired.push('c'), 'x', 'third');
    expect(clock.fireNext(5)).toBeNull();
    expect(clock.fireNext()).toEqual({ at: 10, owner: 'x', label: 'first' });
    expect(fired).toEqual(['a']);
    expect(clock.fireNext()?.label).toBe('second');
    expect(clock.fireNext()?.label).toBe('urgent');
    expect(clock.fireNext()?.label).toBe('third');
    expect(fired).toEqual(['a', 'b', 'b2', 'c']);
    expect(clock.fireNext()).toBeNull();
  });

  it('node timers are labelled with the node and the timer', () => {
    const net = network();
    const labels = new Set<string>();
    for (let i = 0; i < 40; i++) labels.add(net.fireNext()?.label ?? 'none');
    expect(labels).toContain('n1 heartbeat');
    expect(labels).toContain('n2 probe');
    expect(labels).toContain('icl delivery to n2');
  });

  it('a heartbeat reaching a node whose ICL view is down: first it notices the ICL up, then the delivery, as two events', () => {
    const net = network();
    net.cutIcl();
    net.restoreIcl();
    expect(net.inspectNode('n2')?.iclView).toBe('down');
    // run to the first delivery toward n2 (n1's heartbeat)
    let fired = net.fireNext();
    while (fired !== null && fired.label !== 'icl delivery to n2') fired = net.fireNext();
    expect(fired?.label).toBe('icl delivery to n2');
    // that event was n2 noticing the ICL up; the message itself is still in flight
    expect(net.inspectNode('n2')?.iclView).toBe('up');
    const pending = net.inFlight('n2').length;
    expect(pending).toBeGreaterThan(0);
    const next = net.fireNext();
    expect(next?.label).toBe('icl delivery to n2');
    expect(net.inFlight('n2').length).toBe(pending - 1);
  });

  it('probe loss drops every probe while it lasts', () => {
    const net = network();
    net.cutIcl();
    net.setProbeLoss(true);
    net.advance(2000);
    expect(net.inspectNode('n1')?.srg1.state).toBe('hold');
    net.setProbeLoss(false);
    net.advance(2000);
    expect(net.inspectNode('n1')?.srg1.state).toBe('active');
  });
});
