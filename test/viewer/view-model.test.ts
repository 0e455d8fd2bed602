import { describe, expect, it } from 'vitest';

import type { ItfState, ItfTrace } from '../../src/trace/index.js';
import { buildTraceView, replayLine, verdictLine } from '../../src/viewer/index.js';
import { storyOf } from '../../src/viewer/story.js';
import { SPLIT_BRAIN, loadFixture, viewOf, withMeta } from './helpers.js';

const splitBrain = loadFixture(SPLIT_BRAIN);

/** The fixture cut to its first states, optionally with one more state edited from the last. */
function prefix(n: number, extra?: (last: Record<string, unknown>) => Record<string, unknown>): ItfTrace {
  const states = splitBrain.states.slice(0, n).map((s) => JSON.parse(JSON.stringify(s)) as ItfState);
  if (extra) {
    const next = extra(JSON.parse(JSON.stringify(states[n - 1])) as Record<string, unknown>);
    next['#meta'] = { index: n };
    states.push(next as ItfState);
  }
  return { '#meta': { scenario: 'router-fault' }, vars: splitBrain.vars, states };
}

describe('trace info from #meta', () => {
  it('reads scenario, property, kind and the violating step', () => {
    const v = viewOf(splitBrain);
    expect(v.info).toMatchObject({ scenario: 'router-fault', property: 'NoSplitBrain', kind: 'invariant', violationStep: 11 });
    expect(verdictLine(v)).toBe('invariant NoSplitBrain is violated at step 11');
    expect(replayLine(v)).toBeUndefined();
  });

  it('takes the last state as the violation of an invariant that does not say where', () => {
    const meta = { ...splitBrain['#meta'] } as Record<string, unknown>;
    delete meta.violationStep;
    const v = viewOf({ ...splitBrain, '#meta': meta });
    expect(v.info.violationStep).toBe(11);
  });

  it('marks no violation when the trace names no property', () => {
    const v = viewOf({ vars: splitBrain.vars, states: splitBrain.states });
    expect(v.info.violationStep).toBeUndefined();
    expect(verdictLine(v)).toBe('trace of 12 states');
  });

  it('refuses a violation step outside the trace, naming the key', () => {
    const r = buildTraceView(withMeta(splitBrain, { violationStep: 12 }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VIEW_BAD_META');
    expect(r.error.message).toBe('malformed trace at #meta.violationStep: must be a state index in 0..11, found number 12');
  });

  it('refuses a scenario that is not a string', () => {
    const r = buildTraceView(withMeta(splitBrain, { scenario: 7 }));
    expect(!r.ok && r.error.message).toBe('malformed trace at #meta.scenario: must be a string, found number 7');
  });

  it('accepts a violation step written as an ITF integer', () => {
    expect(viewOf(withMeta(splitBrain, { violationStep: { '#bigint': '10' } })).info.violationStep).toBe(10);
  });

  it('reads a replay result from #meta and describes it', () => {
    const replay = { outcome: 'departs', step: 10, action: 'BackupOnProbeReply', diff: [{ variable: 'srg1', expected: 'x', actual: 'y' }] };
    const v = viewOf(withMeta(splitBrain, { replay }));
    expect(v.info.replay).toEqual(replay);
    expect(replayLine(v)).toBe('replay: the implementation departs at step 10 (BackupOnProbeReply): 1 variable differs');
  });

  it('says a reproduced counterexample is a flaw of the implementation, a followed plain trace is not', () => {
    expect(replayLine(viewOf(withMeta(splitBrain, { replay: { outcome: 'follows' } })))).toBe(
      'replay: the implementation reproduces this counterexample, so the implementation has this flaw',
    );
    const plain = { vars: splitBrain.vars, states: splitBrain.states, '#meta': { replay: { outcome: 'follows' } } } as unknown as typeof splitBrain;
    expect(replayLine(viewOf(plain))).toBe('replay: the implementation follows the trace');
  });

  it('refuses a malformed replay result, naming what is wrong', () => {
    const r = buildTraceView(withMeta(splitBrain, { replay: { outcome: 'maybe' } }));
    expect(!r.ok && r.error.code).toBe('VIEW_BAD_REPLAY');
    expect(!r.ok && r.error.message).toBe('malformed trace at #meta.replay.outcome: must be "follows", "departs" or "error", found the string "maybe"');
    const r2 = buildTraceView(splitBrain, { replay: { outcome: 'departs', step: 3, diff: [{ expected: 1 }] } });
    expect(!r2.ok && r2.error.message).toBe('malformed replay result at replay.diff[0].variable: must be a string, found nothing');
  });

  it('reads the result replay writes: departure with a known difference and a log', () => {
    const result = {
      outcome: 'departs',
      step: 4,
      action: 'HoldOnStateIfPeerIsActive(n=n2)',
      diff: [{ variable: 'sess[n2][s1]', expected: 'warm', actual: 'active' }],
      log: [
        { step: 1, action: 'HoldOnProbeReply(n=n1)', stimulus: 'probe n1', outcome: 'answered' },
        { step: 4, action: 'HoldOnStateIfPeerIsActive(n=n2)', stimulus: 'deliver STATE to n2', outcome: 'delivered' },
      ],
      known: { id: 'cold-sync-timing', summary: 'sessions reconcile later in the implementation' },
    };
    const v = viewOf(splitBrain, { replay: result });
    expect(v.info.replay).toEqual(result);
    expect(replayLine(v)).toBe('replay: the implementation departs at step 4 (HoldOnStateIfPeerIsActive(n=n2)): 1 variable differs; known difference cold-sync-timing');
  });

  it('reads a replay that could not run', () => {
    const v = viewOf(splitBrain, { replay: { outcome: 'error', code: 'UNMAPPED_ACTION', message: 'step 2: no stimulus for Foo', hint: 'map it', step: 2 } });
    expect(replayLine(v)).toBe('replay could not run at step 2: UNMAPPED_ACTION: step 2: no stimulus for Foo');
  });

  it("accepts a departure at a lasso's closing step, numbered states.length", () => {
    const lasso = loadFixture('two-phase-lasso.itf.json');
    const v = viewOf(lasso, { replay: { outcome: 'departs', step: 4, action: 'TMTimeout', diff: [] } });
    expect(replayLine(v)).toBe('replay: the implementation departs at the step back to step 2 (TMTimeout)');
    const r = buildTraceView(splitBrain, { replay: { outcome: 'departs', step: 12 } });
    expect(!r.ok && r.error.message).toBe('malformed replay result at replay.step: must be a state index in 0..11, found number 12');
  });

  it('takes a replay result given apart, bare or wrapped in {replay}, over the one in #meta', () => {
    const inMeta = withMeta(splitBrain, { replay: { outcome: 'follows' } });
    expect(viewOf(inMeta, { replay: { outcome: 'departs', step: 4 } }).info.replay).toEqual({ outcome: 'departs', step: 4 });
    expect(viewOf(inMeta, { replay: { replay: { outcome: 'departs', step: 5 } } }).info.replay).toEqual({ outcome: 'departs', step: 5 });
  });

  it('refuses a malformed ITF trace with the validator error naming the state and variable', () => {
    const bad = JSON.parse(JSON.stringify(splitBrain)) as { states: Record<string, unknown>[] };
    bad.states[3].srg1 = null;
    const r = buildTraceView(bad as unknown as ItfTrace);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('ITF_MALFORMED');
    expect(r.error.at).toMatchObject({ state: 3, variable: 'srg1' });
    expect(r.error.message).toBe('malformed ITF trace at $.states[3].srg1: null is not an ITF value');
  });
});

describe('steps', () => {
  it('labels each step with its action and parameters and lists the changed variables', () => {
    const v = viewOf(splitBrain);
    expect(v.steps.map((s) => s.label)).toEqual([
      'init',
      'HoldOnProbeReply(n: n1)',
      'ActiveOnIclUp(n: n1)',
      'HoldOnIclUp(n: n2)',
      'HoldOnStateIfPeerIsActive(n: n2)',
      'ActiveOnState(n: n1)',
      'IclCut',
      'ActiveOnIclDownIfWithdrawOnIclLoss(n: n1)',
      'BackupOnIclDown(n: n2)',
      'RouterMisbehaves',
      'BackupOnProbeReply(n: n2)',
      'HoldOnProbeReply(n: n1)',
    ]);
    const names = (i: number) => v.steps[i].changed.map((k) => v.vars[k]);
    expect(names(0)).toEqual([]);
    expect(names(6)).toEqual(['icl']);
    expect(names(11)).toEqual(['srg1', 'activeRoute', 'adv', 'probing', 'offPath']);
    expect(v.steps[11].params).toEqual([['n', 'n1']]);
  });
});

describe('MNHA lanes', () => {
  const v = viewOf(splitBrain);
  const lanes = v.lanes!;

  it('has a lane per node, the ICL and the routers, and knows which variables they show', () => {
    expect(lanes.nodes).toEqual(['n1', 'n2']);
    expect(lanes.covered).toEqual(['node', 'srg1', 'srg0', 'activeRoute', 'backupRoute', 'adv', 'probing', 'iclSeen', 'peerSrg1', 'icl', 'router', 'rview', 'offPath', 'notify', 'inbox']);
    expect(lanes.convergence).toBe('instant');
    expect(lanes.convergenceKnown).toBe(false);
  });

  it('shows each node: SRG1, SRG0, signal route, preference, probing, peer, probe replies', () => {
    expect(lanes.node[11][0]).toEqual({
      up: true, srg1: 'active', srg0: 'coldSync', route: 'active', adv: 'high', probing: false, iclSeen: false, peer: 'unknown',
      probeReply: 'off-path', changed: ['srg1', 'route', 'adv', 'probing'],
    });
    expect(lanes.node[10][1]).toMatchObject({ srg1: 'active', probeReply: 'on-path' });
    expect(lanes.node[4][1]).toEqual({
      up: true, srg1: 'backup', srg0: 'coldSync', route: 'backup', adv: 'medium', probing: false, iclSeen: true, peer: 'active',
      changed: ['srg1', 'route', 'adv', 'probing', 'peer'],
    });
  });

  it('shows the ICL up or down and what is in flight', () => {
    const icl = lanes.icl!;
    expect(icl.map((c) => c.state)).toEqual(['up', 'up', 'up', 'up', 'up', 'up', 'down', 'down', 'down', 'down', 'down', 'down']);
    expect(icl.map((c) => c.inFlight)).toEqual([0, 1, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(icl.map((c) => c.changed)).toEqual([false, false, false, false, false, false, true, false, false, false, false, false]);
  });

  it("shows the routers' state, preferred path and the probes they answer", () => {
    const r = lanes.router!;
    expect(r[0]).toEqual({ state: 'behaving', prefText: 'tie, both low; tie-break unknown', offPathSeen: false, changed: [] });
    expect(r[1]).toMatchObject({ prefers: 'n1', prefText: 'n1 high > n2 low', answered: { node: 'n1', offPath: false }, changed: ['prefers'] });
    expect(r[7]).toMatchObject({ prefers: 'n2', prefText: 'n2 medium > n1 low' });
    expect(r[9]).toMatchObject({ state: 'faulty', changed: ['state'] });
    expect(r[10].answered).toEqual({ node: 'n2', offPath: false });
    expect(r[11]).toMatchObject({ answered: { node: 'n1', offPath: true }, offPathSeen: true, prefText: 'tie, both high; tie-break unknown' });
  });

  it('breaks a tie with the tie-break the trace gives', () => {
    const r = viewOf(withMeta(splitBrain, { tieBreak: 'n1', routeConvergence: 'instant' })).lanes!;
    expect(r.router![0]).toMatchObject({ prefers: 'n1', prefText: 'tie, both low; tie-break n1' });
    expect(r.convergenceKnown).toBe(true);
  });

  it('tells the story: SRG1 changes, the ICL and the router', () => {
    expect(storyOf(v).map((e) => `${e.step} ${e.text}`)).toEqual([
      '1 n1 active',
      '4 n2 backup',
      '6 ICL down',
      '7 n1 hold',
      '9 router faulty',
      '10 n2 active',
      '11 n1 active (off-path reply)',
    ]);
  });

  it('has no lanes for a trace of another model', () => {
    const other = viewOf(loadFixture('two-phase-lasso.itf.json'));
    expect(other.lanes).toBeUndefined();
    expect(other.messages).toEqual([]);
    expect(storyOf(other)).toEqual([]);
  });
});

describe('messages', () => {
  it('follows each STATE message from its sender to its receiver, or to where it was replaced', () => {
    expect(viewOf(splitBrain).messages).toEqual([
      { channel: 'notify', from: 'n1', to: 'n2', sent: 1, end: 4, fate: 'delivered', label: 'STATE active', text: '{type: STATE, srg1: active, sid: none}' },
      { channel: 'notify', from: 'n2', to: 'n1', sent: 3, end: 4, fate: 'replaced', label: 'STATE hold', text: '{type: STATE, srg1: hold, sid: none}' },
      { channel: 'notify', from: 'n2', to: 'n1', sent: 4, end: 5, fate: 'delivered', label: 'STATE backup', text: '{type: STATE, srg1: backup, sid: none}' },
    ]);
  });

  it('loses the messages in flight when the ICL is cut', () => {
    const cut = prefix(4, (s) => ({
      ...s,
      'mbt::actionTaken': 'IclCut',
      'mbt::nondetPicks': {},
      icl: 'down',
      notify: { '#map': [['n1', []], ['n2', []]] },
    }));
    expect(viewOf(cut).messages.map((m) => [m.label, m.sent, m.end, m.fate])).toEqual([
      ['STATE active', 1, 4, 'lost'],
      ['STATE hold', 3, 4, 'lost'],
    ]);
  });

  it('leaves a message still in flight at the end open', () => {
    expect(viewOf(prefix(3)).messages).toEqual([
      { channel: 'notify', from: 'n1', to: 'n2', sent: 1, fate: 'in-flight', label: 'STATE active', text: '{type: STATE, srg1: active, sid: none}' },
    ]);
  });

  it('labels session messages by their session', () => {
    const sent = prefix(1, (s) => ({
      ...s,
      'mbt::actionTaken': 'OnlineOnPacket',
      'mbt::nondetPicks': { n: 'n1', s: 's1' },
      inbox: { '#map': [['n1', []], ['n2', [{ type: 'SESSION', srg1: 'hold', sid: 's1' }, { type: 'SA_SYNC', srg1: 'hold', sid: 'none' }]]] },
    }));
    expect(viewOf(sent).messages.map((m) => [m.channel, m.from, m.to, m.label])).toEqual([
      ['inbox', 'n1', 'n2', 'SESSION s1'],
      ['inbox', 'n1', 'n2', 'SA_SYNC'],
    ]);
  });
});

describe('lassos', () => {
  it('keeps the loop and its closing action', () => {
    const v = viewOf(loadFixture('two-phase-lasso.itf.json'));
    expect(v.loop).toBe(2);
    expect(v.loopAction).toBe('TMTimeout');
    expect(verdictLine(v)).toBe('liveness property EventuallyDecided is violated: from step 2 the behaviour repeats steps 2..3 forever');
  });
});
