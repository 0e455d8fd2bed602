/**
 * A lamp that can be switched on at most twice, and a fuse that an unreliable
 * operator may blow. Small enough to count its states by hand, and it has a
 * liveness property with a known lasso: "the fuse eventually blows" fails on
 * the loop that switches the lamp off and on forever, unless blowing the
 * fuse is fair.
 */
import { setup } from 'xstate';
import * as x from '../../src/dsl/index.js';
import { dslFor, type Fairness, type SystemDecl } from '../../src/model/index.js';
import type { LivenessProperty } from '../../src/model/index.js';

/** The lamp system; `blowFairness` decides whether blowing the fuse is fair. */
export function lampSystem(opts: { maxSwitchOns?: number; blowFairness?: Fairness; cycle?: boolean } = {}): SystemDecl {
  const max = opts.maxSwitchOns ?? 2;
  const dsl = dslFor({});
  const c = x.contextOf({ count: x.intT(0, max) });
  const lamp = setup({
    guards: { canSwitchOn: dsl.guard(opts.cycle ? x.TRUE : x.lt(c.count, x.num(max))) },
    actions: { countOn: dsl.action(x.assign(c.count, opts.cycle ? c.count : x.add(c.count, x.num(1)))) },
  }).createMachine({
    id: 'lamp',
    context: { count: 0 },
    initial: 'off',
    states: {
      off: { on: { SWITCH: { guard: 'canSwitchOn', target: 'on', actions: 'countOn' }, BLOW: 'blown' } },
      on: { on: { SWITCH: 'off', BLOW: 'blown' } },
      blown: {},
    },
  });
  const to = () => x.str('lamp', x.enumT(['lamp']));
  return {
    name: 'Lamp',
    constants: {},
    instances: [{ def: { machine: lamp, context: { count: x.intT(0, max) }, events: { SWITCH: {}, BLOW: {} } }, ids: 'lamp' }],
    envVars: {},
    channels: {},
    steps: [
      { name: 'Switch', deliver: { machine: 'lamp', to, event: 'SWITCH' } },
      { name: 'Blow', fairness: opts.blowFairness ?? 'none', deliver: { machine: 'lamp', to, event: 'BLOW' } },
    ],
  };
}

/** "The fuse eventually blows", as `TRUE ~> lamp = "blown"`. */
export function fuseBlows(): LivenessProperty {
  const lampVar = x.variable('lamp', x.enumT(['off', 'on', 'blown']));
  return { kind: 'liveness', name: 'FuseBlows', doc: 'the fuse eventually blows', fairness: 'as declared', formula: x.leadsTo(x.TRUE, x.eq(lampVar, x.str('blown', x.enumT(['off', 'on', 'blown'])))) };
}
