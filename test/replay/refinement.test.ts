/** The refinement mapping (src/replay/refinement.ts): what is compared, and how. */
import { describe, expect, it } from 'vitest';
import { findScenario, SCENARIOS } from '../../models/mnha/scenarios/index.js';
import type { IclMessage } from '../../src/impl/index.js';
import type { Value } from '../../src/dsl/index.js';
import { ImplDriver, type ModelState, compareStates, modelOf, paramsOf, refinementRules } from '../../src/replay/index.js';
import { modelMessage } from '../../src/replay/refinement.js';

const rulesOf = (name: string) => refinementRules(paramsOf(findScenario(name)!));
const from = { localId: 1, incarnation: 1 };

describe('refinement rules', () => {
  it("give every model variable a rule, in the model's order", () => {
    for (const sc of SCENARIOS) expect(refinementRules(paramsOf(sc)).map((r) => r.variable)).toEqual(modelOf(sc).vars.map((v) => v.name));
  });

  it('compare every variable exactly, but for rview under instant convergence (an abstraction the model states)', () => {
    const modes = rulesOf('default').filter((r) => r.mode !== 'exact').map((r) => r.variable);
    expect(modes).toEqual(['rview']);
    expect(rulesOf('async-routes').every((r) => r.mode === 'exact')).toBe(true);
  });
});

describe('the implementation at boot', () => {
  it("maps onto the model's initial state in every scenario", () => {
    for (const sc of SCENARIOS) {
      const fm = modelOf(sc);
      expect(compareStates(fm.init, new ImplDriver(paramsOf(sc)).state(), refinementRules(paramsOf(sc)))).toEqual([]);
    }
  });
});

describe('messages in flight as model records', () => {
  it('a state notification keeps its SRG1 state and flag; acknowledgements and sequence numbers are the implementation\'s own', () => {
    const m: IclMessage = { kind: 'state', from, seq: 7, ack: 3, flag: 'ask', srg0: 'online', srg1: 'hold', activenessPriority: null, preemption: false };
    expect(modelMessage(m)).toEqual({ type: 'STATE', srg1: 'hold', flag: 'ask', sids: [] });
  });

  it('a session move names its sessions as a sorted set; SA messages carry no field; heartbeats are left out', () => {
    expect(modelMessage({ kind: 'session-active', from, seq: 1, sessionIds: ['s2', 's1'] })).toEqual({ type: 'SESSION', srg1: 'hold', flag: 'none', sids: ['s1', 's2'] });
    expect(modelMessage({ kind: 'sa-sync', from, seq: 2, vpn: 'V', spi: '1.1.1' })).toEqual({ type: 'SA_SYNC', srg1: 'hold', flag: 'none', sids: [] });
    expect(modelMessage({ kind: 'sa-delete', from, seq: 3, vpn: 'V' })).toEqual({ type: 'SA_DELETE', srg1: 'hold', flag: 'none', sids: [] });
    expect(modelMessage({ kind: 'heartbeat', from, ack: 0 })).toBeNull();
  });
});

describe('exact comparison', () => {
  const sc = findScenario('ipsec')!;
  const rules = refinementRules(paramsOf(sc));
  const init = modelOf(sc).init;

  it('tells an SA in use from a synchronised copy', () => {
    const state = (sa: string) => ({ ...init, sa: { n1: sa, n2: 'none' } });
    expect(compareStates(state('up'), state('synced'), rules)).toEqual([{ variable: 'sa[n1]', expected: 'up', actual: 'synced' }]);
  });

  it('compares the messages in flight to each node, in order', () => {
    const a: Value = { type: 'STATE', srg1: 'hold', flag: 'none', sids: [] };
    const b: Value = { type: 'STATE', srg1: 'active', flag: 'none', sids: [] };
    const state = (n2: Value[]): ModelState => ({ ...init, msgs: { n1: [], n2 } });
    expect(compareStates(state([a, b]), state([a, b]), rules)).toEqual([]);
    expect(compareStates(state([a, b]), state([b, a]), rules)).toEqual([{ variable: 'msgs[n2]', expected: [a, b], actual: [b, a] }]);
  });
});
