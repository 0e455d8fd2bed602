/**
 * The three semantics agree: for random reachable states and every enabled
 * action, the compiled successor equals the interpreted one and the one
 * XState's own transition() gives; on small scenarios the full explorations
 * find the same number of distinct states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoPhaseSystem } from '../../models/examples/two-phase.js';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { explore } from '../../src/explore/bfs.js';
import { type CompiledModel, compileModel } from '../../src/explore/compile.js';
import { decodeState, encodeState } from '../../src/explore/layout.js';
import { referenceBfs } from '../../src/explore/reference-bfs.js';
import { type FlatModel, type State, interpretedModel, lowerSystem, stateKey, xstateModel } from '../../src/model/index.js';

function models(name: string): FlatModel {
  return lowerSystem(findScenario(name)!.build().system);
}

/** Walks `choices.length` random steps from the initial state through the reference semantics. */
function walk(fm: FlatModel, choices: readonly number[]): State {
  const ref = xstateModel(fm);
  let s = fm.init;
  for (const c of choices) {
    const acts = ref.actions(s);
    if (acts.length === 0) break;
    s = ref.next(s, acts[c % acts.length]);
  }
  return s;
}

function agreeAt(fm: FlatModel, cm: CompiledModel, s: State): void {
  const ref = xstateModel(fm);
  const interp = interpretedModel(fm);
  const slots = new Float64Array(cm.layout.slots.length);
  encodeState(cm.layout, s, slots);
  const refActs = ref.actions(s).map((a) => `${a.name}${JSON.stringify(a.params)}`);
  expect(interp.actions(s).map((a) => `${a.name}${JSON.stringify(a.params)}`)).toEqual(refActs);
  const enabled = cm.transitions.filter((t) => t.guard(slots));
  expect(enabled.map((t) => `${t.label.name}${JSON.stringify(t.label.params)}`)).toEqual(refActs);
  for (const t of enabled) {
    const out = new Float64Array(slots);
    t.apply(slots, out);
    const compiled = stateKey(fm.vars, decodeState(cm.layout, out));
    expect(compiled).toBe(stateKey(fm.vars, ref.next(s, t.label)));
    expect(compiled).toBe(stateKey(fm.vars, interp.next(s, t.label)));
  }
}

describe('compiled successor = XState reference semantics', () => {
  for (const name of ['default', 'router-fault', 'async-routes', 'keep-and-probe', 'priority-preemption', 'sessions', 'ipsec']) {
    it(`random reachable states of ${name}`, () => {
      const fm = models(name);
      const cm = compileModel(fm);
      fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        agreeAt(fm, cm, walk(fm, choices));
      }), { numRuns: 40 });
    }, 120_000);
  }

  it('random reachable states of two-phase commit', () => {
    const fm = lowerSystem(twoPhaseSystem(3));
    const cm = compileModel(fm);
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 15 }), (choices) => agreeAt(fm, cm, walk(fm, choices))), { numRuns: 50 });
  });
});

// A sweep compiles constants as run-time reads (so that models differing only
// in constants share code): that code must give XState's successors too.
describe('compiled with run-time constants = XState reference semantics', () => {
  for (const name of ['router-fault', 'priority-preemption', 'keep-and-probe']) {
    it(`random reachable states of ${name}`, () => {
      const fm = models(name);
      const cm = compileModel(fm, { constants: 'runtime' });
      fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        agreeAt(fm, cm, walk(fm, choices));
      }), { numRuns: 40 });
    }, 120_000);
  }
  it('a full exploration of stale-notices finds TLC\'s 4,562 distinct states', async () => {
    // TLC's count for the scenario: README, "TLC parity" table
    const compiled = await explore(compileModel(models('stale-notices'), { constants: 'runtime' }));
    expect(compiled.complete).toBe(true);
    expect(compiled.distinct).toBe(4562);
  }, 120_000);
});

// A full exploration through XState's transition() costs about 1 ms a state;
// two scenarios with different features (default; ipsec with its SA and IKE
// steps) keep it to about 20 s. The other scenarios' counts agree with TLC's
// (test/tla/tlc-parity.test.ts) and their transitions with the
// implementation's (test/replay/conformance.test.ts).
describe('full explorations agree on the number of distinct states', () => {
  for (const name of ['default', 'ipsec']) {
    it(name, async () => {
      const fm = models(name);
      const compiled = await explore(compileModel(fm));
      const reference = referenceBfs(xstateModel(fm), fm.vars);
      expect(compiled.complete).toBe(true);
      expect(compiled.distinct).toBe(reference.distinctStates);
    }, 120_000);
  }
  it('two-phase commit: 288 in both', async () => {
    const fm = lowerSystem(twoPhaseSystem(3));
    expect((await explore(compileModel(fm))).distinct).toBe(288);
  });
});
