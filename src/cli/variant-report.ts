/** The broken variants' results as table rows, and the scenario order the checks go through. */
import type { Scenario } from '../model/index.js';
import type { VariantResult } from '../replay/variants.js';
import { scenarioSizes } from './spec-manifest.js';

/** One row per variant: name, fault, caught, by, where, step, action, variables. */
export function variantRows(results: readonly VariantResult[]): string[][] {
  return results.map((r) => r.caught
    ? [r.variant, r.fault, 'yes', r.by.check, r.by.where, String(r.by.step), r.by.action, r.by.variables.slice(0, 4).join(' ') + (r.by.variables.length > 4 ? ' ...' : '')]
    : [r.variant, r.fault, 'NO', '', '', '', '', '']);
}

/** The scenarios, smallest state space first (as the exported spec manifest records it), so that cheap checks come first. */
export function scenariosBySize(scenarios: readonly Scenario[]): Scenario[] {
  const states = scenarioSizes();
  return [...scenarios].sort((a, b) => (states.get(a.name) ?? Infinity) - (states.get(b.name) ?? Infinity));
}
