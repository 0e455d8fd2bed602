/** `ha-verify mutants` and `ha-verify conformance`: what they print, their exit status, their usage errors. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ha-verify mutants', () => {
  it('an unknown variant is a usage error naming the variants', () => {
    const r = cli('mutants', '--variant', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ha-verify mutants: unknown variant 'nope' \(one of: higher-id-backs-off, ineligible-keeps-active-route, .*\)\n$/);
    expect(r.out).toBe('');
  });

  it('--json: each variant named is caught, by the check and at the step and variables a hand reading gives', () => {
    const r = cli('mutants', '--variant', 'foreign-probe-reply,backup-advertises-high', '--json', '--quiet');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ caught: 2, total: 2, interrupted: false });
    // n2's probe at boot is answered along the tie to n1, which must drop it; the broken n1 takes it and becomes active
    expect(out.variants[0]).toMatchObject({ variant: 'foreign-probe-reply', caught: true, by: { check: 'conformance', step: 1, action: 'ProbeMisrouted(n=n2)' } });
    expect(out.variants[0].by.variables).toContain('srg1[n1]');
    // a node becomes backup (the ICL up, the peer active): the broken one advertises high, not medium
    expect(out.variants[1]).toMatchObject({ variant: 'backup-advertises-high', caught: true, by: { check: 'conformance' } });
    expect(out.variants[1].by.variables.some((v: string) => v.startsWith('adv['))).toBe(true);
  }, 120_000);
});

describe('ha-verify conformance', () => {
  it('replays every transition of a scenario: none departs, exit 0', () => {
    const r = cli('conformance', '--scenario', 'stale-notices', '--json', '--quiet');
    expect(r.code).toBe(0);
    const { reports, ok } = JSON.parse(r.out);
    expect(ok).toBe(true);
    expect(reports[0]).toMatchObject({ scenario: 'stale-notices', departures: 0, complete: true });
    expect(reports[0].conform).toBe(reports[0].transitions);
  }, 120_000);

  it('a bound leaves the graph incomplete, said in the table, exit 1', () => {
    const r = cli('conformance', '--scenario', 'default', '--max-states', '100', '--quiet');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^default\s+\S+\s+\S+\s+\S+\s+0\s+no \(bounded\)/m);
  }, 120_000);

  it('an unknown scenario is a usage error naming the scenarios', () => {
    const r = cli('conformance', '--scenario', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown scenario 'nope' \(one of: default, stale-notices, /);
  });
});
