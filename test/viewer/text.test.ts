import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parseItfTrace } from '../../src/trace/index.js';

import { renderTraceText, textOfView } from '../../src/viewer/index.js';
import { SPLIT_BRAIN, loadFixture, viewOf, withMeta } from './helpers.js';

const splitBrain = loadFixture(SPLIT_BRAIN);

function lines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('text view of the router-fault split brain', () => {
  const out = lines(textOfView(viewOf(splitBrain, { source: 'traces/router-fault/NoSplitBrain.itf.json' })));

  it('starts with the verdict and the file', () => {
    expect(out[0]).toBe('router-fault: invariant NoSplitBrain is violated at step 11 (12 states)');
    expect(out[1]).toBe('trace: traces/router-fault/NoSplitBrain.itf.json');
  });

  it('prints the initial state in full', () => {
    expect(out[2]).toBe(
      '   0  init                                       ' +
        'node={n1: up, n2: up}; srg0={n1: coldSync, n2: coldSync}; srg1={n1: hold, n2: hold}; ' +
        'iclSeen={n1: false, n2: false}; peerSrg1={n1: unknown, n2: unknown}; activeRoute={n1: false, n2: false}; ' +
        'backupRoute={n1: false, n2: false}; adv={n1: low, n2: low}; probing={n1: true, n2: true}; shut={n1: true, n2: true}; ' +
        'sess={n1: {}, n2: {}}; sa={n1: none, n2: none}; router=behaving; rview={n1: low, n2: low}; icl=up; ' +
        'notify={n1: [], n2: []}; inbox={n1: [], n2: []}; offPath=false; probeLoss=false; lastPacket={}',
    );
  });

  it('prints one line per step with its action and what it changed, the violation tagged', () => {
    expect(out.slice(3)).toEqual([
      '   1  HoldOnProbeReply(n: n1)                    srg1[n1]: hold -> active; activeRoute[n1]: false -> true; adv[n1]: low -> high; probing[n1]: true -> false; notify[n2]: [] -> [{type: STATE, srg1: active, sid: none}]',
      '   2  ActiveOnIclUp(n: n1)                       iclSeen[n1]: false -> true',
      '   3  HoldOnIclUp(n: n2)                         iclSeen[n2]: false -> true; notify[n1]: [] -> [{type: STATE, srg1: hold, sid: none}]',
      '   4  HoldOnStateIfPeerIsActive(n: n2)           srg1[n2]: hold -> backup; peerSrg1[n2]: unknown -> active; backupRoute[n2]: false -> true; adv[n2]: low -> medium; probing[n2]: true -> false; notify[n1]: [{type: STATE, srg1: hold, sid: none}] -> [{type: STATE, srg1: backup, sid: none}]; notify[n2]: [{type: STATE, srg1: active, sid: none}] -> []',
      '   5  ActiveOnState(n: n1)                       peerSrg1[n1]: unknown -> backup; notify[n1]: [{type: STATE, srg1: backup, sid: none}] -> []',
      '   6  IclCut                                     icl: up -> down',
      '   7  ActiveOnIclDownIfWithdrawOnIclLoss(n: n1)  srg1[n1]: active -> hold; iclSeen[n1]: true -> false; peerSrg1[n1]: backup -> unknown; activeRoute[n1]: true -> false; adv[n1]: high -> low; probing[n1]: false -> true',
      '   8  BackupOnIclDown(n: n2)                     iclSeen[n2]: true -> false; peerSrg1[n2]: active -> unknown; probing[n2]: false -> true',
      '   9  RouterMisbehaves                           router: behaving -> faulty',
      '  10  BackupOnProbeReply(n: n2)                  srg1[n2]: backup -> active; activeRoute[n2]: false -> true; backupRoute[n2]: true -> false; adv[n2]: medium -> high; probing[n2]: true -> false',
      '  11  HoldOnProbeReply(n: n1)                    [VIOLATION]  srg1[n1]: hold -> active; activeRoute[n1]: false -> true; adv[n1]: low -> high; probing[n1]: true -> false; offPath: false -> true',
    ]);
  });

  it('colours the tags only when asked', () => {
    const colored = textOfView(viewOf(splitBrain), { color: true });
    expect(colored).toContain('\u001b[1;31m[VIOLATION]\u001b[0m');
    expect(textOfView(viewOf(splitBrain))).not.toContain('\u001b');
  });
});

