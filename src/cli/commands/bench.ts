/**
 * `ha-verify bench` (`npm run bench`): exploration speed and memory per
 * scenario and on the scalable scenario, for 1 and 2 workers. Safety-only
 * searches (no state graph), which is what the figures are about: distinct
 * states per second, and bytes per distinct state for the seen-set, the queue
 * and the parent links together.
 */
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

exit status: 0 measured; 2 usage error (a count out of range, an unknown
scenario), checked before anything runs.`,
  async run(argv) {
    const { options, positional } = parseArgs(argv, { scenario: { type: 'string' }, workers: { type: 'string' }, sessions: { type: 'integer', min: 0, max: MAX_SESSIONS, why: 'the model\'s sessions domain' }, json: { type: 'boolean' } });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const workerCounts = String(options.workers ?? '1,2').split(',').map((w) => {
      if (!/^\d+$/.test(w) || Number(w) < 1 || Number(w) > MAX_WORKERS) {
        throw new UsageError(`--workers takes a list of counts from 1 to ${MAX_WORKERS} like 1,2, not '${options.workers}'`);
      }
      return Number(w);
    });
    const sessions = (options.sessions as number | undefined) ?? 2;
    const scale = scaleScenario(sessions);
    const list: { sc: Scenario; scale?: number }[] = options.scenario === 'scale' ? [{ sc: scale, scale: sessions }]
      : options.scenario ? [{ sc: scenarioNamed(String(options.scenario)) }]
        : [...SCENARIOS.map((sc) => ({ sc })), { sc: scale, scale: sessions }];
    const rows: Row[] = [];
    for (const { sc, scale: s } of list) {
      for (const w of workerCounts) {
        if (!options.json) process.stderr.write(`bench ${sc.name} with ${w} worker${w > 1 ? 's' : ''}...\n`);
        rows.push(await measure(sc, w, s));
      }
    }
    if (options.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    else {
      process.stdout.write(table(['scenario', 'workers', 'distinct states', 'generated', 'time', 'states/s', 'bytes/state'], rows.map((r) => [
        r.scenario, String(r.workers), num(r.distinct), num(r.generated), duration(r.durationMs), num(r.statesPerSecond), String(r.bytesPerState),
      ])) + '\n');
    }
    return 0;
  },
};
