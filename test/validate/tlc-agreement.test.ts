/**
 * TLC and the built-in engine agree on trace validation: on recorded runs
 * that conform, and on the same runs with one line changed by hand (both
 * must stop at that line). Needs Java and TLA2TOOLS_JAR; skipped, and said
 * so, without them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { Scenario } from '../../src/model/index.js';
import { findJava } from '../../src/tlc/index.js';
import { recordRun } from '../../src/validate/record-run.js';
import { validateWithTlc } from '../../src/validate/tlc-validate.js';
import { validateLogFile } from '../../src/validate/validate-log.js';

const java = await findJava();
const jar = java ? process.env.TLA2TOOLS_JAR : undefined;
if (!jar) console.warn('tlc-agreement (validation): skipped, TLA2TOOLS_JAR is not set or no java on PATH');

const dir = await mkdtemp(join(tmpdir(), 'ha-verify-tv-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A recorded run written to a file, and the same with the first backup n2 made active. */
async function sample(name: string, seed: number, steps: number): Promise<{ ok: string; edited: string; line: number }> {
  const run = recordRun(findScenario(name) as Scenario, { seed, steps });
  const ok = join(dir, `${name}-${seed}.jsonl`);
  await writeFile(ok, run.text);
  const lines = run.text.trim().split('\n');
  const at = lines.findIndex((l, i) => i > 0 && JSON.parse(l).state.srg1.n2 === 'backup');
  const changed = JSON.parse(lines[at] as string);
  changed.state.srg1.n2 = 'active';
  lines[at] = JSON.stringify(changed);
  const edited = join(dir, `${name}-${seed}-edited.jsonl`);
  await writeFile(edited, `${lines.join('\n')}\n`);
  return { ok, edited, line: at + 1 };
}

describe('validation with TLC agrees with the built-in engine', () => {
  for (const [name, seed] of [['default', 7], ['router-fault', 3]] as const) {
    it.skipIf(!jar)(`${name} seed ${seed}: both conform; both stop at the edited line`, async () => {
      const s = await sample(name, seed, 60);
      const [builtinOk, tlcOk] = [await validateLogFile(s.ok), await validateWithTlc(s.ok)];
      expect(builtinOk.outcome).toBe('conforms');
      expect(tlcOk.outcome).toBe('conforms');
      const [builtinBad, tlcBad] = [await validateLogFile(s.edited), await validateWithTlc(s.edited)];
      expect(builtinBad).toMatchObject({ outcome: 'mismatch', line: s.line });
      expect(tlcBad).toMatchObject({ outcome: 'mismatch', line: s.line });
    }, 300_000);
  }
});
