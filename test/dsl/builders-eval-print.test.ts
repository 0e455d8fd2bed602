import { describe, expect, it } from 'vitest';
import * as x from '../../src/dsl/index.js';

const Nodes = x.enumT(['n1', 'n2'], 'Nodes');
const States = x.enumT(['hold', 'active', 'backup'], 'Srg1States');
const role = x.variable('role', x.funT(Nodes, States));
const count = x.variable('count', x.intT(0, 3));
const up = x.variable('iclUp', x.boolT);
const Msg = x.recordT({ type: x.enumT(['state', 'sync']), from: Nodes });
const inbox = x.variable('inbox', x.seqT(Msg, 2));
const seen = x.variable('seen', x.setT(Nodes));

const state: Record<string, x.Value> = {
  role: { n1: 'active', n2: 'hold' },
  count: 2,
  iclUp: true,
  inbox: [{ type: 'state', from: 'n1' }],
  seen: ['n2'],
};
const env: x.EvalEnv = { readVar: (n) => state[n], consts: { MaxCount: 3 } };
const ev = (e: x.Expr) => x.evaluate(e, env);
const tla = (e: x.Expr) => x.printExpr(e);

describe('literals and references', () => {
  it('booleans, integers, enum literals', () => {
    expect(ev(x.TRUE)).toBe(true);
    expect(tla(x.FALSE)).toBe('FALSE');
    expect(ev(x.num(-4))).toBe(-4);
    expect(tla(x.num(7))).toBe('7');
    expect(tla(x.str('backup', States))).toBe('"backup"');
  });
  it('refuses a literal outside its domain', () => {
    expect(() => x.str('nope' as 'hold', States)).toThrow(/not in Srg1States/);
    expect(() => x.lit(9, x.intT(0, 3))).toThrow(/not in 0\.\.3/);
  });
  it('variables and constants print by name', () => {
    expect(ev(count)).toBe(2);
    expect(tla(count)).toBe('count');
    const c = x.constant('MaxCount', x.intT(0, 9));
    expect(ev(c)).toBe(3);
    expect(tla(c)).toBe('MaxCount');
  });
  it('machine-level references read context, event and self', () => {
    const c = x.contextOf({ probing: x.boolT });
    const e = x.eventOf({ from: Nodes });
    const g = x.and(c.probing, x.neq(e.from, x.self(Nodes)));
    expect(x.evaluate(g, { ctx: { probing: true }, ev: { from: 'n2' }, self: 'n1' })).toBe(true);
    expect(x.evaluate(g, { ctx: { probing: true }, ev: { from: 'n1' }, self: 'n1' })).toBe(false);
    expect(() => x.evaluate(c.probing, {})).toThrow(/context field probing/);
  });
});

describe('logic and comparison', () => {
  it('and/or/not/implies', () => {
    expect(ev(x.and(up, x.not(x.FALSE)))).toBe(true);
    expect(ev(x.or(x.FALSE, x.not(up)))).toBe(false);
    expect(ev(x.implies(x.FALSE, x.FALSE))).toBe(true);
    expect(tla(x.and(up, x.or(x.FALSE, x.not(up))))).toBe('iclUp /\\ (FALSE \\/ ~iclUp)');
    expect(tla(x.implies(x.and(up, up), x.or(up, up)))).toBe('iclUp /\\ iclUp => iclUp \\/ iclUp');
    expect(tla(x.not(x.eq(count, x.num(1))))).toBe('~(count = 1)');
  });
  it('empty and/or are TRUE/FALSE, singletons unwrap', () => {
    expect(x.and()).toBe(x.TRUE);
    expect(x.or()).toBe(x.FALSE);
    expect(x.and(up)).toBe(up);
  });
  it('comparisons and arithmetic', () => {
    expect(ev(x.lt(count, x.num(3)))).toBe(true);
    expect(ev(x.ge(count, x.num(3)))).toBe(false);
    expect(ev(x.add(count, x.num(1)))).toBe(3);
    expect(ev(x.sub(count, x.sub(x.num(5), x.num(4))))).toBe(1);
    expect(tla(x.sub(count, x.sub(x.num(5), x.num(4))))).toBe('count - (5 - 4)');
    expect(tla(x.le(x.add(count, x.num(1)), x.num(3)))).toBe('count + 1 <= 3');
    const s = x.add(x.variable('a', x.intT(0, 2)), x.variable('b', x.intT(1, 5)));
    expect(s.t).toEqual(x.intT(1, 7));
  });
  it('type errors are reported when building', () => {
    expect(() => x.and(count)).toThrow(/expected bool/);
    expect(() => x.eq(up, count)).toThrow(/cannot compare BOOLEAN with 0\.\.3/);
    expect(() => x.lt(up, count)).toThrow(/expected int/);
  });
  it('if-then-else and case chains', () => {
    const e = x.ite(up, x.str('active', States), x.str('hold', States));
    expect(ev(e)).toBe('active');
    expect(tla(e)).toBe('IF iclUp THEN "active" ELSE "hold"');
    const c = x.cases([[x.eq(count, x.num(0)), x.num(10)], [x.eq(count, x.num(2)), x.num(20)]], x.num(30));
    expect(ev(c)).toBe(20);
    expect(tla(x.eq(c, x.num(1)))).toBe('(IF count = 0 THEN 10 ELSE IF count = 2 THEN 20 ELSE 30) = 1');
  });
});

