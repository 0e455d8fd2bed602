/** The broken variants' results as table rows, and the scenario order the checks go through. */
import type { Scenario } from '../model/index.js';
import type { VariantResult } from '../variants/check-variant.js';
import { scenarioSizes } from './spec-manifest.js';

/** What validation of the variant's recorded runs found, in a few words: where and on which variables, or "missed". */
export function validationCell(r: VariantResult): string {
  const v = r.validation;
  if (v === null) return 'missed';
  return `${v.where} line ${v.step}${v.variables.length > 0 ? `: ${v.variables.slice(0, 2).join(' ')}${v.variables.length > 2 ? ' ...' : ''}` : ''}`;
}

/** One row per variant: name, fault, caught, by, where, step, action, variables, validation. */
export function variantRows(results: readonly VariantResult[]): string[][] {
  return results.map((r) => r.caught
    ? [r.variant, r.fault, 'yes', r.by.check, r.by.where, String(r.by.step), r.by.action, r.by.variables.slice(0, 4).join(' ') + (r.by.variables.length > 4 ? ' ...' : ''), validationCell(r)]
    : [r.variant, r.fault, 'NO', '', '', '', '', '', validationCell(r)]);
}

/** The scenarios, smallest state space first (as the exported spec manifest records it), so that cheap checks come first. */
export function scenariosBySize(scenarios: readonly Scenario[]): Scenario[] {
  const states = scenarioSizes();
  return [...scenarios].sort((a, b) => (states.get(a.name) ?? Infinity) - (states.get(b.name) ?? Infinity));
}
