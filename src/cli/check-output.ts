/**
 * What `check` prints: one table for the built-in engine, the same table
 * for TLC, and, for `--engine both`, one table with a verdict column per
 * engine and whether they agree.
 */
import type { CheckReport } from '../explore/check-scenario.js';
import type { TlcCheckReport } from '../tla/index.js';
import { duration, num, table } from './format.js';

/** The verdicts of TLC, with the expectation and the trace file written, as `check --json` prints them. */
export interface TlcProperty {
  readonly name: string;
  readonly kind: string;
  readonly expected: string;
  readonly verdict: string;
  readonly trace?: string;
  readonly traceLength?: number;
}

/** TLC's report as `check` prints it: the properties with trace files, not trace contents. */
export type TlcSummary = Omit<TlcCheckReport, 'properties' | 'ok'> & { readonly properties: readonly TlcProperty[] };

const incomplete = (r: { complete: boolean; stopReason?: string }): string => (r.complete ? '' : `  INCOMPLETE (${r.stopReason ?? 'stopped'})`);

/** The summary line of the built-in engine's run. */
export function builtinLine(r: CheckReport): string {
  return `engine builtin: ${num(r.distinctStates)} distinct states, ${num(r.generatedStates)} generated, depth ${r.depth}, `
    + `${duration(r.durationMs)} (${num(r.statesPerSecond)} states/s, ${r.bytesPerState} bytes/state)${incomplete(r)}`;
}

/** The summary line of TLC's runs. */
export function tlcLine(r: TlcSummary): string {
  const states = r.complete ? `${num(r.distinctStates)} distinct states` : `at least ${num(r.distinctStates)} distinct states`;
  const version = r.tlcVersion !== undefined ? `, TLC ${r.tlcVersion}` : '';
  return `engine tlc: ${states}, ${num(r.generatedStates)} generated, depth ${r.depth}, ${duration(r.durationMs)} `
    + `(${r.runs} TLC run${r.runs === 1 ? '' : 's'}${version})${incomplete(r)}`;
}

const mark = (verdict: string, expected: string): string => (verdict === expected ? verdict : `${verdict}  <-- NOT AS EXPECTED`);
const traceCell = (p: { trace?: string; traceLength?: number }): string => (p.trace ? `${p.trace} (${p.traceLength} states)` : '');

/** Whether every TLC verdict is as expected (and the run complete). */
export function tlcAsExpected(r: TlcSummary): boolean {
  return r.complete && r.properties.every((p) => p.verdict === p.expected);
}

/**
 * A verdict as the tables show it: a property that held without ever being
 * put to the test says "vacuous", not "holds" (it is no evidence).
 */
export function shownVerdict(p: { verdict: string; expected: string; vacuous?: boolean; structural?: string }): string {
  if (p.vacuous === true) return `vacuous (expected ${p.expected})`;
  return p.structural !== undefined && p.verdict === p.expected ? `${p.verdict}, structural` : mark(p.verdict, p.expected);
}

/** How many states put a property to the test, for the tables. */
export function exercisedCell(p: { exercised?: number }): string {
  return p.exercised === undefined ? '' : num(p.exercised);
}

/** The built-in engine's report as text. */
export function builtinText(report: CheckReport, title: string, asExpected: boolean): string {
  const out = [`scenario ${report.scenario}: ${title}`, builtinLine(report), ''];
  out.push(table(['property', 'kind', 'expected', 'verdict', 'exercised', 'trace'], report.properties.map((p) => [p.name, p.kind, p.expected, shownVerdict(p), exercisedCell(p), traceCell(p)])));
  const vacuous = report.properties.filter((p) => p.vacuous === true).length;
  if (vacuous > 0) out.push('', `${vacuous} propert${vacuous === 1 ? 'y holds' : 'ies hold'} vacuously: no reachable state put ${vacuous === 1 ? 'it' : 'them'} to the test (exercised 0); that is not evidence`);
  const structural = report.properties.filter((p) => p.structural !== undefined).length;
  if (structural > 0) out.push(`${structural} propert${structural === 1 ? 'y restates' : 'ies restate'} the machine ("structural": ${structural === 1 ? 'it' : 'they'} cannot fail by construction; kept as regression guards, not evidence)`);
  if (report.note) out.push('', `note: ${report.note}`);
  if (report.error) out.push('', `model error: ${report.error.message}${report.error.trace ? ` (trace: ${report.error.trace})` : ''}`);
  out.push('', asExpected ? 'result: every verdict as expected' : 'result: NOT as expected');
  return out.join('\n') + '\n';
}

/** TLC's report as text, the same table as the built-in engine's. */
export function tlcText(r: TlcSummary, title: string): string {
  const out = [`scenario ${r.scenario}: ${title}`, tlcLine(r), ''];
  out.push(table(['property', 'kind', 'expected', 'verdict', 'trace'], r.properties.map((p) => [p.name, p.kind, p.expected, mark(p.verdict, p.expected), traceCell(p)])));
  for (const n of r.notes) out.push(`note: ${n}`);
  out.push('', tlcAsExpected(r) ? 'result: every verdict as expected' : 'result: NOT as expected');
  return out.join('\n') + '\n';
}

/**
 * Where the two engines differ: the distinct-state count (when both
 * explored everything) and any verdict both reached.
 */
export function disagreements(b: CheckReport, t: TlcSummary): string[] {
  const out: string[] = [];
  if (b.complete && t.complete && b.distinctStates !== t.distinctStates) out.push(`distinct states: builtin ${b.distinctStates}, TLC ${t.distinctStates}`);
  for (const p of b.properties) {
    const q = t.properties.find((x) => x.name === p.name);
    if (q && p.verdict !== 'unknown' && q.verdict !== 'unknown' && p.verdict !== q.verdict) out.push(`${p.name}: builtin ${p.verdict}, TLC ${q.verdict}`);
  }
  return out;
}

/** Both reports in one table: a verdict column per engine, then both traces. */
export function bothText(b: CheckReport, t: TlcSummary, title: string, ok: boolean): string {
  const out = [`scenario ${b.scenario}: ${title}`, builtinLine(b), tlcLine(t), ''];
  const rows = b.properties.map((p) => {
    const q = t.properties.find((x) => x.name === p.name);
    const tv = q?.verdict ?? 'unknown';
    const flag = p.verdict !== 'unknown' && tv !== 'unknown' && p.verdict !== tv ? '  <-- ENGINES DISAGREE'
      : p.verdict !== p.expected || tv !== p.expected ? '  <-- NOT AS EXPECTED' : '';
    return [p.name, p.kind, p.expected, p.verdict, tv + flag, [p.trace, q?.trace].filter(Boolean).join(', ')];
  });
  out.push(table(['property', 'kind', 'expected', 'builtin', 'tlc', 'traces'], rows));
  if (b.note) out.push('', `note: ${b.note}`);
  if (b.error) out.push('', `model error: ${b.error.message}`);
  for (const n of t.notes) out.push(`note (TLC): ${n}`);
  const diff = disagreements(b, t);
  out.push('');
  if (diff.length > 0) out.push(`ENGINES DISAGREE:`, ...diff.map((d) => `  ${d}`));
  else if (b.complete && t.complete) out.push(`engines agree: ${num(b.distinctStates)} distinct states, same verdict for every property`);
  else out.push('engines agree on every verdict both reached (a run is incomplete)');
  out.push(ok ? 'result: every verdict as expected' : 'result: NOT as expected');
  return out.join('\n') + '\n';
}
