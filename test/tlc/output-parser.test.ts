/**
 * Every `*.tool.out` fixture parsed; expected values are transcribed by hand
 * from the fixture text (see test/fixtures/tlc).
 */
import { describe, expect, it } from 'vitest';

import type { TlcOutput, TlcTrace, TlcTraceState } from '../../src/tlc/output-types.js';
import { parseTlcOutput, readProgress } from '../../src/tlc/output-parser.js';
import type { TlaValue } from '../../src/tlc/tla-value.js';
import { bool, fixture, fn, int, mv, rec, seq, set, str } from './fixtures.js';

function parse(name: string): TlcOutput {
  return parseTlcOutput(fixture(name));
}

const GC_WARNING =
  'Please run the Java VM, which executes TLC with a throughput optimized garbage collector, by passing the "-XX:+UseParallelGC" property.';

const loc = (beginLine: number, beginColumn: number, endLine: number, endColumn: number, module = 'TwoNodeHA') => ({
  module,
  beginLine,
  beginColumn,
  endLine,
  endColumn,
});
const PROBE = loc(37, 3, 43, 33);
const ICL_DOWN = loc(53, 12, 53, 82);
const ICL_UP = loc(54, 12, 54, 82);
const ROUTER = loc(56, 21, 56, 92);
const FAIL = loc(66, 12, 67, 85);

function state(
  number: number,
  label: TlcTraceState['label'],
  vars: [string, TlaValue][],
): TlcTraceState {
  return { number, label, variables: vars.map(([name, value]) => ({ name, value })) };
}
const initial = { kind: 'initial' } as const;
const action = (name: string, location: ReturnType<typeof loc>, ...args: TlaValue[]) => ({ kind: 'action', name, args, location }) as const;

function traceOf(o: TlcOutput): TlcTrace {
  if (!('trace' in o.outcome) || !o.outcome.trace) throw new Error(`outcome ${o.outcome.kind} has no trace`);
  return o.outcome.trace;
}

describe('inv.tool.out: invariant violation with model values', () => {
  const o = parse('inv.tool.out');
  // With model values n1, n2, TLC prints functions as (n1 :> ... @@ n2 :> ...).
  const byNode = (a: TlaValue, b: TlaValue) => fn([mv('n1'), a], [mv('n2'), b]);
  const notify = seq(rec({ type: str('activeNotify'), from: mv('n1') }));

  it('reads version, mode and statistics', () => {
    expect(o.version).toBe('2026.11.25.140802');
    expect(o.mode).toMatchObject({ kind: 'model-checking', search: 'breadth-first', seed: '-5829097065086405448', workers: 1, cores: 2, fingerprint: 53 });
    expect(o.stats).toEqual({ initialStates: 2, generated: 116, distinct: 58, leftOnQueue: 23, depth: 5, durationMs: 1323 });
    expect(o.finished).toBe(true);
    expect(o.warnings).toEqual([]);
    expect(o.counterexampleFiles).toEqual(['./inv.trace.json']);
  });

  it('names the violated invariant', () => {
    expect(o.outcome.kind).toBe('invariant-violated');
    expect(o.outcome).toMatchObject({ name: 'NoSplitBrain', initial: false });
    expect(o.violations).toHaveLength(1);
    expect(o.violations[0]).toBe(o.outcome);
  });

  it('reads every state of the trace with its values', () => {
    expect(traceOf(o)).toEqual({
      states: [
        state(1, initial, [
          ['probeOk', set(mv('n1'))],
          ['prefs', byNode(int(0), int(0))],
          ['role', byNode(str('hold'), str('hold'))],
          ['inbox', byNode(seq(), seq())],
          ['iclUp', bool(true)],
        ]),
        state(2, action('ProbeSucceeds', PROBE, mv('n1')), [
          ['probeOk', set(mv('n1'))],
          ['prefs', byNode(int(2), int(0))],
          ['role', byNode(str('active'), str('hold'))],
          ['inbox', byNode(seq(), notify)],
          ['iclUp', bool(true)],
        ]),
        state(3, action('IclDown', ICL_DOWN), [
          ['probeOk', set(mv('n1'))],
          ['prefs', byNode(int(2), int(0))],
          ['role', byNode(str('active'), str('hold'))],
          ['inbox', byNode(seq(), notify)],
          ['iclUp', bool(false)],
        ]),
        state(4, action('RouterMisbehaves', ROUTER), [
          ['probeOk', set(mv('n1'), mv('n2'))],
          ['prefs', byNode(int(2), int(0))],
          ['role', byNode(str('active'), str('hold'))],
          ['inbox', byNode(seq(), notify)],
          ['iclUp', bool(false)],
        ]),
        state(5, action('ProbeSucceeds', PROBE, mv('n2')), [
          ['probeOk', set(mv('n1'), mv('n2'))],
          ['prefs', byNode(int(2), int(2))],
          ['role', byNode(str('active'), str('active'))],
          ['inbox', byNode(seq(), notify)],
          ['iclUp', bool(false)],
        ]),
      ],
    });
  });
});

