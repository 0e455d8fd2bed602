/**
 * The on-demand heartbeat: one repetition of a node's state, sent whatever
 * its ICL view, as the heartbeat timer does in clock-driven runs.
 */
import { describe, expect, it } from 'vitest';
import { network, srg1, up } from '../helpers.js';

describe('heartbeat(n)', () => {
  it('sends the node state even while its ICL view is down; the receiver that sees the ICL learns it', () => {
    const net = network();
    net.detectIclUp('n1');
    net.dropNext('n2'); // n1's hello is lost: n2 has heard nothing
    expect(up(net.observe(), 'n2').icl.view).toBe('down');
    expect(net.heartbeat('n2')).toBe('sent');
    expect(net.observe().icl.inFlight.toN1).toEqual([
      { kind: 'heartbeat', from: { localId: 2, incarnation: 1 }, ack: 0, srg0: 'coldSync', srg1: 'hold', activenessPriority: null, preemption: false },
    ]);
    expect(net.deliverNext('n1').outcome).toBe('delivered');
    expect(up(net.observe(), 'n1').icl.peer?.srg1).toBe('hold');
    // a heartbeat changes nothing on its sender
    expect(up(net.observe(), 'n2').icl.view).toBe('down');
    expect(srg1(net, 'n2').state).toBe('hold');
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
