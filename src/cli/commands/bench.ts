/**
 * `ha-verify bench` (`npm run bench`): exploration speed and memory per
 * scenario and on the scalable scenario, for 1 and 2 workers. Safety-only
 * searches (no state graph), which is what the figures are about: distinct
 * states per second, and bytes per distinct state for the seen-set, the queue
 * and the parent links together.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChosenAxis, chooseAxis, combinations } from '../../sweep/axes.js';
import { runSweep } from '../../sweep/run-sweep.js';
import { scaleScenario } from '../../../models/mnha/scenarios/scale.js';
import { explore } from '../../explore/bfs.js';
import { compileModel } from '../../explore/compile.js';
import { exploreParallel } from '../../explore/parallel.js';
import { type Scenario, lowerSystem } from '../../model/index.js';
import { parseArgs } from '../args.js';
import { type Command, UsageError } from '../command.js';
import { duration, num, table } from '../format.js';
import { SCENARIOS, scenarioNamed, scenarioSource } from '../scenario-lookup.js';

/** The model's sessions domain is 0..2 (models/mnha/params.ts); more do not fit its encoding. */
const MAX_SESSIONS = 2;
/** Worker threads beyond this only add overhead on any machine this runs on. */
const MAX_WORKERS = 64;

interface Row {
  scenario: string;
  workers: number;
  distinct: number;
  generated: number;
  durationMs: number;
  statesPerSecond: number;
  bytesPerState: number;
}

async function measure(sc: Scenario, workers: number, scaleSessions?: number): Promise<Row> {
  const fm = lowerSystem(sc.build().system);
  const cm = compileModel(fm);
  const r = workers === 1
    ? await explore(cm, {})
    : await exploreParallel(cm, { workers, source: scenarioSource(sc.name, scaleSessions) });
  return {
    scenario: sc.name, workers, distinct: r.distinct, generated: r.generated, durationMs: Math.round(r.durationMs),
    statesPerSecond: Math.round(r.distinct / Math.max(0.001, r.durationMs / 1000)),
    bytesPerState: Math.round(r.bytesPerState * 10) / 10,
  };
}

/**
 * The sweep bench: 32 combinations of the default sweep's axes (priorities
 * unset): half of them with routes converging later, so that the mix of
 * small and large graphs is the default sweep's.
 */
const BENCH_SWEEP = ['convergence', 'iclLoss', 'router', 'preemption', 'protection'];

/** Times the bench sweep with 1 and 2 worker processes. */
async function timeSweeps(progress: boolean): Promise<{ jobs: number; combinations: number; states: number; durationMs: number }[]> {
  const chosen = BENCH_SWEEP.map((name) => chooseAxis(name) as ChosenAxis);
  const combos = combinations(chosen);
  const dir = await mkdtemp(join(tmpdir(), 'ha-verify-bench-sweep-'));
  const out: { jobs: number; combinations: number; states: number; durationMs: number }[] = [];
  try {
    for (const jobs of [1, 2]) {
      if (progress) process.stderr.write(`bench sweep of ${combos.length} combinations with ${jobs} process${jobs > 1 ? 'es' : ''}...\n`);
      const started = performance.now();
      const results = await runSweep(combos, { jobs, tracesDir: join(dir, String(jobs)) });
      out.push({ jobs, combinations: combos.length, states: results.reduce((n, r) => n + (r?.ok ? r.distinctStates : 0), 0), durationMs: performance.now() - started });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

export const command: Command = {
  summary: 'measure exploration speed (states/s) and memory (bytes/state)',
  help: `usage: ha-verify bench [--scenario NAME] [--workers LIST] [--sessions N] [--json]

Explores each scenario and the scalable benchmark scenario (--sessions N
sessions with ICL, crash and SRG0 monitor faults; default 2, about 360,000
distinct states) with 1 and 2 worker threads, and prints distinct states,
states per second and bytes per distinct state (seen-set, queue and parent
links together). Safety-only searches: liveness needs the state graph.

options:
  --scenario NAME   only this scenario (or 'scale')
  --workers LIST    comma-separated worker counts, each 1..${MAX_WORKERS} (default 1,2)
  --sessions N      sessions in the scalable scenario, 0..${MAX_SESSIONS} (default 2)
  --json            print the rows as JSON
  --no-sweep        skip the sweep timing
  --sweep-only      only the sweep timing

Then (unless --scenario or --no-sweep) times a design sweep of 32
combinations (route convergence, ICL-loss reading, router, preemption,
stale-notice protection: the default sweep's axes with priorities unset)
with 1 and with 2 worker processes: the same work, so the ratio is the
speed-up of 'ha-verify sweep --jobs 2'. About 5 minutes on 2 cores.

exit status: 0 measured; 2 usage error (a count out of range, an unknown
scenario), checked before anything runs.`,
  async run(argv) {
    const { options, positional } = parseArgs(argv, { scenario: { type: 'string' }, workers: { type: 'string' }, sessions: { type: 'integer', min: 0, max: MAX_SESSIONS, why: 'the model\'s sessions domain' }, json: { type: 'boolean' }, 'no-sweep': { type: 'boolean' }, 'sweep-only': { type: 'boolean' } });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const sweepOnly = options['sweep-only'] === true;
    if (sweepOnly && (options.scenario !== undefined || options['no-sweep'] === true)) throw new UsageError('--sweep-only does not go with --scenario or --no-sweep');
    const workerCounts = String(options.workers ?? '1,2').split(',').map((w) => {
      if (!/^\d+$/.test(w) || Number(w) < 1 || Number(w) > MAX_WORKERS) {
        throw new UsageError(`--workers takes a list of counts from 1 to ${MAX_WORKERS} like 1,2, not '${options.workers}'`);
      }
      return Number(w);
    });
    const sessions = (options.sessions as number | undefined) ?? 2;
    const scale = scaleScenario(sessions);
    const list: { sc: Scenario; scale?: number }[] = sweepOnly ? [] : options.scenario === 'scale' ? [{ sc: scale, scale: sessions }]
      : options.scenario ? [{ sc: scenarioNamed(String(options.scenario)) }]
        : [...SCENARIOS.map((sc) => ({ sc })), { sc: scale, scale: sessions }];
    const rows: Row[] = [];
    for (const { sc, scale: s } of list) {
      for (const w of workerCounts) {
        if (!options.json) process.stderr.write(`bench ${sc.name} with ${w} worker${w > 1 ? 's' : ''}...\n`);
        rows.push(await measure(sc, w, s));
      }
    }
    const sweeps = options.scenario === undefined && options['no-sweep'] !== true ? await timeSweeps(!options.json) : [];
    if (options.json) process.stdout.write(JSON.stringify(sweeps.length > 0 ? { scenarios: rows, sweep: sweeps } : rows, null, 2) + '\n');
    else {
      if (rows.length > 0) process.stdout.write(table(['scenario', 'workers', 'distinct states', 'generated', 'time', 'states/s', 'bytes/state'], rows.map((r) => [
        r.scenario, String(r.workers), num(r.distinct), num(r.generated), duration(r.durationMs), num(r.statesPerSecond), String(r.bytesPerState),
      ])) + '\n');
      if (sweeps.length > 0) {
        const base = sweeps[0]?.durationMs ?? 1;
        process.stdout.write('\n' + table(['sweep', 'processes', 'combinations', 'distinct states', 'time', 'speed-up'], sweeps.map((s) => [
          'sweep-32', String(s.jobs), String(s.combinations), num(s.states), duration(s.durationMs), `${(base / s.durationMs).toFixed(2)}x`,
        ])) + '\n');
      }
    }
    return 0;
  },
};
