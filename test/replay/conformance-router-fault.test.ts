/** Whole-graph conformance of the router-fault scenario (the documented split brain and everything around it). */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { checkConformance } from '../../src/replay/conformance.js';

describe('whole-graph conformance, router-fault', () => {
  it('every transition conforms or departs with a known difference', () => {
    const r = checkConformance(findScenario('router-fault')!);
    console.log(`router-fault: ${r.states} states, ${r.transitions} transitions, ${r.conforming} conform, known ${JSON.stringify(r.known)}`);
    expect(r.complete).toBe(true);
    expect(r.unexplained).toEqual([]);
    expect(Object.keys(r.known)).toEqual(['recovery-ignores-known-peer']);
  });
});
