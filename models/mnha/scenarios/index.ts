/** Every MNHA scenario, by name. */
import type { Scenario } from '../../../src/model/index.js';
import { asyncRoutesScenario } from './async-routes.js';
import { defaultScenario } from './default.js';
import { ipsecScenario } from './ipsec.js';
import { keepAndProbeScenario } from './keep-and-probe.js';
import { priorityPreemptionScenario } from './priority-preemption.js';
import { routerFaultScenario } from './router-fault.js';
import { sessionsScenario } from './sessions.js';
import { staleNoticesScenario } from './stale-notices.js';

/** The scenarios in the order they are run and reported. */
export const SCENARIOS: readonly Scenario[] = [
  defaultScenario,
  staleNoticesScenario,
  routerFaultScenario,
  asyncRoutesScenario,
  keepAndProbeScenario,
  priorityPreemptionScenario,
  sessionsScenario,
  ipsecScenario,
];

/** The scenario with this name, or undefined. */
export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
