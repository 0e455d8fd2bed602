/**
 * Whole-graph conformance (src/replay/conformance.ts): every transition of
 * every scenario's model replayed against the implementation from its
 * source state, and not one departs. The counts are checked against the
 * explorer's own (every generated successor is one transition), and a
 * broken variant departs at the path a hand reading gives.
 *
 * The two graphs of more than 100,000 states (async-routes, sessions) take
 * over a minute together; here they are replayed up to 40,000 states, the
 * whole graphs by `ha-verify conformance` (measured: 0 departures on every
 * transition of every scenario, recorded in the README).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, findScenario } from '../../models/mnha/scenarios/index.js';
import { checkScenario } from '../../src/explore/check-scenario.js';
import { checkConformance } from '../../src/replay/conformance.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

/** Above this many distinct states (specs/manifest.json) a graph is replayed only up to BOUNDED_STATES here. */
const WHOLE_GRAPH_LIMIT = 100_000;
const BOUNDED_STATES = 40_000;
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../specs/manifest.json', import.meta.url)), 'utf8')) as {
  scenarios: { name: string; distinctStates: number }[];
};
const statesOf = (name: string): number => manifest.scenarios.find((s) => s.name === name)?.distinctStates ?? Infinity;

describe('whole-graph conformance: the implementation agrees with the model on every transition', () => {
  for (const sc of SCENARIOS.filter((s) => statesOf(s.name) <= WHOLE_GRAPH_LIMIT)) {
    it(sc.name, async () => {
      const r = await checkConformance(sc);
      const { report } = await checkScenario(sc);
      console.log(`${sc.name}: ${r.states} states, ${r.transitions} transitions, ${r.conform} conform, ${r.departures} depart, ${Math.round(r.durationMs)} ms`);
      expect(r.examples).toEqual([]);
      expect(r.departures).toBe(0);
      expect(r.complete).toBe(true);
      expect(r.states).toBe(report.distinctStates);
      // every successor the explorer generates, but the initial state, is a transition replayed
      expect(r.transitions).toBe(report.generatedStates - 1);
      expect(r.conform).toBe(r.transitions);
    }, 180_000);
  }

  for (const sc of SCENARIOS.filter((s) => statesOf(s.name) > WHOLE_GRAPH_LIMIT)) {
    it(`${sc.name}: the first ${BOUNDED_STATES} states`, async () => {
      const r = await checkConformance(sc, { maxStates: BOUNDED_STATES });
      expect(r.examples).toEqual([]);
      expect(r.departures).toBe(0);
      expect(r.complete).toBe(false);
      expect(r.transitions).toBeGreaterThan(BOUNDED_STATES);
      expect(r.conform).toBe(r.transitions);
    }, 180_000);
  }
});

describe('whole-graph conformance catches a broken variant at its shortest path', () => {
  it('ineligible-keeps-active-route: HoldOnProbeReply(n1) then ActiveOnMon1Fail(n1), activeRoute[n1] and adv[n1]', async () => {
    // n1 is answered at boot (ICL down, the tie goes to n1), then its SRG1 monitor fails: it must withdraw its route
    const r = await checkConformance(findScenario('default')!, { nodeFactory: { n1: BROKEN_NODES['ineligible-keeps-active-route'].factory }, maxStates: 40 });
    expect(r.examples[0]).toEqual({
      path: [{ name: 'HoldOnProbeReply', params: { n: 'n1' } }, { name: 'ActiveOnMon1Fail', params: { n: 'n1' } }],
      diff: [{ variable: 'activeRoute[n1]', expected: false, actual: true }, { variable: 'adv[n1]', expected: 'low', actual: 'high' }],
    });
    expect(r.complete).toBe(false);
  });

  it('stopAtFirstDeparture stops at one, the counts being partial', async () => {
    const r = await checkConformance(findScenario('default')!, { nodeFactory: BROKEN_NODES['backup-advertises-high'].factory, stopAtFirstDeparture: true });
    expect(r.departures).toBe(1);
    expect(r.complete).toBe(false);
    expect(r.examples[0].diff.map((d) => d.variable)).toContain('adv[n2]');
  });
});
