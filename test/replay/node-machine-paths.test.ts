/**
 * Model-based tests of one node (@xstate/graph): the shortest path to every
 * state and every edge of the node machine, replayed against one
 * implementation node beside a scripted peer; the transition coverage of
 * the machine's named transitions; the two broken fixtures caught.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';
import { checkNodeMachine, type NodeMachineReport } from '../../src/replay/single-node/node-paths.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

/** Every feature on, n2 with the higher priority: preemption, manual failover, IPsec, one session, withdraw. */
const PRIORITY_N2: MnhaParams = { ...DEFAULT_PARAMS, priority: { n1: 100, n2: 200 }, preemption: true, manualFailover: true, ipsec: true, sessions: 1 };
/** The same with n1 the higher priority and keep-and-probe: the node under test wins elections and keeps its route. */
const PRIORITY_N1: MnhaParams = { ...PRIORITY_N2, priority: { n1: 200, n2: 100 }, iclLossAtActive: 'keep-and-probe' };

const shortestDeparture = (r: NodeMachineReport) => [...r.unexplained].sort((a, b) => a.events.length - b.events.length)[0];

describe('node machine paths against the implementation', () => {
  const reports = [DEFAULT_PARAMS, PRIORITY_N2, PRIORITY_N1].map((p) => checkNodeMachine(p));

  it('every path is followed, or stops at a known difference', () => {
    for (const r of reports) {
      expect(r.unexplained).toEqual([]);
      expect(r.paths).toBe(r.states + r.edges);
      expect(r.followed + Object.values(r.known).reduce((a, b) => a + b, 0)).toBe(r.paths);
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

describe('the broken fixtures, caught on the node under test', () => {
  it('ineligible-keeps-active-route: probe answered (active), then the SRG1 monitor fails: activeRoute[n1] at step 2', () => {
    const r = checkNodeMachine(DEFAULT_PARAMS, { nodeFactory: BROKEN_NODES['ineligible-keeps-active-route'], maxReported: 10_000 });
    const d = shortestDeparture(r);
    expect(d.events.map((e) => e.type)).toEqual(['PROBE_REPLY', 'MON1_FAIL']);
    expect(d.step).toBe(2);
    expect(d.transition).toBe('ActiveOnMon1Fail');
    expect(d.diff).toEqual([
      { variable: 'activeRoute[n1]', expected: false, actual: true },
      { variable: 'adv[n1]', expected: 'low', actual: 'high' },
    ]);
  });

  it('higher-id-backs-off: active n1 (id 1) hears an active peer (id 2) and must back off: srg1[n1] at step 3', () => {
    const r = checkNodeMachine(DEFAULT_PARAMS, { nodeFactory: BROKEN_NODES['higher-id-backs-off'], maxReported: 10_000 });
    const d = shortestDeparture(r);
    expect(d.step).toBe(3);
    expect([...d.events.slice(0, 2).map((e) => e.type)].sort()).toEqual(['ICL_UP', 'PROBE_REPLY']);
    expect(d.events[2]).toEqual({ type: 'STATE', srg1: 'active' });
    expect(d.transition).toBe('ActiveOnStateIfLosesSplitBrain');
    expect(d.diff[0]).toEqual({ variable: 'srg1[n1]', expected: 'backup', actual: 'active' });
  });
});
