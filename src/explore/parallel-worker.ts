/**
 * One worker of the parallel search: it compiles the scenario itself (the
 * compiled code cannot cross threads), expands its shard's frontier, and
 * keeps the new states of its shard.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Expr } from '../dsl/index.js';
import { type Scenario, lowerSystem } from '../model/index.js';
import { compileModel } from './compile.js';
import type { FromWorker, ToWorker, WorkerInit } from './parallel-protocol.js';
import { shardOf } from './parallel-protocol.js';
import { SeenSet, fingerprint } from './seen-set.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

try {
  const mod = (await import(init.source.module)) as Record<string, (...a: unknown[]) => Scenario | undefined>;
  const sc = mod[init.source.exportName](...init.source.args);
  if (!sc) throw new Error(`no scenario from ${init.source.exportName}(${init.source.args.join(', ')})`);
  const { system, properties } = sc.build();
  const cm = compileModel(lowerSystem(system));
  const preds = init.invariants.map((name) => {
    const p = properties.find((q) => q.name === name);
    if (!p || p.kind !== 'invariant') throw new Error(`no invariant ${name}`);
    return { name, pred: cm.predicate((p as { expr: Expr }).expr) };
  });
  const W = cm.layout.words;
  const R = W + 4; // a routed candidate: the packed words, its parent, its transition, its key (computed once)
  const exact = W <= 2;
  const N = init.workers;
  const n = cm.layout.slots.length;
  const s = new Float64Array(n);
  const t = new Float64Array(n);
  const buf = new Uint32Array(W);
  const fp = new Uint32Array(2);
  const seen = new SeenSet(1 << 16, false);
  let frontier = new Uint32Array(0);
  let lastGenerated = 0;
  let frontierCount = 0;

  // The key of a packed state goes into fp[0], fp[1] (no allocation on the hot path).
  const keyOf = (words: Uint32Array, at: number): void => {
    if (exact) { fp[0] = words[at]; fp[1] = W > 1 ? words[at + 1] : 0; return; }
    fingerprint(words, at, W, fp);
  };

  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'stop') { port.close(); return; }
      if (m.type === 'seed') {
        frontier = new Uint32Array(m.words);
        frontierCount = 1;
        keyOf(frontier, 0);
        seen.insert(fp[0], fp[1], 0);
        return;
      }
      if (m.type === 'expand') {
        // Size the outgoing buffers from the last level, so they rarely grow.
        const guess = Math.max(1024, Math.ceil((lastGenerated * 1.3) / N) * R);
        const outs: Uint32Array[] = Array.from({ length: N }, () => new Uint32Array(guess));
        const counts = new Array<number>(N).fill(0);
        let generated = 0;
        let deadlock = -1;
        let parent = 0;
        let any = false;
        const emit = (k: number) => {
          any = true;
          generated++;
          cm.codec.pack(t, buf, 0);
          keyOf(buf, 0);
          const j = shardOf(fp[0], fp[1], N);
          if ((counts[j] + 1) * R > outs[j].length) {
            const bigger = new Uint32Array(outs[j].length * 2);
            bigger.set(outs[j]);
            outs[j] = bigger;
          }
          const o = counts[j] * R;
          for (let w = 0; w < W; w++) outs[j][o + w] = buf[w];
          outs[j][o + W] = parent;
          outs[j][o + W + 1] = k;
          outs[j][o + W + 2] = fp[0];
          outs[j][o + W + 3] = fp[1];
          counts[j]++;
        };
        for (let i = 0; i < frontierCount; i++) {
          cm.codec.unpack(frontier, i * W, s);
          parent = m.base + i;
          any = false;
          try {
            cm.expand(s, t, cm.h, emit);
          } catch (err) {
            const e = { message: (err as Error).message, state: parent, transition: (err as { transition?: number }).transition ?? -1 };
            post({ type: 'expanded', outs: [], counts: [], generated, deadlock, error: e });
            return;
          }
          if (!any && deadlock < 0) deadlock = parent;
        }
        // Send the filled part; a buffer more than half empty is trimmed first, else sent whole with its count.
        lastGenerated = generated;
        const sliced = outs.map((o, j) => (counts[j] * R * 2 < o.length ? o.slice(0, counts[j] * R) : o).buffer as ArrayBuffer);
        post({ type: 'expanded', outs: sliced, counts, generated, deadlock }, sliced);
        return;
      }
      if (m.type === 'dedup') {
        let next = new Uint32Array(1024);
        let count = 0;
        let parents = new Uint32Array(1024);
        let vias = new Uint32Array(1024);
        const violations: Record<string, number> = {};
        for (let src = 0; src < m.inboxes.length; src++) {
          const inbox = new Uint32Array(m.inboxes[src]);
          const end = m.counts[src] * R;
          for (let o = 0; o < end; o += R) {
            if (seen.insert(inbox[o + W + 2], inbox[o + W + 3], 0) !== -1) continue;
            if ((count + 1) * W > next.length) { const g = new Uint32Array(next.length * 2); g.set(next); next = g; }
            if (count + 1 > parents.length) {
              const p2 = new Uint32Array(parents.length * 2); p2.set(parents); parents = p2;
              const v2 = new Uint32Array(vias.length * 2); v2.set(vias); vias = v2;
            }
            for (let w = 0; w < W; w++) next[count * W + w] = inbox[o + w];
            parents[count] = inbox[o + W];
            vias[count] = inbox[o + W + 1];
            if (preds.length) {
              cm.codec.unpack(next, count * W, s);
              for (const p of preds) if (!(p.name in violations) && !p.pred(s)) violations[p.name] = count;
            }
            count++;
          }
        }
        frontier = next;
        frontierCount = count;
        const pb = parents.slice(0, count).buffer;
        const vb = vias.slice(0, count).buffer;
        post({ type: 'deduped', count, parents: pb, vias: vb, violations, seenBytes: seen.bytes, frontierBytes: next.byteLength }, [pb, vb]);
      }
    } catch (err) {
      post({ type: 'failed', message: (err as Error).message });
    }
  });
  post({ type: 'ready', words: W });
} catch (err) {
  post({ type: 'failed', message: (err as Error).message });
}