// With Nodes = {"n1", "n2"}, TLC prints the functions as records.
const roles = (n1: string, n2: string) => rec({ n1: str(n1), n2: str(n2) });
const ZERO_PREFS = rec({ n1: int(0), n2: int(0) });
const EMPTY_INBOX = rec({ n1: seq(), n2: seq() });
const vars = (probeOk: TlaValue, role: TlaValue, iclUp: boolean): [string, TlaValue][] => [
  ['probeOk', probeOk],
  ['prefs', ZERO_PREFS],
  ['role', role],
  ['inbox', EMPTY_INBOX],
  ['iclUp', bool(iclUp)],
];

describe('live.tool.out: temporal violation ending in stuttering', () => {
  const o = parse('live.tool.out');

  it('reads statistics and the property', () => {
    expect(o.version).toBe('2026.11.25.140804');
    expect(o.mode).toMatchObject({ kind: 'model-checking', seed: '-3254605631514472191', fingerprint: 78 });
    expect(o.stats).toEqual({ initialStates: 2, generated: 377, distinct: 106, leftOnQueue: 0, depth: 9, durationMs: 1452 });
    expect(o.outcome).toMatchObject({ kind: 'property-violated', name: 'AlwaysEventuallyActive', initial: false });
    expect(o.counterexampleFiles).toEqual(['./live.trace.json']);
  });

  it('reads every state and the stuttering end', () => {
    expect(traceOf(o)).toEqual({
      states: [
        state(1, initial, vars(set(str('n1')), roles('hold', 'hold'), true)),
        state(2, action('Fail', FAIL, str('n2')), vars(set(str('n1')), roles('hold', 'ineligible'), true)),
        state(3, action('Fail', FAIL, str('n1')), vars(set(str('n1')), roles('ineligible', 'ineligible'), true)),
        state(4, action('IclDown', ICL_DOWN), vars(set(str('n1')), roles('ineligible', 'ineligible'), false)),
        state(5, action('RouterMisbehaves', ROUTER), vars(set(str('n1'), str('n2')), roles('ineligible', 'ineligible'), false)),
      ],
      lasso: { kind: 'stuttering', stateNumber: 6 },
    });
  });
});

describe('ok.tool.out: temporal violation with a lasso back to a state', () => {
  const o = parse('ok.tool.out');

  it('reads statistics and the property', () => {
    expect(o.version).toBe('2026.11.25.140805');
    expect(o.stats).toEqual({ initialStates: 2, generated: 377, distinct: 106, leftOnQueue: 0, depth: 9, durationMs: 1380 });
    expect(o.outcome).toMatchObject({ kind: 'property-violated', name: 'EventuallyActive' });
  });

  it('reads every state and the lasso start', () => {
    expect(traceOf(o)).toEqual({
      states: [
        state(1, initial, vars(set(str('n1')), roles('hold', 'hold'), true)),
        state(2, action('IclDown', ICL_DOWN), vars(set(str('n1')), roles('hold', 'hold'), false)),
        state(3, action('Fail', FAIL, str('n1')), vars(set(str('n1')), roles('ineligible', 'hold'), false)),
        state(4, action('RouterMisbehaves', ROUTER), vars(set(str('n1'), str('n2')), roles('ineligible', 'hold'), false)),
        state(5, action('Fail', FAIL, str('n2')), vars(set(str('n1'), str('n2')), roles('ineligible', 'ineligible'), false)),
        state(6, action('IclUp', ICL_UP), vars(set(str('n1'), str('n2')), roles('ineligible', 'ineligible'), true)),
      ],
      lasso: { kind: 'back-to-state', stateNumber: 5, label: action('IclDown', ICL_DOWN) },
    });
  });
});

