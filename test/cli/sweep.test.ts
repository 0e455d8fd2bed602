/** `ha-verify sweep`: a small sweep through the command line, its files, and its usage errors. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-sweep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ha-verify sweep', () => {
  it('router x protection: the split brain only where the router is faulty or the stale-notice protection is off (README findings)', () => {
    const r = cli('sweep', '--axis', 'router', '--axis', 'protection', '--jobs', '2', '--json', '--quiet', '--out', dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.combinations).toHaveLength(4);
    const split = Object.fromEntries(report.combinations.map((c: { id: string; verdicts: Record<string, { verdict: string; trace?: string }> }) => [c.id, c.verdicts.NoSplitBrain]));
    // the README's findings: a behaving router with the protection is safe; a faulty router, or the protection off, is not
    expect(split['router=behaving protection=on'].verdict).toBe('holds');
    expect(split['router=behaving protection=off'].verdict).toBe('violated');
    expect(split['router=faulty protection=on'].verdict).toBe('violated');
    expect(existsSync(split['router=faulty protection=on'].trace)).toBe(true);
    // state counts TLC also gives (README): default 10,654, stale-notices 4,562, router-fault 43,368
    expect(report.combinations.slice(0, 3).map((c: { states: number }) => c.states)).toEqual([10654, 4562, 43368]);
    expect(report.summary.NoSplitBrain).toMatchObject({ violated: 3 });
    for (const f of ['sweep.json', 'sweep.md', 'sweep.html']) expect(existsSync(join(dir, f))).toBe(true);
    const md = readFileSync(join(dir, 'sweep.md'), 'utf8');
    expect(md).toMatch(/\| 1 \| behaving \| on \| 10654 \|/);
    const html = readFileSync(join(dir, 'sweep.html'), 'utf8');
    expect(html).toMatch(/<a href="sweep\/sweep-002\/NoSplitBrain\.html">violated<\/a>/);
    expect(existsSync(join(dir, 'sweep/sweep-002/NoSplitBrain.html'))).toBe(true);
    // The combination's page evaluates the property at its violating state under the combination's own parameters.
    expect(readFileSync(join(dir, 'sweep/sweep-002/NoSplitBrain.html'), 'utf8')).toMatch(/<td class="prop st-fails fails-here"[^>]*><div class="mark">✗ false<\/div><div class="pv"[^>]*><span class="pk">ActiveCount<\/span> <span class="pval">2<\/span>/);
  }, 180_000);

  it('usage errors: unknown axis or value, an empty axis, --jobs 0, exit 2 with one line', () => {
    for (const args of [['--axis', 'colour'], ['--axis', 'router=broken'], ['--axis', 'router='], ['--jobs', '0'], ['--axis'], ['--axis', 'router', '--axis', 'router']]) {
      const r = cli('sweep', ...args, '--out', dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
