/** The sweep's axes and combinations: choices, the cross product, and every bad input. */
import { describe, expect, it } from 'vitest';
import { AXES, DEFAULT_AXES, chooseAxis, combinations, type ChosenAxis } from '../../src/sweep/axes.js';

const choose = (s: string) => chooseAxis(s) as ChosenAxis;

describe('sweep axes', () => {
  it('the default axes give 2 x 2 x 3 x 2 x 2 x 2 = 96 combinations, at least the 32 asked for', () => {
    expect(combinations(DEFAULT_AXES.map(choose))).toHaveLength(96);
  });

  it('a combination sets the parameters its values name, the first axis varying slowest', () => {
    const combos = combinations([choose('iclLoss'), choose('priorities=unset,equal')]);
    expect(combos.map((c) => c.id)).toEqual([
      'iclLoss=withdraw priorities=unset', 'iclLoss=withdraw priorities=equal',
      'iclLoss=keep-and-probe priorities=unset', 'iclLoss=keep-and-probe priorities=equal',
    ]);
    expect(combos[3]?.params).toMatchObject({ iclLossAtActive: 'keep-and-probe', priority: { n1: 150, n2: 150 } });
    const faulty = combinations([choose('router=faulty')])[0];
    expect(faulty?.params.faults).toContain('router');
  });

  it('bad choices say what is wrong and what is allowed', () => {
    expect(chooseAxis('colour')).toMatch(/^unknown axis 'colour' \(one of: iclLoss, /);
    expect(chooseAxis('router=broken')).toMatch(/^axis router: unknown value 'broken' \(one of: behaving, faulty\)$/);
    expect(chooseAxis('router=')).toMatch(/^axis router: no value given/);
    expect(chooseAxis('router=faulty,')).toMatch(/no value given/);
  });

  it('every axis value names a distinct option', () => {
    for (const a of AXES) expect(new Set(a.values.map((v) => v.name)).size).toBe(a.values.length);
  });
});
