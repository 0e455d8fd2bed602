/**
 * A sweep worker process: checks the combinations its parent sends (over
 * the IPC channel of `child_process.fork`), one at a time, with the
 * built-in engine, and sends back each result. Separate processes, not
 * threads: each check builds and compiles its own model and holds its own
 * state graph, and processes share nothing. The worker also renders each
 * violated property's viewer page, so that the pages are made in parallel
 * too rather than one by one in the parent at the end.
 */
import { checkScenario } from '../explore/check-scenario.js';
import { mnhaScenario } from '../../models/mnha/scenario-kit.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { mnhaPropertyModelOf, writeTraceHtml } from '../viewer/index.js';
import type { CellResult, CellVerdict, SweepJob } from './sweep-types.js';

/** The viewer page of a violated cell's trace, beside it; undefined when it cannot be rendered (the matrix then links the trace). */
async function pageOf(trace: string, params: MnhaParams): Promise<string | undefined> {
  const html = trace.replace(/\.itf\.json$/, '.html');
  // The combination is no named scenario: its page evaluates the property under its own parameters.
  const w = await writeTraceHtml(trace, html, { resolveProperty: (_s, p) => mnhaPropertyModelOf(params, p) });
  return w.ok ? html : undefined;
}

process.on('message', (job: SweepJob | 'stop') => {
  if (job === 'stop') {
    process.disconnect?.();
    return;
  }
  void (async () => {
    const started = Date.now();
    try {
      const params = job.params as MnhaParams;
      const sc = mnhaScenario({ name: job.name, title: job.id, description: `sweep combination ${job.id}`, params });
      // constants read at run time: every combination of one shape shares its generated code, optimised once
      const { report } = await checkScenario(sc, { outDir: job.tracesDir, constants: 'runtime' });
      const properties: CellVerdict[] = [];
      for (const p of report.properties) {
        const page = p.trace === undefined ? undefined : await pageOf(p.trace, params);
        properties.push({
          name: p.name, kind: p.kind, verdict: p.verdict,
          ...(p.exercised === undefined ? {} : { exercised: p.exercised }), ...(p.vacuous ? { vacuous: true } : {}),
          ...(p.trace ? { trace: p.trace } : {}), ...(page === undefined ? {} : { page }),
        });
      }
      const result: CellResult = {
        index: job.index, ok: true, distinctStates: report.distinctStates, complete: report.complete, durationMs: Date.now() - started,
        properties,
      };
      process.send?.(result);
    } catch (err) {
      process.send?.({ index: job.index, ok: false, error: (err as Error).message, durationMs: Date.now() - started } satisfies CellResult);
    }
  })();
});
