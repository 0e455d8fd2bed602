/**
 * `check --engine tlc|both` as a user runs it, with a fake `java` that plays
 * back real TLC output of the exported spec (test/tla/fake-mnha-tlc.ts):
 * progress, trace files that replay and view take, every option honoured,
 * Ctrl-C, causes of failure, and no temporary folder left behind (each run
 * gets a private TMPDIR, checked empty afterwards).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeMnhaTlc, makeFakeMnhaTlc } from '../tla/fake-mnha-tlc.js';

let fake: FakeMnhaTlc;
let work: string;
beforeAll(async () => {
  fake = await makeFakeMnhaTlc();
  work = mkdtempSync(join(tmpdir(), 'hv-check-tlc-'));
});
afterAll(() => {
  rmSync(fake.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** A fresh, empty temp folder for one run of ha-verify (and its TLC). */
function privateTmp(): string {
  return mkdtempSync(join(work, 'tmp-'));
}

/** What ha-verify and TLC left in a temp folder (tsx, which runs the sources, keeps its cache there). */
function leftIn(tmp: string): string[] {
  return readdirSync(tmp).filter((n) => !n.startsWith('tsx-'));
}

const BIN = fileURLToPath(new URL('../../bin/ha-verify.mjs', import.meta.url));

function run(args: string[], extra: Record<string, string> = {}, cwd = process.cwd()) {
  const tmp = privateTmp();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: fake.env({ TMPDIR: tmp, ...extra }) });
  return { code: r.status, out: r.stdout, err: r.stderr, leftInTmp: leftIn(tmp) };
}

