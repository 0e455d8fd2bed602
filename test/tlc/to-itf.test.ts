/**
 * Conversion of the inv/live/ok traces, from `-tool` output and from
 * `-dumpTrace json`, to ITF. Expected ITF states are transcribed by hand
 * from the fixture text.
 */
import { describe, expect, it } from 'vitest';

import { parseDumpTrace } from '../../src/tlc/dump-trace.js';
import { parseTlcOutput } from '../../src/tlc/output-parser.js';
import type { TlcTrace } from '../../src/tlc/output-types.js';
import { type ToItfOptions, dumpTraceToItf, tlcTraceToItf } from '../../src/tlc/to-itf.js';
import type { TypeHint } from '../../src/tlc/type-hints.js';
import type { ItfRecord, ItfState, ItfTrace, ItfValue } from '../../src/trace/itf-types.js';
import { validateItfTrace } from '../../src/trace/itf-validate.js';
import { I, M, S, fixture } from './fixtures.js';

function toolTrace(name: string): TlcTrace {
  const o = parseTlcOutput(fixture(name));
  if (!('trace' in o.outcome) || !o.outcome.trace) throw new Error('no trace');
  return o.outcome.trace;
}

function fromTool(name: string, options: ToItfOptions = {}): ItfTrace {
  const r = tlcTraceToItf(toolTrace(name), options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function fromDump(name: string, options: ToItfOptions = {}): ItfTrace {
  const d = parseDumpTrace(fixture(name));
  if (!d.ok) throw new Error(d.error.message);
  const r = dumpTraceToItf(d.value, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const PARAMS = { ProbeSucceeds: ['n'], Fail: ['n'] };
const str: TypeHint = { kind: 'string' };
const int: TypeHint = { kind: 'int' };
/** The toy's types: what the model would supply. */
const HINTS: Record<string, TypeHint> = {
  probeOk: { kind: 'set', of: str },
  prefs: { kind: 'function', from: str, to: int },
  role: { kind: 'function', from: str, to: str },
  inbox: { kind: 'function', from: str, to: { kind: 'seq', of: { kind: 'record', fields: { type: str, from: str } } } },
  iclUp: { kind: 'bool' },
};
const TOOL_ORDER = ['probeOk', 'prefs', 'role', 'inbox', 'iclUp'];

function st(index: number, step: [string, ItfRecord] | undefined, vars: Record<string, ItfValue>): ItfState {
  return step
    ? { '#meta': { index }, 'mbt::actionTaken': step[0], 'mbt::nondetPicks': step[1], ...vars }
    : { '#meta': { index }, ...vars };
}

describe('inv: invariant violation', () => {
  const byNode = (a: ItfValue, b: ItfValue) => M(['n1', a], ['n2', b]);
  const notify = byNode([], [{ type: 'activeNotify', from: 'n1' }]);
  const expected: ItfState[] = [
    st(0, undefined, { probeOk: S('n1'), prefs: byNode(I(0), I(0)), role: byNode('hold', 'hold'), inbox: byNode([], []), iclUp: true }),
    st(1, ['ProbeSucceeds', { n: 'n1' }], { probeOk: S('n1'), prefs: byNode(I(2), I(0)), role: byNode('active', 'hold'), inbox: notify, iclUp: true }),
    st(2, ['IclDown', {}], { probeOk: S('n1'), prefs: byNode(I(2), I(0)), role: byNode('active', 'hold'), inbox: notify, iclUp: false }),
    st(3, ['RouterMisbehaves', {}], { probeOk: S('n1', 'n2'), prefs: byNode(I(2), I(0)), role: byNode('active', 'hold'), inbox: notify, iclUp: false }),
    st(4, ['ProbeSucceeds', { n: 'n2' }], { probeOk: S('n1', 'n2'), prefs: byNode(I(2), I(2)), role: byNode('active', 'active'), inbox: notify, iclUp: false }),
  ];

  it('converts the -tool trace (model values become strings, functions maps)', () => {
    const t = fromTool('inv.tool.out', { paramNames: PARAMS, meta: { description: 'Invariant NoSplitBrain is violated' } });
    expect(t.vars).toEqual(TOOL_ORDER);
    expect(t.states).toEqual(expected);
    expect(t.loop).toBeUndefined();
    expect(t['#meta']).toMatchObject({ format: 'ITF', source: 'TLC', description: 'Invariant NoSplitBrain is violated' });
    expect(validateItfTrace(t).ok).toBe(true);
  });

  it('converts the -dumpTrace json trace to the same ITF once types are known', () => {
    const t = fromDump('inv.dumptrace.json', { typeHints: HINTS });
    expect(t.vars).toEqual(['role', 'iclUp', 'inbox', 'probeOk', 'prefs']);
    expect(t.states).toEqual(expected);
    expect(fromDump('inv.dumptrace.json', { typeHints: HINTS, vars: TOOL_ORDER })).toEqual(fromTool('inv.tool.out', { paramNames: PARAMS }));
  });

  it('without types, keeps what TLC JSON says: arrays are sequences, objects records', () => {
    const t = fromDump('inv.dumptrace.json');
    expect(t.states[3]).toEqual(
      st(3, ['RouterMisbehaves', {}], {
        probeOk: ['n1', 'n2'],
        prefs: { n1: I(2), n2: I(0) },
        role: { n1: 'active', n2: 'hold' },
        inbox: { n1: [], n2: [{ type: 'activeNotify', from: 'n1' }] },
        iclUp: false,
      }),
    );
  });

  it('leaves picks empty when parameter names are unknown', () => {
    const t = fromTool('inv.tool.out');
    expect(t.states[1]['mbt::nondetPicks']).toEqual({});
    expect(t.states[1]['mbt::actionTaken']).toBe('ProbeSucceeds');
  });

  it('asks the resolver first, with the states around the step and the printed arguments', () => {
    const calls: [string, ItfValue, ItfValue, readonly ItfValue[]][] = [];
    const t = fromTool('inv.tool.out', {
      paramNames: PARAMS,
      resolveParams: (prev, next, name, args) => {
        calls.push([name, prev.iclUp as ItfValue, next.iclUp as ItfValue, args]);
        return name === 'IclDown' ? { cause: 'cable' } : undefined;
      },
    });
    expect(calls).toEqual([
      ['ProbeSucceeds', true, true, ['n1']],
      ['IclDown', true, false, []],
      ['RouterMisbehaves', false, false, []],
      ['ProbeSucceeds', false, false, ['n2']],
    ]);
    expect(t.states.map((s) => s['mbt::nondetPicks'])).toEqual([undefined, { n: 'n1' }, { cause: 'cable' }, {}, { n: 'n2' }]);
  });
});

const zero = { n1: I(0), n2: I(0) };
const empty = { n1: [], n2: [] };
const vars = (probeOk: ItfValue, n1: string, n2: string, iclUp: boolean): Record<string, ItfValue> => ({
  probeOk,
  prefs: zero,
  role: { n1, n2 },
  inbox: empty,
  iclUp,
});

describe('live: temporal violation ending in stuttering', () => {
  const expected: ItfState[] = [
    st(0, undefined, vars(S('n1'), 'hold', 'hold', true)),
    st(1, ['Fail', { n: 'n2' }], vars(S('n1'), 'hold', 'ineligible', true)),
    st(2, ['Fail', { n: 'n1' }], vars(S('n1'), 'ineligible', 'ineligible', true)),
    st(3, ['IclDown', {}], vars(S('n1'), 'ineligible', 'ineligible', false)),
    st(4, ['RouterMisbehaves', {}], vars(S('n1', 'n2'), 'ineligible', 'ineligible', false)),
  ];

  it('converts the -tool trace: stuttering is a self-loop on the last state', () => {
    const t = fromTool('live.tool.out', { paramNames: PARAMS });
    expect(t.states).toEqual(expected);
    expect(t.loop).toBe(4);
    expect(t['#meta']?.loopAction).toBeUndefined();
    expect(validateItfTrace(t).ok).toBe(true);
  });

  it('converts the -dumpTrace json trace: the same loop, with the step TLC took to stay', () => {
    const t = fromDump('live.dumptrace.json', { typeHints: { probeOk: HINTS.probeOk } });
    expect(t.states).toEqual(expected);
    expect(t.loop).toBe(4);
    expect(t['#meta']?.loopAction).toEqual({ 'mbt::actionTaken': 'RouterMisbehaves', 'mbt::nondetPicks': {} });
  });
});

describe('ok: temporal violation with a lasso', () => {
  const expected: ItfState[] = [
    st(0, undefined, vars(S('n1'), 'hold', 'hold', true)),
    st(1, ['IclDown', {}], vars(S('n1'), 'hold', 'hold', false)),
    st(2, ['Fail', { n: 'n1' }], vars(S('n1'), 'ineligible', 'hold', false)),
    st(3, ['RouterMisbehaves', {}], vars(S('n1', 'n2'), 'ineligible', 'hold', false)),
    st(4, ['Fail', { n: 'n2' }], vars(S('n1', 'n2'), 'ineligible', 'ineligible', false)),
    st(5, ['IclUp', {}], vars(S('n1', 'n2'), 'ineligible', 'ineligible', true)),
  ];
  const LOOP_ACTION = { 'mbt::actionTaken': 'IclDown', 'mbt::nondetPicks': {} };

  it('converts the -tool trace: Back to state 5 is loop index 4, closed by IclDown', () => {
    const t = fromTool('ok.tool.out', { paramNames: PARAMS });
    expect(t.states).toEqual(expected);
    expect(t.loop).toBe(4);
    expect(t['#meta']?.loopAction).toEqual(LOOP_ACTION);
    expect(validateItfTrace(t).ok).toBe(true);
  });

  it('converts the -dumpTrace json trace to the very same ITF', () => {
    const d = fromDump('ok.dumptrace.json', { typeHints: { probeOk: HINTS.probeOk }, vars: TOOL_ORDER });
    expect(d).toEqual(fromTool('ok.tool.out', { paramNames: PARAMS }));
    expect(d.loop).toBe(4);
    expect(d['#meta']?.loopAction).toEqual(LOOP_ACTION);
  });

  it('passes the closing step to the resolver with the last state and the loop target', () => {
    const seen: [number, number][] = [];
    fromTool('ok.tool.out', {
      resolveParams: (prev, next) => {
        seen.push([Number(prev['#meta']?.index), Number(next['#meta']?.index)]);
        return undefined;
      },
    });
    expect(seen[seen.length - 1]).toEqual([5, 4]);
  });
});

describe('conversion errors', () => {
  it('refuses a trace that goes back to a state it does not print', () => {
    const t = toolTrace('ok.tool.out');
    const r = tlcTraceToItf({ ...t, lasso: { kind: 'back-to-state', stateNumber: 9, label: { kind: 'action', name: 'X', args: [] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('TLC_TRACE_UNCONVERTIBLE');
  });

  it('refuses a state without a variable the first state has', () => {
    const t = toolTrace('inv.tool.out');
    const broken = { states: [t.states[0], { ...t.states[1], variables: t.states[1].variables.slice(1) }] };
    const r = tlcTraceToItf(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('state 1 has no value for variable "probeOk"');
  });
});
