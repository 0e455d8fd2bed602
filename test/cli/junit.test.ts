/**
 * The JUnit XML of a verification run, read back by a strict XML reader
 * written apart from the writer (strict-xml.ts): the standard shape, one
 * failure per unexpected verdict, counts that add up, hostile names escaped.
 */
import { describe, expect, it } from 'vitest';

import { type JunitInput, junitXml } from '../../src/cli/junit.js';
import { type XmlElement, parseXml } from './strict-xml.js';

const row = (scenario: string, property: string, expected: string, verdict: string, extra: object = {}) => ({ scenario, property, kind: 'invariant', expected, verdict, ...extra });

const all = (e: XmlElement, name: string): XmlElement[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];

describe('strict-xml, the reader the JUnit test relies on', () => {
  it.each([
    ['<a><b></a></b>', /closes/],
    ['<a>x & y</a>', /raw/],
    ['<a>1 < 2</a>', /raw|expected/],
    ['<a b=1/>', /not quoted/],
    ['<a b="1" b="2"/>', /repeated/],
    ['<a/><b/>', /after the root/],
    ['<a>\u0001</a>', /does not allow/],
    ['<a>', /not closed/],
  ])('refuses %j', (doc, why) => {
    expect(() => parseXml(doc)).toThrow(why);
  });

  it('reads entities and character references', () => {
    expect(parseXml(`<a t="&lt;&amp;&quot;&apos;&gt;&#65;&#x42;">x&amp;y</a>`)).toEqual({ name: 'a', attrs: { t: `<&"'>AB` }, children: [], text: 'x&y' });
  });
});

describe('junitXml', () => {
  // Hand count: 5 verdicts, of which 2 are not as expected (one a verdict, one no verdict in a complete run);
  // 2 kept traces, one not as expected: 3 failures in 7 test cases.
  const input: JunitInput = {
    scenarios: [
      { scenario: 'router-fault', durationMs: 300, complete: true },
      { scenario: 'evil<&">\'', durationMs: 1250, complete: false },
    ],
    notChecked: [],
    verdicts: [
      row('router-fault', 'NoSplitBrain', 'violated', 'violated', { trace: 'traces/router-fault/NoSplitBrain.itf.json', replay: 'follows the whole trace' }),
      row('router-fault', 'AtMostOneActiveWhenIclUp', 'holds', 'violated', { trace: 'traces/x & y <z>.itf.json' }),
      row('router-fault', 'Deadlock', 'holds', 'holds'),
      row('evil<&">\'', 'P"<&>\u0007', 'holds', 'holds'),
      row('evil<&">\'', 'Q', 'holds', 'unknown'),
    ],
    kept: [
      { trace: 'regressions/a.itf.json', expect: 'departs', ok: true, verdict: 'departs at step 7, as expected' },
      { trace: 'regressions/b.itf.json', expect: 'reproduces', ok: false, verdict: 'follows the whole trace' },
    ],
    interrupted: false,
    timestamp: '2026-11-25T16:42:07',
  };
  const doc = parseXml(junitXml(input));

  it('has the standard shape and counts that add up', () => {
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toMatchObject({ name: 'ha-verify', tests: '7', failures: '3', errors: '0', skipped: '0', time: '1.550' });
    expect(doc.children.map((s) => [s.name, s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.skipped])).toEqual([
      ['testsuite', 'router-fault', '3', '1', '0'],
      ['testsuite', 'evil<&">\'', '2', '1', '0'],
      ['testsuite', 'kept traces', '2', '1', '0'],
    ]);
    for (const s of doc.children) {
      expect(Object.keys(s.attrs)).toEqual(['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp']);
      for (const c of s.children) {
        expect(c.name).toBe('testcase');
        expect(Object.keys(c.attrs)).toEqual(['classname', 'name', 'time']);
      }
    }
  });

  it('one failure per unexpected verdict, with what was expected and found', () => {
    const failures = all(doc, 'failure');
    expect(failures).toHaveLength(3);
    const failing = all(doc, 'testcase').filter((c) => c.children.some((x) => x.name === 'failure')).map((c) => c.attrs.name);
    expect(failing).toEqual(['AtMostOneActiveWhenIclUp', 'Q', 'regressions/b.itf.json']);
    expect(failures[0].attrs).toEqual({ message: 'expected holds, found violated', type: 'UnexpectedVerdict' });
    expect(failures[0].text).toContain('trace: traces/x & y <z>.itf.json');
    expect(failures[1].attrs.message).toBe('expected holds, no verdict (the run is incomplete)');
    expect(failures[2].attrs).toEqual({ message: 'expected to reproduces on replay: follows the whole trace', type: 'UnexpectedReplay' });
  });

  it('escapes names, and replaces characters XML cannot hold', () => {
    const names = all(doc, 'testcase').map((c) => c.attrs.classname + ' ' + c.attrs.name);
    expect(names).toContain('ha-verify.evil<&">\' P"<&>\uFFFD');
  });

  it('shows a kept counterexample\'s trace and replay with its passing test case', () => {
    const nsb = all(doc, 'testcase').find((c) => c.attrs.name === 'NoSplitBrain')!;
    expect(nsb.children.map((c) => c.name)).toEqual(['system-out']);
    expect(nsb.children[0].text).toBe('trace: traces/router-fault/NoSplitBrain.itf.json\nreplay against src/impl: follows the whole trace');
  });

  it('an interrupted run skips what it did not reach, and fails nothing for it', () => {
    const x = parseXml(junitXml({ ...input, verdicts: input.verdicts.filter((v) => v.verdict !== 'violated'), kept: [], interrupted: true, notChecked: ['ipsec'] }));
    // Deadlock, P and Q of the verdicts, and the scenario not reached.
    expect(x.attrs).toMatchObject({ tests: '4', failures: '0', skipped: '2' });
    const skipped = all(x, 'testcase').filter((c) => c.children.some((k) => k.name === 'skipped'));
    expect(skipped.map((c) => [c.attrs.classname, c.attrs.name, c.children[0].attrs.message])).toEqual([
      ['ha-verify.evil<&">\'', 'Q', 'no verdict: the run was interrupted'],
      ['ha-verify.ipsec', '(not checked)', 'the run was interrupted before this scenario'],
    ]);
  });
});
