/**
 * `check --engine tlc|both`: TLC on the exported spec, behaving like the
 * built-in engine: progress on stderr, the same options, a trace file for
 * every violation, the same table (a verdict column per engine for `both`),
 * Ctrl-C reporting what was found. TLC is optional; without Java or the jar
 * this says so in one line.
 */
import { type CheckReport, allAsExpected, checkScenario } from '../explore/check-scenario.js';
import { type Scenario, restrictProperties } from '../model/index.js';
import { type TlcCheckReport, checkWithTlc } from '../tla/index.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';
import { type TlcSummary, bothText, builtinText, disagreements, tlcAsExpected, tlcText } from './check-output.js';
import { EXIT_MISMATCH, EXIT_OK, EXIT_USAGE } from './command.js';
import { printProgress } from './progress.js';
import { scenarioSource } from './scenario-lookup.js';
import { printTlcProgress } from './tlc-progress.js';
import { writeTlcTraces } from './tlc-trace-files.js';

/** What `check` asks of the engines. */
export interface EngineRequest {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly workers: number;
  readonly maxStates?: number;
  /** Where traces go; none are written when undefined (`--no-traces`). */
  readonly outDir?: string;
  /** tla2tools.jar, when given with `--jar` (else TLA2TOOLS_JAR). */
  readonly jar?: string;
  /** Ctrl-C. */
  readonly signal: AbortSignal;
  /** Only these properties (`--property`): `sc` is already restricted; every scenario of the family is, for TLC. */
  readonly only?: readonly string[];
}

/** TLC's report with trace files in place of traces, and the expectations. */
function summarise(sc: Scenario, r: TlcCheckReport, files: ReadonlyMap<string, string>): TlcSummary {
  const { ok: _ok, properties, ...rest } = r;
  return {
    ...rest,
    properties: properties.map((p) => {
      const file = files.get(p.name);
      return {
        name: p.name, kind: p.kind, expected: sc.expect[p.name] ?? 'holds', verdict: p.verdict,
        ...(file !== undefined ? { trace: file, traceLength: p.trace!.states.length } : {}),
      };
    }),
  };
}

/** Runs TLC (and first the built-in engine for `both`) on a scenario; resolves to the exit status. */
export async function runTlcEngine(sc: Scenario, engine: 'tlc' | 'both', req: EngineRequest): Promise<number> {
  let builtin: CheckReport | undefined;
  if (engine === 'both') {
    if (!req.quiet) process.stderr.write(`${sc.name}: built-in engine\n`);
    builtin = (await checkScenario(sc, {
      ...(req.outDir !== undefined ? { outDir: req.outDir } : {}),
      ...(req.maxStates !== undefined ? { maxStates: req.maxStates } : {}),
      workers: req.workers,
      ...(req.only === undefined ? { source: scenarioSource(sc.name) } : {}),
      signal: req.signal,
      ...(req.quiet ? {} : { onProgress: (p) => printProgress(sc.name, p) }),
    })).report;
  }
  // checkWithTlc looks for Java and the jar first and says in one line what is missing.
  const tlc = await checkWithTlc(sc.name, {
    // the family's scenarios must print one main module: restrict them all alike
    family: req.only === undefined ? MNHA_FAMILY : { ...MNHA_FAMILY, scenarios: MNHA_FAMILY.scenarios.map((s) => restrictProperties(s, req.only!)) },
    workers: req.workers,
    signal: req.signal,
    ...(req.jar !== undefined ? { jar: req.jar } : {}),
    ...(req.maxStates !== undefined ? { maxStates: req.maxStates } : {}),
    ...(req.quiet ? {} : { onEvent: (e) => printTlcProgress(sc.name, e) }),
  });
  if (!tlc.ok) {
    // What the built-in engine found is kept.
    if (builtin) process.stdout.write(req.json ? JSON.stringify(builtin, null, 2) + '\n' : builtinText(builtin, sc.title, allAsExpected(builtin)));
    process.stderr.write(`ha-verify check: ${tlc.error.code}: ${tlc.error.message}\n  ${tlc.error.hint}\n`);
    return EXIT_MISMATCH;
  }
  const written = req.outDir !== undefined ? await writeTlcTraces(tlc, req.outDir, engine === 'both' ? '.tlc' : '') : { files: new Map<string, string>(), errors: [] };
  const summary = summarise(sc, tlc, written.files);
  let ok: boolean;
  if (!builtin) {
    ok = tlcAsExpected(summary);
    process.stdout.write(req.json ? JSON.stringify(summary, null, 2) + '\n' : tlcText(summary, sc.title));
  } else {
    const diff = disagreements(builtin, summary);
    ok = diff.length === 0 && allAsExpected(builtin) && tlcAsExpected(summary);
    if (req.json) {
      process.stdout.write(JSON.stringify({ scenario: sc.name, engine: 'both', agree: diff.length === 0, disagreements: diff, builtin, tlc: summary }, null, 2) + '\n');
    } else process.stdout.write(bothText(builtin, summary, sc.title, ok));
  }
  // The results are printed above; a trace that could not be written is said last, once.
  for (const e of written.errors) process.stderr.write(`ha-verify check: ${e}\n`);
  if (written.errors.length > 0) return EXIT_USAGE;
  return ok ? EXIT_OK : EXIT_MISMATCH;
}
