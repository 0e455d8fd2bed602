/**
 * TLC on the exported spec against the built-in engine, per scenario: the
 * same number of distinct states and the same verdict for every property.
 * Needs TLC: runs when TLA2TOOLS_JAR points at tla2tools.jar (and Java is on
 * PATH), and otherwise skips with the reason printed.
 */
import { describe, expect, it } from 'vitest';

import { checkScenario } from '../../src/explore/check-scenario.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';
import { checkWithTlc } from '../../src/tla/engine-tlc.js';

const jar = process.env.TLA2TOOLS_JAR;
if (!jar) {
  // Visible in the test output, so a green run without TLC is not mistaken for a parity check.
  console.warn('tlc-parity: skipped, TLA2TOOLS_JAR is not set (run `node bin/ha-verify.mjs tlc-install` and export the line it prints)');
}

describe('TLC agrees with the built-in engine', () => {
  for (const sc of MNHA_FAMILY.scenarios) {
    it.skipIf(!jar)(`scenario ${sc.name}: distinct states and every verdict`, async () => {
      const builtin = (await checkScenario(sc)).report;
      const tlc = await checkWithTlc(sc.name, { family: MNHA_FAMILY, workers: 'auto' });
      if (!tlc.ok) throw new Error(`${tlc.error.code}: ${tlc.error.message}`);
      expect(builtin.complete).toBe(true);
      expect(tlc.distinctStates).toBe(builtin.distinctStates);
      const verdicts = (ps: readonly { name: string; verdict: string }[]) => Object.fromEntries(ps.map((p) => [p.name, p.verdict]));
      expect(verdicts(tlc.properties)).toEqual(verdicts(builtin.properties));
    }, 3_600_000);
  }
});
