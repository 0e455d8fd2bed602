/**
 * Broken variants checked on worker threads (see `variants-worker.ts`): the
 * variants are dealt round-robin to `workers` threads, each of which checks
 * its share in turn; results come back in the variants' order.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VariantResult } from './check-variant.js';
import type { VariantsWorkerData } from './variants-worker.js';

/** What to check, and where. */
export interface ParallelVariantsOptions {
  /** Address (file URL) of the module exporting BROKEN_VARIANTS. */
  readonly variantsModule: string;
  readonly names: readonly string[];
  /** Scenario names, in the order the checks go through them. */
  readonly scenarios: readonly string[];
  readonly manifest?: string;
  readonly workers: number;
  readonly signal?: AbortSignal;
  /** Called as each result comes in. */
  readonly onResult?: (r: VariantResult) => void;
}

/**
 * Checks the named variants on worker threads. Resolves to the results of
 * the variants checked: all of them, unless the signal aborted the run.
 * Rejects (every worker stopped) when a worker fails or ends without the
 * results of its share.
 */
export async function checkVariantsInWorkers(options: ParallelVariantsOptions): Promise<VariantResult[]> {
  const boot = fileURLToPath(new URL('./variants-worker-boot.mjs', import.meta.url));
  const n = Math.max(1, Math.min(options.workers, options.names.length));
  const shares = Array.from({ length: n }, (_, i) => options.names.filter((_, k) => k % n === i));
  const results = new Map<string, VariantResult>();
  const workers: Worker[] = [];
  const runs = shares.map((names) => new Promise<void>((resolve, reject) => {
    const data: VariantsWorkerData = { variantsModule: options.variantsModule, names, scenarios: options.scenarios, ...(options.manifest === undefined ? {} : { manifest: options.manifest }) };
    const w = new Worker(boot, { workerData: data });
    workers.push(w);
    w.on('message', (m: VariantResult | 'done') => {
      if (m === 'done') return;
      results.set(m.variant, m);
      options.onResult?.(m);
    });
    w.on('error', reject);
    w.on('exit', () => resolve());
  }));
  const stop = () => { for (const w of workers) void w.terminate(); };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(runs);
  } catch (e) {
    stop();
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  const missing = options.names.filter((name) => !results.has(name));
  if (missing.length > 0 && options.signal?.aborted !== true) throw new Error(`a worker ended without checking ${missing.join(', ')}`);
  return options.names.filter((name) => results.has(name)).map((name) => results.get(name)!);
}
