/**
 * `net.fork()`: a copy of a step-driven network between two steps, for
 * runs that branch (conformance replays every transition of a state from a
 * copy each). A fork must be faithful (the same steps give the same
 * observations as on the original) and independent (steps on one never
 * show on the other).
 */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork, Stimulus } from '../../../src/impl/index.js';
import { BROKEN_NODES } from '../fixtures/broken-nodes.js';
import { bootInContact, network, states } from '../helpers.js';

/** n1 active with an SA in use, a session on each node, n1's ineligible notice and ask in flight. */
function busyNetwork(): MnhaNetwork {
  const net = network({ n1: { vpns: ['V'] }, n2: { vpns: ['V'] } });
  bootInContact(net);
  net.negotiateIke('n1');
  net.packet('n1', 's1');
  net.packet('n2', 's2');
  net.deliverAll();
  net.failMonitor('n1', 1);
  net.recoverMonitor('n1', 1);
  return net;
}

/** Steps that read and change everything a fork must copy: queues, sequence numbers, asks, tables, SAs, routes. */
const STEPS: readonly Stimulus[] = [
  { kind: 'deliverNext', to: 'n2' },
  { kind: 'deliverNext', to: 'n2' },
  { kind: 'deliverNext', to: 'n1' },
  { kind: 'deliverNext', to: 'n1' },
  { kind: 'packet', node: 'n1', session: 's2' },
  { kind: 'manualFailover', node: 'n2' },
  { kind: 'negotiateIke', node: 'n2' },
  { kind: 'cutIcl' },
  { kind: 'detectIclLoss', node: 'n1' },
  { kind: 'probe', node: 'n1' },
  { kind: 'restoreIcl' },
  { kind: 'detectIclUp', node: 'n1' },
  { kind: 'deliverNext', to: 'n2' },
  { kind: 'deliverNext', to: 'n1' },
];

describe('fork()', () => {
  it('is faithful: the same steps on the fork and on the original give the same outcomes and observations', () => {
    const original = busyNetwork();
    const copy = original.fork();
    expect(JSON.stringify(copy.observe())).toBe(JSON.stringify(original.observe()));
    for (const step of STEPS) {
      const a = original.apply(step);
      const b = copy.apply(step);
      expect(b).toEqual(a);
      expect(JSON.stringify(copy.observe())).toBe(JSON.stringify(original.observe()));
    }
  });

  it('is independent: steps on the fork leave the original as it was, and the other way round', () => {
    const original = busyNetwork();
    const before = JSON.stringify(original.observe());
    const copy = original.fork();
    copy.deliverAll();
    copy.packet('n1', 's9');
    copy.negotiateIke('n2');
    copy.crash('n2');
    copy.setRouterMisbehaving(true);
    copy.cutIcl();
    expect(JSON.stringify(original.observe())).toBe(before);

    const forkedAt = JSON.stringify(copy.observe());
    original.deliverAll();
    original.failMonitor('n2', 0);
    original.crash('n1');
    expect(JSON.stringify(copy.observe())).toBe(forkedAt);
  });

  it('keeps the node variant: a fork of a broken network is just as broken', () => {
    const factory = BROKEN_NODES['higher-id-backs-off']?.factory;
    if (factory === undefined) throw new Error('no variant higher-id-backs-off');
    const net = network({ nodeFactory: factory });
    bootInContact(net);
    net.setRouterMisbehaving(true);
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    net.probe('n2');
    net.probe('n1');
    net.restoreIcl();
    net.detectIclUp('n1');
    const copy = net.fork();
    copy.deliverAll();
    // the broken rule makes the higher id (n2) back off; correct nodes would leave n2 active
    expect(states(copy)).toEqual({ n1: 'active', n2: 'backup' });
  });
});
