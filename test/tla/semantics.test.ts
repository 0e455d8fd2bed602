/**
 * The emitted actions mean what the model means. Each prepared action
 * (guards, LET, simultaneous primed updates: exactly what the TLA+ text
 * shows) is evaluated with the DSL's evaluator and compared, in every
 * reachable state and for every parameter tuple, with the reference
 * semantics of the flat model (`src/model/interpret.ts`, sequential
 * bodies). This is what makes composition, simplification under the guard
 * and let inlining safe.
 */
import { describe, expect, it } from 'vitest';

import { twoPhaseSystem } from '../../models/examples/two-phase.js';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { valueEquals } from '../../src/dsl/index.js';
import { type FlatModel, type State, applyAction, interpretedModel, isEnabled, lowerSystem, paramTuples, stateKey } from '../../src/model/index.js';
import { prepareModule } from '../../src/tla/prepare-module.js';
import { stepPrepared } from './prepared-eval.js';

function sameState(fm: FlatModel, a: State, b: State): boolean {
  return fm.vars.every((v) => valueEquals(a[v.name], b[v.name]));
}

/** Compares every action in every state of `states`; returns the number of steps compared. */
function compareIn(fm: FlatModel, states: Iterable<State>): number {
  const prepared = prepareModule(fm, []);
  if (!prepared.ok) throw new Error(prepared.error.message);
  let compared = 0;
  for (const s of states) {
    fm.actions.forEach((a, i) => {
      const pa = prepared.value.actions[i];
      for (const params of paramTuples(a.params)) {
        const values = a.params.map(([p]) => params[p]);
        const want = isEnabled(fm, a, s, params) ? applyAction(fm, a, s, params) : undefined;
        const got = stepPrepared(fm, pa, s, values);
        if ((want === undefined) !== (got === undefined) || (want && got && !sameState(fm, want, got))) {
          throw new Error(`${a.name}(${values.join(', ')}) differs in state ${JSON.stringify(s)}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
        }
        compared++;
      }
    });
  }
  return compared;
}

/** Every reachable state, breadth first, up to `limit`. */
function reachable(fm: FlatModel, limit: number): State[] {
  const m = interpretedModel(fm);
  const seen = new Map<string, State>();
  const queue = m.initStates();
  for (const s of queue) seen.set(stateKey(fm.vars, s), s);
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    for (const label of m.actions(queue[i])) {
      const t = m.next(queue[i], label);
      const k = stateKey(fm.vars, t);
      if (!seen.has(k)) {
        seen.set(k, t);
        queue.push(t);
      }
    }
  }
  return [...seen.values()];
}

/** States along random walks (a fixed seed, so failures reproduce). */
function walks(fm: FlatModel, count: number, length: number, seed = 7): State[] {
  const m = interpretedModel(fm);
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const out: State[] = [];
  for (let w = 0; w < count; w++) {
    let s = m.initStates()[0];
    for (let k = 0; k < length; k++) {
      out.push(s);
      const acts = m.actions(s);
      if (acts.length === 0) break;
      s = m.next(s, acts[rand(acts.length)]);
    }
  }
  return out;
}

describe('emitted actions against the reference semantics', () => {
  it('TwoPhase: every action in every reachable state', () => {
    const fm = lowerSystem(twoPhaseSystem(3));
    const states = reachable(fm, 10_000);
    expect(states.length).toBe(288);
    expect(compareIn(fm, states)).toBeGreaterThan(288);
  });

  for (const name of ['default', 'priority-preemption', 'ipsec', 'keep-and-probe']) {
    it(`MNHA ${name}: every action in every reachable state`, () => {
      const sc = findScenario(name)!;
      const fm = lowerSystem(sc.build().system);
      const states = reachable(fm, 20_000);
      expect(compareIn(fm, states)).toBeGreaterThan(states.length);
    }, 120_000);
  }

  for (const name of ['sessions', 'async-routes', 'router-fault']) {
    it(`MNHA ${name}: every action along random walks`, () => {
      const sc = findScenario(name)!;
      const fm = lowerSystem(sc.build().system);
      expect(compareIn(fm, walks(fm, 60, 60))).toBeGreaterThan(1000);
    }, 120_000);
  }
});