describe('records and functions', () => {
  it('record construction and field access', () => {
    const r = x.record({ type: x.str('sync', Msg.fields[0][1] as x.EnumType), from: x.str('n2', Nodes) }, Msg);
    expect(ev(r)).toEqual({ type: 'sync', from: 'n2' });
    expect(tla(r)).toBe('[type |-> "sync", from |-> "n2"]');
    expect(ev(x.field(x.head(inbox), 'from'))).toBe('n1');
    expect(tla(x.field(x.head(inbox), 'from'))).toBe('Head(inbox).from');
    expect(() => x.field(x.head(inbox), 'nope')).toThrow(/no field nope/);
  });
  it('function application, EXCEPT and construction', () => {
    expect(ev(x.app(role, x.str('n1', Nodes)))).toBe('active');
    expect(tla(x.app(role, x.str('n1', Nodes)))).toBe('role["n1"]');
    const upd = x.except(role, x.str('n2', Nodes), x.str('backup', States));
    expect(ev(upd)).toEqual({ n1: 'active', n2: 'backup' });
    expect(tla(upd)).toBe('[role EXCEPT !["n2"] = "backup"]');
    const all = x.funOf('n', Nodes, () => x.str('hold', States));
    expect(ev(all)).toEqual({ n1: 'hold', n2: 'hold' });
    expect(tla(all)).toBe('[n \\in Nodes |-> "hold"]');
  });
  it('function literals print as constant functions or :> @@ chains', () => {
    const t = x.funT(Nodes, x.intT(0, 9));
    expect(x.printValue({ n1: 0, n2: 0 }, t)).toBe('[k \\in Nodes |-> 0]');
    expect(x.printValue({ n1: 1, n2: 2 }, t)).toBe('("n1" :> 1 @@ "n2" :> 2)');
  });
});

describe('sequences (bounded channels)', () => {
  it('Len, Head, Tail, Append', () => {
    expect(ev(x.len(inbox))).toBe(1);
    expect(ev(x.tail(inbox))).toEqual([]);
    const m = x.record({ type: x.str('state', Msg.fields[0][1] as x.EnumType), from: x.str('n2', Nodes) }, Msg);
    expect(ev(x.append(inbox, m))).toEqual([{ type: 'state', from: 'n1' }, { type: 'state', from: 'n2' }]);
    expect(tla(x.append(x.tail(inbox), m))).toBe('Append(Tail(inbox), [type |-> "state", from |-> "n2"])');
    expect(tla(x.eq(inbox, x.emptySeq(inbox.t)))).toBe('inbox = <<>>');
  });
  it('Head of an empty sequence and Append past the bound are model errors', () => {
    expect(() => x.evaluate(x.head(inbox), { readVar: () => [] })).toThrow(/Head of an empty sequence/);
    const m = x.head(inbox);
    const full = { readVar: () => [{ type: 'state', from: 'n1' }, { type: 'sync', from: 'n2' }] };
    expect(() => x.evaluate(x.append(inbox, m), full)).toThrow(/beyond the bound 2/);
  });
});

describe('sets', () => {
  it('literals, membership, union, difference, intersection, cardinality', () => {
    const both = x.setOf(Nodes, x.str('n2', Nodes), x.str('n1', Nodes));
    expect(ev(both)).toEqual(['n1', 'n2']); // canonical order
    expect(tla(both)).toBe('{"n1", "n2"}');
    expect(ev(x.isIn(x.str('n2', Nodes), seen))).toBe(true);
    expect(tla(x.isIn(x.str('n2', Nodes), seen))).toBe('"n2" \\in seen');
    expect(ev(x.union(seen, x.setOf(Nodes, x.str('n1', Nodes))))).toEqual(['n1', 'n2']);
    expect(ev(x.minus(both, seen))).toEqual(['n1']);
    expect(ev(x.inter(both, seen))).toEqual(['n2']);
    expect(tla(x.minus(both, seen))).toBe('{"n1", "n2"} \\ seen');
    expect(ev(x.card(both))).toBe(2);
    expect(tla(x.le(x.card(seen), x.num(1)))).toBe('Cardinality(seen) <= 1');
  });
  it('set comprehension', () => {
    const actives = x.filter('n', Nodes, (n) => x.eq(x.app(role, n), x.str('active', States)));
    expect(ev(actives)).toEqual(['n1']);
    expect(tla(x.card(actives))).toBe('Cardinality({n \\in Nodes : role[n] = "active"})');
  });
});

