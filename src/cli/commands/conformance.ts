/** `ha-verify conformance`: every transition of a scenario's model replayed against the implementation. */
import { type ConformanceReport, checkConformance } from '../../replay/conformance.js';
import { describeLabel } from '../../replay/replay-trace.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, UsageError } from '../command.js';
import { conformanceRows } from '../conformance-report.js';
import { duration, table } from '../format.js';
import { interruptSignal, throttled } from '../progress.js';
import { SCENARIOS, scenarioNamed } from '../scenario-lookup.js';

const HELP = `usage: ha-verify conformance [options]

Whole-graph conformance: explores each scenario's model and replays every
transition of its state graph (every step from every reachable state,
steps that change nothing included) against the implementation in src/impl,
from the implementation in that transition's source state, comparing the
whole state after it with the model's through the refinement mapping
(src/replay/refinement.ts). A departure is shown with the shortest path to
it and the variables that differ.

options:
  --scenario NAMES  only these scenarios (comma list; default: all)
  --max-states N    only the first N states of each graph, in breadth-first
                    order, and the transitions from them (the report then
                    says incomplete)
  --json            print the reports as JSON
  --quiet           no progress lines on stderr
  --debug           show the stack trace of an unexpected error

exit status: 0 every transition replayed conforms and every graph was
replayed whole; 1 a departure, a bound, or an interrupted run; 2 usage error.`;

export const command: Command = {
  summary: "every transition of a scenario's model replayed against the implementation",
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      scenario: { type: 'string' }, 'max-states': { type: 'integer', min: 1 }, json: { type: 'boolean' }, quiet: { type: 'boolean' },
    });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const scenarios = options.scenario ? String(options.scenario).split(',').map((n) => scenarioNamed(n.trim())) : SCENARIOS;
    const maxStates = options['max-states'] as number | undefined;
    const interrupt = interruptSignal();
    const reports: ConformanceReport[] = [];
    try {
      for (const sc of scenarios) {
        if (interrupt.signal.aborted) break;
        if (!options.quiet) process.stderr.write(`conformance of ${sc.name}...\n`);
        reports.push(await checkConformance(sc, {
          signal: interrupt.signal,
          ...(maxStates === undefined ? {} : { maxStates }),
          ...(options.quiet ? {} : { onProgress: throttled((done: number, total: number) => process.stderr.write(`  ${sc.name}: ${done} of ${total} transitions replayed\n`)) }),
        }));
      }
    } finally {
      interrupt.dispose();
    }
    const ok = !interrupt.signal.aborted && reports.length === scenarios.length && reports.every((r) => r.departures === 0 && r.complete);
    if (options.json) {
      process.stdout.write(JSON.stringify({ reports, ok, interrupted: interrupt.signal.aborted }, null, 2) + '\n');
      return ok ? EXIT_OK : EXIT_MISMATCH;
    }
    const out = [table(['scenario', 'states', 'transitions', 'conform', 'departures', 'whole graph', 'time'], conformanceRows(reports).map((r, i) => [...r, duration(reports[i].durationMs)]))];
    for (const r of reports) {
      for (const ex of r.examples) {
        out.push('', `${r.scenario}: departs after ${ex.path.map(describeLabel).join(', ') || '(initial state)'}`);
        out.push(table(['variable', 'model', 'implementation'], ex.diff.map((d) => [d.variable, JSON.stringify(d.expected), JSON.stringify(d.actual)])).trimEnd());
      }
    }
    if (interrupt.signal.aborted) out.push('', 'INTERRUPTED: the counts are what was replayed before Ctrl-C');
    process.stdout.write(out.join('\n') + '\n');
    return ok ? EXIT_OK : EXIT_MISMATCH;
  },
};
