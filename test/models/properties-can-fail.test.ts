/**
 * Every MNHA property can fail: for each, a small change of the model or of
 * a scenario's parameters under which the built-in engine finds it violated.
 * A property no change can violate would be no evidence (issue 12).
 *
 * The changes are of four kinds, each written where it is used:
 * - a parameter (a smaller ICL bound, a faulty router, the stale-notice
 *   protection off);
 * - a step that loses its weak fairness (the node may then never take it);
 * - a rogue step added to the system that does what the protocol forbids
 *   (what a broken implementation would do), for the properties that
 *   restate the machine: they can only fail if the machine changes;
 * - a lossy ICL (a message dropped while the link is up).
 *
 * Each case checks only its own property (the model is otherwise unchanged),
 * so the whole file takes seconds.
 */
import { describe, expect, it } from 'vitest';

import * as x from '../../src/dsl/index.js';
import { checkScenario } from '../../src/explore/check-scenario.js';
import type { Scenario, StepDecl, SystemDecl } from '../../src/model/index.js';
import { Flags, Nodes, PeerViews, SaStates, SessionStates, TunnelStates } from '../../models/mnha/domains.js';
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';
import { mnhaProperties } from '../../models/mnha/properties.js';
import { type MnhaSystem, mnhaSystem } from '../../models/mnha/system.js';

type Change = (sys: MnhaSystem) => SystemDecl;

/** The model of `params` with `change` applied, checking only `property`. */
function changed(property: string, params: Partial<MnhaParams>, change: Change = (s) => s.decl): Scenario {
  const p: MnhaParams = { ...DEFAULT_PARAMS, ...params };
  return {
    name: `can-fail-${property}`,
    title: property,
    description: 'a changed model',
    params: { ...p },
    expect: { [property]: 'holds' },
    checkDeadlock: false,
    build() {
      const sys = mnhaSystem(p);
      return { system: change(sys), properties: mnhaProperties(sys).filter((q) => q.name === property) };
    },
  };
}

/** The step `name` without weak fairness: the model may then never take it. */
const unfair = (name: string): Change => (sys) => {
  if (!sys.decl.steps.some((s) => s.name === name)) throw new Error(`no step ${name}`);
  return { ...sys.decl, steps: sys.decl.steps.map((s) => (s.name === name ? { ...s, fairness: 'none' as const } : s)) };
};

/** The system with one more step (unfair: it may happen, nothing makes it), which may write machine variables. */
const withStep = (make: (sys: MnhaSystem) => StepDecl): Change => (sys) => ({
  ...sys.decl, steps: [...sys.decl.steps, { fairness: 'none', mutation: 'a property test', ...make(sys) }],
});

/** Helpers over the system's variables. */
function terms(sys: MnhaSystem) {
  const { v, at } = sys.voc;
  const nodeT = (v.node.t as x.FunType).value as x.EnumType;
  const srg1T = (v.srg1.t as x.FunType).value as x.EnumType;
  const prefT = (v.adv.t as x.FunType).value as x.EnumType;
  return {
    v, at,
    up: (n: x.Expr) => x.eq(at('node', n), x.str('up', nodeT)),
    srg1Is: (n: x.Expr, s: string) => x.eq(at('srg1', n), x.str(s, srg1T)),
    setSrg1: (n: x.Expr, s: string) => x.assign(x.app(v.srg1, n), x.str(s, srg1T)),
    setAdv: (n: x.Expr, s: string) => x.assign(x.app(v.adv, n), x.str(s, prefT)),
    peer: (n: x.Expr) => x.app(sys.voc.Peer, n),
  };
}

interface Case {
  readonly property: string;
  /** The change, in words. */
  readonly how: string;
  readonly scenario: Scenario;
}

