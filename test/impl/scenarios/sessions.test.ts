/**
 * MNHA.md section 6: sessions are active where their packets arrive and
 * warm on the other node; with the ICL down both copies can be active until
 * a cold sync leaves the one that saw the latest packet active (Decision).
 * Packets are stamped 1, 2, 3... in the order they reach a running node.
 */
import { describe, expect, it } from 'vitest';
import { bootInContact, network, up } from '../helpers.js';

describe('a session moving between nodes by packets', () => {
  it('moves with its packets, the peer demoting its copy when told', () => {
    const net = network();
    bootInContact(net);
    expect(net.packet('n1', 's1')).toBe('forwarded');
    expect(up(net.observe(), 'n1').sessions).toEqual([{ id: 's1', state: 'active', lastPacket: 1 }]);
    // n1 sent three state notifications while booting (hello, SRG0 online, active): this is its 4th message
    expect(net.observe().icl.inFlight.toN2).toEqual([{ kind: 'session-active', from: { localId: 1, incarnation: 1 }, seq: 4, sessionId: 's1', packet: 1 }]);
    net.deliverNext('n2');
    expect(up(net.observe(), 'n2').sessions).toEqual([{ id: 's1', state: 'warm', lastPacket: 0 }]);

    // the next packet reaches n2: active there at once, n1 still active until told
    net.packet('n2', 's1');
    expect(up(net.observe(), 'n2').sessions).toEqual([{ id: 's1', state: 'active', lastPacket: 2 }]);
    expect(up(net.observe(), 'n1').sessions).toEqual([{ id: 's1', state: 'active', lastPacket: 1 }]);
    net.deliverNext('n1');
    expect(up(net.observe(), 'n1').sessions).toEqual([{ id: 's1', state: 'warm', lastPacket: 1 }]);

    // a further packet where it is already active tells nobody
    net.packet('n2', 's1');
    expect(net.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
  });

  it('with the ICL down both copies become active; the cold sync keeps the one that saw the latest packet', () => {
    const net = network();
    bootInContact(net);
    net.packet('n1', 's1'); // 1
    net.deliverAll();
    net.packet('n2', 's1'); // 2
    net.deliverAll();
    net.cutIcl();
    net.packet('n1', 's1'); // 3: n1's notification is lost on the cut link
    expect(up(net.observe(), 'n1').sessions[0]?.state).toBe('active');
    expect(up(net.observe(), 'n2').sessions[0]?.state).toBe('active');
    net.packet('n2', 's2'); // 4: a session n1 never heard of
    net.restoreIcl();
    expect(net.completeColdSync('n2')).toBe('with-peer');
    expect(up(net.observe(), 'n1').sessions).toEqual([
      { id: 's1', state: 'active', lastPacket: 3 },
      { id: 's2', state: 'warm', lastPacket: 0 },
    ]);
    expect(up(net.observe(), 'n2').sessions).toEqual([
      { id: 's1', state: 'warm', lastPacket: 2 },
      { id: 's2', state: 'active', lastPacket: 4 },
    ]);
  });

  it('packets sent through a router go to the node it prefers', () => {
    const net = network();
    bootInContact(net);
    expect(net.routePacket('r1', 's9')).toEqual({ node: 'n1', outcome: 'forwarded' });
  });
});
