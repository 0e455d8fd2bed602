/**
 * The report of `ha-verify config` as data (what `--json` prints): the two
 * nodes, the derived parameters, every property's finding and the warnings.
 */
import type { MnhaConfig } from '../impl/index.js';
import type { DerivedCheck, Finding } from './check-derived.js';
import type { Decision, DerivedModel, FaultName, ModelRun } from './derive-model.js';
import type { LineRef, Pair, PairIssue } from './pair-issues.js';

/** One node as the report shows it. */
export interface NodeSummary {
  readonly file: string;
  readonly localId: number;
  readonly lines: number;
  /** Statements outside high-availability and its companions, not read. */
  readonly notRead: number;
  readonly config: MnhaConfig;
}

/** Everything `ha-verify config --json` prints. */
export interface ConfigReport {
  readonly nodes: { readonly n1: NodeSummary; readonly n2: NodeSummary };
  readonly derived: {
    readonly params: DerivedModel['params'];
    readonly runs: readonly (ModelRun & { readonly distinctStates?: number; readonly complete?: boolean; readonly durationMs?: number })[];
    readonly decisions: readonly Decision[];
    readonly possibleFaults: readonly FaultName[];
    readonly faults: readonly FaultName[];
  };
  readonly findings: readonly Finding[];
  readonly warnings: readonly { readonly code: string; readonly message: string; readonly lines: readonly LineRef[] }[];
  readonly violations: number;
  /** Whether every run explored every reachable state. */
  readonly complete: boolean;
}

function summary(node: Pair['n1']): NodeSummary {
  return { file: node.path, localId: node.config.localId, lines: node.lineCount, notRead: node.ignoredLines, config: node.config };
}

/**
 * Assembles the report. Warnings are the pair checks' warnings, the
 * derivation's (approximations), each file's notes (deactivated
 * statements, SRGs not modelled) and the count of statements not read, in
 * that order.
 */
export function buildConfigReport(pair: Pair, model: DerivedModel, check: DerivedCheck, pairWarnings: readonly PairIssue[]): ConfigReport {
  const notes = [pair.n1, pair.n2].flatMap((node) => node.notes.map((n) => ({
    code: n.code ?? 'note', message: `${node.path}${n.line === null ? '' : ` line ${n.line}`}: ${n.message}`,
    lines: n.line === null ? [] : [{ file: node.path, line: n.line }],
  })));
  // what the reader skipped is said, not hidden: a statement outside high-availability may matter to the network
  const outside = [pair.n1, pair.n2].filter((node) => node.ignoredLines > 0).map((node) => ({
    code: 'outside-ha',
    message: `${node.path}: ${node.ignoredLines} statement${node.ignoredLines === 1 ? '' : 's'} outside high-availability (and the IKE, IPsec, lo0 and policy statements it uses) not read; the model takes nothing from them`,
    lines: [],
  }));
  const strip = (i: PairIssue) => ({ code: i.code, message: i.message, lines: i.lines });
  const runs = model.runs.map((run) => {
    const r = check.runs.find((x) => x.name === run.name);
    return r === undefined ? run : { ...run, distinctStates: r.distinctStates, complete: r.complete, durationMs: r.durationMs };
  });
  return {
    nodes: { n1: summary(pair.n1), n2: summary(pair.n2) },
    derived: { params: model.params, runs, decisions: model.decisions, possibleFaults: model.possibleFaults, faults: model.faults },
    findings: check.findings,
    warnings: [...pairWarnings.map(strip), ...model.warnings.map(strip), ...notes, ...outside],
    violations: check.findings.filter((f) => f.verdict === 'violated').length,
    complete: check.runs.length === model.runs.length && check.runs.every((r) => r.complete),
  };
}
