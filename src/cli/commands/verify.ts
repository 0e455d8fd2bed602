/**
 * `ha-verify verify`: the main job. Every scenario on the built-in engine,
 * every verdict against its expectation, counterexamples written to traces/
 * and replayed against the implementation, and a summary on stdout and in
 * reports/ (JSON, Markdown, and an HTML index of the viewer pages).
 */
import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckReport, allAsExpected, checkScenario } from '../../explore/check-scenario.js';
import { type ConformanceReport, type ReplayResult, checkConformance, replayManifest, replayTrace } from '../../replay/index.js';
import type { VariantResult } from '../../variants/check-variant.js';
import { checkVariantsInWorkers } from '../../variants/variants-parallel.js';
import { readItfTraceFile } from '../../trace/index.js';
import { keptIndexRows, writeIndexHtml, writeTraceHtml } from '../../viewer/index.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { duration, num, table } from '../format.js';
import { junitXml } from '../junit.js';
import { requireWritableFile, requireWritableFolder } from '../output-paths.js';
import { interruptSignal, printProgress } from '../progress.js';
import { SCENARIOS, scenarioNamed } from '../scenario-lookup.js';
import { type VerifyResult, type VerifyRow, resultLine, validationRows, verifyMarkdown } from '../verify-summary.js';
import { loadVariants } from '../broken-variants.js';
import { conformanceRows } from '../conformance-report.js';
import { scenariosBySize, variantRows } from '../variant-report.js';
import { writeFileAtomic } from '../write-atomic.js';
import { type RunsReport, validateRuns } from '../../validate/validate-runs.js';
import { formatItfTrace } from '../../trace/index.js';

/**
 * Recorded runs validated per scenario. One run of 200 observations already
 * injects every event class its scenario allows (measured for each scenario
 * with seeds 1 to 10); five give each class dozens of occurrences at
 * different moments of the protocol, for about a second per scenario.
 */
const VERIFY_RUNS = { runs: 5, seed: 1, steps: 200 } as const;

const HELP = `usage: ha-verify verify [options]

Runs every scenario (or the ones named with --scenario) on the built-in
engine, checks every verdict against the scenario's expectation, writes each
counterexample to traces/<scenario>/<property>.itf.json, replays it against
the implementation in src/impl, replays the kept traces of
traces/manifest.json, and prints a summary table. The same content goes to
reports/verify.json and reports/verify.md, and reports/index.html links
every trace to its viewer page.

For CI: --junit FILE writes JUnit XML (a test case per scenario and
property, failing when its verdict is not the expected one, and one per
kept trace), which CI systems show as test results. When the environment
variable GITHUB_STEP_SUMMARY names a file (GitHub Actions sets it), verify
appends verify.md to it, so the run's page shows the table.

Then the implementation against the model, with no hand-written test:
whole-graph conformance replays every transition of each scenario's state
graph against src/impl (a graph of more than --conformance-states states is
replayed over its first that many states, in breadth-first order, and said
bounded; 'ha-verify conformance' replays it whole), the other way round
${VERIFY_RUNS.runs} recorded runs of the implementation per scenario (clock-driven,
seeded random faults, ${VERIFY_RUNS.steps} observations each) must each be explained by
the model ('ha-verify validate'; logs and traces of those that are not go
to reports/validate/), and every broken variant
of the implementation kept in test/impl/fixtures must be caught by the
model-based checks ('ha-verify mutants'), on a second worker thread meanwhile.

Ctrl-C stops the run: the result is INTERRUPTED (on the terminal, in
verify.md, and "result": "interrupted" in verify.json), what was found is
kept, and verdicts not reached are unknown (skipped in the JUnit XML).

options:
  --scenario NAME   only this scenario (repeatable as a comma list)
  --json            print the summary as JSON
  --traces DIR      where traces go (default: traces)
  --reports DIR     where reports go (default: reports)
  --junit FILE      also write the verdicts as JUnit XML to FILE
  --no-replay       do not replay counterexamples, kept traces, conformance,
                    validation of recorded runs or broken variants (the
                    model alone)
  --conformance-states N
                    most states of a graph replayed whole (default 50000)
  --no-mutants      do not put the broken variants through the checks
  --quiet           no progress lines on stderr
  --debug           show the stack trace of an unexpected error

Output paths (--traces, --reports, --junit, GITHUB_STEP_SUMMARY) are checked
before anything runs: one that cannot be written is a usage error.

exit status: 0 when every expectation holds (verdicts, replays, no
departure, every variant caught); 1 when one does not, or the run was
interrupted; 2 usage error, or a report that
could not be written after all (the results are printed first).`;

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
async function replayKept(manifest: string, results?: Map<string, unknown>): Promise<{ trace: string; expect: string; ok: boolean; verdict: string }[]> {
  const r = await replayManifest(manifest);
  if ('outcome' in r) return [{ trace: manifest, expect: 'a valid manifest', ok: false, verdict: r.message }];
  // The replay results go to the kept traces' viewer pages, not into the summary.
  for (const c of r.checks) results?.set(c.entry.trace, c.result);
  return r.checks.map((c) => ({ trace: c.entry.trace, expect: c.entry.expect, ok: c.ok, verdict: c.verdict }));
}

