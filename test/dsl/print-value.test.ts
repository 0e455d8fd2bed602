import { describe, expect, it } from 'vitest';
import * as x from '../../src/dsl/index.js';

const Nodes = x.enumT(['n1', 'n2'], 'Nodes');
const NoSessions = x.enumT([], 'Sessions');
const TwoSessions = x.enumT(['s1', 's2'], 'Sessions');
const SessionStates = x.enumT(['none', 'warm', 'active'], 'SessionStates');

describe('printValue of functions', () => {
  it('prints a function over an empty domain with the first value of its range', () => {
    // Every function over {} is the same value; the spelling must not be `undefined`.
    expect(x.printValue({}, x.funT(NoSessions, SessionStates))).toBe('[k \\in Sessions |-> "none"]');
    expect(x.printValue({}, x.funT(NoSessions, x.intT(3, 5)))).toBe('[k \\in Sessions |-> 3]');
  });

  it('spells an empty-domain function as a non-empty one that holds the default everywhere', () => {
    // Same text whatever the constant Sessions is, so one spec serves every scenario.
    const empty = x.printValue({}, x.funT(NoSessions, SessionStates));
    const full = x.printValue({ s1: 'none', s2: 'none' }, x.funT(TwoSessions, SessionStates));
    expect(empty).toBe(full);
  });

  it('gives nested functions distinct bound names', () => {
    const t = x.funT(Nodes, x.funT(TwoSessions, SessionStates));
    const v = { n1: { s1: 'none', s2: 'none' }, n2: { s1: 'none', s2: 'none' } };
    expect(x.printValue(v, t)).toBe('[k \\in Nodes |-> [k2 \\in Sessions |-> "none"]]');
    const tEmpty = x.funT(Nodes, x.funT(NoSessions, SessionStates));
    expect(x.printValue({ n1: {}, n2: {} }, tEmpty)).toBe('[k \\in Nodes |-> [k2 \\in Sessions |-> "none"]]');
  });

  it('prints differing values with :> and @@, inner constant functions still bound by depth', () => {
    const t = x.funT(Nodes, x.funT(TwoSessions, SessionStates));
    const v = { n1: { s1: 'active', s2: 'none' }, n2: { s1: 'none', s2: 'none' } };
    expect(x.printValue(v, t)).toBe('("n1" :> ("s1" :> "active" @@ "s2" :> "none") @@ "n2" :> [k2 \\in Sessions |-> "none"])');
  });

  it('prints an empty-domain function inside a record and a sequence', () => {
    const R = x.recordT({ sess: x.funT(NoSessions, SessionStates), up: x.boolT });
    expect(x.printValue([{ sess: {}, up: true }], x.seqT(R, 2))).toBe('<<[sess |-> [k \\in Sessions |-> "none"], up |-> TRUE]>>');
  });
});
