/** Whole-graph conformance of the ipsec scenario (IKE from the active node, SAs synchronised). */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { checkConformance } from '../../src/replay/conformance.js';

describe('whole-graph conformance, ipsec', () => {
  it('every transition conforms or departs with a known difference', () => {
    const r = checkConformance(findScenario('ipsec')!);
    console.log(`ipsec: ${r.states} states, ${r.transitions} transitions, ${r.conforming} conform, known ${JSON.stringify(r.known)}`);
    expect(r.complete).toBe(true);
    expect(r.unexplained).toEqual([]);
    expect(Object.keys(r.known).sort()).toEqual(['icl-fifo-order', 'sa-sync-without-icl-view']);
  });
});
