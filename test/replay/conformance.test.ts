/**
 * Whole-graph conformance (src/replay/conformance.ts): every transition of
 * the model's reachable graph, by its shortest path, replayed against the
 * implementation. Every one conforms, or departs with a known difference;
 * the broken fixtures depart with none.
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { checkConformance, type ConformanceReport } from '../../src/replay/conformance.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

function summary(r: ConformanceReport): string {
  return `${r.scenario}: ${r.states} states, ${r.transitions} transitions, ${r.conforming} conform, known ${JSON.stringify(r.known)}`;
}

describe('whole-graph conformance', () => {
  const cases: [string, string[]][] = [
    ['default', ['recovery-ignores-known-peer']],
    ['keep-and-probe', ['recovery-ignores-known-peer']],
    ['priority-preemption', ['handover-wait', 'preemption-moment', 'priority-against-backup-peer', 'recovery-ignores-known-peer']],
  ];
  for (const [name, known] of cases) {
    it(`${name}: every transition conforms or departs with a known difference`, () => {
      const r = checkConformance(findScenario(name)!);
      console.log(summary(r));
      expect(r.complete).toBe(true);
      expect(r.unexplained).toEqual([]);
      expect(Object.keys(r.known).sort()).toEqual(known);
    });
  }
});

describe('whole-graph conformance catches a broken fixture at its shortest path', () => {
  it('ineligible-keeps-active-route: HoldOnProbeReply(n1) then ActiveOnMon1Fail(n1), activeRoute[n1] at step 2', () => {
    const r = checkConformance(findScenario('default')!, { nodeFactory: { n1: BROKEN_NODES['ineligible-keeps-active-route'] }, maxStates: 40 });
    expect(r.unexplained[0]).toEqual({
      path: [{ name: 'HoldOnProbeReply', params: { n: 'n1' } }, { name: 'ActiveOnMon1Fail', params: { n: 'n1' } }],
      step: 2,
      diff: [{ variable: 'activeRoute[n1]', expected: false, actual: true }, { variable: 'adv[n1]', expected: 'low', actual: 'high' }],
    });
  });
});
