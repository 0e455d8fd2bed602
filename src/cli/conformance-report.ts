/** Conformance reports as table rows (terminal, verify.md). */
import type { ConformanceReport } from '../replay/conformance.js';
import { num } from './format.js';

/** One row per report: scenario, states, transitions, conform, departures, whole graph. */
export function conformanceRows(reports: readonly ConformanceReport[]): string[][] {
  return reports.map((r) => [
    r.scenario, num(r.states), num(r.transitions), num(r.conform), r.departures === 0 ? '0' : `${num(r.departures)} <-- DEPARTS`,
    r.complete ? 'yes' : 'no (bounded)',
  ]);
}
