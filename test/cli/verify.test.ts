/** The verification run as CI runs it: exit status, summary, reports, JUnit XML, GitHub's step summary, Ctrl-C. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { type XmlElement, parseXml } from './strict-xml.js';

const all = (e: XmlElement, name: string): XmlElement[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];

describe('ha-verify verify', () => {
  it('checks the named scenarios, writes traces, reports, JUnit XML and the step summary, exits 0 when every expectation holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-verify-'));
    const traces = join(dir, 'traces');
    const reports = join(dir, 'reports');
    const junit = join(dir, 'ci', 'junit.xml');
    const stepSummary = join(dir, 'step-summary.md');
    writeFileSync(stepSummary, '## an earlier step\n');
    const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'verify', '--scenario', 'default,router-fault', '--traces', traces, '--reports', reports, '--junit', junit, '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: stepSummary },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^router-fault\s+NoSplitBrain\s+violated\s+violated\s+43,368\s+\S+NoSplitBrain\.itf\.json\s+follows the whole trace\s*$/m);
    expect(r.stdout).toContain('result: every expectation holds');
    const summary = JSON.parse(readFileSync(join(reports, 'verify.json'), 'utf8'));
    expect(summary.result).toBe('as expected');
    expect(summary.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['default', 'router-fault']);
    expect(existsSync(join(reports, 'index.html'))).toBe(true);
    expect(existsSync(join(reports, 'router-fault', 'NoSplitBrain.html'))).toBe(true);
    expect(existsSync(join(traces, 'router-fault', 'NoSplitBrain.itf.json'))).toBe(true);
    const md = readFileSync(join(reports, 'verify.md'), 'utf8');
    expect(md).toContain('Result: **every expectation holds**');

    // GitHub's step summary: appended to, not overwritten.
    expect(readFileSync(stepSummary, 'utf8')).toBe(`## an earlier step\n${md}\n`);

    // The implementation against the model: every transition of both scenarios replayed, no departure, and every
    // broken variant caught (the same counts ha-verify conformance and ha-verify mutants print)
    expect(summary.conformance.map((c: { scenario: string; departures: number; complete: boolean }) => [c.scenario, c.departures, c.complete]))
      .toEqual([['default', 0, true], ['router-fault', 0, true]]);
    for (const c of summary.conformance) expect(c.conform).toBe(c.transitions);
    expect(summary.conformance[1].states).toBe(summary.scenarios[1].distinctStates);
    expect(summary.mutants.caught).toBe(summary.mutants.total);
    expect(summary.mutants.total).toBeGreaterThanOrEqual(14);
    expect(md).toContain(`Broken variants of the implementation caught by the model-based checks: ${summary.mutants.total} of ${summary.mutants.total}`);
    // the implementation's own runs, validated: five per scenario checked, each conforming
    expect(summary.validation.map((v: { scenario: string; runs: number; conforming: number }) => [v.scenario, v.runs, v.conforming]))
      .toEqual([['default', 5, 5], ['router-fault', 5, 5]]);
    expect(md).toContain('Recorded runs of the implementation (clock-driven, seeded faults), validated against the model');

    // JUnit: a test case per scenario and property, per kept trace, per scenario's conformance and validation, and per broken variant;
    // a failure per unexpected verdict (none here).
    const xml = parseXml(readFileSync(junit, 'utf8'));
    const rows = summary.rows as { scenario: string; property: string; asExpected: boolean }[];
    const cases = all(xml, 'testcase');
    expect(cases).toHaveLength(rows.length + summary.kept.length + summary.conformance.length + summary.validation.length + summary.mutants.total);
    expect(cases.slice(0, rows.length).map((c) => [c.attrs.classname, c.attrs.name])).toEqual(rows.map((w) => [`ha-verify.${w.scenario}`, w.property]));
    expect(all(xml, 'failure')).toHaveLength(rows.filter((w) => !w.asExpected).length);
    expect(xml.attrs.failures).toBe('0');
    expect(xml.attrs.tests).toBe(String(cases.length));
  }, 120_000);

  it('says INTERRUPTED on Ctrl-C: terminal, verify.md, verify.json and JUnit (skipped), exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-verify-int-'));
    const reports = join(dir, 'reports');
    const junit = join(dir, 'junit.xml');
    // async-routes, the largest graph, takes a second or two: Ctrl-C as its check starts; ipsec is then never reached.
    const child = spawn(process.execPath, ['bin/ha-verify.mjs', 'verify', '--scenario', 'default,async-routes,ipsec', '--traces', join(dir, 'traces'), '--reports', reports, '--junit', junit]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/^checking async-routes\.\.\.$/m.test(err) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(1);
    expect(out).toContain('result: INTERRUPTED: 2 of 3 scenarios checked');
    expect(out).not.toContain('NOT as expected');
    const summary = JSON.parse(readFileSync(join(reports, 'verify.json'), 'utf8'));
    expect(summary).toMatchObject({ result: 'interrupted', complete: false, notChecked: ['ipsec'] });
    expect(summary.scenarios.map((s: { scenario: string; complete: boolean }) => [s.scenario, s.complete])).toEqual([['default', true], ['async-routes', false]]);
    expect(readFileSync(join(reports, 'verify.md'), 'utf8')).toContain('Result: **INTERRUPTED: 2 of 3 scenarios checked');
    const xml = parseXml(readFileSync(junit, 'utf8'));
    expect(xml.attrs.failures).toBe('0');
    const skipped = all(xml, 'testcase').filter((c) => c.children.some((k) => k.name === 'skipped')).map((c) => c.attrs.classname);
    expect(skipped.length).toBeGreaterThan(1);
    expect(new Set(skipped)).toEqual(new Set(['ha-verify.async-routes', 'ha-verify.ipsec']));
  }, 120_000);

  it('an output path that cannot be written is a usage error, one line, before any work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-verify-paths-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const [args, env, line] of [
      [['--reports', file], {}, `ha-verify verify: --reports ${file}: is a file, not a folder`],
      [['--traces', join(file, 'sub')], {}, `ha-verify verify: --traces ${join(file, 'sub')}: cannot be created: ${file} is a file, not a folder`],
      [['--junit', dir], {}, `ha-verify verify: --junit ${dir}: is a folder, not a file`],
      [[], { GITHUB_STEP_SUMMARY: dir }, `ha-verify verify: GITHUB_STEP_SUMMARY ${dir}: is a folder, not a file`],
    ] as const) {
      const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'verify', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${line}\n`);
      expect(r.stdout).toBe('');
    }
  }, 60_000);

  it('an unknown scenario is a usage error', () => {
    const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'verify', '--scenario', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown scenario 'nope'");
  });
});
