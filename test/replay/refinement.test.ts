/** The refinement mapping (src/replay/refinement.ts): what is compared, and how. */
import { describe, expect, it } from 'vitest';
import { findScenario, SCENARIOS } from '../../models/mnha/scenarios/index.js';
import { ImplDriver, compareStates, modelOf, paramsOf, refinementRules, type ModelState } from '../../src/replay/index.js';

const rulesOf = (name: string) => refinementRules(paramsOf(findScenario(name)!));

describe('refinement rules', () => {
  it('give every model variable a rule, in the model\'s order', () => {
    for (const sc of SCENARIOS) expect(refinementRules(paramsOf(sc)).map((r) => r.variable)).toEqual(modelOf(sc).vars.map((v) => v.name));
  });

  it('compare the protocol state exactly, the messages and environment records not at all', () => {
    const modes = Object.fromEntries(rulesOf('default').map((r) => [r.variable, r.mode]));
    expect(modes).toEqual({
      node: 'exact', srg0: 'exact', srg1: 'exact', iclSeen: 'exact', peerSrg1: 'exact', activeRoute: 'exact', backupRoute: 'exact',
      adv: 'exact', probing: 'exact', shut: 'exact', sess: 'loose', sa: 'loose', router: 'exact', rview: 'not compared', icl: 'exact',
      notify: 'not compared', inbox: 'not compared', offPath: 'exact', probeLoss: 'not compared', lastPacket: 'not compared',
    });
    expect(rulesOf('async-routes').find((r) => r.variable === 'rview')?.mode).toBe('exact');
  });
});

describe('the implementation at boot', () => {
  it('maps onto the model\'s initial state in every scenario', () => {
    for (const sc of SCENARIOS) {
      const fm = modelOf(sc);
      expect(compareStates(fm.init, new ImplDriver(paramsOf(sc)).state(), refinementRules(paramsOf(sc)))).toEqual([]);
    }
  });
});

describe('loose comparisons', () => {
  const sc = findScenario('sessions')!;
  const rules = refinementRules(paramsOf(sc));
  const init = modelOf(sc).init;
  const withSess = (s: ModelState, n1: Record<string, string>): ModelState => ({ ...s, sess: { ...(s.sess as object), n1 } });

  it('sess: where a session is active is compared, warm and none are not told apart', () => {
    expect(compareStates(withSess(init, { s1: 'warm', s2: 'none' }), withSess(init, { s1: 'none', s2: 'warm' }), rules)).toEqual([]);
    expect(compareStates(withSess(init, { s1: 'active', s2: 'none' }), withSess(init, { s1: 'warm', s2: 'none' }), rules)).toEqual([
      { variable: 'sess[n1][s1]', expected: 'active', actual: 'not active' },
    ]);
  });

  it('sa: a backup\'s synchronised SA must be there; an active node\'s SA is not compared', () => {
    const ipsec = findScenario('ipsec')!;
    const r = refinementRules(paramsOf(ipsec));
    const base = modelOf(ipsec).init;
    const state = (srg1: string, sa: string): ModelState => ({ ...base, srg1: { n1: srg1, n2: 'hold' }, sa: { n1: sa, n2: 'none' } });
    expect(compareStates(state('backup', 'synced'), state('backup', 'none'), r)).toEqual([
      { variable: 'sa[n1]', expected: 'synced', actual: 'none' },
    ]);
    expect(compareStates(state('active', 'none'), state('active', 'up'), r)).toEqual([]);
    expect(compareStates(state('hold', 'none'), state('hold', 'synced'), r)).toEqual([]);
  });
});
