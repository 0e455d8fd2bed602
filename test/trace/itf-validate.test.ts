import { describe, expect, it } from 'vitest';

import { parseItfTrace, validateItfTrace, validateItfValue } from '../../src/trace/index.js';

/** A small valid trace in ha-verify's convention; tests break one thing at a time. */
function goodTrace(): Record<string, unknown> {
  return {
    '#meta': { format: 'ITF', source: 'test' },
    vars: ['role', 'iclUp'],
    states: [
      { '#meta': { index: 0 }, role: { '#map': [['n1', 'hold']] }, iclUp: true },
      {
        '#meta': { index: 1 },
        'mbt::actionTaken': 'ProbeSucceeds',
        'mbt::nondetPicks': { n: 'n1' },
        role: { '#map': [['n1', 'active']] },
        iclUp: true,
      },
      { 'mbt::actionTaken': 'IclDown', 'mbt::nondetPicks': {}, role: { '#map': [['n1', 'active']] }, iclUp: false },
    ],
  };
}

function errorOf(doc: unknown, opts = {}) {
  const r = validateItfTrace(doc, opts);
  if (r.ok) throw new Error('expected the trace to be refused');
  return r.error;
}

describe('validateItfTrace', () => {
  it('accepts a well-formed trace and returns the same object', () => {
    const doc = goodTrace();
    const r = validateItfTrace(doc);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBe(doc);
  });

  it('accepts every kind of value', () => {
    const doc = goodTrace();
    (doc.vars as string[]).push('all');
    const all = {
      b: false,
      s: 'x',
      small: 42,
      big: { '#bigint': '-123456789012345678901234567890' },
      set: { '#set': [{ '#bigint': '1' }, { '#bigint': '2' }] },
      map: { '#map': [[{ '#tup': ['n1', 1] }, [1, 2]]] },
      tup: { '#tup': [] },
      unser: { '#unserializable': 'Nat' },
      rec: { nested: { deeper: [] } },
    };
    for (const s of doc.states as Record<string, unknown>[]) s.all = all;
    expect(validateItfTrace(doc).ok).toBe(true);
  });

  it('accepts a lasso and a loop action', () => {
    const doc = { ...goodTrace(), loop: 1, '#meta': { loopAction: { 'mbt::actionTaken': 'IclUp', 'mbt::nondetPicks': {} } } };
    expect(validateItfTrace(doc).ok).toBe(true);
  });

  it('refuses a document that is not an object', () => {
    const e = errorOf([1, 2]);
    expect(e.code).toBe('ITF_MALFORMED');
    expect(e.at?.path).toBe('$');
    expect(e.message).toContain('JSON object');
    expect(e.hint).not.toBe('');
  });

  it('refuses an unknown top-level key', () => {
    const e = errorOf({ ...goodTrace(), extra: 1 });
    expect(e.at?.path).toBe('$.extra');
    expect(e.message).toContain('"extra"');
  });

  it('refuses missing or bad vars', () => {
    const { vars: _drop, ...noVars } = goodTrace();
    expect(errorOf(noVars).message).toContain('missing "vars"');
    expect(errorOf({ ...goodTrace(), vars: ['role', 'role'] }).at?.path).toBe('$.vars[1]');
    expect(errorOf({ ...goodTrace(), vars: ['role', 3] }).message).toContain('number 3');
  });

  it('refuses an empty trace', () => {
    expect(errorOf({ vars: [], states: [] }).message).toContain('states is empty');
  });

  it('names the state and variable of a missing value', () => {
    const doc = goodTrace();
    delete (doc.states as Record<string, unknown>[])[2].iclUp;
    const e = errorOf(doc);
    expect(e.at).toEqual({ path: '$.states[2].iclUp', state: 2, variable: 'iclUp' });
    expect(e.message).toBe('malformed ITF trace at $.states[2].iclUp: state 2 has no value for variable "iclUp"');
  });

  it('names a variable that is not in vars', () => {
    const doc = goodTrace();
    (doc.states as Record<string, unknown>[])[1].prefs = 1;
    const e = errorOf(doc);
    expect(e.at).toEqual({ path: '$.states[1].prefs', state: 1, variable: 'prefs' });
    expect(e.message).toContain('not listed in vars');
  });

  it('names the path inside a value that is malformed', () => {
    const doc = goodTrace();
    (doc.states as Record<string, unknown>[])[1].role = { '#map': [['n1', 'active'], ['n2']] };
    const e = errorOf(doc);
    expect(e.at).toEqual({ path: '$.states[1].role["#map"][1]', state: 1, variable: 'role' });
    expect(e.message).toContain('not a [key, value] pair');
  });

  it('refuses bad integers, null, unknown tags and mixed tagged objects', () => {
    const cases: [unknown, string][] = [
      [1.5, 'not an integer'],
      [2 ** 60, 'not an integer'],
      [{ '#bigint': '12a' }, 'not a decimal integer string'],
      [{ '#bigint': 12 }, 'not a decimal integer string'],
      [null, 'null'],
      [{ '#float': '1.0' }, 'neither a record'],
      [{ '#set': [], extra: 1 }, 'neither a record'],
      [{ '#set': {} }, 'not an array'],
      [{ '#unserializable': 1 }, 'not a string'],
    ];
    for (const [value, text] of cases) {
      const doc = goodTrace();
      (doc.states as Record<string, unknown>[])[0].iclUp = value;
      const e = errorOf(doc);
      expect(e.at?.state).toBe(0);
      expect(e.at?.variable).toBe('iclUp');
      expect(e.message).toContain(text);
    }
  });

  it('requires the action and its picks on every state after the first', () => {
    const doc = goodTrace();
    delete (doc.states as Record<string, unknown>[])[1]['mbt::actionTaken'];
    const e = errorOf(doc);
    expect(e.at).toEqual({ path: '$.states[1]["mbt::actionTaken"]', state: 1, variable: 'mbt::actionTaken' });

    const doc2 = goodTrace();
    delete (doc2.states as Record<string, unknown>[])[2]['mbt::nondetPicks'];
    expect(errorOf(doc2).at?.variable).toBe('mbt::nondetPicks');

    const doc3 = goodTrace();
    (doc3.states as Record<string, unknown>[])[1]['mbt::nondetPicks'] = ['n1'];
    expect(errorOf(doc3).message).toContain('must be a record');

    const doc4 = goodTrace();
    (doc4.states as Record<string, unknown>[])[1]['mbt::actionTaken'] = '';
    expect(errorOf(doc4).message).toContain('non-empty action name');
  });

  it('accepts traces without steps when told to', () => {
    const doc = goodTrace();
    for (const s of doc.states as Record<string, unknown>[]) {
      delete s['mbt::actionTaken'];
      delete s['mbt::nondetPicks'];
    }
    expect(validateItfTrace(doc).ok).toBe(false);
    expect(validateItfTrace(doc, { requireActions: false }).ok).toBe(true);
  });

  it('checks #meta.index against the position', () => {
    const doc = goodTrace();
    (doc.states as Record<string, unknown>[])[1]['#meta'] = { index: 7 };
    expect(errorOf(doc).at?.path).toBe('$.states[1]["#meta"].index');
  });

  it('requires state #meta to hold ITF values', () => {
    const doc = goodTrace();
    (doc.states as Record<string, unknown>[])[0]['#meta'] = { index: 0, note: null };
    expect(errorOf(doc).at?.path).toBe('$.states[0]["#meta"].note');
  });

  it('checks loop bounds and loopAction', () => {
    expect(errorOf({ ...goodTrace(), loop: 3 }).message).toContain('loop must be a state index in 0..2');
    expect(errorOf({ ...goodTrace(), loop: -1 }).at?.path).toBe('$.loop');
    expect(errorOf({ ...goodTrace(), loop: 0.5 }).at?.path).toBe('$.loop');
    const noLoop = { ...goodTrace(), '#meta': { loopAction: { 'mbt::actionTaken': 'A', 'mbt::nondetPicks': {} } } };
    expect(errorOf(noLoop).message).toContain('has no loop');
    const badAction = { ...goodTrace(), loop: 0, '#meta': { loopAction: { 'mbt::nondetPicks': {} } } };
    expect(errorOf(badAction).at?.path).toBe('$["#meta"].loopAction["mbt::actionTaken"]');
  });

  it('requires params in the first state only', () => {
    const doc: Record<string, unknown> = { ...goodTrace(), params: ['Nodes'] };
    expect(errorOf(doc).at).toEqual({ path: '$.states[0].Nodes', state: 0, variable: 'Nodes' });
    (doc.states as Record<string, unknown>[])[0].Nodes = { '#set': ['n1'] };
    expect(validateItfTrace(doc).ok).toBe(true);
  });
});

describe('parseItfTrace', () => {
  it('reports text that is not JSON', () => {
    const r = parseItfTrace('{"vars": [');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('ITF_NOT_JSON');
  });

  it('parses and validates', () => {
    expect(parseItfTrace(JSON.stringify(goodTrace())).ok).toBe(true);
  });
});

describe('validateItfValue', () => {
  it('names the path it is given', () => {
    const r = validateItfValue({ a: [1, null] }, 'picks');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.at?.path).toBe('picks.a[1]');
  });
});
