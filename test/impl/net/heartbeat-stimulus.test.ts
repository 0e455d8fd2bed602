/**
 * The on-demand heartbeat: what the heartbeat timer sends every period in
 * clock-driven runs, sent whatever the node believes of the ICL. It carries
 * liveness only (models/mnha/PROTOCOL.md, "The ICL": no state the receiver
 * acts on): its sender and the last sequence number the sender accepted.
 */
import { describe, expect, it } from 'vitest';
import { network, srg1, up } from '../helpers.js';

describe('heartbeat(n)', () => {
  it('carries no state: a receiver that sees the ICL learns nothing of its peer from it, and answers nothing', () => {
    const net = network();
    net.detectIclUp('n1'); // n1 sees the ICL; its contact notice to n2 stays in flight
    expect(up(net.observe(), 'n2').icl.view).toBe('down');
    expect(net.heartbeat('n2')).toBe('sent');
    // n2 has accepted nothing from n1 yet: ack 0
    expect(net.observe().icl.inFlight.toN1).toEqual([{ kind: 'heartbeat', from: { localId: 2, incarnation: 1 }, ack: 0 }]);
    expect(net.deliverNext('n1')).toMatchObject({ outcome: 'delivered', taken: 'accepted' });
    // n1 still does not know n2's state, and sent nothing in reply (only its contact notice is in flight)
    expect(up(net.observe(), 'n1').icl.peer).toBeNull();
    expect(net.observe().icl.inFlight.toN2.map((m) => m.kind)).toEqual(['state']);
    // a heartbeat changes nothing on its sender
    expect(up(net.observe(), 'n2').icl.view).toBe('down');
    expect(srg1(net, 'n2').state).toBe('hold');
  });

  it('acknowledges the last sequence number its sender accepted', () => {
    const net = network();
    net.detectIclUp('n1');
    net.deliverNext('n2'); // n2 accepts n1's contact notice, seq 1
    expect(net.heartbeat('n2')).toBe('sent');
    const queue = net.observe().icl.inFlight.toN1;
    // n2's own contact notice first, then the heartbeat
    expect(queue.map((m) => m.kind)).toEqual(['state', 'heartbeat']);
    expect(queue[1]).toEqual({ kind: 'heartbeat', from: { localId: 2, incarnation: 1 }, ack: 1 });
  });

  it('reaching a node that does not see the ICL makes it notice contact: it announces its state, still not knowing its peer', () => {
    const net = network();
    expect(net.heartbeat('n1')).toBe('sent');
    expect(srg1(net, 'n2').probing).toBe(true);
    net.deliverNext('n2');
    const n2 = up(net.observe(), 'n2');
    expect(n2.icl).toEqual({ view: 'up', peer: null });
    // contact: one STATE, flag none; nothing accepted from n1 yet (heartbeats carry no sequence number)
    expect(net.observe().icl.inFlight.toN1).toEqual([
      { kind: 'state', from: { localId: 2, incarnation: 1 }, seq: 1, ack: 0, flag: 'none', srg0: 'coldSync', srg1: 'hold', activenessPriority: null, preemption: false },
    ]);
    // with the ICL up and the peer unknown, nobody probes (PROTOCOL.md "Probing")
    expect(n2.srg1.probing).toBe(false);
  });

  it('goes nowhere over a cut link, to a crashed peer, or from a crashed node', () => {
    const net = network();
    net.cutIcl();
    expect(net.heartbeat('n1')).toBe('link-cut');
    net.restoreIcl();
    net.crash('n2');
    expect(net.heartbeat('n1')).toBe('peer-down');
    expect(net.heartbeat('n2')).toBe('node-down');
    expect(net.apply({ kind: 'heartbeat', node: 'n1' })).toEqual({ stimulus: { kind: 'heartbeat', node: 'n1' }, outcome: 'peer-down' });
    expect(net.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
  });
});
