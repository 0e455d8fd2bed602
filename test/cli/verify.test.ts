/** The verification run as CI runs it: exit status, summary, reports. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('ha-verify verify', () => {
  it('checks the named scenarios, writes traces and reports, exits 0 when every expectation holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-verify-'));
    const traces = join(dir, 'traces');
    const reports = join(dir, 'reports');
    const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'verify', '--scenario', 'default,router-fault', '--traces', traces, '--reports', reports, '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^router-fault\s+NoSplitBrain\s+violated\s+violated\s+\S+NoSplitBrain\.itf\.json\s+follows the whole trace\s*$/m);
    expect(r.stdout).toContain('result: every expectation holds');
    const summary = JSON.parse(readFileSync(join(reports, 'verify.json'), 'utf8'));
    expect(summary.result).toBe('as expected');
    expect(summary.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['default', 'router-fault']);
    expect(existsSync(join(reports, 'verify.md'))).toBe(true);
    expect(existsSync(join(reports, 'index.html'))).toBe(true);
    expect(existsSync(join(reports, 'router-fault', 'NoSplitBrain.html'))).toBe(true);
    expect(existsSync(join(traces, 'router-fault', 'NoSplitBrain.itf.json'))).toBe(true);
  }, 120_000);

  it('an unknown scenario is a usage error', () => {
    const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'verify', '--scenario', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown scenario 'nope'");
  });
});
