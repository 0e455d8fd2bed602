/** `ha-verify sweep`: the design space of MNHA options, every combination checked, one matrix. */
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { AXES, type ChosenAxis, DEFAULT_AXES, chooseAxis, combinations } from '../../sweep/axes.js';
import { runSweep } from '../../sweep/run-sweep.js';
import { sweepHtml, sweepMarkdown, sweepReport } from '../../sweep/sweep-report.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, UsageError } from '../command.js';
import { requireWritableFolder } from '../output-paths.js';
import { interruptSignal } from '../progress.js';
import { writeFileAtomic } from '../write-atomic.js';

const HELP = `usage: ha-verify sweep [--axis NAME[=V1,V2]]... [--jobs N] [--out DIR] [--json]

"Which of my options are safe?" Checks every combination of the design
options named (the cross product of the axes) with the built-in engine, in
parallel processes, and writes one matrix: a row per combination, a column
per property, each violated cell linking its trace's viewer page.

axes (default: ${DEFAULT_AXES.join(', ')}):
${AXES.map((a) => `  ${a.name.padEnd(12)} ${a.values.map((v) => v.name).join(', ')}\n  ${''.padEnd(12)} ${a.doc}`).join('\n')}

--axis NAME takes every value of the axis; --axis NAME=V1,V2 some. Several
--axis options give the axes swept (in that order); the other parameters
are the default scenario's.

options:
  --jobs N      worker processes (default: the number of cores, ${cpus().length} here)
  --out DIR     where sweep.json, sweep.md, sweep.html and the traces go
                (default reports; traces under DIR/sweep/)
  --json        print sweep.json on stdout
  --quiet       no progress lines on stderr

exit status: 0 the sweep ran (violations are its findings, not a failure);
1 interrupted, or a combination could not be checked; 2 usage error (an
unknown axis or value, an empty axis, --jobs 0).`;

/** Takes every --axis out of argv (the option may repeat), leaving the rest to the parser. */
function takeAxes(argv: readonly string[]): { axes: string[]; rest: string[] } {
  const axes: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--axis') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError('option --axis needs a value (NAME or NAME=V1,V2)');
      axes.push(v);
      i += 1;
    } else if (a.startsWith('--axis=')) axes.push(a.slice('--axis='.length));
    else rest.push(a);
  }
  return { axes, rest };
}

export const command: Command = {
  summary: 'the design space: every combination of MNHA options checked, one matrix of verdicts',
  help: HELP,
  async run(argv) {
    const { axes: axisSpecs, rest } = takeAxes(argv);
    const { options, positional } = parseArgs(rest, {
      jobs: { type: 'integer', min: 1, max: 64, why: 'at least one worker process' }, out: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' },
    });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const chosen: ChosenAxis[] = [];
    for (const spec of axisSpecs.length > 0 ? axisSpecs : DEFAULT_AXES) {
      const c = chooseAxis(spec);
      if (typeof c === 'string') throw new UsageError(c);
      if (chosen.some((x) => x.axis.name === c.axis.name)) throw new UsageError(`axis ${c.axis.name} is given twice`);
      chosen.push(c);
    }
    const out = (options.out as string | undefined) ?? 'reports';
    await requireWritableFolder('--out', out);
    const jobs = (options.jobs as number | undefined) ?? cpus().length;
    const combos = combinations(chosen);
    const tracesDir = join(out, 'sweep');
    const say = options.quiet ? () => undefined : (s: string) => process.stderr.write(`${s}\n`);
    say(`sweep: ${combos.length} combinations on ${jobs} process${jobs === 1 ? '' : 'es'}`);
    const interrupt = interruptSignal();
    const started = Date.now();
    let results;
    try {
      results = await runSweep(combos, {
        jobs, tracesDir, signal: interrupt.signal,
        onResult: (r, done) => say(`sweep: ${done}/${combos.length} ${combos[r.index]?.id ?? ''}: ${r.ok ? `${r.distinctStates} states, ${r.properties.filter((p) => p.verdict === 'violated').map((p) => p.name).join(', ') || 'no violation'}` : `error: ${r.error}`}`),
      });
    } finally {
      interrupt.dispose();
    }
    const report = sweepReport(chosen, combos, results, jobs, Date.now() - started);
    // each violated cell's viewer page, which its worker wrote beside the trace
    const pages = new Map<string, string>();
    for (const row of report.combinations) {
      for (const v of Object.values(row.verdicts)) if (v.trace && v.page) pages.set(v.trace, v.page);
    }
    const link = (trace: string) => relative(out, pages.get(trace) ?? trace);
    await writeFileAtomic(join(out, 'sweep.json'), JSON.stringify(report, null, 2) + '\n');
    await writeFileAtomic(join(out, 'sweep.md'), sweepMarkdown(report, link));
    await writeFileAtomic(join(out, 'sweep.html'), sweepHtml(report, link));
    if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      const lines = [`${report.combinations.length} combinations, ${(report.durationMs / 1000).toFixed(1)} s on ${jobs} process${jobs === 1 ? '' : 'es'}${report.complete ? '' : ' (INCOMPLETE)'}`];
      for (const p of report.properties) {
        const s = report.summary[p];
        if (s && (s.violated > 0 || s.vacuous > 0)) lines.push(`  ${p.padEnd(30)} violated in ${String(s.violated).padStart(3)}, vacuous in ${String(s.vacuous).padStart(3)}`);
      }
      lines.push(`matrix: ${join(out, 'sweep.md')}, ${join(out, 'sweep.html')}; data: ${join(out, 'sweep.json')}`);
      process.stdout.write(lines.join('\n') + '\n');
    }
    return report.complete && !interrupt.signal.aborted ? EXIT_OK : EXIT_MISMATCH;
  },
};
