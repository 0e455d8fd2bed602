/**
 * `check --engine tlc|both`: TLC on the exported spec, compared with the
 * built-in engine. TLC is optional; without Java or the jar this says so in
 * one line.
 */
import { allAsExpected, checkScenario } from '../explore/check-scenario.js';
import type { Scenario } from '../model/index.js';
import { checkWithTlc } from '../tla/engine-tlc.js';
import { EXIT_MISMATCH, EXIT_OK } from './command.js';
import { table } from './format.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';

/** Runs TLC (and the built-in engine for `both`) on a scenario; resolves to the exit status. */
export async function runTlcEngine(sc: Scenario, engine: 'tlc' | 'both', opts: { json: boolean; workers: number }): Promise<number> {
  // checkWithTlc looks for Java and the jar first and says in one line what is missing.
  const tlc = await checkWithTlc(sc.name, { workers: opts.workers, family: MNHA_FAMILY });
  if (!tlc.ok) {
    process.stderr.write(`ha-verify check: ${tlc.error.message}\n`);
    return EXIT_MISMATCH;
  }
  if (engine === 'tlc') {
    const expectedOk = tlc.properties.every((p) => (sc.expect[p.name] ?? 'holds') === p.verdict);
    if (opts.json) {
      const { properties, ...rest } = tlc;
      process.stdout.write(JSON.stringify({ ...rest, properties: properties.map(({ trace, ...p }) => ({ ...p, expected: sc.expect[p.name] ?? 'holds', hasTrace: trace !== undefined })) }, null, 2) + '\n');
    } else {
      process.stdout.write(`scenario ${sc.name}: ${sc.title}\nengine tlc: ${tlc.distinctStates} distinct states\n\n`);
      process.stdout.write(table(['property', 'expected', 'verdict'], tlc.properties.map((p) => {
        const e = sc.expect[p.name] ?? 'holds';
        return [p.name, e, p.verdict === e ? p.verdict : `${p.verdict}  <-- NOT AS EXPECTED`];
      })) + '\n\n' + (expectedOk ? 'result: every verdict as expected' : 'result: NOT as expected') + '\n');
    }
    return expectedOk ? EXIT_OK : EXIT_MISMATCH;
  }
  const { report } = await checkScenario(sc, {});
  const problems: string[] = [];
  if (report.distinctStates !== tlc.distinctStates) problems.push(`distinct states: builtin ${report.distinctStates}, TLC ${tlc.distinctStates}`);
  for (const p of report.properties) {
    const t = tlc.properties.find((q) => q.name === p.name);
    if (t && t.verdict !== p.verdict) problems.push(`${p.name}: builtin ${p.verdict}, TLC ${t.verdict}`);
  }
  const out = { scenario: sc.name, engine: 'both', agree: problems.length === 0, disagreements: problems, builtin: report, tlc };
  if (opts.json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  else process.stdout.write(problems.length === 0 ? `builtin and TLC agree: ${report.distinctStates} distinct states, same verdicts\n` : `ENGINES DISAGREE:\n  ${problems.join('\n  ')}\n`);
  return problems.length === 0 && allAsExpected(report) ? EXIT_OK : EXIT_MISMATCH;
}
