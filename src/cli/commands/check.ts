/** `ha-verify check`: one scenario, every property, with the built-in engine (and TLC when asked). */
import { stat } from 'node:fs/promises';

import { allAsExpected, checkScenario } from '../../explore/check-scenario.js';
import { parseArgs } from '../args.js';
import { builtinText } from '../check-output.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, UsageError } from '../command.js';
import { requireWritableFolder } from '../output-paths.js';
import { interruptSignal, printProgress } from '../progress.js';
import { restrictProperties } from '../../model/index.js';
import { scenarioNamed, scenarioSource } from '../scenario-lookup.js';

/** More worker threads than this only add overhead on any machine this runs on. */
const MAX_WORKERS = 64;

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
  --workers N       worker threads, 1..${MAX_WORKERS} (default 1); TLC's -workers
  --property LIST   check only these properties (comma-separated; Deadlock is the deadlock
                    check): e.g. the action properties with TLC, without its liveness check
  --engine E        builtin (default), tlc, or both (TLC needs Java and TLA2TOOLS_JAR)
  --jar FILE        tla2tools.jar for --engine tlc|both (default: TLA2TOOLS_JAR)
  --quiet           no progress lines on stderr
  --debug           show the stack trace of an unexpected error

Progress goes to stderr every 2 s. Ctrl-C stops the run and reports what was
found, marked incomplete (a second Ctrl-C quits at once).

With --engine tlc, TLC checks the exported spec (specs/, written afresh to a
temporary folder) and everything above holds the same way: progress from
TLC's own reports (every 2 s), a trace for every violation (TLC's -dumpTrace
json, converted to ITF: 'view' and 'replay' take it), the same table.
TLC stops at the first violation, so it runs again without each property
it found violated, until a run finds none. --max-states stops TLC at its
first progress report past N. --engine both runs the built-in engine, then
TLC, prints one table with a verdict column per engine, writes TLC's traces
as DIR/<scenario>/<property>.tlc.itf.json, and fails when the engines
disagree on the distinct-state count or on any verdict.

An output folder that cannot be written, or a number out of range, is a
usage error before anything runs.

exit status: 0 every verdict is as the scenario expects (and, for both, the
engines agree); 1 one is not, the run is incomplete, or TLC could not run
(not available, not a TLC jar, out of memory...: one line says which); 2
usage error, or a trace that could not be written (after the results).`;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export const command: Command = {
  summary: 'check one scenario: every property, with counterexample traces',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      scenario: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, 'no-traces': { type: 'boolean' },
      'max-states': { type: 'integer', min: 1 }, workers: { type: 'integer', min: 1, max: MAX_WORKERS }, engine: { type: 'string' },
      jar: { type: 'string' }, quiet: { type: 'boolean' }, property: { type: 'string' },
    });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const full = scenarioNamed(options.scenario as string | undefined);
    const only = options.property === undefined ? undefined : (options.property as string).split(',').map((n) => n.trim()).filter(Boolean);
    if (only !== undefined && only.length === 0) throw new UsageError('--property needs at least one property name');
    let sc = full;
    if (only !== undefined) {
      try {
        sc = restrictProperties(full, only);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    const engine = (options.engine as string | undefined) ?? 'builtin';
    if (!['builtin', 'tlc', 'both'].includes(engine)) throw new UsageError(`--engine must be builtin, tlc or both, not '${engine}'`);
    if (options['no-traces'] && options.out !== undefined) throw new UsageError('--no-traces writes no trace: leave out --out');
    const jar = options.jar as string | undefined;
    if (jar !== undefined && engine === 'builtin') throw new UsageError('--jar is for --engine tlc or both');
    if (jar !== undefined && !(await isFile(jar))) throw new UsageError(`--jar ${jar}: not a file`);
    const outDir = options['no-traces'] ? undefined : ((options.out as string | undefined) ?? 'traces');
    if (outDir !== undefined) await requireWritableFolder('--out', outDir);
    const workers = (options.workers as number | undefined) ?? 1;
    const maxStates = options['max-states'] as number | undefined;
    const quiet = options.quiet === true;

    const interrupt = interruptSignal();
    try {
      if (engine !== 'builtin') {
        // Loaded only when asked: the TLC engine brings the TLA+ exporter and its grammar.
        const { runTlcEngine } = await import('../tlc-engine.js');
        return await runTlcEngine(sc, engine as 'tlc' | 'both', {
          ...(only !== undefined ? { only } : {}),
          json: options.json === true, quiet, workers, signal: interrupt.signal,
          ...(outDir !== undefined ? { outDir } : {}), ...(maxStates !== undefined ? { maxStates } : {}), ...(jar !== undefined ? { jar } : {}),
        });
      }
      const { report } = await checkScenario(sc, {
        ...(outDir !== undefined ? { outDir } : {}),
        ...(maxStates !== undefined ? { maxStates } : {}),
        workers,
        // worker threads rebuild the scenario from its source file, with every property
        ...(only === undefined ? { source: scenarioSource(sc.name) } : {}),
        signal: interrupt.signal,
        ...(quiet ? {} : { onProgress: (p) => printProgress(sc.name, p) }),
      });
      const ok = allAsExpected(report);
      process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : builtinText(report, sc.title, ok));
      return ok ? EXIT_OK : EXIT_MISMATCH;
    } finally {
      interrupt.dispose();
    }
  },
};
