/**
 * A sweep's results as data (`sweep.json`), as a Markdown matrix
 * (`sweep.md`: a row per combination, a column per property) and as an
 * HTML page in the viewer's style (`sweep.html`) whose violated cells link
 * the trace's viewer page.
 */
import type { ChosenAxis, Combination } from './axes.js';
import type { CellResult, CellVerdict } from './sweep-types.js';

/** One combination's row. */
export interface SweepRow {
  readonly index: number;
  readonly id: string;
  readonly choice: Readonly<Record<string, string>>;
  readonly states?: number;
  readonly complete: boolean;
  readonly durationMs?: number;
  readonly error?: string;
  /** Per property. */
  readonly verdicts: Readonly<Record<string, CellVerdict>>;
}

/** The whole sweep. */
export interface SweepReport {
  readonly axes: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly properties: readonly string[];
  readonly combinations: readonly SweepRow[];
  /** Per property: in how many combinations it is violated, vacuous. */
  readonly summary: Readonly<Record<string, { readonly violated: number; readonly vacuous: number; readonly holds: number }>>;
  readonly jobs: number;
  readonly durationMs: number;
  /** Every combination checked whole. */
  readonly complete: boolean;
}

/** Builds the report from the results (undefined: not checked, the sweep was interrupted). */
export function sweepReport(chosen: readonly ChosenAxis[], combos: readonly Combination[], results: readonly (CellResult | undefined)[], jobs: number, durationMs: number): SweepReport {
  const properties: string[] = [];
  for (const r of results) if (r?.ok) for (const p of r.properties) if (!properties.includes(p.name)) properties.push(p.name);
  const rows: SweepRow[] = combos.map((c, index) => {
    const r = results[index];
    if (r === undefined) return { index, id: c.id, choice: c.choice, complete: false, verdicts: {} };
    if (!r.ok) return { index, id: c.id, choice: c.choice, complete: false, durationMs: r.durationMs, error: r.error, verdicts: {} };
    return {
      index, id: c.id, choice: c.choice, states: r.distinctStates, complete: r.complete, durationMs: r.durationMs,
      verdicts: Object.fromEntries(r.properties.map((p) => [p.name, p])),
    };
  });
  const summary = Object.fromEntries(properties.map((name) => {
    const cells = rows.map((r) => r.verdicts[name]).filter((v): v is CellVerdict => v !== undefined);
    return [name, {
      violated: cells.filter((v) => v.verdict === 'violated').length,
      vacuous: cells.filter((v) => v.vacuous === true).length,
      holds: cells.filter((v) => v.verdict === 'holds' && v.vacuous !== true).length,
    }];
  }));
  return {
    axes: chosen.map((c) => ({ name: c.axis.name, values: c.values.map((v) => v.name) })),
    properties, combinations: rows, summary, jobs, durationMs,
    complete: rows.every((r) => r.complete && r.error === undefined),
  };
}

/** A cell's one-character mark: holds, violated, vacuous, unknown. */
export function cellMark(v: CellVerdict | undefined): string {
  if (v === undefined) return '?';
  if (v.verdict === 'violated') return 'X';
  if (v.vacuous === true) return 'o';
  return v.verdict === 'holds' ? '.' : '?';
}

const LEGEND = '`.` holds, `X` violated (links its trace), `o` vacuous (nothing put it to the test: not evidence), `?` not known';

/** The matrix as Markdown; `link` gives the address a violated cell links to. */
export function sweepMarkdown(report: SweepReport, link: (trace: string) => string): string {
  const lines = ['# ha-verify design sweep', ''];
  lines.push(`${report.combinations.length} combinations of ${report.axes.map((a) => `${a.name} (${a.values.join(', ')})`).join(' x ')}, ${report.jobs} processes, ${(report.durationMs / 1000).toFixed(1)} s${report.complete ? '' : ' (INCOMPLETE)'}.`, '');
  lines.push(`Cells: ${LEGEND}.`, '');
  lines.push('Violated in:', '');
  for (const p of report.properties) {
    const s = report.summary[p];
    if (s && (s.violated > 0 || s.vacuous > 0)) lines.push(`- ${p}: violated in ${s.violated}, vacuous in ${s.vacuous} of ${report.combinations.length}`);
  }
  lines.push('');
  const head = ['#', ...report.axes.map((a) => a.name), 'states', ...report.properties];
  lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
  for (const r of report.combinations) {
    const cells = report.properties.map((p) => {
      const v = r.verdicts[p];
      const m = cellMark(v);
      return v?.trace && m === 'X' ? `[X](${link(v.trace)})` : m;
    });
    lines.push(`| ${r.index + 1} | ${report.axes.map((a) => r.choice[a.name] ?? '').join(' | ')} | ${r.error ? `error: ${r.error.replace(/\|/g, '/')}` : r.states ?? '?'} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The matrix as one self-contained HTML page; `link` gives a violated cell's address (a viewer page). */
export function sweepHtml(report: SweepReport, link: (trace: string) => string): string {
  const head = ['#', ...report.axes.map((a) => a.name), 'states', ...report.properties];
  const rows = report.combinations.map((r) => {
    const cells = report.properties.map((p) => {
      const v = r.verdicts[p];
      const m = cellMark(v);
      const cls = m === 'X' ? 'bad' : m === 'o' ? 'vac' : m === '.' ? 'ok' : 'unk';
      const title = v === undefined ? 'not known' : `${p}: ${v.vacuous ? 'vacuous' : v.verdict}${v.exercised !== undefined ? `, exercised ${v.exercised}` : ''}`;
      const inner = v?.trace && m === 'X' ? `<a href="${esc(link(v.trace))}">violated</a>` : m === 'o' ? 'vacuous' : m === '.' ? 'holds' : m === '?' ? '?' : 'violated';
      return `<td class="${cls}" title="${esc(title)}">${inner}</td>`;
    });
    const axes = report.axes.map((a) => `<td>${esc(r.choice[a.name] ?? '')}</td>`).join('');
    return `<tr><td>${r.index + 1}</td>${axes}<td>${r.error ? `error: ${esc(r.error)}` : r.states ?? '?'}</td>${cells.join('')}</tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ha-verify design sweep</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; color: #1a1a1a; margin: 16px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; white-space: nowrap; }
th { background: #f0f0f0; position: sticky; top: 0; writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; }
td.ok { color: #1d5e20; } td.vac { color: #5a4a00; background: #fff6cc; } td.bad { background: #fde2e1; font-weight: 600; } td.bad a { color: #8b0000; }
td.unk { color: #444; }
.wrap { overflow: auto; max-width: 100%; }
</style></head><body>
<h1>ha-verify design sweep</h1>
<p>${report.combinations.length} combinations of ${esc(report.axes.map((a) => `${a.name} (${a.values.join(', ')})`).join(' × '))}; ${report.jobs} processes, ${(report.durationMs / 1000).toFixed(1)} s${report.complete ? '' : ' <strong>INCOMPLETE</strong>'}.
Cells: holds; <strong>violated</strong> (links the trace); vacuous (nothing put the property to the test: not evidence).</p>
<div class="wrap"><table>
<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</body></html>
`;
}
