/**
 * TLC on the exported spec against the built-in engine, per scenario: the
 * same number of distinct states and the same verdict for every property.
 * Needs TLC: runs when TLA2TOOLS_JAR points at tla2tools.jar (and Java is on
 * PATH), and otherwise skips with the reason printed. TLC is slow on the
 * larger scenarios (about 40 minutes on `sessions`), so those run only with
 * HA_VERIFY_TLC_SLOW=1, which keeps the suite within its time with TLC.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { checkScenario } from '../../src/explore/check-scenario.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';
import { checkWithTlc } from '../../src/tla/engine-tlc.js';
import { findJava } from '../../src/tlc/locate.js';

const java = await findJava();
const jar = java ? process.env.TLA2TOOLS_JAR : undefined;
const slow = process.env.HA_VERIFY_TLC_SLOW === '1';
/** Above this many distinct states (specs/manifest.json), a scenario is slow for TLC. */
const SLOW_STATES = 20_000;
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../specs/manifest.json', import.meta.url)), 'utf8')) as {
  scenarios: { name: string; distinctStates: number }[];
};
const statesOf = (name: string): number => manifest.scenarios.find((s) => s.name === name)?.distinctStates ?? Infinity;

if (!java) {
  console.warn('tlc-parity: skipped, no java on PATH (install a Java 11+ runtime)');
} else if (!jar) {
  // Visible in the test output, so a green run without TLC is not mistaken for a parity check.
  console.warn('tlc-parity: skipped, TLA2TOOLS_JAR is not set (run `node bin/ha-verify.mjs tlc-install` and export the line it prints)');
} else if (!slow) {
  const skipped = MNHA_FAMILY.scenarios.filter((s) => statesOf(s.name) > SLOW_STATES).map((s) => s.name);
  if (skipped.length > 0) console.warn(`tlc-parity: ${skipped.join(', ')} skipped (over ${SLOW_STATES} states; set HA_VERIFY_TLC_SLOW=1 to run them)`);
  console.warn('tlc-parity: router-fault is checked through the command line, in test/cli/check-tlc-real.test.ts');
}

describe('TLC agrees with the built-in engine', () => {
  for (const sc of MNHA_FAMILY.scenarios) {
    const tooSlow = !slow && statesOf(sc.name) > SLOW_STATES;
    // router-fault goes through the command line in test/cli/check-tlc-real.test.ts.
    const elsewhere = sc.name === 'router-fault' && !slow;
    it.skipIf(!jar || tooSlow || elsewhere)(`scenario ${sc.name}: distinct states and every verdict`, async () => {
      const builtin = (await checkScenario(sc)).report;
      const tlc = await checkWithTlc(sc.name, { family: MNHA_FAMILY, workers: 'auto' });
      if (!tlc.ok) throw new Error(`${tlc.error.code}: ${tlc.error.message}`);
      expect(builtin.complete).toBe(true);
      expect(tlc.complete).toBe(true);
      expect(tlc.distinctStates).toBe(builtin.distinctStates);
      const verdicts = (ps: readonly { name: string; verdict: string }[]) => Object.fromEntries(ps.map((p) => [p.name, p.verdict]));
      expect(verdicts(tlc.properties)).toEqual(verdicts(builtin.properties));
    }, 3_600_000);
  }
});
