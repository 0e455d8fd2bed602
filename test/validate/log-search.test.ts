/**
 * The search behind validation, on the lamp model (models/examples/lamp.ts:
 * off -> on at most twice, counted in `count`; BLOW from off or on to
 * blown, which has no step out). Every expected verdict is worked out by
 * hand from that description.
 */
import { describe, expect, it } from 'vitest';
import { lampSystem } from '../../models/examples/lamp.js';
import { compileModel } from '../../src/explore/compile.js';
import { lowerSystem } from '../../src/model/index.js';
import { LogSearch } from '../../src/validate/log-search.js';
import { ObservationError, observedState } from '../../src/validate/observed-state.js';

const cm = compileModel(lowerSystem(lampSystem()));

/** Follows the states in order; returns the 1-based index of the first one not explained, or 0. */
function firstUnexplained(states: readonly Record<string, unknown>[]): number {
  const search = new LogSearch(cm);
  for (let i = 0; i < states.length; i++) if (!search.follow(i + 1, observedState(cm.layout, states[i]))) return i + 1;
  return 0;
}

describe('LogSearch on the lamp', () => {
  it('explains a behaviour observed whole, step by step', () => {
    expect(firstUnexplained([
      { lamp: 'off', count: 0 }, { lamp: 'on', count: 1 }, { lamp: 'off', count: 1 }, { lamp: 'on', count: 2 }, { lamp: 'off', count: 2 }, { lamp: 'blown', count: 2 },
    ])).toBe(0);
  });

  it('stops at a state no step reaches: the count cannot jump from 0 to 2', () => {
    expect(firstUnexplained([{ lamp: 'off', count: 0 }, { lamp: 'on', count: 2 }])).toBe(2);
  });

  it('stops at a first line that is not an initial state', () => {
    expect(firstUnexplained([{ lamp: 'on', count: 1 }])).toBe(1);
  });

  it('with count hidden, the third switch-on is the first line not explained', () => {
    expect(firstUnexplained([{ lamp: 'off' }, { lamp: 'on' }, { lamp: 'off' }, { lamp: 'on' }, { lamp: 'off' }, { lamp: 'on' }])).toBe(6);
  });

  it('steps between lines must keep the earlier line: 0 then 2 needs the state with count 1 between', () => {
    expect(firstUnexplained([{ count: 0 }, { count: 2 }])).toBe(2);
    expect(firstUnexplained([{ count: 0 }, { count: 1 }, { count: 2 }])).toBe(0);
  });

  it('a line repeating the one before is the same observation', () => {
    expect(firstUnexplained([{ lamp: 'off', count: 0 }, { lamp: 'off', count: 0 }, { lamp: 'on', count: 1 }, { lamp: 'on', count: 1 }])).toBe(0);
  });

  it('a line that observes the same state differently needs no step (observing less is not a change)', () => {
    // after (off, 0), "off" alone is the same state; "count 0" again too; no step of the lamp keeps off and count 0
    expect(firstUnexplained([{ lamp: 'off', count: 0 }, { lamp: 'off' }, { count: 0 }, { lamp: 'on', count: 1 }])).toBe(0);
  });

  it('a line matching too many states is refused rather than filling memory', () => {
    const search = new LogSearch(cm, { maxLevel: 2 });
    expect(search.follow(1, observedState(cm.layout, { lamp: 'off', count: 0 }))).toBe(true);
    // from (off, 0): blown (blown, 0) then... count observed only: (off,0) itself, (blown,0): within the cap
    expect(() => {
      search.follow(2, observedState(cm.layout, { lamp: 'blown' }));
      search.follow(3, observedState(cm.layout, { count: 0 }));
    }).not.toThrow();
    const loose = new LogSearch(cm, { maxLevel: 2 });
    loose.follow(1, observedState(cm.layout, { lamp: 'off', count: 0 }));
    // "count is 1": (on,1), (off,1), (blown,1) are all reached by keeping count 1: three states
    expect(() => loose.follow(2, observedState(cm.layout, { count: 1 }))).toThrow(/more than 2 model states match it/);
  });

  it('nothing follows blown', () => {
    expect(firstUnexplained([{ lamp: 'off' }, { lamp: 'blown' }, { lamp: 'off' }])).toBe(3);
  });

  it('the nearest states name the variables that differ', () => {
    const search = new LogSearch(cm);
    expect(search.follow(1, observedState(cm.layout, { lamp: 'off', count: 0 }))).toBe(true);
    const bad = observedState(cm.layout, { lamp: 'on', count: 2 });
    expect(search.follow(2, bad)).toBe(false);
    const [nearest] = search.closest(bad);
    // from (off, 0) the switch gives (on, 1): one variable off
    expect(nearest?.action?.name).toBe('OffOnSwitch');
    expect(nearest?.diff).toEqual([{ variable: 'count', log: 2, model: 1 }]);
  });

  it('the explanation is a shortest path through the lines', () => {
    const search = new LogSearch(cm);
    for (const [i, s] of [{ lamp: 'off' }, { lamp: 'on' }, { lamp: 'off' }, { lamp: 'on' }].entries()) search.follow(i + 1, observedState(cm.layout, s));
    const path = search.explanation();
    expect(path.states.map((s) => s.via < 0 ? 'init' : cm.transitions[s.via]?.label.name)).toEqual(['init', 'OffOnSwitch', 'OnOnSwitch', 'OffOnSwitch']);
    expect(path.states.map((s) => s.line)).toEqual([1, 2, 3, 4]);
  });

  it('keeps only the last levels asked for, and explains over them', () => {
    const search = new LogSearch(cm, { window: 2 });
    for (const [i, s] of [{ lamp: 'off' }, { lamp: 'on' }, { lamp: 'off' }, { lamp: 'on' }, { lamp: 'off' }].entries()) expect(search.follow(i + 1, observedState(cm.layout, s))).toBe(true);
    const path = search.explanation();
    expect(path.states.at(-1)?.line).toBe(5);
    expect(path.states.length).toBeLessThanOrEqual(3);
  });

  it('refuses what is not the model: unknown variables, values outside the domain', () => {
    expect(() => observedState(cm.layout, { lamps: 'off' })).toThrow(ObservationError);
    expect(() => observedState(cm.layout, { count: 3 })).toThrow(/count = 3 is not in its domain/);
    expect(() => observedState(cm.layout, { lamp: 'dim' })).toThrow(/lamp = "dim" is not in its domain/);
    expect(() => observedState(cm.layout, { count: true })).toThrow(/not in its domain/);
    expect(() => observedState(cm.layout, [])).toThrow(/must be an object/);
    expect(() => observedState(cm.layout, {})).toThrow(/observes no variable/);
  });
});
