/**
 * Model-based tests of one node (@xstate/graph): the shortest path to every
 * state and every edge of the node machine, replayed against one
 * implementation node beside a scripted peer; the transition coverage of
 * the machine's named transitions; broken variants caught.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';
import { checkNodeMachine, type NodeMachineReport } from '../../src/replay/single-node/node-paths.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

/** Every feature on, n2 with the higher priority: preemption, manual failover, IPsec, one session, withdraw. */
const PRIORITY_N2: MnhaParams = { ...DEFAULT_PARAMS, priority: { n1: 100, n2: 200 }, preemption: true, manualFailover: true, ipsec: true, sessions: 1 };
/** The same with n1 the higher priority and keep-and-probe: the node under test wins elections and keeps its route. */
const PRIORITY_N1: MnhaParams = { ...PRIORITY_N2, priority: { n1: 200, n2: 100 }, iclLossAtActive: 'keep-and-probe' };
/** Without the stale-notice protection: recovery claims at once. */
const NO_WAIT: MnhaParams = { ...DEFAULT_PARAMS, waitForAnswer: false };

const shortestDeparture = (r: NodeMachineReport) => [...r.departures].sort((a, b) => a.events.length - b.events.length)[0];

describe('node machine paths against the implementation', () => {
  const reports = [DEFAULT_PARAMS, PRIORITY_N2, PRIORITY_N1, NO_WAIT].map((p) => checkNodeMachine(p));

  it('every path is followed to its end', () => {
    for (const r of reports) {
      expect(r.departures).toEqual([]);
      expect(r.paths).toBe(r.states + r.edges);
      expect(r.followed).toBe(r.paths);
    }
  });

  it('covers every named transition of the node machine across the parameter sets', () => {
    const total = reports[0].coverage.total;
    const covered = new Set(reports.flatMap((r) => r.coverage.covered));
    const percent = (100 * covered.size) / total.length;
    console.log(`node machine transition coverage: ${covered.size}/${total.length} (${percent.toFixed(0)}%); `
      + reports.map((r, i) => `set ${i + 1}: ${r.coverage.covered.length}, ${r.states} states, ${r.edges} edges`).join('; '));
    expect(total.filter((t) => !covered.has(t))).toEqual([]);
  });
});

describe('broken variants, caught on the node under test', () => {
  it('ineligible-keeps-active-route: probe answered (active), then the SRG1 monitor fails: activeRoute[n1] at step 2', () => {
    const r = checkNodeMachine(DEFAULT_PARAMS, { nodeFactory: BROKEN_NODES['ineligible-keeps-active-route'].factory, maxReported: 10_000 });
    const d = shortestDeparture(r);
    expect(d.events.map((e) => e.type)).toEqual(['PROBE_REPLY', 'MON1_FAIL']);
    expect(d.step).toBe(2);
    expect(d.transition).toBe('ActiveOnMon1Fail');
    expect(d.diff).toEqual([
      { variable: 'activeRoute[n1]', expected: false, actual: true },
      { variable: 'adv[n1]', expected: 'low', actual: 'high' },
    ]);
  });

  it('higher-id-backs-off: n1 (id 1) must yield to n2 (id 2) in three events, two ways', () => {
    const r = checkNodeMachine(DEFAULT_PARAMS, { nodeFactory: BROKEN_NODES['higher-id-backs-off'].factory, maxReported: 10_000 });
    const shortest = r.departures.filter((d) => d.events.length === 3);
    const shown = (d: (typeof shortest)[number]) => d.events.map((e) => (e.type === 'STATE' ? `STATE ${String(e.srg1)}` : e.type)).join(', ');
    const paths = new Set(shortest.map(shown));
    // a split brain: n1 active by a probe, the ICL seen, the peer says active; n1 (lower id) must back off
    expect(paths).toContain('PROBE_REPLY, ICL_UP, STATE active');
    // both backup: n1 backup under an active peer, the peer says backup; only the higher id claims, so n1 stays backup
    expect(paths).toContain('ICL_UP, STATE active, STATE backup');
    for (const d of shortest) expect(d.diff[0]).toEqual({ variable: 'srg1[n1]', expected: 'backup', actual: 'active' });
  });

  it('ack-off-by-one: n1 recovers asking, its peer announces a change it made before reading the ask, n1 must keep waiting', () => {
    // boot, see the ICL, fail, recover (ask out), then a plain notification (not the answer): still asked in the model
    const r = checkNodeMachine(DEFAULT_PARAMS, { nodeFactory: BROKEN_NODES['ack-off-by-one'].factory, maxReported: 10_000 });
    const d = shortestDeparture(r);
    expect([...d.events.slice(0, 2).map((e) => e.type)].sort()).toEqual(['ICL_UP', 'MON1_FAIL']);
    expect(d.events.slice(2).map((e) => e.type)).toEqual(['MON1_RECOVER', 'STATE']);
    expect(d.events[3].flag).toBe('none');
    expect(d.diff).toContainEqual({ variable: 'awaiting[n1]', expected: 'asked', actual: 'idle' });
  });
});
