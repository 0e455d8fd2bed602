import { describe, expect, it } from 'vitest';

import { type TypeHint, applyTypeHint } from '../../src/tlc/type-hints.js';
import { I, M, S } from './fixtures.js';

const str: TypeHint = { kind: 'string' };
const int: TypeHint = { kind: 'int' };

describe('applyTypeHint', () => {
  it('turns arrays into sets and tuples, and tuples into sequences', () => {
    expect(applyTypeHint(['a', 'b'], { kind: 'set', of: str })).toEqual(S('a', 'b'));
    expect(applyTypeHint(S('a'), { kind: 'set', of: str })).toEqual(S('a'));
    expect(applyTypeHint(['a', 1], { kind: 'tuple', of: [str, int] })).toEqual({ '#tup': ['a', I(1)] });
    expect(applyTypeHint({ '#tup': ['a'] }, { kind: 'seq', of: str })).toEqual(['a']);
  });

  it('turns records and sequences into functions, and functions with string keys into records', () => {
    expect(applyTypeHint({ n1: 0 }, { kind: 'function', from: str, to: int })).toEqual(M(['n1', I(0)]));
    expect(applyTypeHint({ 1: 'x' }, { kind: 'function', from: int, to: str })).toEqual(M([I(1), 'x']));
    expect(applyTypeHint(['x', 'y'], { kind: 'function', from: int, to: str })).toEqual(M([I(1), 'x'], [I(2), 'y']));
    expect(applyTypeHint(M(['a', 1]), { kind: 'record', fields: { a: int } })).toEqual({ a: I(1) });
  });

  it('recurses into nested values', () => {
    const hint: TypeHint = { kind: 'function', from: str, to: { kind: 'seq', of: { kind: 'set', of: int } } };
    expect(applyTypeHint({ n1: [[1, 2]] }, hint)).toEqual(M(['n1', [S(I(1), I(2))]]));
  });

  it('leaves values the hint does not fit as they are', () => {
    expect(applyTypeHint('x', { kind: 'set', of: str })).toBe('x');
    expect(applyTypeHint(M([I(1), 'a']), { kind: 'record', fields: {} })).toEqual(M([I(1), 'a']));
    expect(applyTypeHint(true, { kind: 'any' })).toBe(true);
  });
});
