/**
 * `ha-verify verify`: the main job. Every scenario on the built-in engine,
 * every verdict against its expectation, counterexamples written to traces/
 * and replayed against the implementation, and a summary on stdout and in
 * reports/ (JSON, Markdown, and an HTML index of the viewer pages).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckReport, allAsExpected, checkScenario } from '../../explore/check-scenario.js';
import { type ReplayResult, replayManifest, replayTrace } from '../../replay/index.js';
import { readItfTraceFile } from '../../trace/index.js';
import { writeIndexHtml, writeTraceHtml } from '../../viewer/index.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, UsageError } from '../command.js';
import { duration, num, table } from '../format.js';
import { interruptSignal, printProgress } from '../progress.js';
import { SCENARIOS, scenarioNamed } from '../scenario-lookup.js';
import { writeFileAtomic } from '../write-atomic.js';

const HELP = `usage: ha-verify verify [options]

Runs every scenario (or the ones named with --scenario) on the built-in
engine, checks every verdict against the scenario's expectation, writes each
counterexample to traces/<scenario>/<property>.itf.json, replays it against
the implementation in src/impl, replays the kept traces of traces/manifest.json, and prints a summary table. The same content
goes to reports/verify.json and reports/verify.md, and reports/index.html
links every trace to its viewer page.

options:
  --scenario NAME   only this scenario (repeatable as a comma list)
  --json            print the summary as JSON
  --traces DIR      where traces go (default: traces)
  --reports DIR     where reports go (default: reports)
  --no-replay       do not replay counterexamples
  --quiet           no progress lines on stderr

exit status: 0 when every expectation holds (verdicts and replays), 1 when
one does not, 2 usage error.`;

/** One row of the summary. */
interface Row {
  scenario: string;
  property: string;
  kind: string;
  expected: string;
  verdict: string;
  asExpected: boolean;
  trace?: string;
  replay?: string;
  viewer?: string;
}

/** Replays one trace file against the implementation: a one-line summary and the result for the viewer. */
async function replayFile(file: string): Promise<{ summary: string; result?: ReplayResult }> {
  const t = await readItfTraceFile(file);
  if (!t.ok) return { summary: `error: ${t.error.message}` };
  const r = replayTrace(t.value);
  if (r.outcome === 'follows') return { summary: 'follows the whole trace', result: r };
  if (r.outcome === 'departs') return { summary: `departs at step ${r.step}`, result: r };
  return { summary: `error: ${r.message}`, result: r };
}

/** The kept traces of a manifest, each replayed and judged as the manifest says. */
async function replayKept(manifest: string): Promise<{ trace: string; expect: string; ok: boolean; verdict: string }[]> {
  const r = await replayManifest(manifest);
  if ('outcome' in r) return [{ trace: manifest, expect: 'a valid manifest', ok: false, verdict: r.message }];
  return r.checks.map((c) => ({ trace: c.entry.trace, expect: c.entry.expect, ok: c.ok, verdict: c.verdict }));
}

