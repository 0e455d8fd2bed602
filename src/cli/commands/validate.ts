/** `ha-verify validate`: the implementation's own runs (or any observation log) checked against the model. */
import { join } from 'node:path';
import type { Scenario } from '../../model/index.js';
import { formatItfTrace } from '../../trace/index.js';
import type { LogVerdict } from '../../validate/validate-log.js';
import { validateLogFile } from '../../validate/validate-log.js';
import { type RunVerdict, validateRuns } from '../../validate/validate-runs.js';
import { validateWithTlc } from '../../validate/tlc-validate.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { whyFolderUnwritable } from '../output-paths.js';
import { interruptSignal, throttled } from '../progress.js';
import { scenarioNamed } from '../scenario-lookup.js';
import { writeFileAtomic } from '../write-atomic.js';

const DEFAULT_OUT = 'reports/validate';

const HELP = `usage: ha-verify validate [LOG.jsonl...] [options]

Trace validation, the other direction from replay: the implementation runs
as it really runs and the model is asked whether some behaviour of it
explains what happened.

Without LOG, records --runs seeded runs of the scenario's implementation
(src/impl), clock-driven: the nodes' own heartbeat, probe, cold-sync,
preemption and IKE timers, ICL latency and route delays, under random
faults the scenario allows (ICL cut and restore, crash and reboot, SRG0 and
SRG1 monitor failure and recovery, probe router misbehaviour, probe loss,
stray probe answers, packets, manual failover, SA deletion). After every
event that changes the implementation's state read as the model's
variables, a line is written: an observation log (format: src/validate/
README.md). Each log is then followed through the model, line by line,
breadth-first: steps that change no observed variable may come between
lines. The result per log is "conforms", or the first line no behaviour
of the model explains, with the nearest model states and the variables
that differ, and the log as an ITF trace ('ha-verify view' shows it).

With LOG, validates those files (from this tool, another implementation,
a lab), streamed a line at a time: any length, bounded memory.

options:
  --scenario NAME   the model that explains the logs (default: the log
                    header's scenario, else default)
  --runs N          recorded runs to make (default 20)
  --seed N          seed of the first run; run k uses seed + k (default 1)
  --steps N         observations per run, at least (default 200)
  --engine E        builtin (default) or tlc: writes a trace-validation
                    module over the exported MNHA.tla (the log as a
                    sequence, a cursor variable, an invariant that the log
                    is not yet consumed) and runs TLC on it (TLA2TOOLS_JAR)
  --out DIR         where logs and traces that do not conform are written
                    (default ${DEFAULT_OUT})
  --keep-logs       write every recorded log to --out, not only failing ones
  --json            print one JSON object: runs, conforming, steps,
                    mismatches (log, line, variables, trace), errors
  --quiet           no progress lines on stderr

exit status: 0 every log conforms; 1 a log does not (or the run was
interrupted); 2 usage error, or a log that cannot be read (not JSON, an
unknown variable, empty), or TLC missing with --engine tlc.`;

/** What one log came to, as reported. */
interface Reported {
  readonly log: string;
  readonly seed?: number;
  readonly steps: number;
  readonly verdict: LogVerdict;
  /** Where its ITF trace was written (mismatches). */
  readonly trace?: string;
}

function logFileName(scenario: string, seed: number): string {
  return `${scenario}-seed-${seed}.jsonl`;
}

