/** What `ha-verify config` prints as text: nodes, derived parameters, warnings, verdicts, findings. */
import type { ConfigReport } from '../config/config-report.js';
import type { LineRef } from '../config/pair-issues.js';
import { duration, num, table } from './format.js';

/** `file:line, file:line` for a list of lines; with `short`, files are named by their node (`n1:17`). */
export function linesText(lines: readonly LineRef[], short?: ReadonlyMap<string, string>): string {
  return lines.map((l) => `${short?.get(l.file) ?? l.file}:${l.line}`).join(', ');
}

/** The report as text; `stories` adds each violation's trace as text. */
export function configText(r: ConfigReport, stories: boolean): string {
  const out: string[] = [];
  for (const [name, n] of Object.entries(r.nodes)) {
    out.push(`${name}: ${n.file}: local-id ${n.localId}, ${num(n.lines)} lines (${num(n.notRead)} outside high-availability, not read)`);
  }
  out.push('', 'derived model parameters:');
  // the table names files by node (n1:17) to stay readable; the lines above say which file is which
  const short = new Map(Object.entries(r.nodes).map(([name, n]) => [n.file, name]));
  out.push(table(['parameter', 'value', 'lines', 'why'], r.derived.decisions.map((d) => [d.parameter, d.value, linesText(d.lines, short), d.why])));
  out.push('', `faults considered: ${r.derived.faults.join(', ') || 'none'}`);
  out.push('', 'runs:');
  out.push(table(['run', 'what', 'states', 'time'], r.derived.runs.map((run) => [
    run.name, run.purpose, run.distinctStates === undefined ? 'not run' : `${num(run.distinctStates)}${run.complete === false ? ' (INCOMPLETE)' : ''}`,
    run.durationMs === undefined ? '' : duration(run.durationMs),
  ])));
  if (r.warnings.length > 0) {
    out.push('', 'warnings:');
    for (const w of r.warnings) out.push(`  - ${w.message}`);
  }
  out.push('', 'properties:');
  out.push(table(['property', 'kind', 'verdict', 'run', 'trace'], r.findings.map((f) => [
    f.property, f.kind, f.vacuous === true ? 'holds (vacuous: never put to the test)' : f.verdict, f.run ?? '', f.trace === undefined ? '' : `${f.trace} (${f.traceLength} states)`,
  ])));
  for (const f of r.findings.filter((x) => x.verdict === 'violated')) {
    out.push('', `${f.property} is violated${f.meaning === undefined ? '' : `: ${f.meaning}`}`);
    if (f.note !== undefined) out.push(`  note: ${f.note}`);
    if (f.trace !== undefined) out.push(`  trace: ${f.trace}${f.page === undefined ? '' : `  (viewer page: ${f.page})`}`);
    for (const e of f.events ?? []) out.push(`  step ${e.step}: ${e.what}`);
    if (f.lines.length > 0) out.push(`  configuration lines: ${linesText(f.lines)}`);
    for (const remedy of f.remedies ?? []) out.push(`  to remove it: ${remedy}`);
    if (stories && f.story !== undefined) out.push('', ...f.story.trimEnd().split('\n').map((line) => `    ${line}`));
  }
  out.push('');
  if (!r.complete) out.push('result: INCOMPLETE (a run was stopped); the verdicts above are partial');
  out.push(r.violations === 0 ? 'result: no property violated on the derived model' : `result: ${r.violations} propert${r.violations === 1 ? 'y' : 'ies'} violated on the derived model`);
  return `${out.join('\n')}\n`;
}
