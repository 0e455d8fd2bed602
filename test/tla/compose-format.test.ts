/**
 * Composition of sequential bodies into primed updates, and how updates and
 * expressions are laid out: the places where a TLA+ reading could differ
 * from the model's (sequential statements, `@`, precedence of `=`, bound
 * names).
 */
import { describe, expect, it } from 'vitest';

import * as x from '../../src/dsl/index.js';
import { simplifyConjuncts } from '../../src/tla/assume.js';
import { composeBody } from '../../src/tla/compose.js';
import { substitute, textOf } from '../../src/tla/expr-tools.js';
import { formatUpdate } from '../../src/tla/format-update.js';
import { ModuleNames, hygienic } from '../../src/tla/names.js';

const Nodes = x.enumT(['n1', 'n2'], 'Nodes');
const States = x.enumT(['hold', 'active', 'backup'], 'States');
const role = x.variable('role', x.funT(Nodes, States));
const up = x.variable('up', x.boolT);
const count = x.variable('count', x.intT(0, 3));
const inbox = x.variable('inbox', x.funT(Nodes, x.seqT(States, 2)));
const n = x.bound('n', Nodes);
const Peer = x.constant('Peer', x.funT(Nodes, Nodes));
const types = new Map<string, x.Type>([['role', role.t], ['up', up.t], ['count', count.t], ['inbox', inbox.t]]);

function updates(body: readonly x.Stmt[], facts: readonly x.Expr[] = []): Record<string, string> {
  const c = composeBody(body, (v) => types.get(v)!, 'Test', facts);
  return Object.fromEntries(c.updates.map(([v, e]) => [v, textOf(e)]));
}

describe('composeBody', () => {
  it('lets a later statement see an earlier assignment', () => {
    expect(updates([x.assign(count, x.num(1)), x.assign(up, x.eq(count, x.num(1)))])).toEqual({ count: '1', up: 'TRUE' });
    expect(updates([x.assign(up, x.not(up)), x.assign(count, x.ite(up, x.num(2), x.num(3)))])).toEqual({ up: '~up', count: 'IF ~up THEN 2 ELSE 3' });
  });

  it('keeps the last of two updates of one key, reading the first where the second does', () => {
    const body = [
      x.assign(x.app(role, n), x.str('backup', States)),
      x.assign(x.app(role, n), x.ite(x.eq(x.app(role, n), x.str('backup', States)), x.str('active', States), x.str('hold', States))),
    ];
    expect(updates(body)).toEqual({ role: '[role EXCEPT ![n] = "active"]' });
  });

  it('merges the branches of a when into one EXCEPT on the key they update', () => {
    const body = [x.when(up, [x.assign(x.app(role, n), x.str('active', States))])];
    expect(updates(body)).toEqual({ role: '[role EXCEPT ![n] = IF up THEN "active" ELSE role[n]]' });
  });

  it('drops a branch the guard rules out', () => {
    const body = [
      x.when(x.eq(x.app(role, n), x.str('active', States)), [x.assign(count, x.num(0))]),
      x.assign(x.app(role, n), x.str('backup', States)),
    ];
    expect(updates(body, [x.eq(x.app(role, n), x.str('hold', States))])).toEqual({ role: '[role EXCEPT ![n] = "backup"]' });
  });

  it('leaves out an assignment that keeps the value', () => {
    expect(updates([x.assign(up, up), x.assign(count, count)])).toEqual({});
  });

  it('inlines a definition that reads a variable assigned earlier (the operator would read the old value)', () => {
    const IsUp = x.define('IsUp', {}, () => up);
    expect(updates([x.assign(up, x.TRUE), x.assign(count, x.ite(IsUp(), x.num(1), x.num(0)))])).toEqual({ up: 'TRUE', count: '1' });
    expect(updates([x.assign(count, x.ite(IsUp(), x.num(1), x.num(0)))])).toEqual({ count: 'IF IsUp THEN 1 ELSE 0' });
  });
});

