/**
 * Random stimulus sequences (fast-check) against the step-driven network,
 * with the router behaving and instant convergence, with and without
 * waitForAnswer. After every step the state invariants of MNHA.md section 8
 * that this implementation keeps by construction must hold: signal routes
 * (4, 5, 6, 7), isolation (9), probing (10, as PROTOCOL.md "Probing" states
 * exactly when a node probes), routers following the nodes, SAs in use only
 * on the active node (12), and, once both nodes see the ICL and nothing of
 * the kind is in flight, at most one active node (1) and each session
 * active on at most one node (11). With waitForAnswer on, property 2 must
 * hold too: with the router behaving, never two active nodes. The ICL loses
 * messages only on a cut or a crash (no dropNext), as PROTOCOL.md's ICL
 * does, and steps that break its timing assumptions are skipped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyPreference, type MnhaNetwork, type NodeName, type Observation, type Stimulus, type UpNodeObservation } from '../../src/impl/index.js';
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
  node.map((n): Stimulus => ({ kind: 'negotiateIke', node: n })),
  node.map((n): Stimulus => ({ kind: 'preempt', node: n })),
  node.map((n): Stimulus => ({ kind: 'strayProbeReply', node: n })),
  node.map((n): Stimulus => ({ kind: 'heartbeat', node: n })),
);

const setup = fc.record({
  iclLossAtActive: fc.constantFrom('withdraw' as const, 'keep-and-probe' as const),
  priorities: fc.constantFrom<[number | undefined, number | undefined]>([undefined, undefined], [200, 100], [100, 200], [150, 150]),
  preemption: fc.boolean(),
  tieBreak: node,
  waitForAnswer: fc.boolean(),
  inContact: fc.boolean(),
});

interface Setup {
  readonly iclLossAtActive: 'withdraw' | 'keep-and-probe';
  readonly priorities: readonly [number | undefined, number | undefined];
  readonly waitForAnswer: boolean;
}

/** Whether the priorities decide an election: both set and different (MNHA.md section 3, step 5). */
function prioritiesDecide(setup: Setup): boolean {
  const [a, b] = setup.priorities;
  return a !== undefined && b !== undefined && a !== b;
}

/**
 * Whether a node probes, by PROTOCOL.md "Probing": never while ineligible;
 * without the ICL in hold or backup, and active under keep-and-probe; with
 * the ICL only in hold, facing a peer known in hold, when the priorities do
 * not decide and no ask is out.
 */
function shouldProbe(setup: Setup, n: UpNodeObservation): boolean {
  const state = n.srg1.state;
  if (state === 'ineligible') return false;
  if (n.icl.view === 'down') return state === 'hold' || state === 'backup' || (state === 'active' && setup.iclLossAtActive === 'keep-and-probe');
  return state === 'hold' && n.icl.peer?.srg1 === 'hold' && !prioritiesDecide(setup) && n.srg1.ask === 'idle';
}

function extras(priority: number | undefined, preemption: boolean): NodeExtras {
  return { vpns: ['V'], shutdownOnFailure: ['ge-0/0/3'], preemption, ...(priority === undefined ? {} : { activenessPriority: priority }) };
}

/**
 * Half the runs start from a settled pair rather than from boot, so that
 * short random sequences reach active/backup pairs, SAs and sessions: the
 * nodes make contact, finish their cold sync, the tie-break node probes
 * (answered unless the priorities already elected), everything is delivered
 * and the active node negotiates IKE (the other's trigger is refused).
 */
function settleInContact(net: MnhaNetwork, tieBreak: NodeName): void {
  net.detectIclUp('n1');
  net.deliverAll();
  net.completeColdSync('n1');
  net.completeColdSync('n2');
  net.probe(tieBreak);
  net.deliverAll();
  for (const name of ['n1', 'n2'] as const) net.negotiateIke(name);
  net.deliverAll();
}

/**
 * PROTOCOL.md's timing assumptions (Decisions): an ICL outage lasts until
 * both nodes have noticed it, and a crashed node reboots only after its
 * peer has noticed the crash; and a node notices the ICL down only when it
 * is (cut, or the peer crashed), as in the model (IclLossSeen). A step that
 * would break them is skipped.
 */
function allowed(net: MnhaNetwork, step: Stimulus): boolean {
  const o = net.observe();
  const sees = (name: NodeName): boolean => {
    const n = o.nodes[name];
    return n.alive && n.icl.view === 'up';
  };
  if (step.kind === 'restoreIcl') return o.icl.link === 'cut' && !sees('n1') && !sees('n2');
  if (step.kind === 'reboot') return !o.nodes[step.node].alive && !sees(step.node === 'n1' ? 'n2' : 'n1');
  if (step.kind === 'detectIclLoss') return o.icl.link === 'cut' || !o.nodes[step.node === 'n1' ? 'n2' : 'n1'].alive;
  return true;
}

/** Every violated invariant, as text (empty when all hold). */
function violations(setup: Setup, o: Observation): string[] {
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
    if (s1.probing !== shouldProbe(setup, n)) found.push(`${name}: probing ${s1.probing} in ${s1.state} (ICL ${n.icl.view}, peer ${n.icl.peer?.srg1 ?? 'unknown'}, ask ${s1.ask})`);
    if (n.ipsec.sas.some((sa) => sa.inUse) && s1.state !== 'active') found.push(`${name}: an SA in use in ${s1.state}`);
    views.push(n.icl.view);
  }
  const stateInFlight = [...o.icl.inFlight.toN1, ...o.icl.inFlight.toN2].some((m) => m.kind === 'state');
  const bothHear = o.icl.link === 'up' && views.length === 2 && views.every((v) => v === 'up');
  const active = (['n1', 'n2'] as const).filter((name) => {
    const n = o.nodes[name];
    return n.alive && n.srg1.state === 'active';
  });
  if (bothHear && !stateInFlight && active.length > 1) found.push('two active nodes with the ICL up and no state in flight');
  // property 2 with the router behaving: no split brain at all, once stale notices are guarded against
  if (setup.waitForAnswer && active.length > 1) found.push('two active nodes with waitForAnswer and a behaving router');
  const sessionInFlight = [...o.icl.inFlight.toN1, ...o.icl.inFlight.toN2].some((m) => m.kind === 'session-active');
  if (bothHear && !sessionInFlight && o.nodes.n1.alive && o.nodes.n2.alive) {
    const n2 = o.nodes.n2;
    for (const mine of o.nodes.n1.sessions) {
      if (mine.state === 'active' && n2.sessions.some((theirs) => theirs.id === mine.id && theirs.state === 'active')) found.push(`session ${mine.id} active on both with the ICL up and no session notice in flight`);
    }
  }
  return found;
}

describe('invariants under random stimuli (router behaving, instant convergence)', () => {
  it('hold after every step', () => {
    fc.assert(
      fc.property(setup, fc.array(stimulus, { maxLength: 60, size: 'max' }), (options, steps) => {
        const net: MnhaNetwork = network({
          iclLossAtActive: options.iclLossAtActive,
          waitForAnswer: options.waitForAnswer,
          tieBreak: { r1: options.tieBreak, r2: options.tieBreak },
          n1: extras(options.priorities[0], options.preemption),
          n2: extras(options.priorities[1], options.preemption),
        });
        if (options.inContact) settleInContact(net, options.tieBreak);
        expect(violations(options, net.observe())).toEqual([]);
        for (const step of steps) {
          if (!allowed(net, step)) continue;
          net.apply(step);
          const found = violations(options, net.observe());
          if (found.length > 0) throw new Error(`after ${JSON.stringify(step)}: ${found.join('; ')}`);
        }
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });
});