function markdown(reports: CheckReport[], rows: Row[], ok: boolean): string {
  const lines = ['# ha-verify verification run', '', `Result: **${ok ? 'every expectation holds' : 'NOT as expected'}**`, ''];
  lines.push('| scenario | distinct states | depth | time |', '| --- | ---: | ---: | ---: |');
  for (const r of reports) lines.push(`| ${r.scenario} | ${num(r.distinctStates)} | ${r.depth} | ${duration(r.durationMs)} |`);
  lines.push('', '| scenario | property | expected | verdict | trace | replay |', '| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) lines.push(`| ${r.scenario} | ${r.property} | ${r.expected} | ${r.asExpected ? r.verdict : `**${r.verdict}**`} | ${r.trace ?? ''} | ${r.replay ?? ''} |`);
  return lines.join('\n') + '\n';
}

export const command: Command = {
  summary: 'the main job: every scenario, every property, traces replayed, reports written',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      scenario: { type: 'string' }, json: { type: 'boolean' }, traces: { type: 'string' }, reports: { type: 'string' },
      'no-replay': { type: 'boolean' }, quiet: { type: 'boolean' },
    });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const scenarios = options.scenario ? String(options.scenario).split(',').map((n) => scenarioNamed(n)) : SCENARIOS;
    const tracesDir = (options.traces as string | undefined) ?? 'traces';
    const reportsDir = (options.reports as string | undefined) ?? 'reports';
    const replay = options['no-replay'] ? undefined : replayFile;
    const interrupt = interruptSignal();
    const reports: CheckReport[] = [];
    const rows: Row[] = [];
    const started = performance.now();
    try {
      for (const sc of scenarios) {
        if (interrupt.signal.aborted) break;
        if (!options.quiet) process.stderr.write(`checking ${sc.name}...\n`);
        const { report } = await checkScenario(sc, {
          outDir: tracesDir, signal: interrupt.signal,
          ...(options.quiet ? {} : { onProgress: (p) => printProgress(sc.name, p) }),
        });
        reports.push(report);
        for (const p of report.properties) {
          const row: Row = { scenario: sc.name, property: p.name, kind: p.kind, expected: p.expected, verdict: p.verdict, asExpected: p.verdict === p.expected };
          if (p.trace) {
            row.trace = p.trace;
            const replayed = replay ? await replay(p.trace) : undefined;
            if (replayed) row.replay = replayed.summary;
            const html = join(reportsDir, sc.name, `${p.name}.html`);
            const page = await writeTraceHtml(p.trace, html, replayed?.result !== undefined ? { replay: replayed.result } : {});
            if (page.ok) row.viewer = html;
          }
          rows.push(row);
        }
      }
    } finally {
      interrupt.dispose();
    }
    const complete = reports.length === scenarios.length;
    const replayOk = rows.every((r) => !r.replay || !r.replay.startsWith('error'));
    // The kept traces: the manifest beside the traces written, else the project's own, if there is one.
    const manifest = [join(tracesDir, 'manifest.json'), join('traces', 'manifest.json')].find((m) => existsSync(m));
    const kept = options['no-replay'] || !manifest ? undefined : await replayKept(manifest);
    const keptOk = !kept || kept.every((k) => k.ok);
    const ok = complete && reports.every(allAsExpected) && replayOk && keptOk;
    const summary = {
      result: ok ? 'as expected' : 'NOT as expected',
      complete,
      durationMs: Math.round(performance.now() - started),
      replay: replay ? 'src/impl' : 'skipped',
      scenarios: reports,
      rows,
      kept: kept ?? [],
    };
    await writeFileAtomic(join(reportsDir, 'verify.json'), JSON.stringify(summary, null, 2) + '\n');
    await writeFileAtomic(join(reportsDir, 'verify.md'), markdown(reports, rows, ok));
    await writeIndexHtml(rows, reportsDir);
    if (options.json) {
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    } else {
      const out: string[] = [];
      out.push(table(['scenario', 'states', 'depth', 'time'], reports.map((r) => [r.scenario, num(r.distinctStates), String(r.depth), duration(r.durationMs)])));
      out.push('');
      out.push(table(['scenario', 'property', 'expected', 'verdict', 'trace', 'replay'], rows.map((r) => [
        r.scenario, r.property, r.expected, r.asExpected ? r.verdict : `${r.verdict} <-- NOT AS EXPECTED`, r.trace ?? '', r.replay ?? '',
      ])));
      out.push('');
      if (kept && kept.length > 0) {
        out.push(`kept counterexamples (${manifest}), replayed against the implementation:`);
        out.push(table(['trace', 'expected', 'replay'], kept.map((k) => [k.trace, k.expect, k.ok ? k.verdict : `${k.verdict}  <-- NOT AS EXPECTED`])));
        out.push('');
      }
      out.push(`reports: ${join(reportsDir, 'verify.md')}, ${join(reportsDir, 'verify.json')}, ${join(reportsDir, 'index.html')}`);
      out.push(ok ? 'result: every expectation holds' : 'result: NOT as expected');
      process.stdout.write(out.join('\n') + '\n');
    }
    return ok ? EXIT_OK : EXIT_MISMATCH;
  },
};