describe('text view of a replay departure', () => {
  it('tags the step and prints the diff under it', () => {
    const trace = withMeta(splitBrain, {
      replay: {
        outcome: 'departs',
        step: 10,
        action: 'BackupOnProbeReply',
        diff: [{ variable: 'srg1', expected: { '#map': [['n1', 'hold'], ['n2', 'active']] }, actual: { '#map': [['n1', 'hold'], ['n2', 'backup']] } }],
      },
    });
    const out = lines(textOfView(viewOf(trace)));
    expect(out[1]).toBe('replay: the implementation departs at step 10 (BackupOnProbeReply): 1 variable differs');
    const at = out.findIndex((l) => l.startsWith('  10  '));
    expect(out[at]).toContain('  [IMPL DEPARTS]  srg1[n2]: backup -> active;');
    expect(out[at + 1]).toBe('      srg1: trace {n1: hold, n2: active}, implementation {n1: hold, n2: backup}');
    expect(out[at + 2].startsWith('  11  ')).toBe(true);
  });
});

describe("text view of a departure at a lasso's closing step", () => {
  it('tags the step back to the loop and prints the diff and the known difference under it', () => {
    const replay = {
      outcome: 'departs', step: 4, action: 'TMTimeout',
      diff: [{ variable: 'tmState', expected: 'init', actual: 'waiting' }],
      known: { id: 'timeout-sticks', summary: 'the implementation does not go back' },
    };
    const r = renderTraceText(loadFixture('two-phase-lasso.itf.json'), { replay });
    expect(r.ok && lines(r.value).slice(-3)).toEqual([
      '     -> back to step 2 via TMTimeout, forever  [IMPL DEPARTS]',
      '     tmState: trace init, implementation waiting',
      '     known difference timeout-sticks: the implementation does not go back',
    ]);
  });
});

describe('text view of a lasso from another model', () => {
  it('marks the loop and ends with the step back', () => {
    const r = renderTraceText(loadFixture('two-phase-lasso.itf.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(lines(r.value)).toEqual([
      'two-phase: liveness property EventuallyDecided is violated: from step 2 the behaviour repeats steps 2..3 forever (4 states)',
      '  0  init                   rmState={r1: working, r2: working}; tmState=init; tmPrepared={}; msgs={}',
      '  1  RMPrepare(rm: r1)      rmState[r1]: working -> prepared; msgs: {} -> {{type: Prepared, rm: r1}}',
      '  2  TMRcvPrepared(rm: r1)  [VIOLATION] [LOOP START]  tmPrepared: {} -> {r1}',
      '  3  TMTimeout              tmState: init -> waiting',
      '     -> back to step 2 via TMTimeout, forever',
    ]);
  });
});

describe('text view of a behaviour that ends by stuttering', () => {
  it('says that it stays in its last state', () => {
    const trace = loadFixture('two-phase-lasso.itf.json');
    const meta = { ...trace['#meta'] } as Record<string, unknown>;
    delete meta.loopAction;
    meta.violationStep = 3;
    const r = renderTraceText({ ...trace, '#meta': meta, loop: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = lines(r.value);
    expect(out[0]).toBe('two-phase: liveness property EventuallyDecided is violated: from step 3 nothing changes any more (the system stays in this state forever) (4 states)');
    expect(out.slice(-2)).toEqual([
      '  3  TMTimeout              [VIOLATION] [LOOP START]  tmState: init -> waiting',
      '     -> stays in this state forever (stuttering)',
    ]);
  });
});

describe('text view of a hostile trace', () => {
  it('escapes terminal control sequences and direction overrides', () => {
    const r = renderTraceText(loadFixture('hostile.itf.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.value).toContain('log="\\u001b[31mred\\u001b[0m \\u202eevil"');
  });

  it('refuses a malformed trace with the error naming what is wrong', () => {
    const r = renderTraceText({ vars: ['x'], states: [{ x: 1 }, { x: 2, 'mbt::actionTaken': 5 }] } as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('malformed ITF trace at $.states[1]["mbt::actionTaken"]: state 1: mbt::actionTaken must be a non-empty action name, found number 5');
  });
});

const REAL_TRACE = fileURLToPath(new URL('../../traces/router-fault/NoSplitBrain.itf.json', import.meta.url));

describe('text view of the explorer\'s router-fault trace', () => {
  it.skipIf(!existsSync(REAL_TRACE))('has a line per state and tags the violation on the last one', () => {
    const trace = parseItfTrace(readFileSync(REAL_TRACE, 'utf8'));
    if (!trace.ok) throw new Error(trace.error.message);
    const r = renderTraceText(trace.value);
    if (!r.ok) throw new Error(r.error.message);
    const out = lines(r.value);
    const n = trace.value.states.length;
    expect(out[0]).toBe(`router-fault: invariant NoSplitBrain is violated at step ${n - 1} (${n} states)`);
    expect(out).toHaveLength(n + 1);
    expect(out.filter((l) => l.includes('[VIOLATION]'))).toEqual([out[n]]);
    expect(out[n]).toMatch(/^\s+\d+  \S+.*\[VIOLATION\]  .*srg1\[n\d\]: \w+ -> active/);
  });
});
