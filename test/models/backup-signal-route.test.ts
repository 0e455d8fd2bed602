/**
 * A node without a backup-signal-route (issue 13): as backup it installs no
 * signal route and advertises the default, low (MNHA.md section 2), and
 * the model says so through `hasBackupSignalRoute`. What follows is
 * reasoned by hand from MNHA.md, not read from the checker.
 *
 * n2 has no backup-signal-route, the routers break ties toward n1 (the
 * default tie-break), everything else as in the default scenario. The path:
 *
 * 1. `HoldOnProbeReply(n1)`: both nodes boot in hold, advertising low, the
 *    ICL still down; the tie goes to n1, so the probe router answers n1,
 *    which becomes active (high).
 * 2. `IclRestore`, 3. `ActiveOnIclUp(n1)` (n1 announces active),
 *    4. `HoldOnIclUp(n2)` (n2 announces hold).
 * 5. `HoldOnStateIfPeerIsActive(n2)`: n2 reads "active" and becomes
 *    backup, replying "backup". Here the two models part: with the route n2
 *    advertises medium, without it low.
 * 6. `ActiveOnStateOtherwise(n1)`: n1 reads n2's "hold" (two messages were
 *    in flight to n1; a monitor failure strikes only with at most one in
 *    flight, the default fault window).
 * 7. `ActiveOnMon1Fail(n1)`: SRG1 fails on n1: ineligible, low.
 *
 * Now n1 is ineligible and n2 a healthy backup. Without n2's route both
 * advertise low and the routers' tie-break sends the traffic to n1, which
 * drops it: `IneligibleForwardsNothing` is violated. With the route n2's
 * medium wins and the property holds.
 *
 * The shortest counterexample is one step shorter. n2 becomes backup only
 * by reading an "active" from n1 (no preemption, no manual failover, and n2,
 * the higher local id, never backs off in a split brain), which takes n1
 * active, the ICL restored, n1 and n2 noticing it and n2 reading: five
 * steps; SRG1 must also fail on n1: six. Six are enough when the failure
 * strikes while n1's "active" is the only message in flight, before n2
 * notices the ICL: n2 then reads a stale "active" and becomes a backup of
 * an ineligible peer.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';
import { mnhaScenario } from '../../models/mnha/scenario-kit.js';
import { checkScenario } from '../../src/explore/check-scenario.js';
import type { ActionLabel, Scenario } from '../../src/model/index.js';
import { checkConformance, replayTrace, runLockstep } from '../../src/replay/index.js';
import { fromItfTrace } from '../../src/trace/index.js';

const PROPERTY = 'IneligibleForwardsNothing';

/** The default model with n2's backup-signal-route present or not, checking only {@link PROPERTY}. */
function scenario(n2Route: boolean): Scenario {
  const params: Partial<MnhaParams> = { hasBackupSignalRoute: { n1: true, n2: n2Route } };
  const sc = mnhaScenario({ name: n2Route ? 'both-backup-routes' : 'n2-without-backup-route', title: 'backup-signal-route', description: 'issue 13', params });
  return {
    ...sc,
    expect: { [PROPERTY]: 'holds' },
    checkDeadlock: false,
    build() {
      const built = sc.build();
      return { ...built, properties: built.properties.filter((p) => p.name === PROPERTY) };
    },
  };
}

const n = (node: string) => ({ n: node });
/** The path of the module comment. */
const PATH: ActionLabel[] = [
  { name: 'HoldOnProbeReply', params: n('n1') },
  { name: 'IclRestore', params: {} },
  { name: 'ActiveOnIclUp', params: n('n1') },
  { name: 'HoldOnIclUp', params: n('n2') },
  { name: 'HoldOnStateIfPeerIsActive', params: n('n2') },
  { name: 'ActiveOnStateOtherwise', params: n('n1') },
  { name: 'ActiveOnMon1Fail', params: n('n1') },
];

describe('a backup without its backup-signal-route advertises low', () => {
  it('the default parameters give both nodes the route', () => {
    expect(DEFAULT_PARAMS.hasBackupSignalRoute).toEqual({ n1: true, n2: true });
  });

  it('on the hand-derived path, n2 as backup advertises low without its route and medium with it; the implementation agrees at every step', () => {
    for (const [route, adv] of [[false, 'low'], [true, 'medium']] as const) {
      const run = runLockstep(scenario(route), PATH);
      expect(run.skipped).toBe(0);
      expect(run.departure).toBeUndefined();
      const last = run.modelStates[PATH.length] as Record<string, Record<string, unknown>>;
      expect(last.srg1).toEqual({ n1: 'ineligible', n2: 'backup' });
      expect(last.backupRoute).toEqual({ n1: false, n2: route });
      expect(last.adv).toEqual({ n1: 'low', n2: adv });
    }
  });

  it('without n2\'s route the tie-break sends traffic to the ineligible n1: a 6-step counterexample the implementation replays; with it the property holds', async () => {
    const without = scenario(false);
    const found = await checkScenario(without);
    expect(found.report.properties.find((p) => p.name === PROPERTY)?.verdict).toBe('violated');
    const trace = found.traces.get(PROPERTY)!;
    const steps = fromItfTrace(trace).steps;
    expect(steps).toHaveLength(7);
    const last = steps[steps.length - 1].values;
    expect(Object.fromEntries(last.srg1 as Map<string, string>)).toEqual({ n1: 'ineligible', n2: 'backup' });
    expect(Object.fromEntries(last.adv as Map<string, string>)).toEqual({ n1: 'low', n2: 'low' });
    expect(replayTrace(trace, { scenario: without })).toMatchObject({ outcome: 'follows', steps: 6 });

    const withRoute = await checkScenario(scenario(true));
    expect(withRoute.report.complete).toBe(true);
    expect(withRoute.report.properties.find((p) => p.name === PROPERTY)?.verdict).toBe('holds');
  });

  it('every transition of the model without any backup-signal-route, and of the one without n1\'s, is the implementation\'s too', async () => {
    for (const routes of [{ n1: false, n2: false }, { n1: false, n2: true }]) {
      const sc = mnhaScenario({ name: 'no-backup-route', title: 'backup-signal-route', description: 'issue 13', params: { hasBackupSignalRoute: routes } });
      const r = await checkConformance(sc);
      expect(r.complete).toBe(true);
      expect(r.departures).toBe(0);
      expect(r.conform).toBe(r.transitions);
    }
  }, 60_000);
});
