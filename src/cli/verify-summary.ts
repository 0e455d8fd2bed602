/**
 * The summary of a verification run, as `verify` writes it: its result
 * (as expected, not, or interrupted), the rows of the table, and the same
 * as Markdown (`verify.md`, and GitHub's step summary).
 */
import type { CheckReport } from '../explore/check-scenario.js';
import type { ConformanceReport } from '../replay/conformance.js';
import type { VariantResult } from '../variants/check-variant.js';
import type { RunsReport } from '../validate/validate-runs.js';
import { conformanceRows } from './conformance-report.js';
import { duration, num } from './format.js';
import { variantRows } from './variant-report.js';

/** One row of the summary: a property of a scenario. */
export interface VerifyRow {
  scenario: string;
  property: string;
  kind: string;
  expected: string;
  verdict: string;
  asExpected: boolean;
  /** Reachable states that put the property to the test (see `PropertyVerdict.exercised`). */
  exercised?: number;
  /** Held with nothing putting it to the test: not evidence. */
  vacuous?: boolean;
  /** The property restates the machine (cannot fail by construction): not evidence. */
  structural?: boolean;
  trace?: string;
  replay?: string;
  viewer?: string;
}

/** One kept trace of the manifest, replayed. */
export interface KeptRow {
  readonly trace: string;
  readonly expect: string;
  readonly ok: boolean;
  readonly verdict: string;
}

/** How a run ended: every expectation holds, one does not, or Ctrl-C stopped it. */
export type VerifyResult = 'as expected' | 'NOT as expected' | 'interrupted';

/** The headline of a result, for the terminal and the Markdown. */
export function resultLine(result: VerifyResult, checked: number, asked: number): string {
  if (result === 'interrupted') return `INTERRUPTED: ${checked} of ${asked} scenario${asked === 1 ? '' : 's'} checked; what was found is shown, verdicts not reached are unknown`;
  return result === 'as expected' ? 'every expectation holds' : 'NOT as expected';
}

/** One row per scenario's validated runs: scenario, runs, conforming, observations, events per class, time. */
export function validationRows(reports: readonly RunsReport[]): string[][] {
  return reports.map((r) => [
    r.scenario, String(r.runs.length), r.conforming === r.runs.length ? String(r.conforming) : `${r.conforming} <-- NOT ALL`, num(r.steps),
    Object.entries(r.events).map(([c, n]) => `${c} ${n}`).join(', '), duration(r.durationMs),
  ]);
}

/** Markdown cells hold no pipes or line breaks. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The implementation against the model: conformance per scenario, and the broken variants. */
export interface ImplementationChecks {
  readonly conformance: readonly ConformanceReport[];
  readonly variants: readonly VariantResult[];
  /** Recorded runs validated against the model, per scenario. */
  readonly validation?: readonly RunsReport[];
  /** Why the variants were not run, if they were not. */
  readonly variantsSkipped?: string;
}

/** The run as Markdown (`verify.md`, and what goes to GITHUB_STEP_SUMMARY). */
export function verifyMarkdown(
  reports: readonly CheckReport[], rows: readonly VerifyRow[], kept: readonly KeptRow[], result: VerifyResult, asked: number,
  impl: ImplementationChecks = { conformance: [], variants: [] },
): string {
  const lines = ['# ha-verify verification run', '', `Result: **${resultLine(result, reports.length, asked)}**`, ''];
  lines.push('| scenario | distinct states | depth | time |', '| --- | ---: | ---: | ---: |');
  for (const r of reports) lines.push(`| ${r.scenario} | ${num(r.distinctStates)}${r.complete ? '' : ` (incomplete: ${r.stopReason ?? 'stopped'})`} | ${r.depth} | ${duration(r.durationMs)} |`);
  const vacuous = rows.filter((r) => r.vacuous === true).length;
  if (vacuous > 0) lines.push('', `${vacuous} verdicts hold vacuously (no reachable state put the property to the test): they are marked "vacuous" and are not evidence.`);
  lines.push('', '| scenario | property | expected | verdict | exercised | trace | replay |', '| --- | --- | --- | --- | ---: | --- | --- |');
  for (const r of rows) {
    const verdict = r.vacuous === true ? 'vacuous' : r.structural === true && r.asExpected ? `${r.verdict}, structural` : r.verdict;
    lines.push(`| ${r.scenario} | ${r.property} | ${r.expected} | ${r.asExpected ? verdict : `**${verdict}**`} | ${r.exercised ?? ''} | ${cell(r.trace ?? '')} | ${cell(r.replay ?? '')} |`);
  }
  if (kept.length > 0) {
    lines.push('', '| kept trace | expected | replay |', '| --- | --- | --- |');
    for (const k of kept) lines.push(`| ${cell(k.trace)} | ${k.expect} | ${k.ok ? cell(k.verdict) : `**${cell(k.verdict)}**`} |`);
  }
  if (impl.conformance.length > 0) {
    lines.push('', 'The implementation against the model, transition by transition:', '');
    lines.push('| scenario | states | transitions | conform | departures | whole graph |', '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of conformanceRows(impl.conformance)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  }
  if (impl.validation !== undefined && impl.validation.length > 0) {
    lines.push('', 'Recorded runs of the implementation (clock-driven, seeded faults), validated against the model:', '');
    lines.push('| scenario | runs | conforming | observations | events injected | time |', '| --- | ---: | ---: | ---: | --- | ---: |');
    for (const r of validationRows(impl.validation)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  }
  if (impl.variants.length > 0) {
    const caught = impl.variants.filter((v) => v.caught).length;
    lines.push('', `Broken variants of the implementation caught by the model-based checks: ${caught} of ${impl.variants.length}`, '');
    lines.push('| variant | fault | caught | by | where | step | action | variables | validation of recorded runs |', '| --- | --- | --- | --- | --- | ---: | --- | --- | --- |');
    for (const r of variantRows(impl.variants)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  } else if (impl.variantsSkipped !== undefined) {
    lines.push('', `Broken variants: not run (${cell(impl.variantsSkipped)})`);
  }
  return lines.join('\n') + '\n';
}