describe('quantifiers and definitions', () => {
  it('forall / exists over finite domains', () => {
    const someActive = x.exists('n', Nodes, (n) => x.eq(x.app(role, n), x.str('active', States)));
    const allHold = x.forall('n', Nodes, (n) => x.eq(x.app(role, n), x.str('hold', States)));
    expect(ev(someActive)).toBe(true);
    expect(ev(allHold)).toBe(false);
    expect(tla(someActive)).toBe('\\E n \\in Nodes : role[n] = "active"');
    expect(tla(x.and(up, allHold))).toBe('iclUp /\\ (\\A n \\in Nodes : role[n] = "hold")');
    expect(ev(x.exists('i', x.intT(0, 3), (i) => x.eq(x.add(i, i), count)))).toBe(true);
  });
  it('named definitions are called by name and evaluated with their own parameters', () => {
    const IsActive = x.define('IsActive', { n: Nodes }, (n) => x.eq(x.app(role, n), x.str('active', States)));
    const e = IsActive(x.str('n1', Nodes));
    expect(ev(e)).toBe(true);
    expect(tla(e)).toBe('IsActive("n1")');
    expect(() => IsActive()).toThrow(/expected 1 arguments/);
  });
});

describe('statements', () => {
  it('assignments run in order; later ones see earlier ones', () => {
    const c = x.contextOf({ a: x.intT(0, 5), b: x.intT(0, 5) });
    const ctx: Record<string, x.Value> = { a: 1, b: 0 };
    x.execute([x.assign(c.a, x.add(c.a, x.num(1))), x.assign(c.b, c.a)], { ctx });
    expect(ctx).toEqual({ a: 2, b: 2 });
  });
  it('assignment to f[k] updates one key; when() branches', () => {
    const c = x.contextOf({ sess: x.funT(x.intT(1, 2), States), flag: x.boolT });
    const ctx: Record<string, x.Value> = { sess: { 1: 'hold', 2: 'hold' }, flag: false };
    x.execute([x.when(c.flag, [], [x.assign(x.app(c.sess, x.num(2)), x.str('active', States))])], { ctx });
    expect(ctx.sess).toEqual({ 1: 'hold', 2: 'active' });
  });
  it('values outside the target domain are model errors', () => {
    const c = x.contextOf({ a: x.intT(0, 2) });
    expect(() => x.execute([x.assign(c.a, x.add(c.a, x.num(1)))], { ctx: { a: 2 } })).toThrow(/outside 0\.\.2/);
  });
  it('send hands the message to the sink', () => {
    const sent: unknown[] = [];
    x.execute([x.send('icl', x.str('n2', Nodes), x.num(1))], {}, { send: (ch, to, m) => sent.push([ch, to, m]) });
    expect(sent).toEqual([['icl', 'n2', 1]]);
  });
});

describe('domains', () => {
  it('print as TLA+ sets for TypeOK', () => {
    expect(x.printDomain(role.t)).toBe('[Nodes -> Srg1States]');
    expect(x.printDomain(inbox.t)).toBe('BSeq([type : {"state", "sync"}, from : Nodes], 2)');
    expect(x.printDomain(seen.t)).toBe('SUBSET Nodes');
    expect(x.printDomain(count.t)).toBe('0..3');
  });
  it('enumerate and count (hand counts)', () => {
    expect(x.cardinality(role.t)).toBe(9); // 3^2
    expect(x.enumerate(role.t)).toHaveLength(9);
    expect(x.cardinality(inbox.t)).toBe(1 + 4 + 16); // records: 2 types x 2 nodes = 4
    expect(x.enumerate(inbox.t)).toHaveLength(21);
    expect(x.enumerate(seen.t)).toEqual([[], ['n1'], ['n2'], ['n1', 'n2']]);
  });
  it('membership checks shape, range and canonical set order', () => {
    expect(x.isMember(seen.t, ['n2', 'n1'])).toBe(false);
    expect(x.isMember(seen.t, ['n1', 'n2'])).toBe(true);
    expect(x.isMember(role.t, { n1: 'hold' })).toBe(false);
    expect(x.isMember(inbox.t, [1, 2, 3])).toBe(false);
  });
});

describe('sequence indexing', () => {
  it('s[i] and seqExists', () => {
    expect(ev(x.at(inbox, x.num(1)))).toEqual({ type: 'state', from: 'n1' });
    expect(tla(x.at(inbox, x.num(1)))).toBe('inbox[1]');
    const anySync = x.seqExists('i', inbox, (m) => x.eq(x.field(m, 'type'), x.str('sync', Msg.fields[0][1] as x.EnumType)));
    const anyState = x.seqExists('i', inbox, (m) => x.eq(x.field(m, 'type'), x.str('state', Msg.fields[0][1] as x.EnumType)));
    expect(ev(anySync)).toBe(false);
    expect(ev(anyState)).toBe(true);
    expect(tla(anyState)).toBe('\\E i \\in 1..2 : i <= Len(inbox) /\\ inbox[i].type = "state"');
    expect(() => ev(x.at(inbox, x.num(2)))).toThrow(/outside 1\.\.1/);
  });
});
