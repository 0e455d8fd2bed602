/**
 * The TLC engine of `ha-verify check --engine tlc|both`: exports the model
 * to a private folder, runs TLC on a scenario's MC files, and reports the
 * same things as the built-in engine (distinct states, a verdict per
 * property, counterexamples as ITF traces).
 *
 * TLC stops at the first violation it finds, and `-continue` does not
 * help for parity: for invariants it prints one trace per violating state
 * (thousands of traces for a split brain), and a liveness violation stops
 * TLC whatever `-continue` says (`LiveCheck`: "stop() ignores
 * TLCGlobals.continuation"). So the engine runs TLC again without each
 * property it found violated (and without the deadlock check once a
 * deadlock is found) until a run finishes with no violation: that last run
 * explores the whole state space with every remaining property, which
 * gives the distinct-state count and the "holds" verdicts. A scenario with
 * k violated properties takes k + 1 runs.
 *
 * Each run writes its counterexample with `-dumpTrace json`, which names
 * every action's parameters; it becomes the property's ITF trace. TLC
 * reports progress every 2 s, with `-lncheck final`: liveness is checked
 * once, on the complete graph, not on the partial graph at every report.
 * Stopped by the signal, the
 * time budget or the state limit, the engine still reports what it found,
 * marked incomplete. Its temporary folders go in every outcome.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { FlatModel, Property, Scenario } from '../model/index.js';
import {
  type TlcProgress, type TlcRun, type TlcViolation,
  locateTlc, makeTempDir, readDumpTraceFile, removeTempDir, runTlc,
} from '../tlc/index.js';
import type { ItfTrace } from '../trace/index.js';
import type {
  TlcCheckFailure, TlcCheckOptions, TlcCheckReport, TlcCheckResult, TlcPropertyVerdict, TlcStopReason,
} from './engine-tlc-types.js';
import { emitMcConfig, emitMcEnvironmentConfig, environmentOf, mcModuleName } from './emit-mc.js';
import { generateSpecs, prepareFamily } from './generate-specs.js';
import type { PreparedModule } from './prepare-module.js';
import { type RunFinding, checkFailure, readFinding } from './tlc-findings.js';
import { tlcDumpForModel, tlcTraceForModel } from './tlc-traces.js';

export type * from './engine-tlc-types.js';

/** TLC's progress interval when the caller does not choose one: `check` promises a line every 2 s. */
const DEFAULT_PROGRESS_SECONDS = 2;

/**
 * Model-checks one scenario with TLC (see the module comment). Fails in
 * one line, without running anything, when Java or the jar is missing
 * (`TLC_NOT_AVAILABLE`, with what to do).
 */
export async function checkWithTlc(scenarioName: string, opts: TlcCheckOptions): Promise<TlcCheckResult> {
  const started = Date.now();
  const env = opts.env ?? process.env;
  const located = await locateTlc({ env, ...(opts.jar !== undefined ? { jar: opts.jar } : {}), ...(opts.java !== undefined ? { java: opts.java } : {}) });
  if (!located.ok) return checkFailure(located.error.code, located.error.message, located.error.hint);

  const family = opts.family;
  const sc = family.scenarios.find((s) => s.name === scenarioName);
  if (!sc) {
    return checkFailure('TLC_UNKNOWN_SCENARIO', `no scenario '${scenarioName}'`, `use one of: ${family.scenarios.map((s) => s.name).join(', ')}`);
  }
  const generated = await generateSpecs(family, { countStates: false });
  if (!generated.ok) return { ok: false, error: generated.error };
  const prepared = prepareFamily(family);
  if (!prepared.ok) return { ok: false, error: prepared.error };
  const idx = family.scenarios.indexOf(sc);
  const { fm, properties } = prepared.value.built[idx];
  const module = prepared.value.modules[idx];

  const dir = await makeTempDir('ha-verify-tlc-spec-');
  try {
    for (const [name, content] of generated.value.files) await writeFile(join(dir, name), content, 'utf8');
    return await new TlcSession({ sc, fm, properties, module, dir, opts, env, started, jar: located.value.jar, java: located.value.java }).check();
  } finally {
    await removeTempDir(dir);
  }
}