describe('ha-verify check --engine tlc', () => {
  it('prints TLC\'s progress, the table, and writes a trace that replay and view take', () => {
    const out = join(work, 'traces-a');
    const r = run(['check', '--scenario', 'router-fault', '--engine', 'tlc', '--out', out]);
    expect(r.code).toBe(0);
    const trace = join(out, 'router-fault', 'NoSplitBrain.itf.json');
    expect(r.out).toContain('engine tlc: 43,368 distinct states, 412,733 generated, depth 35');
    expect(r.out).toMatch(new RegExp(`^NoSplitBrain\\s+invariant\\s+violated\\s+violated\\s+${trace.replace(/[.]/g, '\\.')} \\(4 states\\)$`, 'm'));
    expect(r.out).toContain('result: every verdict as expected');
    // Progress from TLC's own reports: the first of run 2 is at 227 distinct states (router-fault.progress2.tool.out).
    // 13 invariants but TypeOK, 3 action properties, 8 liveness properties and deadlock (MC_router_fault.cfg)
    expect(r.err).toContain('router-fault (TLC run 1): checking 25 properties');
    expect(r.err).toContain('router-fault (TLC run 1): NoSplitBrain violated');
    expect(r.err).toContain('router-fault (TLC run 3): checking 1 property under the stated environment NothingRepaired (SpecNothingRepaired)');
    expect(r.err).toMatch(/^router-fault \(TLC run 2\): 227 distinct states, 130 queued, depth 5, /m);
    expect(r.leftInTmp).toEqual([]);
    expect(existsSync(trace)).toBe(true);

    const replayed = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'replay', trace], { encoding: 'utf8' });
    expect(replayed.stdout).toContain('follows the whole trace (3 steps)');
    expect(replayed.status).toBe(0);
    const viewed = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'view', trace, '--text', '--no-color'], { encoding: 'utf8' });
    expect(viewed.status).toBe(0);
    expect(viewed.stdout).toContain('router-fault: invariant NoSplitBrain is violated at step 3 (4 states)');
  }, 60_000);

  it('--no-traces writes none, --quiet prints no progress, --json prints the report', () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    const r = run(['check', '--scenario', 'router-fault', '--engine', 'tlc', '--no-traces', '--quiet', '--json'], {}, cwd);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ scenario: 'router-fault', engine: 'tlc', complete: true, distinctStates: 43368, runs: 3 });
    const nsb = report.properties.find((p: { name: string }) => p.name === 'NoSplitBrain');
    expect(nsb).toEqual({ name: 'NoSplitBrain', kind: 'invariant', expected: 'violated', verdict: 'violated' });
    // Not even the default traces/ folder.
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);

  it('--max-states stops TLC at its first progress report past the limit: incomplete, exit 1', () => {
    const r = run(['check', '--scenario', 'router-fault', '--engine', 'tlc', '--no-traces', '--max-states', '2000'], { FAKE_MODE: 'hang' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/engine tlc: at least 2,(169|658|974) distinct states, .* INCOMPLETE \(limit\)/);
    expect(r.out).toMatch(/^NoSplitBrain\s+invariant\s+violated\s+violated/m);
    expect(r.out).toMatch(/^Deadlock\s+deadlock\s+holds\s+unknown {2}<-- NOT AS EXPECTED/m);
    expect(r.leftInTmp).toEqual([]);
  }, 60_000);

  it('Ctrl-C stops TLC and reports what it found, marked incomplete, leaving no folder behind', async () => {
    const tmp = privateTmp();
    const child = spawn(process.execPath, ['bin/ha-verify.mjs', 'check', '--scenario', 'router-fault', '--engine', 'tlc', '--no-traces'], {
      env: fake.env({ TMPDIR: tmp, FAKE_MODE: 'hang' }),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // The last report the fake prints before it waits, as TLC would go on.
      if (err.includes('2,974 distinct states') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(err).toContain('interrupted: stopping and reporting what was found');
    expect(code).toBe(1);
    expect(out).toContain('engine tlc: at least 2,974 distinct states, 17,732 generated, depth 10');
    expect(out).toContain('INCOMPLETE (interrupted)');
    expect(out).toMatch(/^NoSplitBrain\s+invariant\s+violated\s+violated/m);
    expect(out).toContain('result: NOT as expected');
    expect(leftIn(tmp)).toEqual([]);
  }, 60_000);

  it('names the cause when the jar is not TLC, in one line, exit 1', () => {
    const r = run(['check', '--scenario', 'router-fault', '--engine', 'tlc', '--quiet'], { FAKE_MODE: 'not-tlc' });
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `ha-verify check: TLC_RUN_FAILED: TLC on MC_router_fault: ${fake.jar} is not a TLC jar: Java says "Error: Could not find or load main class tlc2.TLC"\n`
      + "  point TLA2TOOLS_JAR at tla2tools.jar (run 'npm run tlc:install' to download it)\n",
    );
    expect(r.leftInTmp).toEqual([]);
  }, 60_000);

  it('says TLC is not available in one line when there is no jar', () => {
    const r = run(['check', '--scenario', 'router-fault', '--engine', 'tlc'], { TLA2TOOLS_JAR: '' });
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toMatch(/^ha-verify check: TLC_NOT_AVAILABLE: TLC not available: set TLA2TOOLS_JAR/);
  }, 60_000);

  it('refuses a --jar that is not a file, and --jar without TLC, as usage errors', () => {
    const missing = run(['check', '--scenario', 'router-fault', '--engine', 'tlc', '--jar', join(work, 'nope.jar')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`ha-verify check: --jar ${join(work, 'nope.jar')}: not a file\n`);
    expect(run(['check', '--scenario', 'router-fault', '--jar', fake.jar]).code).toBe(2);
  }, 60_000);
});

describe('ha-verify check --engine both', () => {
  it('one table with a verdict column per engine, both traces, the engines agree', () => {
    const out = join(work, 'traces-both');
    const r = run(['check', '--scenario', 'router-fault', '--engine', 'both', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^engine builtin: 43,368 distinct states/m);
    expect(r.out).toMatch(/^engine tlc: 43,368 distinct states/m);
    expect(r.out).toMatch(/^property\s+kind\s+expected\s+builtin\s+tlc\s+traces$/m);
    const builtin = join(out, 'router-fault', 'NoSplitBrain.itf.json');
    const tlc = join(out, 'router-fault', 'NoSplitBrain.tlc.itf.json');
    expect(r.out).toMatch(/^NoSplitBrain\s+invariant\s+violated\s+violated\s+violated\s+\S+NoSplitBrain\.itf\.json, \S+NoSplitBrain\.tlc\.itf\.json$/m);
    expect(r.out).toMatch(/^Deadlock\s+deadlock\s+holds\s+holds\s+holds$/m);
    expect(r.out).toContain('engines agree: 43,368 distinct states, same verdict for every property');
    // The two engines found the same counterexample, state for state.
    const states = (f: string) => (JSON.parse(readFileSync(f, 'utf8')) as { states: Record<string, unknown>[] }).states.map(({ '#meta': _m, ...s }) => s);
    expect(states(tlc)).toEqual(states(builtin));
  }, 60_000);
});
