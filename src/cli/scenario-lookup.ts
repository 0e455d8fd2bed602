/** Resolves scenario names given on the command line. */
import { SCENARIOS, findScenario } from '../../models/mnha/scenarios/index.js';
import type { ScenarioSource } from '../explore/parallel-protocol.js';
import type { Scenario } from '../model/index.js';
import { UsageError } from './command.js';

/** The scenario called `name`, or a usage error listing the known ones. */
export function scenarioNamed(name: string | undefined): Scenario {
  if (!name) throw new UsageError(`--scenario is required (one of: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  const sc = findScenario(name);
  if (!sc) throw new UsageError(`unknown scenario '${name}' (one of: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  return sc;
}

/** Where a worker thread imports a scenario from (by name, or the scalable benchmark one). */
export function scenarioSource(name: string, scaleSessions?: number): ScenarioSource {
  if (scaleSessions !== undefined) {
    return { module: new URL('../../models/mnha/scenarios/scale.ts', import.meta.url).href, exportName: 'scaleScenario', args: [scaleSessions] };
  }
  return { module: new URL('../../models/mnha/scenarios/index.ts', import.meta.url).href, exportName: 'findScenario', args: [name] };
}

export { SCENARIOS };
