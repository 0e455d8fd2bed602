/** The network's parts: virtual clock, path selection, the ICL queues. */
import { describe, expect, it } from 'vitest';
import { VirtualClock, preferredPath } from '../../../src/impl/index.js';
import { network } from '../helpers.js';

describe('virtual clock', () => {
  it('fires timers in time order, ties in scheduling order, and cancels by handle or owner', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.schedule(20, () => fired.push('b@20'));
    clock.schedule(10, () => fired.push('a@10'));
    clock.schedule(20, () => fired.push('c@20'));
    const cancelled = clock.schedule(15, () => fired.push('x'));
    clock.schedule(15, () => fired.push('y'), 'dev');
    expect(clock.cancel(cancelled)).toBe(true);
    expect(clock.cancelOwner('dev')).toBe(1);
    clock.schedule(5, () => clock.schedule(0, () => fired.push(`nested@${clock.now()}`)));
    expect(clock.advance(25)).toBe(5);
    expect(fired).toEqual(['nested@5', 'a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(25);
    expect(clock.nextAt()).toBeNull();
  });
});

describe('path selection (MNHA.md section 2)', () => {
  it('prefers the highest advertisement, the tie-break on a tie, nothing when all withdrawn', () => {
    expect(preferredPath({ n1: 'medium', n2: 'high' }, 'n1')).toBe('n2');
    expect(preferredPath({ n1: 'low', n2: 'withdrawn' }, 'n2')).toBe('n1');
    expect(preferredPath({ n1: 'low', n2: 'low' }, 'n2')).toBe('n2');
    expect(preferredPath({ n1: 'withdrawn', n2: 'withdrawn' }, 'n1')).toBeNull();
  });
});

describe('ICL queues', () => {
  it('are FIFO per direction and single-stepped; dropping loses only the head', () => {
    const net = network();
    net.detectIclUp('n1');
    net.detectIclUp('n2');
    expect(net.observe().icl.inFlight.toN1.map((m) => m.kind)).toEqual(['state']);
    expect(net.dropNext('n1').outcome).toBe('dropped');
    expect(net.dropNext('n1')).toEqual({ outcome: 'empty' });
    const delivered = net.deliverNext('n2');
    expect(delivered.outcome).toBe('delivered');
    // n2 answers n1's hello
    expect(net.observe().icl.inFlight.toN1.map((m) => (m.kind === 'state' ? m.hello : m.kind))).toEqual([false]);
  });

  it('deliver on the clock after their latency', () => {
    const net = network({ timing: { iclLatencyMs: 40 } });
    net.detectIclUp('n1');
    net.advance(39);
    expect(net.observe().icl.inFlight.toN2.length).toBe(1);
    net.advance(1);
    expect(net.observe().icl.inFlight.toN2.length).toBe(0);
  });

  it('lose messages on the clock at the configured rate (rate 1: every one)', () => {
    const sent = (seed: number): number => {
      const net = network({ iclLoss: { rate: 1, seed } });
      net.advance(1000);
      return net.observe().icl.inFlight.toN1.length + net.observe().icl.inFlight.toN2.length;
    };
    // rate 1: every heartbeat is lost, nobody ever hears from the other
    expect(sent(1)).toBe(0);
  });
});
