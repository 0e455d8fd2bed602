/**
 * Models that differ only in their constants share generated code when the
 * constants are read at run time (what a sweep relies on so that V8
 * optimises each function once), and do not when they are inlined.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../models/mnha/params.js';
import { mnhaScenario } from '../../models/mnha/scenario-kit.js';
import { compileModel } from '../../src/explore/compile.js';
import type { FlatModel } from '../../src/model/index.js';
import { lowerSystem } from '../../src/model/index.js';

function modelWith(tieBreak: 'n1' | 'n2', iclLossAtActive: 'withdraw' | 'keep-and-probe'): FlatModel {
  const sc = mnhaScenario({ name: 'x', title: 'x', description: 'x', params: { ...DEFAULT_PARAMS, tieBreak, iclLossAtActive } });
  return lowerSystem(sc.build().system);
}

describe('generated code shared across constants', () => {
  const a = modelWith('n1', 'withdraw');
  const b = modelWith('n2', 'keep-and-probe');

  it('run-time constants: every guard and update is the same function in both models', () => {
    const ca = compileModel(a, { constants: 'runtime' });
    const cb = compileModel(b, { constants: 'runtime' });
    expect(cb.transitions.length).toBe(ca.transitions.length);
    expect(ca.transitions.every((t, i) => t.g === cb.transitions[i]!.g && t.a === cb.transitions[i]!.a)).toBe(true);
    // ... while each model reads its own values
    expect(ca.h).not.toBe(cb.h);
  });

  it('inlined constants: the tie-break and the ICL-loss reading make some functions differ', () => {
    const ca = compileModel(a);
    const cb = compileModel(b);
    expect(ca.transitions.some((t, i) => t.g !== cb.transitions[i]!.g || t.a !== cb.transitions[i]!.a)).toBe(true);
  });
});
