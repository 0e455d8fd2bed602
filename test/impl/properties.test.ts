/**
 * Random stimulus sequences (fast-check) against the step-driven network,
 * with the router behaving and instant convergence. After every step the
 * state invariants of MNHA.md section 8 that this implementation keeps by
 * construction must hold: signal routes (4, 5, 6, 7), isolation (9),
 * probing (10, in this implementation's reading), routers following the
 * nodes, and at most one active node once both nodes hear each other and
 * no state is in flight (1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyPreference, type MnhaNetwork, type NodeName, type Observation, type Stimulus } from '../../src/impl/index.js';
import { network, type NodeExtras } from './helpers.js';

const node = fc.constantFrom<NodeName>('n1', 'n2');
const srg = fc.constantFrom<0 | 1>(0, 1);

const stimulus: fc.Arbitrary<Stimulus> = fc.oneof(
  fc.constant<Stimulus>({ kind: 'cutIcl' }),
  fc.constant<Stimulus>({ kind: 'restoreIcl' }),
  node.map((to): Stimulus => ({ kind: 'deliverNext', to })),
  node.map((to): Stimulus => ({ kind: 'deliverNext', to })),
  node.map((n): Stimulus => ({ kind: 'detectIclLoss', node: n })),
  node.map((n): Stimulus => ({ kind: 'detectIclUp', node: n })),
  node.map((n): Stimulus => ({ kind: 'probe', node: n })),
  fc.tuple(node, srg).map(([n, s]): Stimulus => ({ kind: 'failMonitor', node: n, srg: s })),
  fc.tuple(node, srg).map(([n, s]): Stimulus => ({ kind: 'recoverMonitor', node: n, srg: s })),
  node.map((n): Stimulus => ({ kind: 'crash', node: n })),
  node.map((n): Stimulus => ({ kind: 'reboot', node: n })),
  fc.tuple(node, fc.constantFrom('s1', 's2')).map(([n, session]): Stimulus => ({ kind: 'packet', node: n, session })),
  node.map((n): Stimulus => ({ kind: 'completeColdSync', node: n })),
  node.map((n): Stimulus => ({ kind: 'manualFailover', node: n })),
  node.map((n): Stimulus => ({ kind: 'deleteSa', node: n, vpn: 'V' })),
);

const setup = fc.record({
  iclLossAtActive: fc.constantFrom('withdraw' as const, 'keep-and-probe' as const),
  priorities: fc.constantFrom<[number | undefined, number | undefined]>([undefined, undefined], [200, 100], [100, 200], [150, 150]),
  preemption: fc.boolean(),
  tieBreak: node,
});

function extras(priority: number | undefined, preemption: boolean): NodeExtras {
  return { vpns: ['V'], shutdownOnFailure: ['ge-0/0/3'], preemption, ...(priority === undefined ? {} : { activenessPriority: priority }) };
}

/** Every violated invariant, as text (empty when all hold). */
function violations(o: Observation): string[] {
  const found: string[] = [];
  const views: string[] = [];
  for (const name of ['n1', 'n2'] as const) {
    const n = o.nodes[name];
    for (const router of ['r1', 'r2'] as const) {
      const expected = n.alive ? n.srg1.advertised : 'withdrawn';
      if (o.routers[router].learned[name] !== expected) found.push(`${router} has not learned ${name}'s routes`);
    }
    if (!n.alive) continue;
    const { srg1: s1, srg0: s0 } = n;
    if (s1.signalRoutes.active && s1.signalRoutes.backup) found.push(`${name}: both signal routes`);
    if (s1.signalRoutes.active !== (s1.state === 'active')) found.push(`${name}: active-signal-route vs ${s1.state}`);
    if (s1.signalRoutes.backup && s1.state !== 'backup') found.push(`${name}: backup-signal-route in ${s1.state}`);
    if (s1.state === 'ineligible' && (s1.signalRoutes.active || s1.signalRoutes.backup || s1.advertised !== 'low' || s1.forwarding)) found.push(`${name}: ineligible not silent`);
    if (s1.advertised !== policyPreference(s1.signalRoutes.active, s1.signalRoutes.backup)) found.push(`${name}: preference does not follow the signal routes`);
    if (s0.state === 'isolated' && s0.interfaces.some((i) => i.status !== 'down')) found.push(`${name}: isolated with an interface up`);
    if (s0.state === 'online' && s0.interfaces.some((i) => i.status !== 'up')) found.push(`${name}: online with an interface down`);
    const peer = n.icl.peer;
    if (n.icl.view === 'up' && peer !== null && s1.probing) {
      const contenders = ['hold', 'backup'];
      if (!contenders.includes(s1.state) || !contenders.includes(peer.srg1)) found.push(`${name}: probing with the ICL up while the peer is ${peer.srg1}`);
    }
    views.push(n.icl.view);
  }
  const stateInFlight = [...o.icl.inFlight.toN1, ...o.icl.inFlight.toN2].some((m) => m.kind === 'state');
  const bothHear = o.icl.link === 'up' && views.length === 2 && views.every((v) => v === 'up');
  const active = (['n1', 'n2'] as const).filter((name) => {
    const n = o.nodes[name];
    return n.alive && n.srg1.state === 'active';
  });
  if (bothHear && !stateInFlight && active.length > 1) found.push('two active nodes with the ICL up and no state in flight');
  return found;
}

describe('invariants under random stimuli (router behaving, instant convergence)', () => {
  it('hold after every step', () => {
    fc.assert(
      fc.property(setup, fc.array(stimulus, { maxLength: 60 }), (options, steps) => {
        const net: MnhaNetwork = network({
          iclLossAtActive: options.iclLossAtActive,
          tieBreak: { r1: options.tieBreak, r2: options.tieBreak },
          n1: extras(options.priorities[0], options.preemption),
          n2: extras(options.priorities[1], options.preemption),
        });
        expect(violations(net.observe())).toEqual([]);
        for (const step of steps) {
          net.apply(step);
          const found = violations(net.observe());
          if (found.length > 0) throw new Error(`after ${JSON.stringify(step)}: ${found.join('; ')}`);
        }
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });
});
