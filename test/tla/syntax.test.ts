import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkTlaSyntax, checkTlaSyntaxFile } from '../../src/tla/syntax.js';
import { FIXTURES } from '../tlc/fixtures.js';

const SPECS = join(FIXTURES, 'specs');

async function report(text: string) {
  const r = await checkTlaSyntax(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const module = (body: string) => `---- MODULE A ----\n${body}\n====\n`;

describe('checkTlaSyntax on the fixture specs', () => {
  it('finds TwoNodeHA.tla clean', async () => {
    const r = await checkTlaSyntaxFile(join(SPECS, 'TwoNodeHA.tla'));
    expect(r).toEqual({ ok: true, value: { valid: true, problems: [] } });
  });

  it('finds the other specs clean (their errors are semantic or at run time)', async () => {
    for (const f of ['Deadlock.tla', 'SemanticError.tla', 'RuntimeError.tla']) {
      const r = await checkTlaSyntaxFile(join(SPECS, f));
      expect(r.ok && r.value.valid).toBe(true);
    }
  });

  it('finds the error of ParseError.tla on the line SANY reports', async () => {
    // Line 4 is `Next == x' = x + + 1`. SANY (ParseError.tool.out) reports
    // "Encountered "1" at line 4, column 20 and token "+"": the token after
    // the stray `+`. Tree-sitter flags the stray `+` itself, column 18.
    const r = await checkTlaSyntaxFile(join(SPECS, 'ParseError.tla'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.valid).toBe(false);
    expect(r.value.problems).toEqual([
      {
        kind: 'error',
        line: 4,
        column: 18,
        endLine: 4,
        endColumn: 19,
        text: '+',
        message: 'syntax error at line 4, column 18: cannot parse "+"',
      },
    ]);
  });

  it('reports an unreadable file', async () => {
    const r = await checkTlaSyntaxFile(join(SPECS, 'NoSuchSpec.tla'));
    expect(r).toMatchObject({ ok: false, error: { code: 'TLA_FILE_UNREADABLE' } });
  });
});

describe('checkTlaSyntax on snippets', () => {
  it('accepts ASCII and Unicode TLA+', async () => {
    expect((await report(module('x == \\A y \\in {1, 2} : y > 0'))).valid).toBe(true);
    expect((await report(module('x == ∀ y ∈ {1, 2} : y > 0'))).valid).toBe(true);
    expect((await report(module('r == [a |-> 1, b |-> <<TRUE, "s">>]'))).valid).toBe(true);
  });

  it('locates a stray token', async () => {
    const r = await report(module('Init == x = [a |-> 1,]'));
    expect(r.problems).toMatchObject([{ kind: 'error', line: 2, column: 21, text: ',' }]);
  });

  it('counts columns in UTF-16 code units', async () => {
    const r = await report(module('x == "∀∀" = + + 1'));
    expect(r.problems).toMatchObject([{ line: 2, column: 13, text: '+ +' }]);
  });

  it('reports every problem, in text order', async () => {
    const r = await report(module('x == [a |-> 1\ny == 2'));
    expect(r.valid).toBe(false);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 1],
      [2, 13],
    ]);
    expect(r.problems[0].message).toBe('syntax error at line 1, column 1: cannot parse "---- MODULE A ----"');
  });

  it('reports a token tree-sitter had to assume', async () => {
    const r = await report(module('VARIABLE'));
    expect(r.problems).toEqual([
      {
        kind: 'missing',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 9,
        text: 'identifier',
        message: 'syntax error at line 2, column 9: missing "identifier"',
      },
    ]);
  });

  it('reports a module cut short', async () => {
    const r = await report('---- MODULE A ----\nx == (1 + 2\n');
    expect(r.valid).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
  });
});
