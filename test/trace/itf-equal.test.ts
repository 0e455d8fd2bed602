import { describe, expect, it } from 'vitest';

import { itfCanonicalKey, itfEqual } from '../../src/trace/index.js';

describe('itfEqual', () => {
  it('compares integers by value', () => {
    expect(itfEqual(3, { '#bigint': '3' })).toBe(true);
    expect(itfEqual({ '#bigint': '-0' }, { '#bigint': '0' })).toBe(true);
    expect(itfEqual(3, { '#bigint': '4' })).toBe(false);
    expect(itfEqual(1, '1')).toBe(false);
    expect(itfEqual(true, 'TRUE')).toBe(false);
  });

  it('ignores set and map order and set duplicates', () => {
    expect(itfEqual({ '#set': ['a', 'b'] }, { '#set': ['b', 'a', 'a'] })).toBe(true);
    expect(itfEqual({ '#set': ['a'] }, { '#set': ['a', 'b'] })).toBe(false);
    expect(itfEqual({ '#map': [['a', 1], ['b', 2]] }, { '#map': [['b', 2], ['a', 1]] })).toBe(true);
    expect(itfEqual({ '#map': [['a', 1]] }, { '#map': [['a', 2]] })).toBe(false);
  });

  it('treats records, maps, sequences and tuples as TLA+ functions', () => {
    expect(itfEqual({ n1: 0, n2: 0 }, { '#map': [['n2', 0], ['n1', { '#bigint': '0' }]] })).toBe(true);
    expect(itfEqual(['x', 'y'], { '#tup': ['x', 'y'] })).toBe(true);
    expect(itfEqual(['x', 'y'], { '#map': [[1, 'x'], [2, 'y']] })).toBe(true);
    expect(itfEqual([], {})).toBe(true);
    expect(itfEqual(['x'], ['y'])).toBe(false);
    expect(itfEqual({ a: 1 }, { b: 1 })).toBe(false);
  });

  it('distinguishes strings that look like other things', () => {
    expect(itfEqual({ '#set': ['a,b'] }, { '#set': ['a', 'b'] })).toBe(false);
    expect(itfCanonicalKey({ '#unserializable': 'Nat' })).not.toBe(itfCanonicalKey('Nat'));
  });
});
