/**
 * Messages between the parallel search's coordinator and its workers, and
 * how a worker finds its model. Each worker owns one shard of the seen-set
 * (states whose key hashes to it) and the frontier states of that shard; a
 * level is expanded in parallel, the successors are routed to their shards,
 * and each shard keeps the new ones. Nothing is shared between threads but
 * transferred buffers, so no locks are needed.
 */

/** Where a worker imports the scenario from: `(await import(module))[exportName](...args)`. */
export interface ScenarioSource {
  readonly module: string;
  readonly exportName: string;
  readonly args: readonly unknown[];
}

/** Data a worker starts with. */
export interface WorkerInit {
  readonly source: ScenarioSource;
  readonly index: number;
  readonly workers: number;
  readonly invariants: readonly string[];
}

/** Coordinator to worker. */
export type ToWorker =
  | { readonly type: 'seed'; readonly words: ArrayBuffer }
  | { readonly type: 'expand'; readonly base: number }
  | { readonly type: 'dedup'; readonly inboxes: readonly ArrayBuffer[]; readonly counts: readonly number[] }
  | { readonly type: 'stop' };

/** Worker to coordinator. */
export type FromWorker =
  | { readonly type: 'ready'; readonly words: number }
  | { readonly type: 'expanded'; readonly outs: readonly ArrayBuffer[]; readonly counts: readonly number[]; readonly generated: number; readonly deadlock: number; readonly error?: { message: string; state: number; transition: number } }
  | { readonly type: 'deduped'; readonly count: number; readonly parents: ArrayBuffer; readonly vias: ArrayBuffer; readonly violations: Readonly<Record<string, number>>; readonly seenBytes: number; readonly frontierBytes: number }
  | { readonly type: 'failed'; readonly message: string };

/** The shard of a key (independent of the table position hash). */
export function shardOf(a: number, b: number, workers: number): number {
  let h = Math.imul(a ^ (b >>> 16) ^ 0x7feb352d, 0x846ca68b);
  h ^= h >>> 15;
  return (h >>> 0) % workers;
}
