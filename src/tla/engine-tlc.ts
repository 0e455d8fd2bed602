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
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FlatModel, Property, Scenario } from '../model/index.js';
import {
  type TlcErrorCode, type TlcOutput, type TlcProgress, type TlcRun, type TlcViolation,
  describeTlcOutcome, locateTlc, runTlc,
} from '../tlc/index.js';
import type { ItfTrace } from '../trace/index.js';
import { emitMcConfig, mcModuleName } from './emit-mc.js';
import type { TlaErrorCode } from './errors.js';
import { type SpecFamily, generateSpecs, prepareFamily } from './generate-specs.js';
import type { PreparedModule } from './prepare-module.js';
import { tlcTraceForModel } from './tlc-traces.js';

/** Options of {@link checkWithTlc}. */
export interface TlcCheckOptions {
  /** tla2tools.jar; default `TLA2TOOLS_JAR`. */
  readonly jar?: string;
  /** The java executable; default the one on `PATH` (then `JAVA_HOME`). */
  readonly java?: string;
  /** TLC worker threads (`-workers`); default 1. */
  readonly workers?: number | 'auto';
  /** Budget for all TLC runs together, in milliseconds. */
  readonly timeoutMs?: number;
  /** Aborting ends the TLC run under way (wire Ctrl-C to it). */
  readonly signal?: AbortSignal;
  /** Every progress report of every TLC run, with the run's number (1-based). */
  readonly onProgress?: (progress: TlcProgress, run: number) => void;
  /** The model family the scenario belongs to (e.g. MNHA_FAMILY from models/spec-families.ts). */
  readonly family: SpecFamily;
  /** Environment for finding Java and the jar, and for TLC; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The verdict of one property, as TLC found it. */
export interface TlcPropertyVerdict {
  readonly name: string;
  readonly kind: 'invariant' | 'liveness' | 'deadlock';
  readonly verdict: 'holds' | 'violated' | 'unknown';
  /** The counterexample, when violated. */
  readonly trace?: ItfTrace;
}

/** What TLC found for a scenario. */
export interface TlcCheckReport {
  readonly ok: true;
  readonly scenario: string;
  readonly engine: 'tlc';
  /** Distinct states of the whole state space (from the run that finished with no violation). */
  readonly distinctStates: number;
  /** States TLC generated in that run (TLC counts differently from the built-in engine). */
  readonly generatedStates: number;
  /** Depth of TLC's breadth-first search (its "depth of the complete state graph search"). */
  readonly depth: number;
  /** Wall time of all runs. */
  readonly durationMs: number;
  /** How many times TLC ran (1 + the number of violations found). */
  readonly runs: number;
  /** TLC's version line, e.g. `2026.11.25.140829`. */
  readonly tlcVersion?: string;
  /** Every property of the scenario in its declared order, then `Deadlock` when the scenario checks it. */
  readonly properties: readonly TlcPropertyVerdict[];
}

/** Stable codes of {@link checkWithTlc} failures. */
export type TlcCheckErrorCode =
  | TlcErrorCode
  | TlaErrorCode
  /** No scenario of that name. */
  | 'TLC_UNKNOWN_SCENARIO'
  /** TLC ran but did not model-check (parse, semantic, configuration or evaluation error). */
  | 'TLC_RUN_FAILED'
  /** TypeOK was violated: a variable left its domain (the built-in engine reports this as a model error). */
  | 'TLC_TYPE_VIOLATION'
  /** The time budget ran out or the run was aborted. */
  | 'TLC_STOPPED';

/** Why {@link checkWithTlc} could not give verdicts. */
export interface TlcCheckFailure {
  readonly ok: false;
  readonly error: {
    readonly code: TlcCheckErrorCode;
    /** One line saying what is wrong. */
    readonly message: string;
    /** One line saying what to do. */
    readonly hint: string;
  };
}

/** Result of {@link checkWithTlc}. */
export type TlcCheckResult = TlcCheckReport | TlcCheckFailure;

function fail(code: TlcCheckErrorCode, message: string, hint: string): TlcCheckFailure {
  return { ok: false, error: { code, message, hint } };
}

/** The names TLC gives in `Temporal properties A, B, and C were violated.` (TLC's parser keeps only one). */
function violatedPropertyNames(output: TlcOutput): string[] {
  for (const item of output.items) {
    if (item.kind !== 'message' || item.code !== 2116) continue;
    const one = /Temporal property (\S+) was violated/.exec(item.body);
    if (one) return [one[1]];
    const many = /Temporal properties (.+) were violated/.exec(item.body);
    if (many) return many[1].split(/,? and |, /).map((s) => s.trim()).filter(Boolean);
  }
  return [];
}

/** What one TLC run says about the properties it checked. */
type RunFinding =
  | { readonly kind: 'success' }
  | { readonly kind: 'violations'; readonly found: readonly { readonly name: string; readonly v: TlcViolation }[] }
  /** A liveness violation TLC did not attribute to a property. */
  | { readonly kind: 'unattributed'; readonly v: TlcViolation };

interface Pending {
  invariants: string[];
  liveness: string[];
  deadlock: boolean;
}

/**
 * Model-checks one scenario with TLC (see the module comment). Fails in
 * one line, without running anything, when Java or the jar is missing
 * (`TLC_NOT_AVAILABLE`, with what to do).
 */
export async function checkWithTlc(scenarioName: string, opts: TlcCheckOptions): Promise<TlcCheckResult> {
  const started = Date.now();
  const env = opts.env ?? process.env;
  const located = await locateTlc({ env, ...(opts.jar !== undefined ? { jar: opts.jar } : {}), ...(opts.java !== undefined ? { java: opts.java } : {}) });
  if (!located.ok) return { ok: false, error: { code: located.error.code, message: located.error.message, hint: located.error.hint } };

  const family = opts.family;
  const sc = family.scenarios.find((s) => s.name === scenarioName);
  if (!sc) {
    return fail('TLC_UNKNOWN_SCENARIO', `no scenario '${scenarioName}'`, `use one of: ${family.scenarios.map((s) => s.name).join(', ')}`);
  }
  const generated = await generateSpecs(family, { countStates: false });
  if (!generated.ok) return { ok: false, error: generated.error };
  const prepared = prepareFamily(family);
  if (!prepared.ok) return { ok: false, error: prepared.error };
  const idx = family.scenarios.indexOf(sc);
  const { fm, properties } = prepared.value.built[idx];
  const module = prepared.value.modules[idx];

  const dir = await mkdtemp(join(tmpdir(), 'ha-verify-tlc-spec-'));
  try {
    for (const [name, content] of generated.value.files) await writeFile(join(dir, name), content, 'utf8');
    return await runUntilDone({ sc, fm, properties, module, dir, opts, env, started, jar: located.value.jar, java: located.value.java });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface RunContext {
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

async function runUntilDone(ctx: RunContext): Promise<TlcCheckResult> {
  const { sc, fm, properties, module, dir, opts } = ctx;
  const mc = mcModuleName(sc.name);
  const pending: Pending = {
    invariants: properties.filter((p) => p.kind === 'invariant').map((p) => p.name),
    liveness: properties.filter((p) => p.kind === 'liveness').map((p) => p.name),
    deadlock: sc.checkDeadlock,
  };
  const violated = new Map<string, ItfTrace | undefined>();
  let runs = 0;
  let version: string | undefined;
  const info = { name: sc.name, title: sc.title, description: sc.description, checkDeadlock: sc.checkDeadlock };

  const runOnce = async (invariants: readonly string[], liveness: readonly string[], deadlock: boolean): Promise<TlcRun | TlcCheckFailure> => {
    runs++;
    const config = join(dir, `${mc}.run${runs}.cfg`);
    const props = properties.filter((p) => invariants.includes(p.name) || liveness.includes(p.name));
    await writeFile(config, emitMcConfig({ ...info, checkDeadlock: deadlock }, module, fm, props), 'utf8');
    const remaining = opts.timeoutMs !== undefined ? opts.timeoutMs - (Date.now() - ctx.started) : undefined;
    if (remaining !== undefined && remaining <= 0) return fail('TLC_STOPPED', `TLC ran out of time after ${runs - 1} run(s)`, 'give it more time (--timeout)');
    const run = runs;
    const r = await runTlc({
      spec: join(dir, `${mc}.tla`),
      config,
      jar: ctx.jar,
      java: ctx.java,
      env: ctx.env,
      checkDeadlock: deadlock,
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      ...(remaining !== undefined ? { timeoutMs: remaining } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: (p: TlcProgress) => opts.onProgress!(p, run) } : {}),
    });
    if (!r.ok) return { ok: false, error: r.error };
    if (r.value.stopped) {
      return fail('TLC_STOPPED', `TLC was stopped (${r.value.stopped === 'timeout' ? 'out of time' : 'aborted'}) during run ${run}`, r.value.stopped === 'timeout' ? 'give it more time (--timeout)' : 'run it again');
    }
    version ??= r.value.output.version;
    return r.value;
  };

  const classify = (out: TlcOutput): RunFinding | TlcCheckFailure => {
    const o = out.outcome;
    if (o.kind === 'success') return { kind: 'success' };
    const vs = out.violations.length > 0 ? out.violations : [];
    if (vs.length === 0) {
      return fail('TLC_RUN_FAILED', `TLC on ${mc}: ${describeTlcOutcome(o)}`, 'run TLC on the exported spec by hand to see its full output (ha-verify export, then specs/)');
    }
    const found: { name: string; v: TlcViolation }[] = [];
    for (const v of vs) {
      if (v.kind === 'invariant-violated') {
        if (v.name === 'TypeOK') {
          return fail('TLC_TYPE_VIOLATION', `TLC on ${mc}: TypeOK is violated (a variable leaves its domain)`, 'the model assigns a value outside a declared domain: run the built-in engine for the trace');
        }
        found.push({ name: v.name, v });
      } else if (v.kind === 'deadlock') found.push({ name: 'Deadlock', v });
      else if (v.kind === 'property-violated') {
        const names = v.name !== undefined ? [v.name] : violatedPropertyNames(out);
        if (names.length === 0 && pending.liveness.length === 1) names.push(pending.liveness[0]);
        if (names.length === 0) return { kind: 'unattributed', v };
        for (const n of names) found.push({ name: n, v });
      } else {
        return fail('TLC_RUN_FAILED', `TLC on ${mc}: ${describeTlcOutcome(v)}`, 'the exported spec has a property the model does not declare: report this');
      }
    }
    return { kind: 'violations', found };
  };

  const record = (name: string, v: TlcViolation): void => {
    if (violated.has(name)) return;
    const kind = name === 'Deadlock' ? 'deadlock' : pending.liveness.includes(name) ? 'liveness' : 'invariant';
    const trace = 'trace' in v ? tlcTraceForModel(fm, v.trace, { scenario: sc.name, property: name, kind }) : undefined;
    violated.set(name, trace?.ok ? trace.value : undefined);
    pending.invariants = pending.invariants.filter((n) => n !== name);
    pending.liveness = pending.liveness.filter((n) => n !== name);
    if (name === 'Deadlock') pending.deadlock = false;
  };

  const limit = properties.length + 3;
  for (;;) {
    if (runs >= limit) return fail('TLC_RUN_FAILED', `TLC on ${mc}: no run finished clean after ${runs} runs`, 'report this with the scenario');
    const r = await runOnce(pending.invariants, pending.liveness, pending.deadlock);
    if ('ok' in r) return r;
    const finding = classify(r.output);
    if ('ok' in finding) return finding;
    if (finding.kind === 'success') {
      const stats = r.output.stats;
      return {
        ok: true,
        scenario: sc.name,
        engine: 'tlc',
        distinctStates: stats.distinct ?? 0,
        generatedStates: stats.generated ?? 0,
        depth: stats.depth ?? 0,
        durationMs: Date.now() - ctx.started,
        runs,
        ...(version !== undefined ? { tlcVersion: version } : {}),
        properties: verdicts(properties, sc.checkDeadlock, violated),
      };
    }
    if (finding.kind === 'violations') {
      for (const f of finding.found) record(f.name, f.v);
      continue;
    }
    // TLC said a temporal property was violated but not which: check each alone (no invariants, no deadlock check).
    for (const name of [...pending.liveness]) {
      const alone = await runOnce([], [name], false);
      if ('ok' in alone) return alone;
      const f = classify(alone.output);
      if ('ok' in f) return f;
      if (f.kind === 'violations') for (const x of f.found) record(x.name, x.v);
      else if (f.kind === 'unattributed') record(name, f.v);
    }
    pending.liveness = [];
  }
}

function verdicts(properties: readonly Property[], deadlock: boolean, violated: ReadonlyMap<string, ItfTrace | undefined>): TlcPropertyVerdict[] {
  const out: TlcPropertyVerdict[] = properties.map((p) => {
    const trace = violated.get(p.name);
    return { name: p.name, kind: p.kind, verdict: violated.has(p.name) ? 'violated' : 'holds', ...(trace ? { trace } : {}) };
  });
  if (deadlock) {
    const trace = violated.get('Deadlock');
    out.push({ name: 'Deadlock', kind: 'deadlock', verdict: violated.has('Deadlock') ? 'violated' : 'holds', ...(trace ? { trace } : {}) });
  }
  return out;
}
