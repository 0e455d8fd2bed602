/**
 * MNHA.md section 5: with preemption on, a healthy node with the higher
 * activeness-priority takes activeness back from a lower-priority active
 * peer; with it off, activeness stays where it is. PROTOCOL.md: this happens
 * when the preemption timer fires (`net.preempt(n)`) on an active node that
 * sees its peer as a backup with the higher priority; it steps down to
 * backup and the peer then claims (backup against backup, higher priority).
 * The timer firing anywhere else changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, network, srg1, states, up } from '../helpers.js';
import type { MnhaNetwork } from '../../../src/impl/index.js';

/** n1 (priority 200) wins at boot, crashes, n2 (100) takes over, n1 reboots and makes contact. */
function n1ReturnsAfterTakeover(net: MnhaNetwork): void {
  net.detectIclUp('n1');
  net.deliverAll();
  expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  net.crash('n1');
  net.detectIclLoss('n2');
  expect(net.probe('n2')).toBe('answered');
  net.reboot('n1');
  net.detectIclUp('n1');
  net.deliverNext('n2'); // n2 (active) hears n1 in hold
  net.deliverNext('n1'); // n1 hears n2 active: backup
  expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
}

describe('preemption', () => {
  it('on: when the timer fires, the lower-priority active node steps down and the higher-priority backup claims, never two active', () => {
    const net = network({ n1: { activenessPriority: 200, preemption: true }, n2: { activenessPriority: 100, preemption: true } });
    n1ReturnsAfterTakeover(net);
    // n2 still knows n1 from its contact notice (hold): nothing to preempt for yet
    expect(up(net.observe(), 'n2').icl.peer?.srg1).toBe('hold');
    expect(net.preempt('n2')).toBe('not-preempted');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    // n2 hears n1 backup: learning it is not enough, preemption waits for the timer
    net.deliverNext('n2');
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    // the timer on the backup changes nothing
    expect(net.preempt('n1')).toBe('not-preempted');
    expect(net.preempt('n2')).toBe('stepped-down');
    expect(states(net)).toEqual({ n1: 'backup', n2: 'backup' });
    expect(net.observe().icl.inFlight.toN1).toMatchObject([{ kind: 'state', srg1: 'backup', flag: 'none' }]);
    // n1 hears n2 backup: backup against backup, n1 wins on priority and claims
    net.deliverNext('n1');
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    net.deliverAll();
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
  });

  it('off: the timer firing on the lower-priority active node changes nothing', () => {
    const net = network({ n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } });
    n1ReturnsAfterTakeover(net);
    net.deliverAll();
    expect(net.preempt('n2')).toBe('not-preempted');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
  });

  it('on: an active node with the higher priority is not preempted by its lower-priority backup', () => {
    const net = network({ n1: { activenessPriority: 200, preemption: true }, n2: { activenessPriority: 100, preemption: true } });
    net.detectIclUp('n1');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    expect(net.preempt('n1')).toBe('not-preempted');
    expect(net.preempt('n2')).toBe('not-preempted');
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    expect(net.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
  });

  it('on the clock, preemption ends with the higher priority active', () => {
    const net = network({ n1: { activenessPriority: 200, preemption: true }, n2: { activenessPriority: 100, preemption: true } });
    net.runUntilQuiet();
    net.crash('n1');
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'down', n2: 'active' });
    net.reboot('n1');
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });
});
