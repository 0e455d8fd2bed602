/** Replay results as text for people: one headline, then what differed and the steps that led there. */
import type { ReplayResult } from './result.js';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The text report of one replay: `label` (usually the trace path) and the
 * outcome, then for a departure the per-variable diff and the steps
 * applied, for an error its code, message and hint. `verdict` (from the
 * manifest check) is appended when given.
 */
export function formatReplay(label: string, result: ReplayResult, verdict?: string): string {
  const lines: string[] = [];
  const tail = verdict === undefined ? '' : `  [${verdict}]`;
  switch (result.outcome) {
    case 'follows':
      lines.push(`${label}: follows the whole trace (${result.steps} steps)${tail}`);
      break;
    case 'departs': {
      lines.push(`${label}: departs at step ${result.step}, ${result.action}${tail}`);
      const last = result.log[result.log.length - 1];
      if (last !== undefined && last.step === result.step) lines.push(`  stimulus: ${last.stimulus} -> ${last.outcome}`);
      const width = Math.max(8, ...result.diff.map((d) => d.variable.length));
      lines.push(`  ${'variable'.padEnd(width)}  expected (trace)  actual (implementation)`);
      for (const d of result.diff) lines.push(`  ${d.variable.padEnd(width)}  ${show(d.expected).padEnd(16)}  ${show(d.actual)}`);
      if (result.log.length > 1) {
        lines.push('  steps:');
        for (const s of result.log) lines.push(`    ${String(s.step).padStart(3)}  ${s.action}  [${s.stimulus} -> ${s.outcome}]`);
      }
      break;
    }
    case 'error':
      lines.push(`${label}: cannot be replayed: ${result.code}: ${result.message}${tail}`);
      lines.push(`  ${result.hint}`);
      break;
  }
  return lines.join('\n');
}
