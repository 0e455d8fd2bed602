/**
 * The slow reference search over the model interface, on models whose state
 * counts are known from outside the code: TLC's published count for
 * TwoPhase with three resource managers, and a hand count.
 */
import { describe, expect, it } from 'vitest';
import { lampSystem } from '../../models/examples/lamp.js';
import { twoPhaseSystem } from '../../models/examples/two-phase.js';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { referenceBfs } from '../../src/explore/reference-bfs.js';
import { interpretedModel, lowerSystem, xstateModel } from '../../src/model/index.js';

describe('reference breadth-first search', () => {
  it('two-phase commit with 3 resource managers: 288 distinct states (TLC, TwoPhase.tla)', () => {
    const fm = lowerSystem(twoPhaseSystem(3));
    expect(referenceBfs(xstateModel(fm), fm.vars).distinctStates).toBe(288);
    expect(referenceBfs(interpretedModel(fm), fm.vars).distinctStates).toBe(288);
  });

  it('the lamp: hand count of 5 lit/unlit states plus 3 blown ones', () => {
    // Hand count. Lamp states (region, count): (off,0) (on,1) (off,1) (on,2) (off,2);
    // BLOW from each leads to (blown, count) for count 0, 1, 2: 3 more. Total 8,
    // in 5 breadth-first levels: {(off,0)} {(on,1),(blown,0)} {(off,1),(blown,1)} {(on,2)} {(off,2),(blown,2)}.
    const fm = lowerSystem(lampSystem());
    const r = referenceBfs(xstateModel(fm), fm.vars);
    expect(r.distinctStates).toBe(8);
    expect(r.depth).toBe(4); // longest shortest path: 4 steps
    expect(r.deadlocks).toBe(3); // every blown state
  });

  it('explores the MNHA default scenario completely through XState', () => {
    const fm = lowerSystem(findScenario('default')!.build().system);
    const r = referenceBfs(xstateModel(fm), fm.vars);
    console.log(`MNHA default scenario (reference search through XState's transition()): ${r.distinctStates} distinct states, depth ${r.depth}`);
    expect(r.distinctStates).toBeGreaterThan(1000);
    expect(r.deadlocks).toBe(0);
  }, 120_000);
});

describe('codes of values outside their domain', () => {
  it('refuse a sequence longer than its bound and an integer out of range (they would pack as other values)', async () => {
    const { codeOf } = await import('../../src/explore/codes.js');
    const { seqT, intT, boolT } = await import('../../src/dsl/index.js');
    expect(codeOf(seqT(boolT, 2), [true, false])).toBeGreaterThan(0);
    expect(() => codeOf(seqT(boolT, 2), [true, false, true])).toThrow(/longer than the bound 2/);
    expect(() => codeOf(intT(1, 3), 4)).toThrow(/not in 1..3/);
    expect(codeOf(intT(1, 3), 3)).toBe(3);
  });
});
