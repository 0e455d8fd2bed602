/**
 * Every broken variant of the implementation (test/impl/fixtures) is caught
 * by the model-based checks: none of them a hand-written test of the
 * variant. A variant that slips through is a hole in the checks.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../models/mnha/scenarios/index.js';
import { checkVariant } from '../../src/variants/check-variant.js';
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
