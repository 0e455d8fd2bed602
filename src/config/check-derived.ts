/**
 * Checks the derived model of a configuration pair: every property in
 * every run, and for each violation the shortest trace (ITF file, viewer
 * page, text story), the configuration lines that made it possible and
 * what would remove it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mnhaScenario } from '../../models/mnha/scenario-kit.js';
import { checkScenario, type PropertyVerdict } from '../explore/check-scenario.js';
import type { ItfTrace } from '../trace/index.js';
import { buildTraceView, textOfView, writeTraceHtml } from '../viewer/index.js';
import { FAULT_ADVICE, PROPERTY_ADVICE } from './advice.js';
import type { DerivedModel, ModelRun } from './derive-model.js';
import { linesOf, type LineRef, type Pair } from './pair-issues.js';
import type { NodeFile } from './read-node-file.js';

/** A fault or operator step of a trace, as the report names it. */
export interface TraceEvent {
  readonly step: number;
  readonly what: string;
  readonly remedy: string;
}

/** One property's verdict on the derived model, and for a violation what explains it. */
export interface Finding {
  readonly property: string;
  readonly kind: PropertyVerdict['kind'];
  readonly verdict: PropertyVerdict['verdict'];
  /** Held only because nothing reachable put it to the test. */
  readonly vacuous?: boolean;
  /** The run that found the violation. */
  readonly run?: ModelRun['name'];
  readonly meaning?: string;
  /** What else the other verdicts say about it (a documented risk, an inconclusive run). */
  readonly note?: string;
  /** The ITF trace and its viewer page. */
  readonly trace?: string;
  readonly page?: string;
  readonly traceLength?: number;
  /** The trace as text (`--text`). */
  readonly story?: string;
  /** The faults and operator acts the trace needs. */
  readonly events?: readonly TraceEvent[];
  /** The configuration lines that made it possible. */
  readonly lines: readonly LineRef[];
  /** What would remove it. */
  readonly remedies?: readonly string[];
}

/** Options of {@link checkDerived}. */
export interface CheckDerivedOptions {
  /** Where traces and pages go: `<dir>/config-<run>/<property>.itf.json` and `.html`. */
  readonly outDir: string;
  /** Keep each trace's text story in its finding. */
  readonly stories?: boolean;
  readonly signal?: AbortSignal;
  /** Called before each run and with the explorer's progress. */
  readonly onRun?: (run: ModelRun) => void;
}

/** The result of checking every run. */
export interface DerivedCheck {
  readonly findings: readonly Finding[];
  /** Distinct states per run, and whether each run finished. */
  readonly runs: readonly { readonly name: ModelRun['name']; readonly distinctStates: number; readonly complete: boolean; readonly durationMs: number }[];
}

/** The scenario name of a run (also its trace folder and MC module). */
export function runScenarioName(run: ModelRun): string {
  return `config-${run.name}`;
}

/**
 * Where a statement that is absent would have been: the model now checks
 * a node without a backup-signal-route as it is (hasBackupSignalRoute), so
 * a finding that bears on the route points at that node's SRG1 (where it
 * is missing) as well as at the route where it is configured.
 */
const ABSENT_AT: Readonly<Record<string, string>> = { 'srg1.backup-signal-route': 'srg1' };

/** The lines of `keys` on each node, an absent statement of {@link ABSENT_AT} standing for its place. */
function findingLines(nodes: readonly NodeFile[], keys: readonly string[]): LineRef[] {
  return nodes.flatMap((node) => linesOf([node], keys.map((key) => (node.sources[key] === undefined ? ABSENT_AT[key] ?? key : key))));
}

/** The step names of the transitions, by the action names traces record. */
type StepOf = ReadonlyMap<string, string>;

function eventsOf(trace: ItfTrace, stepOf: StepOf): TraceEvent[] {
  const out: TraceEvent[] = [];
  trace.states.forEach((state, index) => {
    const action = state['mbt::actionTaken'];
    const step = typeof action === 'string' ? stepOf.get(action) : undefined;
    const advice = step === undefined ? undefined : FAULT_ADVICE[step];
    if (advice !== undefined) out.push({ step: index, what: advice.what, remedy: advice.remedy });
  });
  return out;
}

