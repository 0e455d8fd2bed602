/**
 * Runs a sweep: every combination checked by a pool of worker processes
 * (`jobs` of them), results in the combinations' order. An aborted sweep
 * stops its workers and returns what was checked.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Combination, estimatedCost } from './axes.js';
import type { CellResult, SweepJob } from './sweep-types.js';

/**
 * V8 flags of the worker processes. With a core to spare, V8's defaults: its
 * background threads (parallel garbage collection, the concurrent optimising
 * compiler) run there. When the workers fill every core there is no idle
 * core for those threads: they preempt the other workers, and concurrent
 * compilation on a saturated machine costs about twice the work it saves.
 * Each worker then collects and optimises on its own thread. Measured on 2
 * cores, the bench sweep: with 2 workers, 119.6 s with V8's defaults and
 * 92.2 s with these flags (one run each); with 1 worker the defaults are a
 * little faster (medians of two runs taken in turn: 184.3 s and 190.3 s).
 * `HA_VERIFY_SWEEP_FLAGS` (space separated) replaces the choice.
 */
export function workerFlags(workers: number, cores: number, override: string | undefined = process.env.HA_VERIFY_SWEEP_FLAGS): string[] {
  if (override !== undefined) return override.split(' ').filter((f) => f !== '');
  return workers >= cores ? ['--single-threaded-gc', '--no-concurrent-recompilation'] : [];
}

/** Options of a sweep run. */
export interface RunSweepOptions {
  readonly jobs: number;
  /** Folder the traces of violated properties go under (one folder per combination). */
  readonly tracesDir: string;
  readonly signal?: AbortSignal;
  /** Called as each combination is done, with how many are done. */
  readonly onResult?: (r: CellResult, done: number) => void;
}

/** The scenario name a combination's traces are written under: `sweep-<k>` (1-based). */
export function combinationName(index: number): string {
  return `sweep-${String(index + 1).padStart(3, '0')}`;
}

/** Checks every combination on `jobs` worker processes, dearest first; results in the combinations' order. */
export async function runSweep(combos: readonly Combination[], options: RunSweepOptions): Promise<(CellResult | undefined)[]> {
  const boot = fileURLToPath(new URL('./sweep-worker-boot.mjs', import.meta.url));
  const results: (CellResult | undefined)[] = combos.map(() => undefined);
  // dearest first (longest-processing-time order): the last jobs to start are the short ones
  const order = combos.map((c, i) => [estimatedCost(c.params), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
  let next = 0;
  let done = 0;
  const workers: ChildProcess[] = [];
  const stopAll = () => { for (const w of workers) w.kill('SIGTERM'); };
  options.signal?.addEventListener('abort', stopAll, { once: true });
  const dispatch = (w: ChildProcess): boolean => {
    if (next >= combos.length || options.signal?.aborted) return false;
    const index = order[next++];
    const c = combos[index] as Combination;
    const job: SweepJob = { index, id: c.id, name: combinationName(index), params: c.params, tracesDir: options.tracesDir };
    w.send(job);
    return true;
  };
  const count = Math.max(1, Math.min(options.jobs, combos.length));
  const flags = workerFlags(count, availableParallelism());
  try {
    await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
      const w = fork(boot, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [...process.execArgv, ...flags] });
      workers.push(w);
      let stderr = '';
      w.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
      w.on('message', (r: CellResult) => {
        results[r.index] = r;
        done += 1;
        options.onResult?.(r, done);
        if (!dispatch(w)) w.send('stop');
      });
      w.on('exit', (code, signal) => {
        if (options.signal?.aborted || code === 0) resolve();
        else reject(new Error(`a sweep worker stopped (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').at(-1) ?? ''}`));
      });
      w.on('error', reject);
      if (!dispatch(w)) w.send('stop');
    })));
  } catch (err) {
    stopAll();
    throw err;
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
  }
  return results;
}
