/**
 * Liveness with known lassos, worked out by hand on the lamp model.
 */
import { describe, expect, it } from 'vitest';
import { fuseBlows, lampSystem } from '../../models/examples/lamp.js';
import { checkScenario } from '../../src/explore/check-scenario.js';
import type { Scenario, SystemDecl } from '../../src/model/index.js';

function scenario(system: SystemDecl): Scenario {
  return {
    name: 'lamp', title: 'lamp', description: '', params: {}, checkDeadlock: false,
    expect: { FuseBlows: 'violated' },
    build: () => ({ system, properties: [fuseBlows()] }),
  };
}

const picks = (t: { states: readonly Record<string, unknown>[] }) => t.states.map((s) => [s['mbt::actionTaken'] ?? 'init', s.lamp]);

describe('liveness', () => {
  it('finds the lasso that switches the lamp off and on forever while the fuse never blows', async () => {
    const { report, traces } = await checkScenario(scenario(lampSystem({ cycle: true })));
    expect(report.properties[0]).toMatchObject({ name: 'FuseBlows', verdict: 'violated' });
    const t = traces.get('FuseBlows')!;
    // By hand: stem = the initial state (off); loop: Switch to on, then Switch back to off.
    // Two transitions take the Switch step, so actions are named after them.
    expect(picks(t)).toEqual([['init', 'off'], ['OffOnSwitch', 'on']]);
    expect(t.loop).toBe(0);
    expect(t['#meta']?.loopAction?.['mbt::actionTaken']).toBe('OnOnSwitch');
  });

  it('holds when blowing the fuse is weakly fair (it is enabled in every state of the loop)', async () => {
    const { report } = await checkScenario(scenario(lampSystem({ cycle: true, blowFairness: 'weak' })));
    expect(report.properties[0].verdict).toBe('holds');
  });

  it('finds a stuttering end: after two switch-ons only the unfair Blow is enabled', async () => {
    const { report, traces } = await checkScenario(scenario(lampSystem({ maxSwitchOns: 2 })));
    expect(report.properties[0].verdict).toBe('violated');
    const t = traces.get('FuseBlows')!;
    // By hand: off -> on -> off -> on -> off (count 2); there it stutters.
    expect(picks(t)).toEqual([['init', 'off'], ['OffOnSwitch', 'on'], ['OnOnSwitch', 'off'], ['OffOnSwitch', 'on'], ['OnOnSwitch', 'off']]);
    expect(t.loop).toBe(4);
    expect(t['#meta']?.loopAction).toBeUndefined();
  });
});