interface SessionContext {
  readonly sc: Scenario;
  readonly fm: FlatModel;
  readonly properties: readonly Property[];
  readonly module: PreparedModule;
  readonly dir: string;
  readonly opts: TlcCheckOptions;
  readonly env: NodeJS.ProcessEnv;
  readonly started: number;
  readonly jar: string;
  readonly java: string;
}

/** One TLC run, and how it was stopped if it was. */
interface RunResult {
  readonly run: TlcRun;
  readonly dumpPath: string;
  readonly stopped?: TlcStopReason;
  readonly lastProgress?: TlcProgress;
}

/** The runs of one scenario: what is still to check, what was found violated. */
class TlcSession {
  private pending: { invariants: string[]; liveness: string[]; deadlock: boolean };
  /** Per stated environment, its liveness properties not yet found violated (checked against Spec<E>, after the main runs). */
  private readonly pendingEnv = new Map<string, string[]>();
  private readonly violated = new Map<string, ItfTrace | undefined>();
  private readonly notes: string[] = [];
  private runs = 0;
  private version: string | undefined;
  private readonly mc: string;

  constructor(private readonly ctx: SessionContext) {
    this.mc = mcModuleName(ctx.sc.name);
    this.pending = {
      invariants: ctx.properties.filter((p) => p.kind === 'invariant').map((p) => p.name),
      // TLC checks action properties as temporal properties (PROPERTIES): they are run alongside liveness
      liveness: ctx.properties.filter((p) => (p.kind === 'liveness' || p.kind === 'action') && environmentOf(p) === undefined).map((p) => p.name),
      deadlock: ctx.sc.checkDeadlock,
    };
    for (const p of ctx.properties) {
      const env = environmentOf(p);
      if (env !== undefined) this.pendingEnv.set(env, [...(this.pendingEnv.get(env) ?? []), p.name]);
    }
  }

  /** What is left of the time budget, if there is one. */
  private remainingMs(): number | undefined {
    const t = this.ctx.opts.timeoutMs;
    return t !== undefined ? t - (Date.now() - this.ctx.started) : undefined;
  }

  /** Why no further run may start, if so. */
  private cannotGoOn(): TlcStopReason | undefined {
    if (this.ctx.opts.signal?.aborted) return 'interrupted';
    const remaining = this.remainingMs();
    return remaining !== undefined && remaining <= 0 ? 'timeout' : undefined;
  }

  async check(): Promise<TlcCheckResult> {
    const limit = this.ctx.properties.length + 3;
    for (;;) {
      const cannot = this.cannotGoOn();
      if (cannot) return this.report({ stopped: cannot });
      if (this.runs >= limit) return checkFailure('TLC_RUN_FAILED', `TLC on ${this.mc}: no run finished clean after ${this.runs} runs`, 'report this with the scenario');
      const r = await this.runOnce(this.pending.invariants, this.pending.liveness, this.pending.deadlock);
      if ('ok' in r) return r;
      if (r.stopped) return this.stoppedReport(r, r.stopped);
      const finding = readFinding(r.run, this.mc, this.pending.liveness, this.ctx.jar);
      if ('ok' in finding) return finding;
      if (finding.kind === 'success') return (await this.checkEnvironments()) ?? this.report({ final: r.run });
      if (finding.kind === 'violations') {
        this.ctx.opts.onEvent?.({ kind: 'violation', run: this.runs, properties: finding.found.map((f) => f.name) });
        for (const f of finding.found) await this.record(f.name, f.v, r);
        continue;
      }
      // TLC said a temporal property was violated but not which: check each alone (no invariants, no deadlock check).
      const alone = await this.eachLivenessAlone(this.pending.liveness);
      if (alone) return alone;
      this.pending.liveness = [];
    }
  }

