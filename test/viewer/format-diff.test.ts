import { describe, expect, it } from 'vitest';

import { ItfTuple, type PlainValue } from '../../src/trace/index.js';
import { diffValue, displayValue, valueKey } from '../../src/viewer/diff.js';
import { escapeControls, escapeHtml, jsonForScript } from '../../src/viewer/escape.js';
import { formatAction, formatString, formatValue } from '../../src/viewer/format.js';

const map = (entries: [PlainValue, PlainValue][]) => new Map<PlainValue, PlainValue>(entries);

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> ok`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; ok');
  });
});

describe('escapeControls', () => {
  it('makes terminal escapes, bidi overrides and zero-width characters visible', () => {
    expect(escapeControls('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(escapeControls('a\u202eb\u200bc\u2028d')).toBe('a\\u202eb\\u200bc\\u2028d');
    expect(escapeControls('plain é ü 中')).toBe('plain é ü 中');
  });
});

describe('jsonForScript', () => {
  it('cannot close a script element or open a comment, and parses back', () => {
    const value = { s: '</script><!-- & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(json).toBe('{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('formatValue', () => {
  it('writes words bare and quotes anything else', () => {
    expect(formatString('coldSync')).toBe('coldSync');
    expect(formatString('keep-and-probe')).toBe('keep-and-probe');
    expect(formatString('two words')).toBe('"two words"');
    expect(formatString('true')).toBe('"true"');
    expect(formatString('')).toBe('""');
    expect(formatString('12')).toBe('"12"');
    expect(formatString('<b>')).toBe('"<b>"');
    expect(formatString('\u001b[2J')).toBe('"\\u001b[2J"');
  });

  it('writes maps and records with braces, sequences with brackets, tuples with parentheses', () => {
    expect(formatValue(map([['n1', 'active'], ['n2', 'hold']]))).toBe('{n1: active, n2: hold}');
    expect(formatValue({ type: 'STATE', srg1: 'active', sid: 'none' })).toBe('{type: STATE, srg1: active, sid: none}');
    expect(formatValue([1, 2n ** 70n])).toBe('[1, 1180591620717411303424]');
    expect(formatValue(new Set(['a', 'b']))).toBe('{a, b}');
    expect(formatValue(new ItfTuple([true, 'x']))).toBe('(true, x)');
    expect(formatValue({ '#unserializable': 'Nat' })).toBe('<Nat>');
    expect(formatValue(map([]))).toBe('{}');
  });

  it('writes an action with its parameters', () => {
    expect(formatAction('HoldOnProbeReply', { n: 'n1' })).toBe('HoldOnProbeReply(n: n1)');
    expect(formatAction('Packet', { n: 'n2', s: 's1' })).toBe('Packet(n: n2, s: s1)');
    expect(formatAction('IclCut', {})).toBe('IclCut');
    expect(formatAction('IclCut', undefined)).toBe('IclCut');
  });
});

describe('valueKey', () => {
  it('ignores the order of sets and maps but not of sequences', () => {
    expect(valueKey(new Set(['a', 'b']))).toBe(valueKey(new Set(['b', 'a'])));
    expect(valueKey(map([['x', 1], ['y', 2]]))).toBe(valueKey(map([['y', 2], ['x', 1]])));
    expect(valueKey(['a', 'b'])).not.toBe(valueKey(['b', 'a']));
    expect(valueKey('1')).not.toBe(valueKey(1));
  });
});

describe('diffValue', () => {
  it('finds nothing between equal values', () => {
    const a = map([['n1', 'hold'], ['n2', 'hold']]);
    expect(diffValue(a, map([['n2', 'hold'], ['n1', 'hold']])).changes).toEqual([]);
  });

  it('diffs a map per key and marks the changed entry with its old text', () => {
    const d = diffValue(map([['n1', 'hold'], ['n2', 'hold']]), map([['n1', 'hold'], ['n2', 'active']]));
    expect(d.changes).toEqual([{ path: '[n2]', before: 'hold', after: 'active' }]);
    expect(d.display).toEqual({ c: 'map', e: [{ k: 'n1', v: { a: 'hold' } }, { k: 'n2', v: { a: 'active', w: 'hold' } }] });
  });

  it('diffs nested maps and records down to the changed leaf', () => {
    const before = map([['n1', map([['s1', 'warm']])], ['n2', map([['s1', 'active']])]]);
    const after = map([['n1', map([['s1', 'active']])], ['n2', map([['s1', 'active']])]]);
    expect(diffValue(before, after).changes).toEqual([{ path: '[n1][s1]', before: 'warm', after: 'active' }]);
    expect(diffValue({ a: 1, b: { c: false } }, { a: 1, b: { c: true } }).changes).toEqual([{ path: '.b.c', before: 'false', after: 'true' }]);
  });

  it('reports added and removed keys', () => {
    const d = diffValue(map([['a', 1], ['b', 2]]), map([['b', 2], ['c', 3]]));
    expect(d.changes).toEqual([
      { path: '[c]', after: '3' },
      { path: '[a]', before: '1' },
    ]);
    expect(d.display).toEqual({
      c: 'map',
      e: [
        { k: 'b', v: { a: '2' } },
        { k: 'c', v: { a: '3' }, s: 'add' },
        { k: 'a', v: { a: '1' }, s: 'del' },
      ],
    });
  });

  it('treats a sequence (a message queue) as one value', () => {
    const msg = (s: string) => ({ type: 'STATE', srg1: s, sid: 'none' });
    const d = diffValue([msg('hold')], [msg('backup')]);
    expect(d.changes).toEqual([
      { path: '', before: '[{type: STATE, srg1: hold, sid: none}]', after: '[{type: STATE, srg1: backup, sid: none}]' },
    ]);
    expect(d.display).toEqual({
      c: 'seq',
      e: [{ v: { c: 'rec', e: [{ k: 'type', v: { a: 'STATE' } }, { k: 'srg1', v: { a: 'backup' } }, { k: 'sid', v: { a: 'none' } }] } }],
      w: '[{type: STATE, srg1: hold, sid: none}]',
    });
  });

  it('marks the elements a set gained and lost', () => {
    const d = diffValue(new Set(['a', 'b']), new Set(['b', 'c']));
    expect(d.changes).toEqual([{ path: '', before: '{a, b}', after: '{b, c}' }]);
    expect(d.display).toEqual({ c: 'set', e: [{ v: { a: 'b' } }, { v: { a: 'c' }, s: 'add' }, { v: { a: 'a' }, s: 'del' }] });
  });

  it('replaces a value of another kind as a whole', () => {
    expect(diffValue('none', map([['x', 1]]))).toEqual({
      display: { c: 'map', e: [{ k: 'x', v: { a: '1' } }], w: 'none' },
      changes: [{ path: '', before: 'none', after: '{x: 1}' }],
    });
  });

  it('displays a value without changes as a plain tree', () => {
    expect(displayValue(new ItfTuple(['a', 1]))).toEqual({ c: 'tup', e: [{ v: { a: 'a' } }, { v: { a: '1' } }] });
  });
});

describe('message labels of the in-order ICL', () => {
  it('name a state message with its flag, a session message with its sessions', async () => {
    const { messageLabel } = await import('../../src/viewer/messages.js');
    const { itfToPlain } = await import('../../src/trace/index.js');
    expect(messageLabel(itfToPlain({ type: 'STATE', srg1: 'hold', flag: 'ask', sids: { '#set': [] } } as never))).toBe('STATE hold (ask)');
    expect(messageLabel(itfToPlain({ type: 'STATE', srg1: 'active', flag: 'none', sids: { '#set': [] } } as never))).toBe('STATE active');
    expect(messageLabel(itfToPlain({ type: 'SESSION', srg1: 'hold', flag: 'none', sids: { '#set': ['s1', 's2'] } } as never))).toBe('SESSION s1,s2');
  });
});
