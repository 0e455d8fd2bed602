/**
 * Vacuity: every verdict says how many reachable states put the property to
 * the test, and a property none did is reported vacuous. Counts by hand on
 * the lamp (off -> on at most twice, BLOW from off or on: the eight states
 * (off,0) (on,1) (off,1) (on,2) (off,2) (blown,0) (blown,1) (blown,2)), and
 * on the MNHA scenarios from what their parameters leave out.
 */
import { describe, expect, it } from 'vitest';
import { lampSystem } from '../../models/examples/lamp.js';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import * as x from '../../src/dsl/index.js';
import { checkScenario } from '../../src/explore/check-scenario.js';
import { type Property, type Scenario, invariantPremise } from '../../src/model/index.js';

const lampT = x.enumT(['off', 'on', 'blown']);
const lamp = x.variable('lamp', lampT);
const count = x.variable('count', x.intT(0, 2));
const is = (s: string) => x.eq(lamp, x.str(s, lampT));

function lampScenario(properties: Property[]): Scenario {
  return {
    name: 'lamp', title: 'lamp', description: '', params: {}, checkDeadlock: false,
    expect: Object.fromEntries(properties.map((p) => [p.name, 'holds'])),
    build: () => ({ system: lampSystem(), properties }),
  };
}

describe('vacuity on the lamp (hand counts)', () => {
  it('an implication is tested where its premise holds; a plain invariant everywhere; an impossible premise is vacuous', async () => {
    const { report } = await checkScenario(lampScenario([
      { kind: 'invariant', name: 'BlownCountsAtMostTwo', doc: '', expr: x.implies(is('blown'), x.le(count, x.num(2))) },
      { kind: 'invariant', name: 'OnWasCounted', doc: '', expr: x.implies(is('on'), x.ge(count, x.num(1))) },
      { kind: 'invariant', name: 'CountInRange', doc: '', expr: x.le(count, x.num(2)) },
      { kind: 'invariant', name: 'NeverOnAtZero', doc: '', expr: x.implies(x.and(is('on'), x.eq(count, x.num(0))), x.FALSE) },
      { kind: 'liveness', name: 'OnLeadsToNotOn', doc: '', fairness: '', formula: x.leadsTo(is('on'), x.not(is('on'))) },
    ]));
    const by = Object.fromEntries(report.properties.map((p) => [p.name, p]));
    expect(report.distinctStates).toBe(8);
    expect(by.BlownCountsAtMostTwo).toMatchObject({ verdict: 'holds', exercised: 3, vacuous: false });
    expect(by.OnWasCounted).toMatchObject({ verdict: 'holds', exercised: 2, vacuous: false });
    expect(by.CountInRange).toMatchObject({ verdict: 'holds', exercised: 8, vacuous: false });
    expect(by.NeverOnAtZero).toMatchObject({ verdict: 'holds', exercised: 0, vacuous: true });
    expect(by.OnLeadsToNotOn).toMatchObject({ exercised: 2 });
  });

  it('premises follow quantifiers and conjunctions; a quantifier over an empty domain is about no state', () => {
    const empty = x.enumT([] as string[], 'NoSessions');
    expect(invariantPremise(x.le(count, x.num(2)))).toBeNull();
    expect(x.printExpr(invariantPremise(x.implies(is('on'), x.ge(count, x.num(1)))) as x.Expr)).toBe('lamp = "on"');
    const overNothing = invariantPremise(x.forall('s', empty, () => x.TRUE)) as x.Expr;
    expect(x.evaluate(overNothing, { readVar: () => 'on' })).toBe(false);
  });
});

describe('vacuity on MNHA scenarios', () => {
  const verdicts = async (name: string) => {
    const { report } = await checkScenario(findScenario(name) as Scenario);
    return Object.fromEntries(report.properties.map((p) => [p.name, p]));
  };

  it('default: no sessions, no IPsec, no preemption, no split brain: those properties are vacuous; the others tested', async () => {
    const v = await verdicts('default');
    for (const name of ['SessionActiveOnce', 'IkeOnlyFromActive', 'PreemptionRestoresPriority', 'SplitBrainOnlyWithRouterFault', 'SplitBrainResolves']) {
      expect(v[name], name).toMatchObject({ verdict: 'holds', exercised: 0, vacuous: true });
    }
    for (const name of ['NoSplitBrain', 'IneligibleIsSilent', 'LeavesHold', 'BackupTakesOver', 'AtMostOneActiveWhenIclUp']) {
      expect(v[name]?.vacuous, name).toBe(false);
      expect(v[name]?.exercised, name).toBeGreaterThan(0);
    }
  });

  it('the scenarios that have them test them: sessions, IPsec, preemption, a split brain', async () => {
    expect((await verdicts('sessions')).SessionActiveOnce?.vacuous).toBe(false);
    expect((await verdicts('ipsec')).IkeOnlyFromActive?.vacuous).toBe(false);
    expect((await verdicts('priority-preemption')).PreemptionRestoresPriority?.vacuous).toBe(false);
    const rf = await verdicts('router-fault');
    expect(rf.SplitBrainOnlyWithRouterFault?.exercised).toBeGreaterThan(0);
  }, 60_000);
});

describe('structural properties', () => {
  it('the properties that restate the machine (the design review\'s list) are marked, the others not', async () => {
    const { report } = await checkScenario(findScenario('default') as Scenario);
    const marked = report.properties.filter((p) => p.structural !== undefined).map((p) => p.name).sort();
    expect(marked).toEqual([
      'ColdSyncCompletes', 'Deadlock', 'IkeOnlyFromActive', 'IneligibleIsSilent', 'IsolatedShutsInterfaces', 'LeavesIneligibleAndIsolated',
      'PreferenceFollowsSignalRoute', 'SignalRouteMatchesState', 'SignalRoutesExclusive', 'TrafficToActive',
    ]);
    // the deadlock check cannot fail: a stray probe answer can always reach a node that is up
    expect(report.properties.find((p) => p.name === 'Deadlock')?.structural).toMatch(/stray probe answer/);
    for (const p of report.properties.filter((q) => q.structural !== undefined)) expect((p.structural ?? "").length).toBeGreaterThan(20);
  });
});