describe('Deadlock.tool.out: deadlock', () => {
  const o = parse('Deadlock.tool.out');
  const next = action('Next', loc(5, 9, 5, 27, 'Deadlock'));

  it('reads the deadlock and its trace', () => {
    expect(o.outcome).toEqual({
      kind: 'deadlock',
      trace: {
        states: [state(1, initial, [['x', int(0)]]), state(2, next, [['x', int(1)]]), state(3, next, [['x', int(2)]])],
      },
    });
  });

  it('reads statistics and warnings', () => {
    expect(o.version).toBe('2026.11.25.140829');
    expect(o.mode).toMatchObject({ seed: '6381553500726509308', fingerprint: 130 });
    expect(o.stats).toEqual({ initialStates: 1, generated: 3, distinct: 3, leftOnQueue: 0, depth: 3, durationMs: 656 });
    expect(o.warnings).toEqual([GC_WARNING]);
  });
});

describe('dead.tool.out and deadlock.tool.out: success', () => {
  it('reads a full run without error (dead.tool.out)', () => {
    const o = parse('dead.tool.out');
    expect(o.outcome).toEqual({ kind: 'success' });
    expect(o.violations).toEqual([]);
    expect(o.version).toBe('2026.11.25.140807');
    expect(o.mode).toMatchObject({ seed: '-6720266243964301617', fingerprint: 117 });
    expect(o.stats).toEqual({
      initialStates: 2,
      generated: 377,
      distinct: 106,
      leftOnQueue: 0,
      depth: 9,
      durationMs: 1013,
      collisionProbability: 1.6e-15,
    });
    expect(o.warnings).toEqual([]);
  });

  it('reads the same run with the GC warning (deadlock.tool.out)', () => {
    const o = parse('deadlock.tool.out');
    expect(o.outcome).toEqual({ kind: 'success' });
    expect(o.version).toBe('2026.11.25.140808');
    expect(o.stats).toMatchObject({ generated: 377, distinct: 106, leftOnQueue: 0, depth: 9, durationMs: 904 });
    expect(o.warnings).toEqual([GC_WARNING]);
  });
});

describe('ParseError.tool.out: SANY parse error', () => {
  const o = parse('ParseError.tool.out');

  it('reads the error and its position', () => {
    expect(o.outcome.kind).toBe('parse-error');
    if (o.outcome.kind !== 'parse-error') return;
    expect(o.outcome.module).toBe('ParseError');
    expect(o.outcome.errors).toHaveLength(1);
    expect(o.outcome.errors[0].range).toEqual({ module: 'ParseError', beginLine: 4, beginColumn: 20, endLine: 4, endColumn: 20 });
    expect(o.outcome.errors[0].message).toContain('Encountered "1" at line 4, column 20 and token "+"');
    expect(o.outcome.errors[0].message).toContain('Was expecting "==== or more Module body"');
  });

  it('reads what TLC says around it', () => {
    expect(o.version).toBe('2026.11.25.140819');
    expect(o.stats).toEqual({ durationMs: 363 });
    expect(o.finished).toBe(true);
  });
});

describe('SemanticError.tool.out: SANY semantic error', () => {
  it('reads the error and its range', () => {
    const o = parse('SemanticError.tool.out');
    expect(o.outcome).toEqual({
      kind: 'semantic-error',
      module: 'SemanticError',
      errors: [{ message: "Unknown operator: `y'.", range: { module: 'SemanticError', beginLine: 5, beginColumn: 14, endLine: 5, endColumn: 14 } }],
    });
    expect(o.stats).toEqual({ durationMs: 538 });
  });
});

describe('RuntimeError.tool.out: evaluation error', () => {
  it('reads the message, the trace up to the error and the nested positions', () => {
    const o = parse('RuntimeError.tool.out');
    const at = (bc: number, ec: number) => ({ module: 'RuntimeError', beginLine: 5, beginColumn: bc, endLine: 5, endColumn: ec });
    expect(o.outcome).toEqual({
      kind: 'evaluation-error',
      code: 2184,
      message: 'Attempted to apply Head to the empty sequence.',
      positions: [at(9, 36), at(9, 20), at(25, 36), at(25, 32)],
      trace: { states: [state(1, initial, [['q', seq(int(1))]])] },
    });
    expect(o.stats).toEqual({ initialStates: 1, generated: 1, distinct: 1, leftOnQueue: 0, depth: 1, durationMs: 730 });
    expect(o.version).toBe('2026.11.25.140821');
  });
});

describe('missing.tool.out: spec file not found', () => {
  it('names the missing module and path', () => {
    const o = parse('missing.tool.out');
    expect(o.outcome).toMatchObject({ kind: 'file-not-found', module: 'NoSuchSpec', path: '././NoSuchSpec.tla' });
    if (o.outcome.kind === 'file-not-found') expect(o.outcome.message).toContain('NoSuchSpec');
    expect(o.stats).toEqual({ durationMs: 291 });
    expect(o.version).toBe('2026.11.25.140822');
  });
});

