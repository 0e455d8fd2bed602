/**
 * A sweep worker process: checks the combinations its parent sends (over
 * the IPC channel of `child_process.fork`), one at a time, with the
 * built-in engine, and sends back each result. Separate processes, not
 * threads: each check builds and compiles its own model and holds its own
 * state graph, and processes share nothing.
 */
import { checkScenario } from '../explore/check-scenario.js';
import { mnhaScenario } from '../../models/mnha/scenario-kit.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import type { CellResult, SweepJob } from './sweep-types.js';

process.on('message', (job: SweepJob | 'stop') => {
  if (job === 'stop') {
    process.disconnect?.();
    return;
  }
  void (async () => {
    const started = Date.now();
    try {
      const sc = mnhaScenario({ name: job.name, title: job.id, description: `sweep combination ${job.id}`, params: job.params as MnhaParams });
      const { report } = await checkScenario(sc, { outDir: job.tracesDir });
      const result: CellResult = {
        index: job.index, ok: true, distinctStates: report.distinctStates, complete: report.complete, durationMs: Date.now() - started,
        properties: report.properties.map((p) => ({
          name: p.name, kind: p.kind, verdict: p.verdict,
          ...(p.exercised === undefined ? {} : { exercised: p.exercised }), ...(p.vacuous ? { vacuous: true } : {}),
          ...(p.trace ? { trace: p.trace } : {}),
        })),
      };
      process.send?.(result);
    } catch (err) {
      process.send?.({ index: job.index, ok: false, error: (err as Error).message, durationMs: Date.now() - started } satisfies CellResult);
    }
  })();
});