function keysOfSteps(trace: ItfTrace, stepOf: StepOf): string[] {
  const keys: string[] = [];
  for (const state of trace.states) {
    const action = state['mbt::actionTaken'];
    const step = typeof action === 'string' ? stepOf.get(action) : undefined;
    for (const key of (step === undefined ? undefined : FAULT_ADVICE[step])?.keys ?? []) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

const RANK: Readonly<Record<PropertyVerdict['verdict'], number>> = { holds: 0, unknown: 1, violated: 2 };

/**
 * Does `a` say more than `b`: a worse verdict (violated over unknown over
 * holds), or a shorter trace of the same violation, or evidence (held and
 * put to the test) over a vacuous hold.
 */
function better(a: PropertyVerdict, b: PropertyVerdict | undefined): boolean {
  if (b === undefined) return true;
  if (RANK[a.verdict] !== RANK[b.verdict]) return RANK[a.verdict] > RANK[b.verdict];
  if (a.verdict === 'violated') return (a.traceLength ?? Infinity) < (b.traceLength ?? Infinity);
  return a.verdict === 'holds' && b.vacuous === true && a.vacuous !== true;
}

/**
 * What the other verdicts say about a violation: a split brain while
 * SplitBrainOnlyWithRouterFault holds is the documented one (MNHA.md
 * section 4), which needs the probe router to misbehave; any verdict of a
 * run whose search bound was hit is inconclusive.
 */
function noteOn(name: string, best: ReadonlyMap<string, { verdict: PropertyVerdict; run: ModelRun }>): string | undefined {
  const bound = best.get('IclWithinBound');
  if (name !== 'IclWithinBound' && bound?.verdict.verdict === 'violated') {
    return `the ${bound.run.name} run hit its bound on ICL messages (IclWithinBound is violated): verdicts of that run are inconclusive`;
  }
  if (name === 'NoSplitBrain' && best.get('SplitBrainOnlyWithRouterFault')?.verdict.verdict === 'holds') {
    return 'the documented split brain (MNHA.md section 4): SplitBrainOnlyWithRouterFault holds, so every split brain found needs the probe router to answer off its preferred path; without that fault (--faults without router) none is reachable';
  }
  return undefined;
}

/**
 * Runs every check of the derived model in turn (see the module comment).
 * A property's verdict is its worst over the runs: violated in one run is
 * violated, with that run's trace (the shortest when several find it).
 */
export async function checkDerived(pair: Pair, model: DerivedModel, options: CheckDerivedOptions): Promise<DerivedCheck> {
  const best = new Map<string, { verdict: PropertyVerdict; run: ModelRun; trace?: ItfTrace; stepOf: StepOf }>();
  const order: string[] = [];
  const runs: DerivedCheck['runs'][number][] = [];
  for (const run of model.runs) {
    if (options.signal?.aborted) break;
    options.onRun?.(run);
    const sc = mnhaScenario({ name: runScenarioName(run), title: run.purpose, description: run.purpose, params: run.params });
    const { report, traces, model: cm } = await checkScenario(sc, { outDir: options.outDir, ...(options.signal ? { signal: options.signal } : {}) });
    runs.push({ name: run.name, distinctStates: report.distinctStates, complete: report.complete, durationMs: report.durationMs });
    const stepOf = new Map<string, string>();
    for (const t of cm.transitions) {
      const origin = t.action.origin as { step?: string };
      if (origin.step !== undefined) stepOf.set(t.action.name, origin.step);
    }
    for (const p of report.properties) {
      if (!order.includes(p.name)) order.push(p.name);
      // as the explorer does with a trace, a page left by an earlier check of a property that now holds goes
      if (p.verdict === 'holds') await rm(join(options.outDir, runScenarioName(run), `${p.name}.html`), { force: true });
      if (better(p, best.get(p.name)?.verdict)) {
        const trace = traces.get(p.name);
        best.set(p.name, { verdict: p, run, stepOf, ...(trace === undefined ? {} : { trace }) });
      }
    }
  }
  const nodes = [pair.n1, pair.n2];
  const findings: Finding[] = [];
  for (const name of order) {
    const entry = best.get(name);
    if (entry === undefined) continue;
    const { verdict: p, run, trace, stepOf } = entry;
    const advice = PROPERTY_ADVICE[name];
    if (p.verdict !== 'violated') {
      findings.push({ property: name, kind: p.kind, verdict: p.verdict, ...(p.vacuous === true ? { vacuous: true } : {}), lines: [] });
      continue;
    }
    const events = trace === undefined ? [] : eventsOf(trace, stepOf);
    const keys = [...(advice?.keys ?? []), ...(trace === undefined ? [] : keysOfSteps(trace, stepOf))];
    const remedies = [...new Set([advice?.remedy, ...events.map((e) => e.remedy)].filter((r): r is string => r !== undefined))];
    let page: string | undefined;
    let story: string | undefined;
    if (p.trace !== undefined) {
      const written = await writeTraceHtml(p.trace, join(options.outDir, runScenarioName(run), `${name}.html`));
      if (written.ok) page = written.value;
    }
    if (options.stories === true && trace !== undefined) {
      const view = buildTraceView(trace);
      if (view.ok) story = textOfView(view.value, { color: false });
    }
    const note = noteOn(name, best);
    findings.push({
      property: name, kind: p.kind, verdict: p.verdict, run: run.name,
      ...(advice === undefined ? {} : { meaning: advice.meaning }),
      ...(note === undefined ? {} : { note }),
      ...(p.trace === undefined ? {} : { trace: p.trace }),
      ...(page === undefined ? {} : { page }),
      ...(p.traceLength === undefined ? {} : { traceLength: p.traceLength }),
      ...(story === undefined ? {} : { story }),
      events,
      lines: findingLines(nodes, keys),
      remedies,
    });
  }
  return { findings, runs };
}