describe('simulate.tool.out: simulation', () => {
  it('reads the simulation mode, statistics and verdict', () => {
    const o = parse('simulate.tool.out');
    expect(o.outcome).toEqual({ kind: 'simulation-ok' });
    expect(o.mode).toMatchObject({ kind: 'simulation', seed: '1', workers: 1, cores: 2 });
    expect(o.mode?.search).toBeUndefined();
    // Simulation reports no distinct-state count (it prints -1).
    expect(o.stats).toEqual({ initialStates: 2, generated: 26, durationMs: 624 });
    expect(o.version).toBe('2026.11.25.140829');
  });
});

describe('every fixture', () => {
  it.each(['inv', 'live', 'ok', 'dead', 'deadlock', 'Deadlock', 'ParseError', 'SemanticError', 'RuntimeError', 'missing', 'simulate'])(
    '%s.tool.out is read without unreadable messages',
    (name) => {
      expect(parse(`${name}.tool.out`).unreadable).toEqual([]);
    },
  );
});

describe('partial and unusual output', () => {
  it('lists a state message it cannot read, and keeps the rest of the trace', () => {
    // State 2's body becomes `x = {1` (6 characters): the text ends at column 7.
    const text = fixture('Deadlock.tool.out').replace('x = 1', 'x = {1');
    const o = parseTlcOutput(text);
    expect(o.unreadable).toEqual(["message 2217: expected ',' or '}' in a set, found end of text at line 2, column 7"]);
    expect(o.outcome.kind).toBe('deadlock');
    expect(traceOf(o).states.map((s) => s.number)).toEqual([1, 3]);
  });

  it('says incomplete when TLC was cut off', () => {
    const text = fixture('dead.tool.out');
    const o = parseTlcOutput(text.slice(0, text.indexOf('@!@!@STARTMSG 2193')));
    expect(o.outcome).toEqual({ kind: 'incomplete' });
    expect(o.finished).toBe(false);
  });

  it('keeps every violation reported with -continue', () => {
    const one = '@!@!@STARTMSG 2110:1 @!@!@\nInvariant A is violated.\n@!@!@ENDMSG 2110 @!@!@\n' +
      '@!@!@STARTMSG 2217:4 @!@!@\n1: <Initial predicate>\nx = 0\n\n@!@!@ENDMSG 2217 @!@!@\n';
    const two = '@!@!@STARTMSG 2110:1 @!@!@\nInvariant B is violated.\n@!@!@ENDMSG 2110 @!@!@\n' +
      '@!@!@STARTMSG 2217:4 @!@!@\n1: <Initial predicate>\nx = 1\n\n@!@!@ENDMSG 2217 @!@!@\n';
    const o = parseTlcOutput(one + two);
    expect(o.violations.map((v) => ('name' in v ? v.name : ''))).toEqual(['A', 'B']);
    expect(o.violations.map((v) => ('trace' in v ? v.trace.states[0].variables[0].value : undefined))).toEqual([int(0), int(1)]);
    expect(o.outcome).toBe(o.violations[0]);
  });

  it('reads progress messages, including simulation', () => {
    const progress = (code: number, body: string) => readProgress({ kind: 'message', code, severity: 'info', body });
    expect(progress(2200, 'Progress(9) at 2026-11-25 14:08:08: 377 states generated (22,373 s/min), 106 distinct states found (6,290 ds/min), 0 states left on queue.'))
      .toEqual({ depth: 9, generated: 377, distinct: 106, leftOnQueue: 0 });
    expect(progress(2209, 'Progress(3) at 2026-11-25 14:08:30: 26 states generated, -1 distinct states found, -1 states left on queue.'))
      .toEqual({ depth: 3, generated: 26 });
    expect(progress(2199, '3 states generated')).toBeUndefined();
  });

  it('reads longer durations', () => {
    const fin = (t: string) => parseTlcOutput(`@!@!@STARTMSG 2186:0 @!@!@\nFinished in ${t} at (2026-11-25 14:08:08)\n@!@!@ENDMSG 2186 @!@!@\n`).stats.durationMs;
    expect(fin('05s')).toBe(5000);
    expect(fin('01min 05s')).toBe(65_000);
    expect(fin('02h 10min')).toBe(7_800_000);
  });
});