  /**
   * The liveness properties that state an environment, one run per
   * environment against its own specification, again until a run finds
   * nothing more. Undefined when all ran to the end.
   */
  private async checkEnvironments(): Promise<TlcCheckResult | undefined> {
    for (const env of this.pendingEnv.keys()) {
      for (;;) {
        const names = this.pendingEnv.get(env)!;
        if (names.length === 0) break;
        const cannot = this.cannotGoOn();
        if (cannot) return this.report({ stopped: cannot });
        const r = await this.runOnce([], names, false, env);
        if ('ok' in r) return r;
        if (r.stopped) return this.stoppedReport(r, r.stopped);
        const f = readFinding(r.run, this.mc, names, this.ctx.jar);
        if ('ok' in f) return f;
        if (f.kind === 'success') break;
        if (f.kind === 'violations') {
          this.ctx.opts.onEvent?.({ kind: 'violation', run: this.runs, properties: f.found.map((x) => x.name) });
          for (const x of f.found) await this.record(x.name, x.v, r);
        } else if (names.length === 1) {
          await this.record(names[0], f.v, r);
        } else {
          // which one TLC did not say: each alone
          const alone = await this.eachLivenessAlone(names, env);
          if (alone) return alone;
          this.pendingEnv.set(env, []);
        }
      }
    }
    return undefined;
  }

  /** Runs TLC on each of `names` alone (no invariants, no deadlock check), against Spec or an environment's spec. */
  private async eachLivenessAlone(names: readonly string[], environment?: string): Promise<TlcCheckResult | undefined> {
    for (const name of [...names]) {
      const r = await this.runOnce([], [name], false, environment);
      if ('ok' in r) return r;
      if (r.stopped) return this.stoppedReport(r, r.stopped);
      const cannot = this.cannotGoOn();
      if (cannot) return this.report({ stopped: cannot });
      const f: RunFinding | TlcCheckFailure = readFinding(r.run, this.mc, [name], this.ctx.jar);
      if ('ok' in f) return f;
      if (f.kind === 'violations') for (const x of f.found) await this.record(x.name, x.v, r);
      else if (f.kind === 'unattributed') await this.record(name, f.v, r);
    }
    return undefined;
  }

  /**
   * The report of a run stopped early. A violation TLC reported before it
   * was stopped is still a finding; its trace is kept only from a
   * `-dumpTrace` file that parses whole (the printed one may be cut short).
   */
  private async stoppedReport(r: RunResult, stopped: TlcStopReason): Promise<TlcCheckReport> {
    for (const v of r.run.output.violations) {
      const name = v.kind === 'invariant-violated' || v.kind === 'action-property-violated' ? v.name : v.kind === 'deadlock' ? 'Deadlock' : v.kind === 'property-violated' ? v.name : undefined;
      if (name !== undefined && name !== 'TypeOK') await this.record(name, v, r, false);
    }
    return this.report({ stopped, ...(r.lastProgress ? { progress: r.lastProgress } : {}) });
  }

