/** Traces that cannot be replayed: each error has its code and names the step. */
import { describe, expect, it } from 'vitest';
import { readTraceForReplay, replayTrace } from '../../src/replay/index.js';
import type { ItfTrace } from '../../src/trace/index.js';

async function routerFault(): Promise<ItfTrace> {
  const read = await readTraceForReplay('traces/router-fault/NoSplitBrain.itf.json');
  if ('outcome' in read) throw new Error(read.message);
  return read;
}

/** A copy of the trace with state `k` changed by `edit`. */
function editState(trace: ItfTrace, k: number, edit: (s: Record<string, unknown>) => void): ItfTrace {
  const copy = JSON.parse(JSON.stringify(trace)) as { states: Record<string, unknown>[] };
  edit(copy.states[k]);
  return copy as unknown as ItfTrace;
}

describe('replay errors', () => {
  it('an unknown action names its step', async () => {
    const t = editState(await routerFault(), 2, (s) => { s['mbt::actionTaken'] = 'HoldOnTeleport'; });
    expect(replayTrace(t)).toMatchObject({ outcome: 'error', code: 'UNKNOWN_ACTION', step: 2, message: "step 2: unknown action 'HoldOnTeleport' (not an action of the MNHA model)" });
  });

  it('a parameter outside its domain, or missing, names its step', async () => {
    const t = await routerFault();
    expect(replayTrace(editState(t, 3, (s) => { s['mbt::nondetPicks'] = { n: 'n3' }; }))).toMatchObject({ outcome: 'error', code: 'BAD_PARAMS', step: 3 });
    expect(replayTrace(editState(t, 3, (s) => { s['mbt::nondetPicks'] = {}; }))).toMatchObject({
      outcome: 'error', code: 'BAD_PARAMS', step: 3, message: "step 3: action HoldOnProbeReply lacks its parameter 'n'",
    });
  });

  it('a value outside its variable\'s domain names the state and the variable', async () => {
    const t = editState(await routerFault(), 1, (s) => { s.router = 'confused'; });
    expect(replayTrace(t)).toMatchObject({ outcome: 'error', code: 'MALFORMED_TRACE', step: 1, message: 'state 1: router: expected one of behaving, faulty' });
  });

  it('a trace that is not ITF is malformed, with the state named when the problem is inside one', async () => {
    const t = editState(await routerFault(), 2, (s) => { delete s['mbt::actionTaken']; });
    expect(replayTrace(t)).toMatchObject({ outcome: 'error', code: 'MALFORMED_TRACE', step: 2 });
    expect(replayTrace({ vars: [], states: [] } as unknown as ItfTrace)).toMatchObject({ outcome: 'error', code: 'MALFORMED_TRACE' });
  });

  it('a trace without its scenario, or naming an unknown one, or lacking a model variable', async () => {
    const t = await routerFault();
    const meta = t['#meta'] ?? {};
    expect(replayTrace({ ...t, '#meta': { ...meta, scenario: undefined } })).toMatchObject({ outcome: 'error', code: 'UNKNOWN_SCENARIO' });
    expect(replayTrace({ ...t, '#meta': { ...meta, scenario: 'moon' } })).toMatchObject({ outcome: 'error', code: 'UNKNOWN_SCENARIO' });
    const noOffPath = {
      ...t,
      vars: t.vars.filter((v) => v !== 'offPath'),
      states: t.states.map((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'offPath'))),
    } as ItfTrace;
    expect(replayTrace(noOffPath)).toMatchObject({ outcome: 'error', code: 'MALFORMED_TRACE', message: "the trace has no variable 'offPath' of the router-fault model" });
  });

  it('a file that cannot be read', async () => {
    expect(await readTraceForReplay('traces/nowhere.itf.json')).toMatchObject({ outcome: 'error', code: 'TRACE_READ_FAILED' });
  });

  it('a departure at the initial state is reported as step 0', async () => {
    const t = editState(await routerFault(), 0, (s) => { s.icl = 'up'; });
    expect(replayTrace(t)).toMatchObject({ outcome: 'departs', step: 0, action: '(initial state)', diff: [{ variable: 'icl', expected: 'up', actual: 'down' }] });
  });
});