export const command: Command = {
  summary: 'the main job: every scenario, every property, traces replayed, reports written',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      scenario: { type: 'string' }, json: { type: 'boolean' }, traces: { type: 'string' }, reports: { type: 'string' },
      junit: { type: 'string' }, 'no-replay': { type: 'boolean' }, quiet: { type: 'boolean' },
      'conformance-states': { type: 'integer', min: 1 }, 'no-mutants': { type: 'boolean' },
    });
    const conformanceStates = (options['conformance-states'] as number | undefined) ?? 50_000;
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const scenarios = options.scenario ? String(options.scenario).split(',').map((n) => scenarioNamed(n)) : SCENARIOS;
    const tracesDir = (options.traces as string | undefined) ?? 'traces';
    const reportsDir = (options.reports as string | undefined) ?? 'reports';
    const junitFile = options.junit as string | undefined;
    const stepSummary = process.env.GITHUB_STEP_SUMMARY || undefined;
    // Every output is checked before the run: a run of minutes must not end on a path that cannot be written.
    await requireWritableFolder('--traces', tracesDir);
    await requireWritableFolder('--reports', reportsDir);
    if (junitFile !== undefined) await requireWritableFile('--junit', junitFile);
    if (stepSummary !== undefined) await requireWritableFile('GITHUB_STEP_SUMMARY', stepSummary);

    const replay = options['no-replay'] ? undefined : replayFile;
    const interrupt = interruptSignal();
    const reports: CheckReport[] = [];
    const rows: VerifyRow[] = [];
    const started = performance.now();
    const startedAt = new Date().toISOString().slice(0, 19);
    // The broken variants go to a worker thread at once, so that they run beside the checks.
    let variants: Promise<VariantResult[]> = Promise.resolve([]);
    let variantsSkipped: string | undefined;
    let variantsFailed: string | undefined;
    if (options['no-replay'] || options['no-mutants']) {
      variantsSkipped = options['no-replay'] ? '--no-replay' : '--no-mutants';
    } else {
      const loaded = await loadVariants();
      if (!loaded.ok) variantsSkipped = loaded.message;
      else {
        const keptManifest = [join(tracesDir, 'manifest.json'), join('traces', 'manifest.json')].find((m) => existsSync(m));
        // handled at once, so that a failing worker is a result of the run, not an unhandled rejection
        variants = checkVariantsInWorkers({
          variantsModule: loaded.module,
          names: loaded.variants.map((v) => v.name),
          scenarios: scenariosBySize(SCENARIOS).map((s) => s.name),
          workers: 1,
          signal: interrupt.signal,
          ...(keptManifest === undefined ? {} : { manifest: keptManifest }),
        }).catch((e: unknown) => {
          variantsFailed = `the broken variants could not be checked: ${(e as Error).message}`;
          return [];
        });
      }
    }
    const conformance: ConformanceReport[] = [];
    const validation: RunsReport[] = [];
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
          const row: VerifyRow = {
            scenario: sc.name, property: p.name, kind: p.kind, expected: p.expected, verdict: p.verdict, asExpected: p.verdict === p.expected,
            ...(p.exercised === undefined ? {} : { exercised: p.exercised }), ...(p.vacuous === true ? { vacuous: true } : {}),
            ...(p.structural !== undefined ? { structural: true } : {}),
          };
          if (p.trace) {
            row.trace = p.trace;
            const replayed = replay && !interrupt.signal.aborted ? await replay(p.trace) : undefined;
            if (replayed) row.replay = replayed.summary;
            const html = join(reportsDir, sc.name, `${p.name}.html`);
            const page = await writeTraceHtml(p.trace, html, replayed?.result !== undefined ? { replay: replayed.result } : {});
            if (page.ok) row.viewer = html;
          }
          rows.push(row);
        }
      }
      if (!options['no-replay']) {
        for (const sc of scenarios) {
          if (interrupt.signal.aborted) break;
          const graph = reports.find((r) => r.scenario === sc.name)?.distinctStates ?? Infinity;
          if (!options.quiet) process.stderr.write(`conformance of ${sc.name}...\n`);
          conformance.push(await checkConformance(sc, { signal: interrupt.signal, ...(graph > conformanceStates ? { maxStates: conformanceStates } : {}) }));
        }
        for (const sc of scenarios) {
          if (interrupt.signal.aborted) break;
          if (!options.quiet) process.stderr.write(`validating recorded runs of ${sc.name}...\n`);
          const report = await validateRuns(sc, { ...VERIFY_RUNS, signal: interrupt.signal });
          for (const r of report.runs) {
            if (r.verdict.outcome === 'conforms' || r.text === undefined) continue;
            const base = join(reportsDir, 'validate', `${sc.name}-seed-${r.seed}`);
            await writeFileAtomic(`${base}.jsonl`, r.text);
            if (r.verdict.outcome === 'mismatch' && r.verdict.itf !== undefined) await writeFileAtomic(`${base}.itf.json`, formatItfTrace(r.verdict.itf));
          }
          validation.push(report);
        }
        if (!options.quiet && variantsSkipped === undefined && !interrupt.signal.aborted) process.stderr.write('waiting for the broken variants...\n');
      }
    } finally {
      interrupt.dispose();
    }
    const variantResults = await variants;
    const interrupted = interrupt.signal.aborted;
    const complete = reports.length === scenarios.length && reports.every((r) => r.complete);
    const replayOk = rows.every((r) => !r.replay || !r.replay.startsWith('error'));
    // The kept traces: the manifest beside the traces written, else the project's own, if there is one.
    const manifest = [join(tracesDir, 'manifest.json'), join('traces', 'manifest.json')].find((m) => existsSync(m));
    const keptResults = new Map<string, unknown>();
    const kept = options['no-replay'] || !manifest || interrupted ? undefined : await replayKept(manifest, keptResults);
    const keptOk = !kept || kept.every((k) => k.ok);
    const conformanceOk = conformance.every((c) => c.departures === 0);
    const validationOk = validation.every((v) => v.conforming === v.runs.length);
    const variantsOk = variantsFailed === undefined && variantResults.every((v) => v.caught);
    const ok = complete && reports.every(allAsExpected) && replayOk && keptOk && conformanceOk && validationOk && variantsOk;
    const result: VerifyResult = interrupted ? 'interrupted' : ok ? 'as expected' : 'NOT as expected';
    const summary = {
      result,
      complete,
      durationMs: Math.round(performance.now() - started),
      replay: replay ? 'src/impl' : 'skipped',
      scenarios: reports,
      ...(interrupted ? { notChecked: scenarios.slice(reports.length).map((s) => s.name) } : {}),
      rows,
      kept: kept ?? [],
      conformance: conformance.map((c) => ({
        scenario: c.scenario, states: c.states, transitions: c.transitions, conform: c.conform, departures: c.departures,
        complete: c.complete, ...(c.complete ? {} : { bound: `first ${c.states} states in breadth-first order` }), durationMs: Math.round(c.durationMs),
        examples: c.examples,
      })),
      validation: validation.map((v) => ({
        scenario: v.scenario, runs: v.runs.length, conforming: v.conforming, steps: v.steps, events: v.events, durationMs: v.durationMs,
        mismatches: v.runs.filter((r) => r.verdict.outcome !== 'conforms').map((r) => ({
          seed: r.seed, log: join(reportsDir, 'validate', `${v.scenario}-seed-${r.seed}.jsonl`),
          ...(r.verdict.outcome === 'mismatch' ? { line: r.verdict.line, variables: r.verdict.variables, trace: join(reportsDir, 'validate', `${v.scenario}-seed-${r.seed}.itf.json`) } : {}),
          ...(r.verdict.outcome === 'error' ? { error: r.verdict.message } : {}),
        })),
      })),
      mutants: variantsFailed !== undefined
        ? { error: variantsFailed }
        : variantsSkipped !== undefined
        ? { skipped: variantsSkipped }
        : { caught: variantResults.filter((v) => v.caught).length, total: variantResults.length, variants: variantResults },
    };
    const md = verifyMarkdown(reports, rows, kept ?? [], result, scenarios.length, {
      conformance, variants: variantResults, validation,
      ...(variantsFailed !== undefined ? { variantsSkipped: variantsFailed } : variantsSkipped === undefined ? {} : { variantsSkipped }),
    });

    // Written whole, each; one that fails is said after the results, which are printed anyway.
    const written: string[] = [];
    const failed: string[] = [];
    const attempt = async (what: string, write: () => Promise<void>): Promise<void> => {
      try {
        await write();
        written.push(what);
      } catch (e) {
        failed.push(`cannot write ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    };
    await attempt(join(reportsDir, 'verify.json'), () => writeFileAtomic(join(reportsDir, 'verify.json'), JSON.stringify(summary, null, 2) + '\n'));
    await attempt(join(reportsDir, 'verify.md'), () => writeFileAtomic(join(reportsDir, 'verify.md'), md));
    await attempt(join(reportsDir, 'index.html'), async () => {
      // The kept traces get their own pages, so the index links every trace verify prints.
      const keptRows = kept && manifest ? await keptIndexRows(kept.map((k) => ({ ...k, result: keptResults.get(k.trace) })), manifest, reportsDir) : [];
      const r = await writeIndexHtml(rows, reportsDir, { kept: keptRows });
      if (!r.ok) throw new Error(r.error.message);
    });
    if (junitFile !== undefined) {
      const xml = junitXml({
        scenarios: reports.map((r) => ({ scenario: r.scenario, durationMs: r.durationMs, complete: r.complete })),
        notChecked: summary.notChecked ?? [],
        verdicts: rows,
        kept: kept ?? [],
        conformance: conformance.map((c) => ({
          scenario: c.scenario, transitions: c.transitions, departures: c.departures, complete: c.complete, durationMs: c.durationMs,
          ...(c.examples[0] === undefined ? {} : { example: `${c.examples[0].path.map((l) => l.name).join(', ')}: ${c.examples[0].diff.map((d) => d.variable).join(', ')}` }),
        })),
        validation: validation.map((v) => {
          const bad = v.runs.find((r) => r.verdict.outcome !== 'conforms');
          const example = bad === undefined ? undefined : bad.verdict.outcome === 'mismatch' ? `seed ${bad.seed}: line ${bad.verdict.line} (${bad.verdict.cause}): ${bad.verdict.variables.join(', ')}` : `seed ${bad.seed}: ${bad.verdict.outcome === 'error' ? bad.verdict.message : ''}`;
          return { scenario: v.scenario, runs: v.runs.length, conforming: v.conforming, steps: v.steps, durationMs: v.durationMs, ...(example === undefined ? {} : { example }) };
        }),
        variants: variantResults.map((v) => ({ variant: v.variant, fault: v.fault, caughtBy: v.caught ? `${v.by.check} (${v.by.where}, step ${v.by.step})` : '', durationMs: v.durationMs })),
        interrupted,
        timestamp: startedAt,
      });
      await attempt(junitFile, () => writeFileAtomic(junitFile, xml));
    }
    // GitHub shows what a step appends to this file on the run's page; earlier steps' summaries stay.
    if (stepSummary !== undefined) await attempt(`GITHUB_STEP_SUMMARY (${stepSummary})`, () => appendFile(stepSummary, md + '\n', 'utf8'));

    if (options.json) {
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    } else {
      const out: string[] = [];
      out.push(table(['scenario', 'states', 'depth', 'time'], reports.map((r) => [
        r.scenario, num(r.distinctStates) + (r.complete ? '' : ` (incomplete: ${r.stopReason ?? 'stopped'})`), String(r.depth), duration(r.durationMs),
      ])));
      out.push('');
      out.push(table(['scenario', 'property', 'expected', 'verdict', 'exercised', 'trace', 'replay'], rows.map((r) => [
        r.scenario, r.property, r.expected, r.asExpected ? (r.vacuous ? 'vacuous' : r.structural ? `${r.verdict}, structural` : r.verdict) : `${r.verdict} <-- NOT AS EXPECTED`,
        r.exercised === undefined ? '' : num(r.exercised), r.trace ?? '', r.replay ?? '',
      ])));
      const vacuous = rows.filter((r) => r.vacuous === true).length;
      if (vacuous > 0) out.push(`${vacuous} verdicts hold vacuously: no reachable state put the property to the test ("vacuous" above); they are not evidence`);
      out.push('');
      if (kept && kept.length > 0) {
        out.push(`kept counterexamples (${manifest}), replayed against the implementation:`);
        out.push(table(['trace', 'expected', 'replay'], kept.map((k) => [k.trace, k.expect, k.ok ? k.verdict : `${k.verdict}  <-- NOT AS EXPECTED`])));
        out.push('');
      }
      if (interrupted && manifest && !options['no-replay']) out.push('kept counterexamples: not replayed (interrupted)');
      if (conformance.length > 0) {
        out.push('the implementation against the model, every transition replayed:');
        out.push(table(['scenario', 'states', 'transitions', 'conform', 'departures', 'whole graph'], conformanceRows(conformance)));
        out.push('');
      }
      if (validation.length > 0) {
        out.push('recorded runs of the implementation, validated against the model:');
        out.push(table(['scenario', 'runs', 'conforming', 'observations', 'events injected', 'time'], validationRows(validation)));
        for (const v of validation) {
          for (const r of v.runs) {
            if (r.verdict.outcome === 'mismatch') out.push(`  ${v.scenario} seed ${r.seed}: line ${r.verdict.line} (${r.verdict.cause}) explained by no behaviour of the model: ${r.verdict.variables.join(', ')}`);
            if (r.verdict.outcome === 'error') out.push(`  ${v.scenario} seed ${r.seed}: ${r.verdict.message}`);
          }
        }
        out.push('');
      }
      if (variantResults.length > 0) {
        out.push(`broken variants of the implementation, ${variantResults.filter((v) => v.caught).length} of ${variantResults.length} caught by the model-based checks:`);
        out.push(table(['variant', 'caught', 'by', 'where', 'step', 'variables', 'validation'], variantRows(variantResults).map((r) => [r[0], r[2], r[3], r[4], r[5], r[7], r[8]])));
        out.push('');
      } else if (variantsSkipped !== undefined && !options['no-replay'] && !options['no-mutants']) {
        out.push(`broken variants: not run (${variantsSkipped})`, '');
      }
      if (written.length > 0) out.push(`reports: ${written.join(', ')}`);
      out.push(`result: ${resultLine(result, reports.length, scenarios.length)}`);
      process.stdout.write(out.join('\n') + '\n');
    }
    if (variantsFailed !== undefined) process.stderr.write(`ha-verify verify: ${variantsFailed}\n`);
    for (const f of failed) process.stderr.write(`ha-verify verify: ${f}\n`);
    if (failed.length > 0) return EXIT_USAGE;
    return ok ? EXIT_OK : EXIT_MISMATCH;
  },
};
