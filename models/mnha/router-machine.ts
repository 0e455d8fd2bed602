/**
 * The probe router as an XState machine: it behaves (answers probes only
 * along its preferred path) or misbehaves (answers every probe), and, when
 * route convergence is asynchronous, holds its own view of each node's
 * advertised preference, updated one advertisement at a time.
 */
import { setup } from 'xstate';
import * as x from '../../src/dsl/index.js';
import { dslFor, type MachineDefinition } from '../../src/model/index.js';
import { Nodes, Prefs } from './domains.js';

/** Builds the router machine. */
export function routerMachine(): MachineDefinition {
  const dsl = dslFor({});
  const c = x.contextOf({ rview: x.funT(Nodes, Prefs) });
  const e = x.eventOf({ node: Nodes, pref: Prefs });
  const machine = setup({
    actions: { learnRoute: dsl.action(x.assign(x.app(c.rview, e.node), e.pref)) },
  }).createMachine({
    id: 'router',
    context: { rview: { n1: 'low', n2: 'low' } },
    initial: 'behaving',
    on: { ROUTE_UPDATE: { actions: 'learnRoute' } },
    states: {
      behaving: { on: { MISBEHAVE: 'faulty' } },
      faulty: { on: { BEHAVE: 'behaving' } },
    },
  });
  return { machine, context: { rview: x.funT(Nodes, Prefs) }, events: { ROUTE_UPDATE: { node: Nodes, pref: Prefs }, MISBEHAVE: {}, BEHAVE: {} } };
}
