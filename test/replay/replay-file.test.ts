/**
 * Replaying trace files, small ones read whole and large ones streamed
 * (src/replay/replay-file.ts, src/trace/itf-stream.ts): the same results,
 * a lasso's closing step, errors named with the state, progress, and a
 * 200,000-state trace replayed state by state.
 */
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { ActionLabel } from '../../src/model/index.js';
import { lockstepTrace, replayTrace, runLockstep } from '../../src/replay/index.js';
import { replayTraceFile } from '../../src/replay/replay-file.js';
import { formatItfTrace, type ItfTrace } from '../../src/trace/index.js';
import { SPLIT_BRAIN_RESOLUTION } from './fixtures/split-brain-resolution.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

const dir = mkdtempSync(join(tmpdir(), 'hv-replay-file-'));
const fail: ActionLabel = { name: 'HoldOnMon1Fail', params: { n: 'n1' } };
const recover: ActionLabel = { name: 'IneligibleOnMon1RecoverOtherwise', params: { n: 'n1' } };

function modelTrace(scenario: string, labels: readonly ActionLabel[]): ItfTrace {
  return lockstepTrace(runLockstep(findScenario(scenario)!, labels), 'model', { property: '(none)', kind: 'path' });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('a trace file read whole or streamed', () => {
  const trace = modelTrace('router-fault', SPLIT_BRAIN_RESOLUTION);
  const path = file('split.itf.json', formatItfTrace(trace));

  it('gives the same result both ways, followed or departed from', async () => {
    expect(await replayTraceFile(path, { stream: true })).toEqual(replayTrace(trace));
    const broken = { nodeFactory: BROKEN_NODES['higher-id-backs-off'].factory };
    const streamed = await replayTraceFile(path, { stream: true, ...broken });
    expect(streamed).toEqual(replayTrace(trace, broken));
    expect(streamed).toMatchObject({ outcome: 'departs', step: 7 });
  });

  it("replays a lasso's closing step back to its loop state", async () => {
    // n1 fails and recovers while the ICL is still down: back where it started, forever
    const two = modelTrace('default', [fail]);
    const lasso = { ...two, '#meta': { ...two['#meta'], loopAction: { 'mbt::actionTaken': recover.name, 'mbt::nondetPicks': { n: 'n1' } } }, loop: 0 } as ItfTrace;
    const p = file('lasso.itf.json', formatItfTrace(lasso));
    const whole = await replayTraceFile(p, { stream: false });
    expect(whole).toMatchObject({ outcome: 'follows', steps: 2 });
    expect(await replayTraceFile(p, { stream: true })).toEqual(whole);
  });

  it('names the state of a malformed one, streamed', async () => {
    // state 2 holds a value outside srg1's domain
    const states = trace.states.map((st, k) => (k === 2 ? { ...st, srg1: { '#map': [['n1', 'no-such-state'], ['n2', 'hold']] } } : st));
    const bad = file('bad.itf.json', formatItfTrace({ ...trace, states } as ItfTrace));
    expect(await replayTraceFile(bad, { stream: true })).toMatchObject({ outcome: 'error', code: 'MALFORMED_TRACE', step: 2 });
    // a file cut short in its third state: the states before it are replayed, then the cut is named
    const text = formatItfTrace(trace);
    const cut = file('cut.itf.json', text.slice(0, text.indexOf('"mbt::actionTaken"', text.indexOf('"mbt::actionTaken"') + 1) + 40));
    expect(await replayTraceFile(cut, { stream: true })).toMatchObject({ outcome: 'error', code: 'MALFORMED_TRACE', message: expect.stringMatching(/ends before/) });
    expect(await replayTraceFile(join(dir, 'missing.itf.json'))).toMatchObject({ outcome: 'error', code: 'TRACE_READ_FAILED' });
  });
});

describe('a 200,000-state trace', () => {
  it('is streamed state by state, with progress, to the end', async () => {
    // n1 fails and recovers over and over while the ICL is down: two states, alternating
    const two = modelTrace('default', [fail, recover]);
    const [s0, s1, s2] = two.states;
    expect(JSON.stringify({ ...s2, '#meta': undefined, 'mbt::actionTaken': undefined, 'mbt::nondetPicks': undefined }))
      .toBe(JSON.stringify({ ...s0, '#meta': undefined, 'mbt::actionTaken': undefined, 'mbt::nondetPicks': undefined }));
    const path = join(dir, 'long.itf.json');
    const out = createWriteStream(path);
    out.write(`{"#meta": ${JSON.stringify(two['#meta'])}, "vars": ${JSON.stringify(two.vars)}, "states": [\n${JSON.stringify(s0)}`);
    const N = 200_000;
    for (let k = 1; k < N; k += 1) {
      if (!out.write(`,\n${JSON.stringify(k % 2 === 1 ? s1 : s2)}`)) await once(out, 'drain');
    }
    out.end('\n]}\n');
    await once(out, 'finish');
    const progress: number[] = [];
    const r = await replayTraceFile(path, { onProgress: (states) => progress.push(states) });
    expect(r).toMatchObject({ outcome: 'follows', steps: N - 1 });
    // the log keeps the last steps only
    expect(r.outcome === 'follows' && r.log.length).toBe(50);
    expect(r.outcome === 'follows' && r.log.at(-1)!.step).toBe(N - 1);
    console.log(`200,000-state trace streamed, ${progress.length} progress reports`);
  }, 300_000);
});
