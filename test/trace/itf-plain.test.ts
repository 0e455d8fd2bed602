import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  ItfTuple,
  type ItfValue,
  type PlainTrace,
  type PlainValue,
  fromItfTrace,
  itfToPlain,
  plainToItf,
  toItfTrace,
  validateItfTrace,
  validateItfValue,
} from '../../src/trace/index.js';

const fieldName = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.startsWith('#'));
const bigOutsideSafe = fc.oneof(
  fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: 10n ** 30n }),
  fc.bigInt({ min: -(10n ** 30n), max: BigInt(Number.MIN_SAFE_INTEGER) - 1n }),
);

const { plain } = fc.letrec<{ plain: PlainValue }>((tie) => ({
  plain: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.string({ maxLength: 5 }),
    fc.maxSafeInteger(),
    bigOutsideSafe,
    fc.array(tie('plain'), { maxLength: 3 }),
    fc.array(tie('plain'), { maxLength: 3 }).map((xs) => new Set(xs)),
    fc.array(fc.tuple(tie('plain'), tie('plain')), { maxLength: 3 }).map((kv) => new Map(kv)),
    fc.array(tie('plain'), { maxLength: 3 }).map((xs) => new ItfTuple(xs)),
    fc.string({ maxLength: 5 }).map((t) => ({ '#unserializable': t })),
    fc.dictionary(fieldName, tie('plain'), { maxKeys: 3, noNullPrototype: true }),
  ),
}));

describe('plain values', () => {
  it('converts each kind as documented', () => {
    expect(plainToItf(true)).toBe(true);
    expect(plainToItf('n1')).toBe('n1');
    expect(plainToItf(-3)).toEqual({ '#bigint': '-3' });
    expect(plainToItf(2n ** 70n)).toEqual({ '#bigint': '1180591620717411303424' });
    expect(plainToItf(['a', 1])).toEqual(['a', { '#bigint': '1' }]);
    expect(plainToItf(new Set(['n1']))).toEqual({ '#set': ['n1'] });
    expect(plainToItf(new Map([['n1', 0]]))).toEqual({ '#map': [['n1', { '#bigint': '0' }]] });
    expect(plainToItf(new ItfTuple([1, 'x']))).toEqual({ '#tup': [{ '#bigint': '1' }, 'x'] });
    expect(plainToItf({ type: 'activeNotify', from: 'n1' })).toEqual({ type: 'activeNotify', from: 'n1' });
    expect(plainToItf({ '#unserializable': 'Nat' })).toEqual({ '#unserializable': 'Nat' });

    expect(itfToPlain({ '#bigint': '7' })).toBe(7);
    expect(itfToPlain(7)).toBe(7);
    expect(itfToPlain({ '#bigint': '-9007199254740993' })).toBe(-9007199254740993n);
    expect(itfToPlain({ '#set': ['a'] })).toEqual(new Set(['a']));
    expect(itfToPlain({ '#map': [[{ '#tup': ['a', 1] }, true]] })).toStrictEqual(new Map([[new ItfTuple(['a', 1]), true]]));
  });

  it('refuses what has no ITF form', () => {
    expect(() => plainToItf(1.5)).toThrow(TypeError);
    expect(() => plainToItf(null as unknown as PlainValue)).toThrow(/null/);
    expect(() => plainToItf({ '#x': 1 } as unknown as PlainValue)).toThrow(/starts with '#'/);
  });

  it('round-trips plain -> ITF -> plain, and the ITF is valid', () => {
    fc.assert(
      fc.property(plain, (p) => {
        const itf = plainToItf(p);
        expect(validateItfValue(itf).ok).toBe(true);
        expect(itfToPlain(itf)).toStrictEqual(p);
      }),
    );
  });

  it('round-trips ITF -> plain -> ITF for the ITF it writes', () => {
    fc.assert(
      fc.property(plain, (p) => {
        const itf: ItfValue = plainToItf(p);
        expect(plainToItf(itfToPlain(itf))).toStrictEqual(itf);
      }),
    );
  });
});

describe('plain traces', () => {
  const plainTrace: PlainTrace = {
    vars: ['role', 'iclUp'],
    steps: [
      { values: { role: new Map([['n1', 'hold']]), iclUp: true } },
      { values: { role: new Map([['n1', 'active']]), iclUp: true }, action: 'ProbeSucceeds', picks: { n: 'n1' } },
      { values: { role: new Map([['n1', 'active']]), iclUp: false }, action: 'IclDown', picks: {} },
    ],
    loop: 1,
    loopAction: { action: 'IclUp', picks: {} },
    meta: { source: 'test' },
  };

  it('builds a valid ITF trace with steps and loop action', () => {
    const itf = toItfTrace(plainTrace);
    expect(validateItfTrace(itf).ok).toBe(true);
    expect(itf.states[1]).toEqual({
      '#meta': { index: 1 },
      'mbt::actionTaken': 'ProbeSucceeds',
      'mbt::nondetPicks': { n: 'n1' },
      role: { '#map': [['n1', 'active']] },
      iclUp: true,
    });
    expect(itf.states[0]).not.toHaveProperty('mbt::actionTaken');
    expect(itf.loop).toBe(1);
    expect(itf['#meta']?.loopAction).toEqual({ 'mbt::actionTaken': 'IclUp', 'mbt::nondetPicks': {} });
    expect(itf['#meta']?.format).toBe('ITF');
    expect(itf['#meta']?.source).toBe('test');
  });

  it('reads it back', () => {
    const back = fromItfTrace(toItfTrace(plainTrace));
    expect(back.vars).toEqual(plainTrace.vars);
    expect(back.steps).toStrictEqual(plainTrace.steps);
    expect(back.loop).toBe(1);
    expect(back.loopAction).toEqual(plainTrace.loopAction);
    expect(back.meta?.source).toBe('test');
    expect(toItfTrace(back)).toStrictEqual(toItfTrace(plainTrace));
  });

  it('refuses a later step without action or a missing variable', () => {
    expect(() => toItfTrace({ vars: ['x'], steps: [{ values: { x: 1 } }, { values: { x: 2 } }] })).toThrow(/step 1 has no action/);
    expect(() => toItfTrace({ vars: ['x', 'y'], steps: [{ values: { x: 1 } }] })).toThrow(/"y"/);
  });
});