describe('formatUpdate', () => {
  it('writes @ for the old value and puts several keys in one EXCEPT', () => {
    const tailed = x.except(inbox, n, x.tail(x.app(inbox, n)));
    const v = x.except(tailed, x.app(Peer, n), x.append(x.app(tailed, x.app(Peer, n)), x.str('hold', States)));
    expect(formatUpdate('inbox', v, 200)).toEqual([`inbox' = [inbox EXCEPT ![n] = Tail(@), ![Peer[n]] = Append(@, "hold")]`]);
  });

  it('writes a nested update as a path', () => {
    const sess = x.variable('sess', x.funT(Nodes, x.funT(Nodes, x.boolT)));
    const v = x.except(sess, n, x.except(x.app(sess, n), x.app(Peer, n), x.TRUE));
    expect(formatUpdate('sess', v, 200)).toEqual([`sess' = [sess EXCEPT ![n][Peer[n]] = TRUE]`]);
  });

  it('puts a value that binds more loosely than = in parentheses', () => {
    // `up' = up \/ c` would read `(up' = up) \/ c`.
    expect(formatUpdate('up', x.or(up, x.eq(count, x.num(2))), 200)).toEqual([`up' = (up \\/ count = 2)`]);
    expect(formatUpdate('up', x.eq(count, x.num(2)), 200)).toEqual([`up' = (count = 2)`]);
    expect(formatUpdate('count', x.ite(up, x.num(1), x.num(2)), 200)).toEqual([`count' = IF up THEN 1 ELSE 2`]);
  });

  it('breaks a long EXCEPT one clause per line', () => {
    const tailed = x.except(inbox, n, x.tail(x.app(inbox, n)));
    const v = x.except(tailed, x.app(Peer, n), x.append(x.app(tailed, x.app(Peer, n)), x.str('hold', States)));
    expect(formatUpdate('inbox', v, 50)).toEqual([`inbox' = [inbox EXCEPT ![n] = Tail(@),`, `                       ![Peer[n]] = Append(@, "hold")]`]);
  });
});

describe('bound names', () => {
  it('renames a quantifier that would hide a parameter or a module-level name', () => {
    const names = new ModuleNames();
    names.claim('role', 'variable role');
    // Inside an action with parameter n, a quantifier over n must not hide it (SANY refuses that).
    const e = x.exists('n', Nodes, (m) => x.eq(x.app(role, m), x.str('active', States)));
    expect(textOf(hygienic(e, new Set(['n']), names))).toBe('\\E n2 \\in Nodes : role[n2] = "active"');
    const clash = x.forall('role', Nodes, (m) => x.eq(m, n));
    expect(textOf(hygienic(clash, new Set(['n']), names))).toBe('\\A role2 \\in Nodes : role2 = n');
  });

  it('substitutes without capturing a bound name', () => {
    const e = x.exists('n', Nodes, (m) => x.eq(x.app(role, m), x.str('active', States)));
    const replaced = substitute(e, new Map([['role', x.except(role, n, x.str('hold', States))]]), new Map());
    expect(textOf(replaced)).toBe('\\E n2 \\in Nodes : [role EXCEPT ![n] = "hold"][n2] = "active"');
  });

  it('refuses a module-level name that is a TLA+ keyword or taken twice', () => {
    const names = new ModuleNames();
    expect(() => names.claim('UNION', 'variable UNION')).toThrow(/keyword/);
    names.claim('x', 'variable x');
    expect(() => names.claim('x', 'action x')).toThrow(/both named 'x'/);
  });
});

describe('guards', () => {
  it('drops a conjunct the earlier ones imply, and keeps order', () => {
    const a = x.eq(x.app(role, n), x.str('hold', States));
    const b = x.neq(x.app(role, n), x.str('active', States));
    expect(simplifyConjuncts([up, a, b]).map(textOf)).toEqual(['up', 'role[n] = "hold"']);
  });
});
