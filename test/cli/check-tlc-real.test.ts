/**
 * `check --engine tlc` with the real TLC, as a user runs it, on the
 * documented split brain: TLC's verdicts and state count are the built-in
 * engine's, and its counterexample is written where --out says, as a trace
 * replay follows. Needs Java and TLA2TOOLS_JAR; skips, saying why, without
 * them. (test/tla/tlc-parity.test.ts covers the other scenarios.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkScenario } from '../../src/explore/check-scenario.js';
import { findJava } from '../../src/tlc/locate.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';

const java = await findJava();
const jar = java ? process.env.TLA2TOOLS_JAR : undefined;
const reason = !java ? 'no java on PATH' : !jar ? 'TLA2TOOLS_JAR is not set (npm run tlc:install)' : '';
if (reason) console.warn(`check-tlc-real: skipped, ${reason}`);

describe('check --engine tlc with the real TLC', () => {
  it.skipIf(!jar)('router-fault: the built-in engine\'s verdicts and states, DIR/router-fault/NoSplitBrain.itf.json written and replayed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hv-tlc-real-'));
    try {
      const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'check', '--scenario', 'router-fault', '--engine', 'tlc', '--out', out, '--json', '--quiet'], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const tlc = JSON.parse(r.stdout) as { complete: boolean; distinctStates: number; properties: { name: string; verdict: string; trace?: string }[] };
      const sc = MNHA_FAMILY.scenarios.find((s) => s.name === 'router-fault')!;
      const builtin = (await checkScenario(sc)).report;
      expect(tlc.complete).toBe(true);
      expect(tlc.distinctStates).toBe(builtin.distinctStates);
      const verdicts = (ps: readonly { name: string; verdict: string }[]) => Object.fromEntries(ps.map((p) => [p.name, p.verdict]));
      expect(verdicts(tlc.properties)).toEqual(verdicts(builtin.properties));
      const trace = join(out, 'router-fault', 'NoSplitBrain.itf.json');
      expect(tlc.properties.find((p) => p.name === 'NoSplitBrain')?.trace).toBe(trace);
      expect(existsSync(trace)).toBe(true);
      const replayed = spawnSync(process.execPath, ['bin/ha-verify.mjs', 'replay', trace], { encoding: 'utf8' });
      expect(replayed.stdout).toContain('follows the whole trace (3 steps)');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 1_800_000);
});
