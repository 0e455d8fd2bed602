/**
 * MNHA.md section 5 and PROTOCOL.md "Preemption, manual failover, IPsec":
 * an operator asks the active node, which sees its peer as a backup and has
 * no ask out, to step down. It becomes backup and sends STATE with
 * `handover`; the backup becomes active on it and answers. With
 * `waitForAnswer` (the default) the stepping-down node claims nothing until
 * that answer, recognised by its acknowledgement, has come.
 */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork } from '../../../src/impl/index.js';
import { ROLE, activeCount, bootInContact, network, srg1, states } from '../helpers.js';

/**
 * n1 (priority 200) active, n2 (100) backup. n2's SRG1 fails and recovers:
 * its "ineligible" and then its ask (backup) are in flight to n1 when the
 * operator hands activeness over on n1, which still sees n2 as backup. Both
 * notices are stale for n1 once it has stepped down: either one, taken at
 * face value, would make n1 claim (a peer ineligible; a backup peer with
 * the lower priority).
 */
function handoverWithStaleNoticesInFlight(net: MnhaNetwork): void {
  net.detectIclUp('n1');
  net.deliverAll();
  expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  net.failMonitor('n2', 1);
  net.recoverMonitor('n2', 1);
  // n2 knew n1 active, so it recovers to backup (asking, with waitForAnswer)
  expect(net.observe().icl.inFlight.toN1.map((m) => (m.kind === 'state' ? m.srg1 : m.kind))).toEqual(['ineligible', 'backup']);
  expect(net.manualFailover('n1')).toBe('handed-over');
}

const PRIORITIES = { n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } } as const;

describe('manual failover', () => {
  it('the active node steps down and asks; the backup takes over and answers, acknowledging the handover', () => {
    const net = network();
    bootInContact(net);
    expect(net.manualFailover('n2')).toBe('not-active');
    expect(net.manualFailover('n1')).toBe('handed-over');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, ask: 'asked' });
    const [request] = net.observe().icl.inFlight.toN2;
    expect(request).toMatchObject({ kind: 'state', srg1: 'backup', flag: 'handover' });
    net.deliverNext('n2');
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    // the answer: n2's next STATE, acknowledging the handover's own sequence number
    const [answer] = net.observe().icl.inFlight.toN1;
    expect(answer).toMatchObject({ kind: 'state', srg1: 'active', flag: 'answer', ack: request?.kind === 'state' ? request.seq : -1 });
    net.deliverNext('n1');
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, ask: 'idle' });
    expect(net.observe().routers.r2.preferred).toBe('n2');
  });

  it('the stepping-down node claims nothing on notices its peer sent before reading the handover, even with the higher priority', () => {
    const net = network(PRIORITIES);
    handoverWithStaleNoticesInFlight(net);
    expect(net.observe().icl.inFlight.toN1.map((m) => (m.kind === 'state' ? m.flag : m.kind))).toEqual(['none', 'ask']);
    net.deliverNext('n1'); // "ineligible": n1 would be the only candidate, but it waits
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, ask: 'asked' });
    net.deliverNext('n1'); // n2's ask (backup): n1 answers it, and still waits for its own answer
    expect(srg1(net, 'n1')).toMatchObject({ ...ROLE.backup, ask: 'asked' });
    expect(net.observe().icl.inFlight.toN2.map((m) => (m.kind === 'state' ? `${m.srg1}/${m.flag}` : m.kind))).toEqual(['backup/handover', 'backup/answer']);
    while (net.observe().icl.inFlight.toN1.length + net.observe().icl.inFlight.toN2.length > 0) {
      net.deliverNext(net.observe().icl.inFlight.toN2.length > 0 ? 'n2' : 'n1');
      expect(activeCount(net)).toBeLessThanOrEqual(1);
    }
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    expect(srg1(net, 'n1').ask).toBe('idle');
    expect(srg1(net, 'n2').ask).toBe('idle');
  });

  it('without waitForAnswer the same stale notice makes the stepping-down node claim again: two active nodes, and the failover is undone', () => {
    const net = network({ ...PRIORITIES, waitForAnswer: false });
    handoverWithStaleNoticesInFlight(net);
    net.deliverNext('n1'); // "ineligible", stale: n1 (backup) claims as the only candidate
    expect(srg1(net, 'n1')).toMatchObject(ROLE.active);
    net.deliverNext('n2'); // the handover: n2 becomes active too
    expect(states(net)).toEqual({ n1: 'active', n2: 'active' });
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
    net.deliverAll();
    // the split-brain rule ends it with the lower priority (n2) backing off: the operator's failover is lost
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });

  it('is refused while an ask is out, and accepted once it is answered', () => {
    const net = network(PRIORITIES);
    handoverWithStaleNoticesInFlight(net);
    net.deliverNext('n1');
    net.deliverNext('n1');
    net.deliverNext('n2'); // the handover: n2 active, its own ask (from its recovery) still out
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.active, ask: 'asked' });
    expect(net.manualFailover('n2')).toBe('awaiting-answer');
    expect(srg1(net, 'n2').state).toBe('active');
    net.deliverNext('n2'); // n1's answer to n2's ask
    expect(srg1(net, 'n2').ask).toBe('idle');
    expect(net.manualFailover('n2')).toBe('handed-over');
  });

  it('is refused without a reachable healthy backup', () => {
    const net = network({ iclLossAtActive: 'keep-and-probe' });
    bootInContact(net);
    net.failMonitor('n2', 1);
    net.deliverAll();
    expect(net.manualFailover('n1')).toBe('peer-not-backup');
    net.recoverMonitor('n2', 1);
    net.deliverAll();
    net.cutIcl();
    net.detectIclLoss('n1');
    expect(net.manualFailover('n1')).toBe('peer-unreachable');
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });
});
