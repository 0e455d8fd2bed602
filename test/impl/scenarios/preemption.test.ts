/**
 * MNHA.md section 5: with preemption on, a healthy node with the higher
 * activeness-priority takes activeness back from a lower-priority active
 * peer; with it off, activeness stays where it is.
 */
import { describe, expect, it } from 'vitest';
import { ROLE, network, srg1, states } from '../helpers.js';
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
  it('on: the higher-priority backup takes activeness back, handed over without two active nodes', () => {
    const preempting = { activenessPriority: 200, preemption: true };
    const net = network({ n1: preempting, n2: { activenessPriority: 100, preemption: true } });
    n1ReturnsAfterTakeover(net);
    // n2 hears n1 backup, healthy, priority 200 > 100 with preemption: it steps down
    net.deliverNext('n2');
    expect(states(net)).toEqual({ n1: 'backup', n2: 'backup' });
    // n1 hears n2 backup: the priorities elect n1
    net.deliverNext('n1');
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    net.deliverAll();
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
  });

  it('off: the lower-priority node stays active', () => {
    const net = network({ n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } });
    n1ReturnsAfterTakeover(net);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
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
