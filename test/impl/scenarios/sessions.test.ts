/**
 * MNHA.md section 6 and PROTOCOL.md "Sessions (SRG0)": a packet makes its
 * session active where it arrives and, if it was not, sends SESSION to the
 * peer, whose copy goes warm. With the ICL down both copies can be active;
 * on contact a node reads the peer's session table, and of each session
 * active on both, the copy that did not see the latest packet goes warm:
 * this node's at once, the peer's by a SESSION message (Decision).
 * Packets are stamped 1, 2, 3... by the network, in the order they arrive
 * at a running node.
 */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork } from '../../../src/impl/index.js';
import { bootInContact, network, up } from '../helpers.js';

describe('a session moving between nodes by packets', () => {
  it('moves with its packets, the peer demoting its copy when told', () => {
    const net = network();
    bootInContact(net);
    expect(net.packet('n1', 's1')).toBe('forwarded');
    expect(up(net.observe(), 'n1').sessions).toEqual([{ id: 's1', state: 'active', lastPacket: 1 }]);
    // n1 sent two state notifications while booting (contact, active; SRG0 online sends none): this is its 3rd message
    expect(net.observe().icl.inFlight.toN2).toEqual([{ kind: 'session-active', from: { localId: 1, incarnation: 1 }, seq: 3, sessionIds: ['s1'] }]);
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

  it('packets sent through a router go to the node it prefers', () => {
    const net = network();
    bootInContact(net);
    expect(net.routePacket('r1', 's9')).toEqual({ node: 'n1', outcome: 'forwarded' });
  });
});

describe('contact reconciliation of sessions', () => {
  /**
   * s1 is warm on n1 and active on n2 (packets 1, 2); the ICL is cut and
   * both notice; packet 3 of s1 reaches n1 (its SESSION is lost: active on
   * both now), packet 4 of a new session s2 reaches n2. The ICL returns.
   */
  function bothActiveAcrossACut(net: MnhaNetwork): void {
    bootInContact(net);
    net.packet('n1', 's1'); // 1
    net.deliverAll();
    net.packet('n2', 's1'); // 2
    net.deliverAll();
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    net.packet('n1', 's1'); // 3
    net.packet('n2', 's2'); // 4
    expect(up(net.observe(), 'n1').sessions).toEqual([{ id: 's1', state: 'active', lastPacket: 3 }]);
    expect(up(net.observe(), 'n2').sessions).toEqual([
      { id: 's1', state: 'active', lastPacket: 2 },
      { id: 's2', state: 'active', lastPacket: 4 },
    ]);
    net.restoreIcl();
  }

  /** After reconciliation: s1 active only on n1 (latest packet 3); s2 untouched, n1 never had it. */
  const N1_AFTER = [{ id: 's1', state: 'active', lastPacket: 3 }];
  const N2_AFTER = [
    { id: 's1', state: 'warm', lastPacket: 2 },
    { id: 's2', state: 'active', lastPacket: 4 },
  ];

  it('the node that saw the later packet keeps its copy and sends SESSION for it; one active copy remains', () => {
    const net = network();
    bothActiveAcrossACut(net);
    net.detectIclUp('n1');
    // n1 keeps its copy and tells n2, after its contact notice
    expect(net.observe().icl.inFlight.toN2).toMatchObject([
      { kind: 'state', flag: 'none' },
      { kind: 'session-active', sessionIds: ['s1'] },
    ]);
    expect(up(net.observe(), 'n2').sessions[0]).toEqual({ id: 's1', state: 'active', lastPacket: 2 });
    net.deliverAll();
    expect(up(net.observe(), 'n1').sessions).toEqual(N1_AFTER);
    expect(up(net.observe(), 'n2').sessions).toEqual(N2_AFTER);
  });

  it('the node whose copy saw the earlier packet demotes it at once, and sends no SESSION', () => {
    const net = network();
    bothActiveAcrossACut(net);
    net.detectIclUp('n2');
    expect(up(net.observe(), 'n2').sessions).toEqual(N2_AFTER);
    expect(net.observe().icl.inFlight.toN1.map((m) => m.kind)).toEqual(['state']);
    net.deliverAll(); // n1 makes contact on reading n2's notice: nothing left to reconcile
    expect(up(net.observe(), 'n1').sessions).toEqual(N1_AFTER);
    expect(up(net.observe(), 'n2').sessions).toEqual(N2_AFTER);
    // SessionActiveOnce: with the ICL up and nothing in flight, s1 is active on one node only
    expect(net.observe().icl.inFlight).toEqual({ toN1: [], toN2: [] });
  });
});
