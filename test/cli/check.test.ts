/** The `check` and `scenarios` commands as a user runs them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ha-verify check', () => {
  it('exits 0 when every verdict is as expected, and prints the table', () => {
    const r = run('check', '--scenario', 'default', '--no-traces', '--quiet');
    expect(r.code).toBe(0);
    // exercised: every one of the 10,654 states TLC also counts (README, TLC parity); SessionActiveOnce has no session to test
    expect(r.out).toMatch(/^NoSplitBrain\s+invariant\s+holds\s+holds\s+10,654\s*$/m);
    expect(r.out).toMatch(/^SessionActiveOnce\s+invariant\s+holds\s+vacuous \(expected holds\)\s+0\s*$/m);
    expect(r.out).toContain('result: every verdict as expected');
  }, 60_000);

  it('--json prints one object with the documented fields and writes traces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-'));
    const r = run('check', '--scenario', 'router-fault', '--json', '--quiet', '--out', dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['scenario', 'engine', 'complete', 'distinctStates', 'generatedStates', 'depth', 'durationMs', 'statesPerSecond', 'bytesPerState', 'properties']));
    const nsb = report.properties.find((p: { name: string }) => p.name === 'NoSplitBrain');
    expect(nsb).toMatchObject({ kind: 'invariant', expected: 'violated', verdict: 'violated', trace: join(dir, 'router-fault', 'NoSplitBrain.itf.json') });
    expect(JSON.parse(readFileSync(nsb.trace, 'utf8')).states).toHaveLength(4);
  }, 60_000);

  it('an unknown scenario is a usage error: one line, exit 2', () => {
    const r = run('check', '--scenario', 'nope');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain("unknown scenario 'nope'");
  });

  it('an unknown option and a bad number are usage errors', () => {
    expect(run('check', '--scenario', 'default', '--frobnicate').code).toBe(2);
    const r = run('check', '--scenario', 'default', '--max-states', 'many');
    expect(r.code).toBe(2);
    expect(r.err).toContain("--max-states needs a whole number, not 'many'");
  });

  it('a state limit gives an incomplete run and exit 1', () => {
    const r = run('check', '--scenario', 'default', '--max-states', '50', '--no-traces', '--quiet');
    expect(r.code).toBe(1);
    expect(r.out).toContain('INCOMPLETE (limit)');
  }, 60_000);

  it('--help describes the options', () => {
    const r = run('check', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--max-states N');
  });
});

describe('ha-verify scenarios', () => {
  it('lists every scenario', () => {
    const r = run('scenarios');
    expect(r.code).toBe(0);
    for (const s of ['default', 'router-fault', 'async-routes', 'keep-and-probe', 'priority-preemption', 'sessions', 'ipsec']) expect(r.out).toContain(s);
  });
});
