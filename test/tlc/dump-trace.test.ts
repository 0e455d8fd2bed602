/** The `-dumpTrace json` fixtures, read; expected values transcribed from the files. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type DumpTrace, parseDumpTrace, readDumpTraceFile } from '../../src/tlc/dump-trace.js';
import { FIXTURES, fixture } from './fixtures.js';

function read(name: string): DumpTrace {
  const r = parseDumpTrace(fixture(name));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const loc = (beginLine: number, beginColumn: number, endLine: number, endColumn: number) => ({
  module: 'TwoNodeHA',
  beginLine,
  beginColumn,
  endLine,
  endColumn,
});
const VARS = ['role', 'iclUp', 'inbox', 'probeOk', 'prefs'];
const zero = { n1: 0, n2: 0 };
const empty = { n1: [], n2: [] };

describe('parseDumpTrace', () => {
  it('reads inv.dumptrace.json: states, actions with their parameters', () => {
    const d = read('inv.dumptrace.json');
    expect(d.vars).toEqual(VARS);
    const notify = { n1: [], n2: [{ type: 'activeNotify', from: 'n1' }] };
    expect(d.states).toEqual([
      { number: 1, values: { probeOk: ['n1'], prefs: zero, role: { n1: 'hold', n2: 'hold' }, inbox: empty, iclUp: true } },
      { number: 2, values: { probeOk: ['n1'], prefs: { n1: 2, n2: 0 }, role: { n1: 'active', n2: 'hold' }, inbox: notify, iclUp: true } },
      { number: 3, values: { probeOk: ['n1'], prefs: { n1: 2, n2: 0 }, role: { n1: 'active', n2: 'hold' }, inbox: notify, iclUp: false } },
      { number: 4, values: { probeOk: ['n1', 'n2'], prefs: { n1: 2, n2: 0 }, role: { n1: 'active', n2: 'hold' }, inbox: notify, iclUp: false } },
      { number: 5, values: { probeOk: ['n1', 'n2'], prefs: { n1: 2, n2: 2 }, role: { n1: 'active', n2: 'active' }, inbox: notify, iclUp: false } },
    ]);
    expect(d.actions).toEqual([
      { from: 1, to: 2, name: 'ProbeSucceeds', location: loc(37, 3, 43, 33), context: { n: 'n1' }, parameters: ['n'] },
      { from: 2, to: 3, name: 'IclDown', location: loc(53, 12, 53, 82) },
      { from: 3, to: 4, name: 'RouterMisbehaves', location: loc(56, 21, 56, 92) },
      { from: 4, to: 5, name: 'ProbeSucceeds', location: loc(37, 3, 43, 33), context: { n: 'n2' }, parameters: ['n'] },
    ]);
  });

  it('reads live.dumptrace.json: the stutter is a last step from state 5 to itself', () => {
    const d = read('live.dumptrace.json');
    expect(d.states).toHaveLength(5);
    expect(d.states[4].values).toEqual({
      probeOk: ['n1', 'n2'],
      prefs: zero,
      role: { n1: 'ineligible', n2: 'ineligible' },
      inbox: empty,
      iclUp: false,
    });
    expect(d.actions.map((a) => [a.from, a.name, a.to, a.context])).toEqual([
      [1, 'Fail', 2, { n: 'n2' }],
      [2, 'Fail', 3, { n: 'n1' }],
      [3, 'IclDown', 4, undefined],
      [4, 'RouterMisbehaves', 5, undefined],
      [5, 'RouterMisbehaves', 5, undefined],
    ]);
  });

  it('reads ok.dumptrace.json: the lasso is a last step from state 6 back to 5', () => {
    const d = read('ok.dumptrace.json');
    expect(d.states).toHaveLength(6);
    expect(d.states[5].values).toEqual({
      probeOk: ['n1', 'n2'],
      prefs: zero,
      role: { n1: 'ineligible', n2: 'ineligible' },
      inbox: empty,
      iclUp: true,
    });
    expect(d.actions.map((a) => [a.from, a.name, a.to])).toEqual([
      [1, 'IclDown', 2],
      [2, 'Fail', 3],
      [3, 'RouterMisbehaves', 4],
      [4, 'Fail', 5],
      [5, 'IclUp', 6],
      [6, 'IclDown', 5],
    ]);
    expect(d.actions[5].location).toEqual(loc(53, 12, 53, 82));
  });

  it('refuses malformed files with a message saying what is wrong', () => {
    const bad = (doc: unknown) => {
      const r = parseDumpTrace(JSON.stringify(doc));
      if (r.ok) throw new Error('expected a refusal');
      expect(r.error.code).toBe('TLC_DUMPTRACE_MALFORMED');
      return r.error.message;
    };
    expect(parseDumpTrace('{').ok).toBe(false);
    expect(bad([])).toContain('the file is not an object');
    expect(bad({ vars: ['x'] })).toContain('counterexample is not an object');
    expect(bad({ vars: ['x'], counterexample: { state: [] } })).toContain('empty');
    expect(bad({ vars: ['x'], counterexample: { state: [[1, {}]] } })).toContain('state 1 has no value for variable x');
    expect(bad({ vars: ['x'], counterexample: { state: [[2, { x: 0 }]] } })).toContain('numbered 2, expected 1');
    const two = [[1, { x: 0 }], [2, { x: 1 }]];
    expect(bad({ vars: ['x'], counterexample: { state: two, action: [] } })).toContain('2 states but 0 steps');
    expect(bad({ vars: ['x'], counterexample: { state: two, action: [[[1, {}], { name: 'A' }, [3, {}]]] } })).toContain('state 3, which does not exist');
    expect(bad({ vars: ['x'], counterexample: { state: two, action: [[[1, {}], { location: {} }, [2, {}]]] } })).toContain('name is not an action name');
  });
});

describe('readDumpTraceFile', () => {
  it('reads a fixture file', async () => {
    const r = await readDumpTraceFile(join(FIXTURES, 'ok.dumptrace.json'));
    expect(r.ok).toBe(true);
  });

  it('reports a file that cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dump-'));
    try {
      const r = await readDumpTraceFile(join(dir, 'none.json'));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('TLC_DUMPTRACE_UNREADABLE');
        expect(r.error.message).toContain('ENOENT');
        expect(r.error.hint).toContain('-dumpTrace json');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
