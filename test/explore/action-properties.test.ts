/**
 * Action properties ([][A]_vars): checked on every step that changes the
 * state, the shortest counterexample ending in the offending step. Hand
 * counts on the lamp: its eight states have nine steps that change
 * something (five switches, four blows; off with count 2 cannot switch on).
 */
import { describe, expect, it } from 'vitest';
import { lampSystem } from '../../models/examples/lamp.js';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import * as x from '../../src/dsl/index.js';
import { checkScenario } from '../../src/explore/check-scenario.js';
import type { Property, Scenario } from '../../src/model/index.js';
import { emitMainModule } from '../../src/tla/emit-main.js';
import { lowerSystem } from '../../src/model/index.js';

const lampT = x.enumT(['off', 'on', 'blown']);
const lamp = x.variable('lamp', lampT);
const count = x.variable('count', x.intT(0, 2));

function lampScenario(properties: Property[], expect: Record<string, 'holds' | 'violated'>): Scenario {
  return { name: 'lamp', title: 'lamp', description: '', params: {}, checkDeadlock: false, expect, build: () => ({ system: lampSystem(), properties }) };
}

const countNeverDecreases: Property = { kind: 'action', name: 'CountNeverDecreases', doc: 'the switch-on count never goes down', expr: x.ge(x.primed(count), count) };
const neverSwitchedOff: Property = {
  kind: 'action', name: 'NeverSwitchedOff', doc: 'a lamp that is on is never switched off',
  expr: x.implies(x.eq(lamp, x.str('on', lampT)), x.neq(x.primed(lamp), x.str('off', lampT))),
};

describe('action properties', () => {
  it('one that every step keeps holds, tested on the nine steps that change the state', async () => {
    const { report } = await checkScenario(lampScenario([countNeverDecreases], { CountNeverDecreases: 'holds' }));
    expect(report.properties[0]).toMatchObject({ name: 'CountNeverDecreases', kind: 'action', verdict: 'holds', exercised: 9, vacuous: false });
  });

  it('one that a step breaks is violated; the trace is the shortest path ending in that step', async () => {
    const { report, traces } = await checkScenario(lampScenario([neverSwitchedOff], { NeverSwitchedOff: 'violated' }));
    // premise lamp = "on": the four steps out of (on,1) and (on,2)
    expect(report.properties[0]).toMatchObject({ verdict: 'violated', exercised: 4 });
    const t = traces.get('NeverSwitchedOff')!;
    expect(t.states.map((s) => [s['mbt::actionTaken'] ?? 'init', s.lamp])).toEqual([['init', 'off'], ['OffOnSwitch', 'on'], ['OnOnSwitch', 'off']]);
    expect(t['#meta']).toMatchObject({ property: 'NeverSwitchedOff', kind: 'action', violationStep: 2 });
  });

  it('is written in TLA+ as [][A]_vars with primed variables', () => {
    const r = emitMainModule(lowerSystem(lampSystem()), [neverSwitchedOff]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toContain(`NeverSwitchedOff == [][lamp = "on" => lamp' /= "off"]_vars`);
  });

  it('primed() takes an unprimed state variable only', () => {
    expect(() => x.primed(x.primed(count))).toThrow(TypeError);
    expect(() => x.primed(x.num(1))).toThrow(TypeError);
  });
});

describe('RightNodeBacksOff (MNHA.md section 4)', () => {
  it('is an action property, tested in router-fault (split brains resolve there) and vacuous in default (none happens)', async () => {
    const rf = (await checkScenario(findScenario('router-fault') as Scenario)).report.properties.find((p) => p.name === 'RightNodeBacksOff');
    expect(rf).toMatchObject({ kind: 'action', verdict: 'holds', vacuous: false });
    expect(rf?.exercised).toBeGreaterThan(0);
    const def = (await checkScenario(findScenario('default') as Scenario)).report.properties.find((p) => p.name === 'RightNodeBacksOff');
    expect(def).toMatchObject({ kind: 'action', verdict: 'holds', exercised: 0, vacuous: true });
  }, 60_000);
});