export const command: Command = {
  summary: 'trace validation: recorded runs of the implementation (or any log) explained by the model, or the first line that is not',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      scenario: { type: 'string' }, runs: { type: 'integer', min: 1, max: 100_000 }, seed: { type: 'integer', min: 0, max: 2 ** 31 },
      steps: { type: 'integer', min: 1, max: 1_000_000 }, engine: { type: 'string' }, out: { type: 'string' },
      'keep-logs': { type: 'boolean' }, json: { type: 'boolean' }, quiet: { type: 'boolean' },
    });
    const engine = (options.engine as string | undefined) ?? 'builtin';
    if (engine !== 'builtin' && engine !== 'tlc') throw new UsageError(`unknown engine '${engine}' (builtin or tlc)`);
    const scenario: Scenario | undefined = options.scenario === undefined ? undefined : scenarioNamed(String(options.scenario));
    if (positional.length > 0 && (options.runs !== undefined || options.seed !== undefined || options.steps !== undefined)) {
      throw new UsageError('--runs, --seed and --steps make recorded runs; they do not apply to the LOG files given');
    }
    const out = (options.out as string | undefined) ?? DEFAULT_OUT;
    const unwritable = await whyFolderUnwritable(out);
    if (unwritable !== undefined) throw new UsageError(`--out ${out}: ${unwritable}`);
    const say = options.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
    const progress = throttled((path: string, n: number) => say(`${path}: ${n.toLocaleString('en-US')} lines read`));
    const interrupt = interruptSignal();
    const reported: Reported[] = [];
    const started = Date.now();
    try {
      if (positional.length > 0) {
        for (const path of positional) {
          if (interrupt.signal.aborted) break;
          const verdict = engine === 'tlc'
            ? await validateWithTlc(path, { ...(scenario ? { scenario } : {}), signal: interrupt.signal })
            : await validateLogFile(path, { ...(scenario ? { scenario } : {}), signal: interrupt.signal, onProgress: (n) => progress(path, n) });
          reported.push({ log: path, steps: verdict.outcome === 'error' ? 0 : verdict.observations, verdict });
          say(`${path}: ${verdictWord(verdict)}`);
        }
      } else {
        const sc = scenario ?? scenarioNamed('default');
        const runs = (options.runs as number | undefined) ?? 20;
        const seed = (options.seed as number | undefined) ?? 1;
        const steps = (options.steps as number | undefined) ?? 200;
        const report = await validateRuns(sc, {
          // TLC reads the logs from files: every log is written then
          runs, seed, steps, keepLogs: options['keep-logs'] === true || engine === 'tlc', signal: interrupt.signal,
          onRun: (r: RunVerdict) => say(`run ${r.seed - seed + 1}/${runs} (seed ${r.seed}, ${r.lines} steps, ${(r.virtualMs / 1000).toFixed(1)} s simulated): ${verdictWord(r.verdict)}`),
        });
        for (const r of report.runs) {
          let verdict = r.verdict;
          const name = logFileName(sc.name, r.seed);
          if (r.text !== undefined) await writeFileAtomic(join(out, name), r.text);
          if (engine === 'tlc') verdict = await validateWithTlc(join(out, name), { scenario: sc, signal: interrupt.signal });
          reported.push({ log: r.text !== undefined ? join(out, name) : name, seed: r.seed, steps: r.lines, verdict });
        }
      }
      for (let i = 0; i < reported.length; i++) {
        const r = reported[i] as Reported;
        if (r.verdict.outcome !== 'mismatch' || r.verdict.itf === undefined) continue;
        const base = r.log.replace(/^.*\//, '').replace(/\.jsonl?$|\.log$/, '');
        const trace = join(out, `${base}.itf.json`);
        await writeFileAtomic(trace, formatItfTrace(r.verdict.itf));
        reported[i] = { ...r, trace };
      }
    } finally {
      interrupt.dispose();
    }
    const interrupted = interrupt.signal.aborted;
    const conforming = reported.filter((r) => r.verdict.outcome === 'conforms').length;
    const mismatches = reported.filter((r) => r.verdict.outcome === 'mismatch');
    const errors = reported.filter((r) => r.verdict.outcome === 'error');
    if (options.json) {
      process.stdout.write(JSON.stringify({
        engine, runs: reported.length, conforming, steps: reported.reduce((n, r) => n + r.steps, 0),
        minSteps: reported.length === 0 ? 0 : Math.min(...reported.map((r) => r.steps)),
        mismatches: mismatches.map((r) => {
          const v = r.verdict as Extract<LogVerdict, { outcome: 'mismatch' }>;
          return { log: r.log, line: v.line, observation: v.observation, t: v.t, cause: v.cause, variables: v.variables, nearest: v.nearest, trace: r.trace ?? null };
        }),
        errors: errors.map((r) => { const v = r.verdict as Extract<LogVerdict, { outcome: 'error' }>; return { log: r.log, ...(v.line === undefined ? {} : { line: v.line }), message: v.message }; }),
        logs: reported.map((r) => ({ log: r.log, ...(r.seed === undefined ? {} : { seed: r.seed }), steps: r.steps, outcome: r.verdict.outcome })),
        interrupted, durationMs: Date.now() - started,
      }, null, 2) + '\n');
    } else {
      for (const r of mismatches) {
        const v = r.verdict as Extract<LogVerdict, { outcome: 'mismatch' }>;
        process.stdout.write(`${r.log}: line ${v.line} (t=${v.t} ms, ${v.cause}) is explained by no behaviour of the ${v.scenario} model\n`);
        // the nearest states only (JSON has the three nearest)
        const fewest = Math.min(...v.nearest.map((n) => n.diff.length));
        for (const n of v.nearest.filter((x) => x.diff.length === fewest)) {
          process.stdout.write(`  nearest${n.action ? ` after ${n.action}` : ''}: ${n.diff.map((d) => `${d.variable} is ${JSON.stringify(d.model)}, the log says ${JSON.stringify(d.log)}`).join('; ')}\n`);
        }
        if (r.trace) process.stdout.write(`  trace: ${r.trace} (ha-verify view ${r.trace})\n`);
      }
      for (const r of errors) {
        const v = r.verdict as Extract<LogVerdict, { outcome: 'error' }>;
        process.stderr.write(`ha-verify validate: ${v.message.startsWith(r.log) ? v.message : `${r.log}: ${v.message}`}\n`);
      }
      const steps = reported.reduce((n, r) => n + r.steps, 0);
      process.stdout.write(`${conforming} of ${reported.length} logs conform (${steps.toLocaleString('en-US')} observations, engine ${engine}, ${((Date.now() - started) / 1000).toFixed(1)} s)${interrupted ? ' INTERRUPTED' : ''}\n`);
    }
    if (errors.length > 0 && mismatches.length === 0) return EXIT_USAGE;
    return !interrupted && conforming === reported.length && reported.length > 0 ? EXIT_OK : EXIT_MISMATCH;
  },
};

function verdictWord(v: LogVerdict): string {
  if (v.outcome === 'conforms') return `conforms (${v.observations} observations)`;
  if (v.outcome === 'mismatch') return `line ${v.line} not explained (${v.variables.join(', ')})`;
  return `error: ${v.message}`;
}
