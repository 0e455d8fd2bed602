/** The network's parts: virtual clock, path selection, the ICL queues. */
import { describe, expect, it } from 'vitest';
import { VirtualClock, preferredPath } from '../../../src/impl/index.js';
import { bootInContact, network } from '../helpers.js';

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
    net.detectIclUp('n1'); // n1's contact notice: seq 1, hold
    net.detectIclUp('n2'); // n2's contact notice: seq 1, hold
    net.failMonitor('n1', 1); // n1's SRG1 change: seq 2, ineligible
    const summary = (to: 'n1' | 'n2'): [number, string][] =>
      net.observe().icl.inFlight[to === 'n1' ? 'toN1' : 'toN2'].map((m) => [m.kind === 'heartbeat' ? 0 : m.seq, m.kind === 'state' ? m.srg1 : m.kind]);
    expect(summary('n2')).toEqual([[1, 'hold'], [2, 'ineligible']]);
    expect(summary('n1')).toEqual([[1, 'hold']]);
    expect(net.dropNext('n1').outcome).toBe('dropped');
    expect(net.dropNext('n1')).toEqual({ outcome: 'empty' });
    // the head toward n2 is the older notice; the newer one is still there after it is lost
    expect(net.dropNext('n2')).toMatchObject({ outcome: 'dropped', message: { seq: 1, srg1: 'hold' } });
    expect(summary('n2')).toEqual([[2, 'ineligible']]);
    expect(net.deliverNext('n2')).toMatchObject({ outcome: 'delivered', message: { seq: 2, srg1: 'ineligible' }, taken: 'accepted' });
    expect(summary('n2')).toEqual([]);
  });

  it('carry no reply to a notice that changes nothing at its reader', () => {
    const net = network();
    net.detectIclUp('n1');
    net.detectIclUp('n2');
    // n2 reads n1 in hold: hold against hold, no priorities, no ask: no decision, so nothing to announce
    net.deliverNext('n2');
    expect(net.observe().icl.inFlight.toN1.map((m) => m.kind)).toEqual(['state']); // only n2's own contact notice
    net.deliverNext('n1');
    expect(net.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
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

describe('the timing assumptions of PROTOCOL.md, kept by the network', () => {
  const viewOf = (net: ReturnType<typeof network>, n: 'n1' | 'n2') => net.inspectNode(n)?.iclView;

  it('an ICL outage lasts until every running node has noticed it: a restore before that waits', () => {
    const net = network();
    bootInContact(net);
    expect(net.cutIcl()).toBe('cut');
    net.detectIclLoss('n1');
    // n2 still believes the ICL up: the link stays cut for now
    expect(net.restoreIcl()).toBe('deferred');
    expect(net.iclState()).toBe('cut');
    net.detectIclLoss('n2');
    expect(net.iclState()).toBe('up');
    expect([viewOf(net, 'n1'), viewOf(net, 'n2')]).toEqual(['down', 'down']);
  });

  it('a crashed node reboots only once its peer has noticed the crash', () => {
    const net = network();
    bootInContact(net);
    net.crash('n1');
    expect(net.reboot('n1')).toBe('deferred');
    expect(net.inspectNode('n1')).toBeNull();
    net.detectIclLoss('n2');
    expect(net.inspectNode('n1')?.srg1.state).toBe('hold');
  });

  it('a node that decides the ICL is down while it is up closes the connection: its peer notices too', () => {
    const net = network();
    bootInContact(net);
    net.heartbeat('n2'); // something in flight to n1, lost with the connection
    expect(net.inFlight('n1').length).toBe(1);
    net.detectIclLoss('n1');
    expect([viewOf(net, 'n1'), viewOf(net, 'n2')]).toEqual(['down', 'down']);
    expect(net.inFlight('n1')).toEqual([]);
    // both see each other again on contact, and announce themselves
    expect(net.detectIclUp('n1')).toBe('detected');
    expect(net.detectIclUp('n2')).toBe('detected');
    expect(net.inFlight('n1').map((e) => e.message.kind)).toEqual(['state']);
  });
});