const CASES: Case[] = [
  { property: 'IclWithinBound', how: 'a bound of one message per ICL direction', scenario: changed('IclWithinBound', { iclCapacity: 1 }) },
  {
    property: 'AtMostOneActiveWhenIclUp',
    how: 'a node that takes activeness while it sees its peer active over the ICL (it ignores the peer)',
    scenario: changed('AtMostOneActiveWhenIclUp', {}, withStep((sys) => {
      const t = terms(sys);
      return {
        name: 'RogueClaim', params: { n: Nodes },
        guard: (q) => x.and(t.up(q.n), t.at('iclSeen', q.n), t.srg1Is(q.n, 'backup'), x.eq(t.at('peerSrg1', q.n), x.str('active', PeerViews))),
        updates: (q) => [t.setSrg1(q.n, 'active')],
      };
    })),
  },
  { property: 'NoSplitBrain', how: 'the probe router may answer probes off its preferred path', scenario: changed('NoSplitBrain', { faults: ['icl', 'crash', 'srg1Monitor', 'router'] }) },
  { property: 'SplitBrainOnlyWithRouterFault', how: 'the stale-notice protection off (waitForAnswer)', scenario: changed('SplitBrainOnlyWithRouterFault', { waitForAnswer: false, iclCapacity: 5 }) },
  {
    property: 'RightNodeBacksOff',
    how: 'in a split brain the higher local id backs off',
    scenario: changed('RightNodeBacksOff', { faults: ['icl', 'router'] }, withStep((sys) => {
      const t = terms(sys);
      const LocalId = x.constant('LocalId', x.funT(Nodes, x.intT(1, 10)));
      return {
        name: 'WrongBackOff', params: { n: Nodes },
        guard: (q) => x.and(t.srg1Is(q.n, 'active'), t.srg1Is(t.peer(q.n), 'active'), x.gt(x.app(LocalId, q.n), x.app(LocalId, t.peer(q.n)))),
        updates: (q) => [t.setSrg1(q.n, 'backup')],
      };
    })),
  },
  {
    property: 'NoTunnelFlapAfterSyncedFailover',
    how: 'a backup holding synchronised SAs that takes over without them',
    scenario: changed('NoTunnelFlapAfterSyncedFailover', { ipsec: true, faults: ['icl', 'crash'] }, withStep((sys) => {
      const t = terms(sys);
      return {
        name: 'TakeOverWithoutSa', params: { n: Nodes },
        guard: (q) => x.and(t.up(q.n), t.srg1Is(q.n, 'backup'), x.eq(t.at('sa', q.n), x.str('synced', SaStates)), x.eq(t.v.tunnel, x.str('up', TunnelStates))),
        updates: (q) => [t.setSrg1(q.n, 'active'), x.assign(x.app(t.v.sa, q.n), x.str('none', SaStates))],
      };
    })),
  },
  {
    property: 'IneligibleForwardsNothing',
    how: 'a backup without its backup-signal-route (it advertises low, as an ineligible node does)',
    scenario: changed('IneligibleForwardsNothing', {}, withStep((sys) => {
      const t = terms(sys);
      return {
        name: 'LoseBackupRoute', params: { n: Nodes },
        guard: (q) => x.and(t.srg1Is(q.n, 'backup'), t.at('backupRoute', q.n)),
        updates: (q) => [x.assign(x.app(t.v.backupRoute, q.n), x.FALSE), t.setAdv(q.n, 'low')],
      };
    })),
  },
  {
    property: 'SignalRoutesExclusive',
    how: 'an active node that also installs its backup-signal-route',
    scenario: changed('SignalRoutesExclusive', {}, withStep((sys) => {
      const t = terms(sys);
      return { name: 'BothRoutes', params: { n: Nodes }, guard: (q) => t.srg1Is(q.n, 'active'), updates: (q) => [x.assign(x.app(t.v.backupRoute, q.n), x.TRUE)] };
    })),
  },
  {
    property: 'SignalRouteMatchesState',
    how: 'a backup that installs the active-signal-route',
    scenario: changed('SignalRouteMatchesState', {}, withStep((sys) => {
      const t = terms(sys);
      return { name: 'BackupActiveRoute', params: { n: Nodes }, guard: (q) => t.srg1Is(q.n, 'backup'), updates: (q) => [x.assign(x.app(t.v.activeRoute, q.n), x.TRUE)] };
    })),
  },
  {
    property: 'IneligibleIsSilent',
    how: 'an ineligible node that keeps advertising medium',
    scenario: changed('IneligibleIsSilent', {}, withStep((sys) => {
      const t = terms(sys);
      return { name: 'IneligibleAdvertises', params: { n: Nodes }, guard: (q) => t.srg1Is(q.n, 'ineligible'), updates: (q) => [t.setAdv(q.n, 'medium')] };
    })),
  },
  {
    property: 'PreferenceFollowsSignalRoute',
    how: 'a backup that advertises high',
    scenario: changed('PreferenceFollowsSignalRoute', {}, withStep((sys) => {
      const t = terms(sys);
      return { name: 'BackupHigh', params: { n: Nodes }, guard: (q) => t.srg1Is(q.n, 'backup'), updates: (q) => [t.setAdv(q.n, 'high')] };
    })),
  },
  {
    property: 'TrafficToActive',
    how: 'a backup (n1, the tie-break) that advertises high next to the active n2',
    scenario: changed('TrafficToActive', {}, withStep((sys) => {
      const t = terms(sys);
      return { name: 'BackupHigh', params: { n: Nodes }, guard: (q) => x.and(t.srg1Is(q.n, 'backup'), t.srg1Is(t.peer(q.n), 'active')), updates: (q) => [t.setAdv(q.n, 'high')] };
    })),
  },
  {
    property: 'IsolatedShutsInterfaces',
    how: 'an isolated SRG0 that brings its shut-on-failure interfaces up',
    scenario: changed('IsolatedShutsInterfaces', { faults: ['icl', 'srg0Monitor'] }, withStep((sys) => {
      const t = terms(sys);
      return { name: 'UnshutIsolated', params: { n: Nodes }, guard: (q) => x.eq(t.at('srg0', q.n), x.str('isolated', (t.v.srg0.t as x.FunType).value as x.EnumType)), updates: (q) => [x.assign(x.app(t.v.shut, q.n), x.FALSE)] };
    })),
  },
  {
    property: 'NoProbingWhileIclUp',
    how: 'a backup that starts probing while it sees its active peer over the ICL',
    scenario: changed('NoProbingWhileIclUp', {}, withStep((sys) => {
      const t = terms(sys);
      return {
        name: 'ProbeAnyway', params: { n: Nodes },
        guard: (q) => x.and(t.at('iclSeen', q.n), t.srg1Is(q.n, 'backup'), x.not(t.at('probing', q.n))),
        updates: (q) => [x.assign(x.app(t.v.probing, q.n), x.TRUE)],
      };
    })),
  },
  {
    property: 'SessionActiveOnce',
    how: 'a packet that makes a session active on a node without telling the peer',
    scenario: changed('SessionActiveOnce', { sessions: 1, faults: ['icl'] }, withStep((sys) => {
      const t = terms(sys);
      const sid = x.str('s1', (((t.v.sess.t as x.FunType).value as x.FunType).key as x.EnumType));
      return {
        name: 'SilentPacket', params: { n: Nodes },
        guard: (q) => x.and(t.up(q.n), x.eq(x.app(t.at('sess', q.n), sid), x.str('warm', SessionStates))),
        updates: (q) => [x.assign(x.app(x.app(t.v.sess, q.n), sid), x.str('active', SessionStates))],
      };
    })),
  },
  {
    property: 'IkeOnlyFromActive',
    how: 'a backup that brings a synchronised SA into use',
    scenario: changed('IkeOnlyFromActive', { ipsec: true, faults: ['icl', 'crash'] }, withStep((sys) => {
      const t = terms(sys);
      return {
        name: 'BackupUsesSa', params: { n: Nodes },
        guard: (q) => x.and(t.srg1Is(q.n, 'backup'), x.eq(t.at('sa', q.n), x.str('synced', SaStates))),
        updates: (q) => [x.assign(x.app(t.v.sa, q.n), x.str('up', SaStates))],
      };
    })),
  },
  { property: 'LeavesHold', how: 'probe answers lose their fairness (an answered node may never read one)', scenario: changed('LeavesHold', {}, unfair('ProbeReply')) },
  { property: 'BackupTakesOver', how: 'noticing the lost ICL loses its fairness', scenario: changed('BackupTakesOver', {}, unfair('IclLossSeen')) },
  { property: 'SplitBrainResolves', how: 'with the router fault, the ICL repair loses its fairness', scenario: changed('SplitBrainResolves', { faults: ['icl', 'router'] }, unfair('IclRestore')) },
  { property: 'LeavesIneligibleAndIsolated', how: 'SRG1 monitor recovery loses its fairness', scenario: changed('LeavesIneligibleAndIsolated', {}, unfair('Srg1MonitorRecover')) },
  {
    property: 'PreemptionRestoresPriority',
    how: 'with preemption on, the preemption timer loses its fairness',
    scenario: changed('PreemptionRestoresPriority', { priority: { n1: 100, n2: 200 }, preemption: true, faults: ['icl', 'crash'] }, unfair('Preempt')),
  },
  { property: 'ColdSyncCompletes', how: 'the end of a cold sync loses its fairness', scenario: changed('ColdSyncCompletes', {}, unfair('ColdSyncDone')) },
  { property: 'SomeNodeActive', how: 'probe answers lose their fairness', scenario: changed('SomeNodeActive', {}, unfair('ProbeReply')) },
  { property: 'AvailableDuringIclOutage', how: 'none: the documented withdraw reading violates it (default scenario)', scenario: changed('AvailableDuringIclOutage', {}) },
  {
    property: 'ManualFailoverTakesEffect',
    how: 'an ICL that may drop a handover while the link is up',
    scenario: changed('ManualFailoverTakesEffect', { priority: { n1: 100, n2: 200 }, manualFailover: true, faults: ['icl'] }, withStep((sys) => {
      const t = terms(sys);
      const head = (n: x.Expr) => x.head(t.at('msgs', n));
      return {
        name: 'DropHandover', params: { n: Nodes },
        guard: (q) => x.and(x.gt(x.len(t.at('msgs', q.n)), x.num(0)), x.eq(x.field(head(q.n), 'flag'), x.str('handover', Flags))),
        updates: (q) => [x.assign(x.app(t.v.msgs, q.n), x.tail(t.at('msgs', q.n)))],
      };
    })),
  },
];

describe('every MNHA property can fail: a small change of the model under which it is violated', () => {
  it('covers every property of the model', () => {
    const all = mnhaProperties(mnhaSystem(DEFAULT_PARAMS)).map((p) => p.name);
    expect(CASES.map((c) => c.property).sort()).toEqual([...all].sort());
  });

  for (const c of CASES) {
    it(`${c.property}: ${c.how}`, async () => {
      const { report } = await checkScenario(c.scenario);
      const v = report.properties.find((p) => p.name === c.property)!;
      expect(report.complete).toBe(true);
      expect(v.verdict).toBe('violated');
    }, 60_000);
  }
});
