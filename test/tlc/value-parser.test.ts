import { describe, expect, it } from 'vitest';

import { parseStateAssignments, parseTlaValue } from '../../src/tlc/value-parser.js';
import { tokenize } from '../../src/tlc/value-tokenizer.js';
import { bool, fn, int, mv, rec, seq, set, str } from './fixtures.js';

function value(text: string) {
  const r = parseTlaValue(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function syntaxErrorOf(text: string) {
  const r = parseTlaValue(text);
  if (r.ok) throw new Error(`expected a syntax error for ${text}`);
  return r.error;
}

describe('tokenize', () => {
  it('splits punctuation longest first and keeps positions', () => {
    const toks = tokenize('<<[a |-> 1]>> @@ x :> -2\n  1..3 /\\ y \\in {}');
    expect(toks.map((t) => t.text)).toEqual([
      '<<', '[', 'a', '|->', '1', ']', '>>', '@@', 'x', ':>', '-', '2', '1', '..', '3', '/\\', 'y', '\\in', '{', '}', '',
    ]);
    const one = toks.find((t) => t.text === '1' && t.pos.line === 2);
    expect(one?.pos).toEqual({ offset: 27, line: 2, column: 3 });
  });

  it('reads string escapes', () => {
    const [t] = tokenize('"a\\"b\\\\c\\nd"');
    expect(t).toMatchObject({ t: 'string', value: 'a"b\\c\nd' });
  });

  it('tells integers from identifiers that start with digits', () => {
    expect(tokenize('12 1st')).toMatchObject([{ t: 'int', value: 12n }, { t: 'ident', value: '1st' }, { t: 'eof' }]);
  });
});

describe('parseTlaValue', () => {
  it('reads scalars', () => {
    expect(value('TRUE')).toEqual(bool(true));
    expect(value('FALSE')).toEqual(bool(false));
    expect(value('0')).toEqual(int(0));
    expect(value('-42')).toEqual(int(-42));
    expect(value('123456789012345678901234567890')).toEqual({ kind: 'int', value: 123456789012345678901234567890n });
    expect(value('"hold"')).toEqual(str('hold'));
    expect(value('n1')).toEqual(mv('n1'));
  });

  it('reads sets, sequences and intervals', () => {
    expect(value('{}')).toEqual(set());
    expect(value('{n1, n2}')).toEqual(set(mv('n1'), mv('n2')));
    expect(value('{"n1", "n2"}')).toEqual(set(str('n1'), str('n2')));
    expect(value('<<>>')).toEqual(seq());
    expect(value('<<1, <<2>>, {}>>')).toEqual(seq(int(1), seq(int(2)), set()));
    expect(value('-1..1')).toEqual(set(int(-1), int(0), int(1)));
    expect(value('{1..2}')).toEqual(set(set(int(1), int(2))));
  });

  it('reads records', () => {
    expect(value('[type |-> "activeNotify", from |-> n1]')).toEqual(rec({ type: str('activeNotify'), from: mv('n1') }));
    expect(value('[n1 |-> <<>>, n2 |-> <<>>]')).toEqual(rec({ n1: seq(), n2: seq() }));
  });

  it('reads functions written with :> and @@', () => {
    expect(value('(n1 :> 0 @@ n2 :> 2)')).toEqual(fn([mv('n1'), int(0)], [mv('n2'), int(2)]));
    expect(value('"a" :> -1')).toEqual(fn([str('a'), int(-1)]));
    expect(value('(n1 :> <<>> @@ n2 :> <<[type |-> "activeNotify", from |-> n1]>>)')).toEqual(
      fn([mv('n1'), seq()], [mv('n2'), seq(rec({ type: str('activeNotify'), from: mv('n1') }))]),
    );
    expect(value('(<<1, 2>> :> (a :> TRUE))')).toEqual(fn([seq(int(1), int(2)), fn([mv('a'), bool(true)])]));
  });

  it('reads function constructors with a constant body', () => {
    expect(value('[n \\in {"n1", "n2"} |-> 0]')).toEqual(fn([str('n1'), int(0)], [str('n2'), int(0)]));
    expect(value('[i \\in 1..2 |-> <<>>]')).toEqual(fn([int(1), seq()], [int(2), seq()]));
  });

  it('refuses what TLC does not print, saying where', () => {
    expect(syntaxErrorOf('{1, 2')).toMatchObject({ line: 1, column: 6, message: "expected ',' or '}' in a set, found end of text at line 1, column 6" });
    expect(syntaxErrorOf('[a |-> 1\n, b 2]')).toMatchObject({ line: 2, column: 5 });
    expect(syntaxErrorOf('(a :> 1 @@ 3)').message).toContain("'@@' joins functions");
    expect(syntaxErrorOf('[n \\in {1} |-> n]').message).toContain('depends on n');
    expect(syntaxErrorOf('[n \\in 3 |-> 1]').message).toContain('is not a set');
    expect(syntaxErrorOf('1 2').message).toContain('unexpected text after the value');
    expect(syntaxErrorOf('"open').message).toContain('unterminated string');
    expect(syntaxErrorOf('x # y')).toMatchObject({ line: 1, column: 3 });
    expect(syntaxErrorOf('- x').message).toContain("expected a number after '-'");
  });
});

describe('parseStateAssignments', () => {
  it('reads a single unconjoined variable', () => {
    const r = parseStateAssignments('x = 0');
    expect(r).toEqual({ ok: true, value: [{ name: 'x', value: int(0) }] });
  });

  it('reads /\\ lines with values spanning lines', () => {
    const r = parseStateAssignments('/\\ q = <<1,\n  2>>\n/\\ ok = FALSE');
    expect(r).toEqual({ ok: true, value: [{ name: 'q', value: seq(int(1), int(2)) }, { name: 'ok', value: bool(false) }] });
  });

  it('refuses a variable assigned twice or a missing value', () => {
    const twice = parseStateAssignments('/\\ x = 1\n/\\ x = 2');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error).toMatchObject({ line: 2, column: 4 });
    const missing = parseStateAssignments('/\\ x =\n/\\ y = 1');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('expected a value');
  });
});
