/** `ha-verify export` as a user (and CI) runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'export', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ha-verify export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hv-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the main module, the MC files and the manifest', () => {
    const r = run('--out', dir, '--quiet');
    expect(r.code).toBe(0);
    // MNHA.tla, manifest.json, and for each of the 8 scenarios MC_<scenario>.tla/.cfg and the
    // configuration of the stated environment of AvailableDuringIclOutage: 2 + 8 x 3
    expect(readFileSync(join(dir, 'MC_default_NothingRepaired.cfg'), 'utf8')).toContain('SPECIFICATION SpecNothingRepaired');
    expect(r.out).toMatch(/^wrote .*: 26 of 26 file\(s\) changed$/m);
    expect(r.out).toMatch(/^ {2}created {2}MNHA\.tla$/m);
    expect(readFileSync(join(dir, 'MC_default.cfg'), 'utf8')).toContain('SPECIFICATION Spec');
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).scenarios).toHaveLength(8);
  }, 120_000);

  it('--check exits 0 when the folder is up to date', () => {
    const r = run('--check', '--out', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toContain('is up to date (26 files)');
  }, 120_000);

  it('--check exits 1 with a summary of what differs, and writes nothing', () => {
    writeFileSync(join(dir, 'MC_ipsec.cfg'), 'edited by hand\n');
    const r = run('--check', '--out', dir, '--quiet');
    expect(r.code).toBe(1);
    expect(r.out).toContain('is stale: 1 file(s) differ from the models');
    expect(r.out).toMatch(/^ {2}changed {2}MC_ipsec\.cfg \(from line 1\)$/m);
    expect(r.out).toContain("run 'ha-verify export' and commit specs/");
    expect(readFileSync(join(dir, 'MC_ipsec.cfg'), 'utf8')).toBe('edited by hand\n');
  }, 120_000);

  it('a second export rewrites only what changed', () => {
    const r = run('--out', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 of 26 file\(s\) changed\n {2}updated {2}MC_ipsec\.cfg/);
  }, 120_000);

  it('an unknown option or argument is a usage error: one line, exit 2', () => {
    const a = run('--frobnicate');
    expect(a.code).toBe(2);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    expect(run('extra').code).toBe(2);
  });

  it('--help shows the options and exit codes', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: ha-verify export [--check] [--out DIR]');
    expect(r.out).toContain('exit status');
  });
});
