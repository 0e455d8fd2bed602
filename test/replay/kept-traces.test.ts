/**
 * The traces the project keeps, replayed against the implementation. The
 * expected steps come from reading the traces (see traces/manifest.json).
 */
import { describe, expect, it } from 'vitest';
import { readTraceForReplay, replayManifest, replayTrace, type ReplayResult } from '../../src/replay/index.js';
import type { ItfTrace } from '../../src/trace/index.js';
import { REGRESSION_TRACES } from './fixtures/regression-traces.js';

async function trace(path: string): Promise<ItfTrace> {
  const read = await readTraceForReplay(path);
  if ('outcome' in read) throw new Error(read.message);
  return read;
}

const steps = (r: ReplayResult) => (r.outcome === 'error' ? [] : r.log.map((s) => `${s.action} -> ${s.stimulus}: ${s.outcome}`));

describe('the documented split brain (router-fault, NoSplitBrain)', () => {
  it('is reproduced: the implementation follows all 3 steps, both probes answered', async () => {
    const result = replayTrace(await trace('traces/router-fault/NoSplitBrain.itf.json'));
    expect(result.outcome).toBe('follows');
    expect(steps(result)).toEqual([
      'RouterMisbehaves -> setRouterMisbehaving on: misbehaving',
      'HoldOnProbeReply(n=n1) -> probe n1: answered',
      'HoldOnProbeReply(n=n2) -> probe n2: answered',
    ]);
  });
});

describe('the async-routes finding (split brain with a behaving router)', () => {
  it('is reproduced: crash, withdrawal converges, reboot, n2 answered, n1 low converges, n1 answered on the stale tie', async () => {
    const result = replayTrace(await trace('traces/async-routes/NoSplitBrain.itf.json'));
    expect(result.outcome).toBe('follows');
    expect(steps(result)).toEqual([
      'Crash(n=n1) -> crash n1: crashed',
      'RouteUpdate(n=n1) -> convergeRoutes n1: converged',
      'Reboot(n=n1) -> reboot n1: rebooted',
      'HoldOnProbeReply(n=n2) -> probe n2: answered',
      'RouteUpdate(n=n1) -> convergeRoutes n1: converged',
      'HoldOnProbeReply(n=n1) -> probe n1: answered',
    ]);
  });
});

describe('the stale-notices finding (split brain from a stale "ineligible", the router behaving)', () => {
  it('is reproduced by the implementation without the protection: all 8 steps, n2 takes over on the stale notice', async () => {
    const result = replayTrace(await trace('traces/stale-notices/NoSplitBrain.itf.json'));
    expect(result.outcome).toBe('follows');
    expect(steps(result)).toEqual([
      'HoldOnMon1Fail(n=n1) -> failMonitor n1 srg1: changed',
      'IclRestore -> restoreIcl: restored',
      'HoldOnIclUp(n=n2) -> detectIclUp n2: detected',
      'IneligibleOnIclUp(n=n1) -> detectIclUp n1: detected',
      'IneligibleOnMon1RecoverOtherwise(n=n1) -> recoverMonitor n1 srg1: changed',
      'HoldOnStateOtherwise(n=n1) -> deliver next message to n1: state: accepted',
      'HoldOnProbeReply(n=n1) -> probe n1: answered',
      'HoldOnStateIfHoldClaims(n=n2) -> deliver next message to n2: state: accepted',
    ]);
  });
});

describe('the manifest', () => {
  it('every kept trace does what its entry says', async () => {
    const report = await replayManifest('traces/manifest.json');
    if ('outcome' in report) throw new Error(report.message);
    expect(report.checks.map((c) => [c.entry.trace, c.entry.expect, c.ok, c.verdict])).toEqual([
      ['router-fault/NoSplitBrain.itf.json', 'reproduces', true, 'reproduces the violation, as expected'],
      ['async-routes/NoSplitBrain.itf.json', 'reproduces', true, 'reproduces the violation, as expected'],
      ['async-routes/SplitBrainOnlyWithRouterFault.itf.json', 'reproduces', true, 'reproduces the violation, as expected'],
      ['stale-notices/NoSplitBrain.itf.json', 'reproduces', true, 'reproduces the violation, as expected'],
      ['stale-notices/SplitBrainOnlyWithRouterFault.itf.json', 'reproduces', true, 'reproduces the violation, as expected'],
      ['regressions/higher-id-backs-off.itf.json', 'departs', true, 'departs at step 7, as expected'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('the kept regression traces are what recording them gives now', async () => {
    for (const kept of REGRESSION_TRACES) expect(await trace(kept.path)).toEqual(JSON.parse(JSON.stringify(kept.record())));
  });

  it('the higher-id-backs-off regression: the implementation backs n1 off at step 7 where the broken one kept it active', async () => {
    const result = replayTrace(await trace('traces/regressions/higher-id-backs-off.itf.json'));
    expect(result).toMatchObject({
      outcome: 'departs',
      step: 7,
      action: 'ActiveOnStateIfLosesSplitBrain(n=n1)',
      diff: [
        { variable: 'srg1[n1]', expected: 'active', actual: 'backup' },
        { variable: 'activeRoute[n1]', expected: true, actual: false },
        { variable: 'backupRoute[n1]', expected: false, actual: true },
        { variable: 'adv[n1]', expected: 'high', actual: 'medium' },
        // the correct n1 announces its backing off; the broken one, staying active, sent nothing
        { variable: 'msgs[n2]' },
      ],
    });
  });
});
