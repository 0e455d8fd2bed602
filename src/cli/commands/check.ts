/** `ha-verify check`: one scenario, every property, with the built-in engine (and TLC when asked). */
import { type CheckReport, allAsExpected, checkScenario } from '../../explore/check-scenario.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, UsageError } from '../command.js';
import { duration, num, table } from '../format.js';
import { interruptSignal, printProgress } from '../progress.js';
import { scenarioNamed, scenarioSource } from '../scenario-lookup.js';

const HELP = `usage: ha-verify check --scenario NAME [options]

Explores every reachable state of one scenario and gives each property a
verdict: invariants (safety), liveness (under the fairness the model
declares, once faults stop) and deadlock. Each violated property gets a
shortest counterexample written as an ITF trace.

options:
  --scenario NAME   the scenario to check (see 'ha-verify scenarios')
  --json            print one JSON object instead of the table
  --out DIR         where traces go: DIR/<scenario>/<property>.itf.json (default: traces)
  --no-traces       write no trace files
  --max-states N    stop after N distinct states (the run is then incomplete)
  --workers N       worker threads (default 1)
  --engine E        builtin (default), tlc, or both (TLC needs Java and TLA2TOOLS_JAR)
  --quiet           no progress lines on stderr

Progress goes to stderr every 2 s. Ctrl-C stops the run and reports what was
found, marked incomplete.

exit status: 0 every verdict is as the scenario expects; 1 one is not (or the
run is incomplete); 2 usage error.`;

/** Prints a report as a table. */
export function printReport(report: CheckReport, title: string): void {
  const out: string[] = [];
  out.push(`scenario ${report.scenario}: ${title}`);
  out.push(
    `engine ${report.engine}: ${num(report.distinctStates)} distinct states, ${num(report.generatedStates)} generated, `
    + `depth ${report.depth}, ${duration(report.durationMs)} (${num(report.statesPerSecond)} states/s, ${report.bytesPerState} bytes/state)`
    + (report.complete ? '' : `  INCOMPLETE (${report.stopReason})`),
  );
  out.push('');
  out.push(table(['property', 'kind', 'expected', 'verdict', 'trace'], report.properties.map((p) => [
    p.name, p.kind, p.expected, p.verdict === p.expected ? p.verdict : `${p.verdict}  <-- NOT AS EXPECTED`,
    p.trace ? `${p.trace} (${p.traceLength} states)` : '',
  ])));
  if (report.note) out.push('', `note: ${report.note}`);
  if (report.error) out.push('', `model error: ${report.error.message}${report.error.trace ? ` (trace: ${report.error.trace})` : ''}`);
  out.push('', allAsExpected(report) ? 'result: every verdict as expected' : 'result: NOT as expected');
  process.stdout.write(out.join('\n') + '\n');
}

export const command: Command = {
  summary: 'check one scenario: every property, with counterexample traces',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      scenario: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, 'no-traces': { type: 'boolean' },
      'max-states': { type: 'integer', min: 1 }, workers: { type: 'integer', min: 1 }, engine: { type: 'string' }, quiet: { type: 'boolean' },
    });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const sc = scenarioNamed(options.scenario as string | undefined);
    const engine = (options.engine as string | undefined) ?? 'builtin';
    if (!['builtin', 'tlc', 'both'].includes(engine)) throw new UsageError(`--engine must be builtin, tlc or both, not '${engine}'`);
    const workers = (options.workers as number | undefined) ?? 1;
    if (engine !== 'builtin') {
      const { runTlcEngine } = await import('../tlc-engine.js');
      return runTlcEngine(sc, engine as 'tlc' | 'both', { json: !!options.json, workers });
    }
    const interrupt = interruptSignal();
    try {
      const { report } = await checkScenario(sc, {
        ...(options['no-traces'] ? {} : { outDir: (options.out as string | undefined) ?? 'traces' }),
        ...(options['max-states'] !== undefined ? { maxStates: options['max-states'] as number } : {}),
        workers,
        source: scenarioSource(sc.name),
        signal: interrupt.signal,
        ...(options.quiet ? {} : { onProgress: (p) => printProgress(sc.name, p) }),
      });
      if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else printReport(report, sc.title);
      return allAsExpected(report) ? EXIT_OK : EXIT_MISMATCH;
    } finally {
      interrupt.dispose();
    }
  },
};