  /** Runs TLC once on the properties given; stops it on the signal, the time budget or the state limit. */
  private async runOnce(invariants: readonly string[], liveness: readonly string[], deadlock: boolean, environment?: string): Promise<RunResult | TlcCheckFailure> {
    const { sc, fm, properties, module, dir, opts } = this.ctx;
    const run = ++this.runs;
    const config = join(dir, `${this.mc}.run${run}.cfg`);
    const dumpPath = join(dir, `${this.mc}.run${run}.trace.json`);
    const props = properties.filter((p) => invariants.includes(p.name) || liveness.includes(p.name));
    const info = { name: sc.name, title: sc.title, description: sc.description, checkDeadlock: deadlock };
    await writeFile(config, environment === undefined ? emitMcConfig(info, module, fm, props) : emitMcEnvironmentConfig(info, module, fm, props, environment), 'utf8');
    const remaining = this.remainingMs();
    const without = [...this.violated.keys()];
    opts.onEvent?.({ kind: 'run-started', run, checking: props.length + (deadlock ? 1 : 0), without, ...(environment !== undefined ? { environment } : {}) });
    // One controller for both ways this engine stops a run early: the caller's signal and the state limit.
    const stop = new AbortController();
    let reason: TlcStopReason | undefined;
    const onAbort = (): void => {
      reason ??= 'interrupted';
      stop.abort();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let lastProgress: TlcProgress | undefined;
    const runStarted = Date.now();
    try {
      const r = await runTlc({
        spec: join(dir, `${this.mc}.tla`),
        config,
        jar: this.ctx.jar,
        java: this.ctx.java,
        env: this.ctx.env,
        checkDeadlock: deadlock,
        dumpTrace: dumpPath,
        livenessCheck: 'final',
        progressIntervalSeconds: opts.progressIntervalSeconds ?? DEFAULT_PROGRESS_SECONDS,
        signal: stop.signal,
        ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
        ...(remaining !== undefined ? { timeoutMs: remaining } : {}),
        onProgress: (p) => {
          lastProgress = p;
          opts.onEvent?.({ kind: 'progress', run, progress: p, elapsedMs: Date.now() - runStarted });
          if (opts.maxStates !== undefined && (p.distinct ?? 0) >= opts.maxStates && !stop.signal.aborted) {
            reason = 'limit';
            stop.abort();
          }
        },
        onMessage: (m) => {
          if (m.code === 2192 && /complete state space/.test(m.body)) opts.onEvent?.({ kind: 'temporal-check', run });
        },
      });
      if (!r.ok) return { ok: false, error: r.error };
      this.version ??= r.value.output.version;
      const stopped = r.value.stopped === 'timeout' ? 'timeout' : r.value.stopped === 'aborted' ? (reason ?? 'interrupted') : undefined;
      return { run: r.value, dumpPath, ...(stopped ? { stopped } : {}), ...(lastProgress ? { lastProgress } : {}) };
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Records a violated property with its trace: TLC's `-dumpTrace` file, else (when `printed`) the trace it printed. */
  private async record(name: string, v: TlcViolation, r: RunResult, printed = true): Promise<void> {
    if (this.violated.has(name)) return;
    const kind = name === 'Deadlock' ? 'deadlock' : this.ctx.properties.find((p) => p.name === name)?.kind ?? 'invariant';
    const meta = { scenario: this.ctx.sc.name, property: name, kind } as const;
    let trace: ItfTrace | undefined;
    const dump = await readDumpTraceFile(r.dumpPath);
    const fromDump = dump.ok ? tlcDumpForModel(this.ctx.fm, dump.value, meta) : dump;
    if (fromDump.ok) trace = fromDump.value;
    else if (!printed) this.notes.push(`${name}: no trace, TLC was stopped while it wrote it (${fromDump.error.message})`);
    else if ('trace' in v) {
      const fromOutput = tlcTraceForModel(this.ctx.fm, v.trace, meta);
      if (fromOutput.ok) {
        trace = fromOutput.value;
        this.notes.push(`${name}: trace read from TLC's printed output (${fromDump.error.message})`);
      } else this.notes.push(`${name}: no trace (${fromDump.error.message}; ${fromOutput.error.message})`);
    }
    this.violated.set(name, trace);
    this.pending.invariants = this.pending.invariants.filter((n) => n !== name);
    this.pending.liveness = this.pending.liveness.filter((n) => n !== name);
    for (const [env, names] of this.pendingEnv) this.pendingEnv.set(env, names.filter((n) => n !== name));
    if (name === 'Deadlock') this.pending.deadlock = false;
  }

  /** The report: complete from the run that finished clean, else what is known when stopped. */
  private report(end: { final: TlcRun } | { stopped: TlcStopReason; progress?: TlcProgress }): TlcCheckReport {
    const complete = 'final' in end;
    const stats = complete ? end.final.output.stats : {};
    const progress = complete ? undefined : end.progress;
    return {
      ok: true,
      scenario: this.ctx.sc.name,
      engine: 'tlc',
      complete,
      ...(complete ? {} : { stopReason: end.stopped }),
      distinctStates: stats.distinct ?? progress?.distinct ?? 0,
      generatedStates: stats.generated ?? progress?.generated ?? 0,
      depth: stats.depth ?? progress?.depth ?? 0,
      durationMs: Date.now() - this.ctx.started,
      runs: this.runs,
      ...(this.version !== undefined ? { tlcVersion: this.version } : {}),
      properties: this.verdicts(complete),
      notes: this.notes,
    };
  }

  private verdicts(complete: boolean): TlcPropertyVerdict[] {
    const one = (name: string, kind: TlcPropertyVerdict['kind']): TlcPropertyVerdict => {
      const trace = this.violated.get(name);
      const verdict = this.violated.has(name) ? 'violated' : complete ? 'holds' : 'unknown';
      return { name, kind, verdict, ...(trace ? { trace } : {}) };
    };
    const out = this.ctx.properties.map((p) => one(p.name, p.kind));
    if (this.ctx.sc.checkDeadlock) out.push(one('Deadlock', 'deadlock'));
    return out;
  }
}
