/**
 * Every broken variant of the implementation (test/impl/fixtures) is caught
 * by the model-based checks: none of them a hand-written test of the
 * variant. A variant that slips through is a hole in the checks.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../models/mnha/scenarios/index.js';
import { checkVariant, validateVariant } from '../../src/variants/check-variant.js';
import { BROKEN_VARIANTS } from '../impl/fixtures/broken-nodes.js';

describe('broken variants', () => {
  it('there are at least 14, each a distinct mistake', () => {
    expect(BROKEN_VARIANTS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(BROKEN_VARIANTS.map((v) => v.name)).size).toBe(BROKEN_VARIANTS.length);
  });

  it('each is caught, by a check that names the step and the variables', async () => {
    const missed: string[] = [];
    for (const v of BROKEN_VARIANTS) {
      const r = await checkVariant(v, { scenarios: SCENARIOS });
      if (!r.caught) missed.push(v.name);
      else expect(r.by.variables.length).toBeGreaterThan(0);
    }
    expect(missed).toEqual([]);
  }, 600_000);
});

describe('validation of the variants\' recorded runs', () => {
  it('a backup that advertises high is seen in its own runs: the adv of the backup differs', async () => {
    const v = BROKEN_VARIANTS.find((x) => x.name === 'backup-advertises-high')!;
    const caught = await validateVariant(v, SCENARIOS);
    expect(caught).not.toBeNull();
    // the model's backup advertises medium (MNHA.md, the backup-signal-route's policy)
    expect(caught!.variables.some((x) => x.startsWith('adv['))).toBe(true);
  });

  it('a node that never preempts takes no step the model lacks: validation alone cannot see it (conformance does)', async () => {
    const v = BROKEN_VARIANTS.find((x) => x.name === 'preemption-never')!;
    expect(await validateVariant(v, SCENARIOS.filter((s) => s.name === 'priority-preemption'))).toBeNull();
  });
});
