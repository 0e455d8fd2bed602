/**
 * The parallel breadth-first search: level by level, each worker thread
 * expands the frontier states of its shard, successors are routed to the
 * shard their key hashes to, and each shard keeps the new ones. Counts and
 * verdicts are those of the single-threaded search (the set of reachable
 * states does not depend on who finds them), and traces stay shortest
 * (levels are synchronised). The coordinator keeps the parent links, so
 * counterexamples are rebuilt by replay from the initial state.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExploreOptions, ExploreResult } from './bfs.js';
import type { CompiledModel } from './compile.js';
import { type FromWorker, type ScenarioSource, type ToWorker, shardOf } from './parallel-protocol.js';
import { fingerprint } from './seen-set.js';
import { StateStore } from './state-store.js';

/** Options of a parallel search. */
export interface ParallelOptions extends Omit<ExploreOptions, 'keepGraph' | 'retainStates' | 'invariants'> {
  readonly workers: number;
  /** Where each worker gets the scenario (the compiled code cannot cross threads). */
  readonly source: ScenarioSource;
  /** The scenario's invariants to check (compiled here for the initial state; workers compile their own). */
  readonly invariants?: readonly { readonly name: string; readonly pred: (s: Float64Array) => boolean }[];
}

class WorkerPort {
  private waiting: ((m: FromWorker) => void) | undefined;
  private queued: FromWorker[] = [];
  constructor(readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => {
      if (this.waiting) { const w = this.waiting; this.waiting = undefined; w(m); } else this.queued.push(m);
    });
    worker.on('error', (err) => {
      const m: FromWorker = { type: 'failed', message: err.message };
      if (this.waiting) { const w = this.waiting; this.waiting = undefined; w(m); } else this.queued.push(m);
    });
  }
  next(): Promise<FromWorker> {
    const q = this.queued.shift();
    if (q) return Promise.resolve(q);
    return new Promise((r) => { this.waiting = r; });
  }
  send(m: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(m, transfer);
  }
}

function expect<T extends FromWorker['type']>(m: FromWorker, type: T): Extract<FromWorker, { type: T }> {
  if (m.type === 'failed') throw new Error(`worker failed: ${m.message}`);
  if (m.type !== type) throw new Error(`worker sent ${m.type}, expected ${type}`);
  return m as Extract<FromWorker, { type: T }>;
}

/** Explores every reachable state with `opts.workers` worker threads. */
export async function exploreParallel(cm: CompiledModel, opts: ParallelOptions): Promise<ExploreResult> {
  const N = opts.workers;
  const W = cm.layout.words;
  const invariantNames = (opts.invariants ?? []).map((i) => i.name);
  const boot = fileURLToPath(new URL('./parallel-worker-boot.mjs', import.meta.url));
  const ports = Array.from({ length: N }, (_, index) => new WorkerPort(new Worker(boot, {
    workerData: { source: opts.source, index, workers: N, invariants: invariantNames },
  })));
  let start = performance.now();
  const store = new StateStore(W, cm.transitions.length, 1 << 16, false);
  const violations = new Map<string, number>();
  let deadlock: number | undefined;
  let error: ExploreResult['error'];
  let generated = 1;
  let depth = 1;
  let stopReason: ExploreResult['stopReason'];
  let seenBytes = 0;
  let frontierBytes = 0;
  try {
    for (const p of ports) expect(await p.next(), 'ready');
    // Timing starts once every worker has compiled the model, as it does after compiling for one thread.
    start = performance.now();
    // The initial state goes to its shard.
    const initWords = new Uint32Array(W);
    cm.codec.pack(cm.init, initWords, 0);
    const fp = new Uint32Array(2);
    const [a, b] = W <= 2 ? [initWords[0], W > 1 ? initWords[1] : 0] : (fingerprint(initWords, 0, W, fp), [fp[0], fp[1]]);
    const first = shardOf(a, b, N);
    ports[first].send({ type: 'seed', words: initWords.buffer }, [initWords.buffer]);
    store.pushLink(-1, -1);
    for (const inv of opts.invariants ?? []) if (!inv.pred(cm.init)) violations.set(inv.name, 0);
    let counts = new Array<number>(N).fill(0);
    counts[first] = 1;
    let levelBase = 0;
    let lastProgress = start;
    while (counts.some((c) => c > 0)) {
      // Expand: each shard's frontier, numbered from its base.
      const bases: number[] = [];
      let acc = levelBase;
      for (let j = 0; j < N; j++) { bases.push(acc); acc += counts[j]; }
      ports.forEach((p, j) => p.send({ type: 'expand', base: bases[j] }));
      const expanded = await Promise.all(ports.map(async (p) => expect(await p.next(), 'expanded')));
      for (const e of expanded) {
        generated += e.generated;
        if (e.deadlock >= 0 && opts.checkDeadlock && (deadlock === undefined || e.deadlock < deadlock)) deadlock = e.deadlock;
        if (e.error && !error) error = e.error;
      }
      if (error) { stopReason = 'error'; break; }
      // Route: shard j receives what every worker found for it, in worker order.
      ports.forEach((p, j) => {
        const inboxes = expanded.map((e) => e.outs[j]);
        p.send({ type: 'dedup', inboxes, counts: expanded.map((e) => e.counts[j]) }, inboxes);
      });
      const deduped = await Promise.all(ports.map(async (p) => expect(await p.next(), 'deduped')));
      const newBase = store.size;
      let offset = newBase;
      counts = deduped.map((d) => d.count);
      seenBytes = 0;
      frontierBytes = 0;
      deduped.forEach((d) => {
        const parents = new Uint32Array(d.parents);
        const vias = new Uint32Array(d.vias);
        for (let i = 0; i < d.count; i++) store.pushLink(parents[i], vias[i]);
        for (const [name, local] of Object.entries(d.violations)) {
          const g = offset + local;
          if (!violations.has(name) || g < violations.get(name)!) violations.set(name, g);
        }
        offset += d.count;
        seenBytes += d.seenBytes;
        frontierBytes += d.frontierBytes;
      });
      levelBase = newBase;
      if (counts.some((c) => c > 0)) depth++;
      const now = performance.now();
      if (opts.onProgress && now - lastProgress >= (opts.progressIntervalMs ?? 2000)) {
        lastProgress = now;
        opts.onProgress({ distinct: store.size, generated, queue: counts.reduce((x, y) => x + y, 0), depth, elapsedMs: now - start, statesPerSecond: Math.round(store.size / ((now - start) / 1000)), heapUsedBytes: process.memoryUsage().heapUsed });
      }
      if (opts.maxStates !== undefined && store.size >= opts.maxStates && counts.some((c) => c > 0)) { stopReason = 'limit'; break; }
      if (opts.signal?.aborted) { stopReason = 'interrupted'; break; }
    }
  } finally {
    await Promise.all(ports.map((p) => p.worker.terminate()));
  }
  const durationMs = performance.now() - start;
  return {
    complete: stopReason === undefined,
    ...(stopReason ? { stopReason } : {}),
    distinct: store.size,
    generated,
    depth,
    durationMs,
    violations,
    // premises are not counted across workers
    exercised: new Map(),
    stepViolations: new Map(),
    deadlock,
    error,
    store,
    seen: undefined,
    graph: undefined,
    bytesPerState: (seenBytes + frontierBytes + store.linkBytes) / Math.max(1, store.size),
    seenBytes,
    queueBytes: frontierBytes,
    linkBytes: store.linkBytes,
  };
}
