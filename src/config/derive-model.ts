/**
 * A configuration pair as model parameters (issue 13, "Derived model"):
 * what each parameter is and which lines say so, the fault classes the
 * configuration makes possible, and the checks to run. Where the model has
 * one switch for the pair and the configuration sets it per node, the
 * choice made is the one that hides no risk, and a warning says what the
 * model then does differently from the pair.
 */
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';
import { issue, linesOf, type LineRef, type Pair, type PairIssue } from './pair-issues.js';
import type { NodeFile } from './read-node-file.js';

/** A fault class of the model, or an operator's manual failover (the model's `manualFailover`). */
export type FaultName = MnhaParams['faults'][number] | 'manualFailover';

/** Every fault name, in the order they are listed. */
export const FAULT_NAMES: readonly FaultName[] = ['icl', 'crash', 'srg1Monitor', 'srg0Monitor', 'router', 'probeLoss', 'manualFailover'];

/** One derived parameter: its value, the lines it comes from and why. */
export interface Decision {
  readonly parameter: string;
  readonly value: string;
  readonly lines: readonly LineRef[];
  readonly why: string;
}

/** One exploration of the derived model. */
export interface ModelRun {
  readonly name: 'control' | 'sessions' | 'ipsec';
  readonly purpose: string;
  readonly params: MnhaParams;
}

/** The pair as the model sees it. */
export interface DerivedModel {
  /** The parameters of the main run (SRG1 control plane, every fault asked for). */
  readonly params: MnhaParams;
  readonly runs: readonly ModelRun[];
  readonly decisions: readonly Decision[];
  /** Every fault class the configuration makes possible. */
  readonly possibleFaults: readonly FaultName[];
  /** Those considered (all possible ones unless narrowed). */
  readonly faults: readonly FaultName[];
  readonly warnings: readonly PairIssue[];
}

/** What the user chooses besides the configuration (the release's behaviour, the routers). */
export interface DeriveOptions {
  readonly faults?: readonly FaultName[];
  readonly iclLossAtActive?: MnhaParams['iclLossAtActive'];
  readonly routeConvergence?: MnhaParams['routeConvergence'];
  readonly tieBreak?: MnhaParams['tieBreak'];
}

/** The answer of {@link deriveModel}: the model, or one line saying which asked-for fault the pair cannot have. */
export type DeriveResult = { readonly ok: true; readonly model: DerivedModel } | { readonly ok: false; readonly error: string };

const both = (pair: Pair): NodeFile[] => [pair.n1, pair.n2];
const onOff = (b: boolean): string => (b ? 'on' : 'off');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Why each fault class is possible (or not), from the configuration. */
function possibleFaults(pair: Pair): { faults: FaultName[]; decisions: Decision[] } {
  const nodes = both(pair);
  const srg1Monitors = nodes.some((n) => n.config.srg1.monitoring.monitors.length > 0);
  const srg0Monitors = nodes.some((n) => n.config.srg0.monitoring.monitors.length > 0);
  const reasons: [FaultName, boolean, string[], string][] = [
    ['icl', true, ['peer-ip', 'peer.interface'], 'the ICL (peer-ip) can go down'],
    ['crash', true, ['local-id'], 'either node can crash and reboot'],
    ['srg1Monitor', srg1Monitors, ['srg1.monitor'], srg1Monitors ? "SRG1's monitors can reach their threshold" : 'no SRG1 monitor is configured, so SRG1 never fails on a monitor'],
    ['srg0Monitor', srg0Monitors, ['srg0.monitor'], srg0Monitors ? "SRG0's monitors can reach their threshold" : 'no SRG0 monitor is configured, so SRG0 never isolates on a monitor'],
    ['router', true, ['srg1.activeness-probe'], 'the probe router can answer a probe off its preferred path'],
    ['probeLoss', true, ['srg1.activeness-probe'], 'activeness probes or their answers can be lost'],
    ['manualFailover', true, [], 'an operator can request a failover (request chassis high-availability failover)'],
  ];
  return {
    faults: reasons.filter(([, possible]) => possible).map(([name]) => name),
    decisions: reasons.map(([name, possible, keys, why]) => ({ parameter: `fault ${name}`, value: possible ? 'possible' : 'not possible', lines: linesOf(nodes, keys), why })),
  };
}

/**
 * The model's one preemption switch from the two nodes' settings.
 * Preemption is the act of the higher-priority node taking activeness back
 * (MNHA.md section 5; the implementation's `preemptedBy` reads the
 * backup's own setting), so when both priorities are set and differ the
 * switch is that node's setting, which is exactly what the pair does: the
 * lower node's setting never acts. When they do not differ, preemption
 * never acts either way, and the switch is on if either node has it.
 */
export function preemptionOf(pair: Pair): { readonly on: boolean; readonly decidedBy: NodeFile | null } {
  const { n1, n2 } = pair;
  const [p1, p2] = [n1.config.srg1.activenessPriority, n2.config.srg1.activenessPriority];
  if (p1 !== null && p2 !== null && p1 !== p2) {
    const higher = p1 > p2 ? n1 : n2;
    return { on: higher.config.srg1.preemption, decidedBy: higher };
  }
  return { on: n1.config.srg1.preemption || n2.config.srg1.preemption, decidedBy: null };
}

/** The per-node settings the model holds as one switch, with the warning that says how. */
function approximations(pair: Pair, preemption: ReturnType<typeof preemptionOf>): PairIssue[] {
  const out: PairIssue[] = [];
  const { n1, n2 } = pair;
  const [e1, e2] = [n1.config.srg1.preemption, n2.config.srg1.preemption];
  if (e1 !== e2) {
    const withIt = e1 ? n1 : n2;
    const without = e1 ? n2 : n1;
    const how = preemption.decidedBy === null
      ? 'the priorities do not differ, so preemption never acts and the model\'s switch (on) changes nothing'
      : preemption.decidedBy === withIt
        ? `preemption is the act of the higher-priority node, which has it: the model's one switch is taken as on, which is exact (the other node's setting would only act if the priorities were swapped)`
        : `preemption is the act of the higher-priority node (${without.path}), which does not have it: the model's one switch is taken as off, which is exact: this pair never preempts`;
    out.push(issue('warning', 'preemption-on-one-node', [{ node: withIt, key: 'srg1.preemption' }, { node: without, key: 'srg1' }],
      `preemption is configured on one node only; ${how}; configure it on both nodes (or neither) so that the behaviour does not depend on which node has the higher priority`));
  }
  for (const [srg, label] of [['srg0', 'SRG0'], ['srg1', 'SRG1']] as const) {
    const [m1, m2] = [n1.config[srg].monitoring.monitors.length > 0, n2.config[srg].monitoring.monitors.length > 0];
    if (m1 !== m2) {
      const withIt = m1 ? n1 : n2;
      const without = m1 ? n2 : n1;
      out.push(issue('warning', `${srg}-monitors-on-one-node`, [{ node: withIt, key: `${srg}.monitor` }, { node: without, key: srg }],
        `${label} monitors are configured on one node only; the model lets ${label} fail on either node (more than this pair can do), so a finding whose trace fails ${label} on ${without.path}'s node cannot happen as configured; monitor the same objects on both nodes`));
    }
  }
  return out;
}

/**
 * The per-node `hasBackupSignalRoute` of the model: a node whose SRG1 has
 * no backup-signal-route installs none as backup and advertises the
 * default (low), which the model reproduces (MNHA.md section 2).
 */
export function backupSignalRoutesOf(pair: Pair): MnhaParams['hasBackupSignalRoute'] {
  return { n1: pair.n1.config.srg1.backupSignalRoute !== null, n2: pair.n2.config.srg1.backupSignalRoute !== null };
}

/**
 * A backup-signal-route missing on one node or both: exact in the model,
 * but worth a warning, since it changes what the routers see.
 */
function backupRouteWarnings(pair: Pair): PairIssue[] {
  const out: PairIssue[] = [];
  const { n1, n2 } = pair;
  const AS_MODELLED = 'the model reproduces this (hasBackupSignalRoute), so the findings below include what it leads to';
  for (const [self, other, name] of [[n1, n2, 'n1'], [n2, n1, 'n2']] as const) {
    if (self.config.srg1.backupSignalRoute === null && other.config.srg1.backupSignalRoute !== null) {
      out.push(issue('warning', 'backup-signal-route-on-one-node', [{ node: other, key: 'srg1.backup-signal-route' }, { node: self, key: 'srg1' }],
        `backup-signal-route is missing on ${self.path}: as backup that node advertises the default (low) preference, not medium, the same as a node in hold or an ineligible one, so the routers choose between it and such a peer by their own tie-break; ${AS_MODELLED} (${name} false); add the backup-signal-route (and a policy that tests it) on both nodes`));
    }
  }
  if (n1.config.srg1.backupSignalRoute === null && n2.config.srg1.backupSignalRoute === null) {
    out.push(issue('warning', 'backup-signal-route-missing', [{ node: n1, key: 'srg1' }, { node: n2, key: 'srg1' }],
      `no backup-signal-route on either node: a backup advertises the default (low) preference, not medium, the same as a node in hold or an ineligible one, so the routers choose between it and such a peer by their own tie-break; ${AS_MODELLED} (false on both nodes); configure backup-signal-route on both nodes`));
  }
  return out;
}

/** Turns a configuration pair into model parameters (see the module comment). */
export function deriveModel(pair: Pair, options: DeriveOptions = {}): DeriveResult {
  const nodes = both(pair);
  const { n1, n2 } = pair;
  const possible = possibleFaults(pair);
  const asked = options.faults ?? possible.faults;
  for (const fault of asked) {
    if (!possible.faults.includes(fault)) {
      const why = possible.decisions.find((d) => d.parameter === `fault ${fault}`)?.why ?? 'not a fault class of the model';
      return { ok: false, error: `--faults ${fault}: not possible with this pair (${why})` };
    }
  }
  const faults = FAULT_NAMES.filter((f) => asked.includes(f));
  const modelFaults = faults.filter((f): f is MnhaParams['faults'][number] => f !== 'manualFailover');
  const preempt = preemptionOf(pair);
  const preemption = preempt.on;
  const priority = { n1: n1.config.srg1.activenessPriority ?? 0, n2: n2.config.srg1.activenessPriority ?? 0 };
  const ipsec = n1.config.srg1.ipsec || n2.config.srg1.ipsec;
  const params: MnhaParams = {
    ...DEFAULT_PARAMS,
    localId: { n1: n1.config.localId, n2: n2.config.localId },
    priority,
    hasBackupSignalRoute: backupSignalRoutesOf(pair),
    preemption,
    manualFailover: faults.includes('manualFailover'),
    ipsec: false,
    sessions: 0,
    faults: modelFaults,
    iclLossAtActive: options.iclLossAtActive ?? DEFAULT_PARAMS.iclLossAtActive,
    routeConvergence: options.routeConvergence ?? DEFAULT_PARAMS.routeConvergence,
    tieBreak: options.tieBreak ?? DEFAULT_PARAMS.tieBreak,
  };
  const runs: ModelRun[] = [{ name: 'control', purpose: 'SRG1 activeness under every fault considered', params }];
  // Sessions and IPsec each multiply the state space: they get runs of their own with the faults
  // that move them (as the project's sessions and ipsec scenarios do), so the whole stays in seconds.
  const sessionFaults = modelFaults.filter((f) => f === 'icl' || f === 'srg0Monitor');
  runs.push({ name: 'sessions', purpose: 'one SRG0 flow session under ICL and SRG0-monitor faults', params: { ...params, sessions: 1, manualFailover: false, faults: sessionFaults } });
  if (ipsec) {
    const ipsecFaults = modelFaults.filter((f) => f === 'icl' || f === 'crash');
    runs.push({ name: 'ipsec', purpose: 'IKE and SA synchronisation on SRG1 under ICL and crash faults', params: { ...params, ipsec: true, faults: ipsecFaults } });
  }
  const decisions: Decision[] = [
    { parameter: 'localId', value: `n1 ${params.localId.n1}, n2 ${params.localId.n2}`, lines: linesOf(nodes, ['local-id']), why: 'local-id of each file (n1 is the first file)' },
    { parameter: 'priority', value: `n1 ${priority.n1}, n2 ${priority.n2}`, lines: linesOf(nodes, ['srg1.activeness-priority']), why: 'SRG1 activeness-priority; 0 where it is not configured' },
    {
      parameter: 'preemption', value: onOff(preemption), lines: linesOf(nodes, ['srg1.preemption']),
      why: n1.config.srg1.preemption === n2.config.srg1.preemption ? 'SRG1 preemption, the same on both nodes'
        : preempt.decidedBy === null ? 'configured on one node only, and the priorities do not differ: it never acts'
          : `configured on one node only: the setting of the higher-priority node (${preempt.decidedBy.path}), the one that would preempt`,
    },
    { parameter: 'signal routes', value: nodes.map((n, i) => `n${i + 1} active ${n.config.srg1.activeSignalRoute ?? 'none'}, backup ${n.config.srg1.backupSignalRoute ?? 'none'}`).join('; '), lines: linesOf(nodes, ['srg1.active-signal-route', 'srg1.backup-signal-route']), why: 'active: the active node advertises high; backup: the backup advertises medium, where there is one (hasBackupSignalRoute)' },
    {
      parameter: 'hasBackupSignalRoute', value: `n1 ${yesNo(params.hasBackupSignalRoute.n1)}, n2 ${yesNo(params.hasBackupSignalRoute.n2)}`,
      // a node without the route is shown by its SRG1's first line: where the statement would be
      lines: nodes.flatMap((n) => linesOf([n], [n.config.srg1.backupSignalRoute === null ? 'srg1' : 'srg1.backup-signal-route'])),
      why: params.hasBackupSignalRoute.n1 && params.hasBackupSignalRoute.n2 ? 'backup-signal-route configured on both nodes: a backup advertises medium'
        : 'backup-signal-route configured on the nodes marked yes; a backup without one advertises the default (low), as the model does',
    },
    { parameter: 'ipsec', value: onOff(ipsec), lines: linesOf(nodes, ['srg1.managed-services']), why: ipsec ? 'managed-services ipsec on SRG1: checked in the ipsec run' : 'no managed-services ipsec on SRG1' },
    { parameter: 'sessions', value: '1 (sessions run)', lines: linesOf(nodes, ['srg0']), why: 'SRG0 is configured: one flow session stands for every session (each session is independent of the others)' },
    { parameter: 'iclLossAtActive', value: params.iclLossAtActive, lines: [], why: 'not in the configuration: it depends on the Junos release (withdraw: the documentation\'s reading; --icl-loss keep-and-probe for later releases)' },
    { parameter: 'routeConvergence', value: params.routeConvergence, lines: [], why: 'not in the configuration: the routers\' convergence (--route-convergence async lets them lag)' },
    { parameter: 'tieBreak', value: params.tieBreak, lines: [], why: 'not in the configuration: the node the routers prefer on equal preference is set on the routers (--tie-break)' },
    ...possible.decisions,
  ];
  const warnings = [...approximations(pair, preempt), ...backupRouteWarnings(pair)];
  if (sessionFaults.length < modelFaults.length || (ipsec && modelFaults.some((f) => f !== 'icl' && f !== 'crash'))) {
    warnings.push({
      severity: 'warning', code: 'runs-split', lines: [],
      message: `the sessions run considers only the ${sessionFaults.join(' and ') || 'no'} fault${sessionFaults.length === 1 ? '' : 's'}${ipsec ? ', and the IPsec run only icl and crash' : ''} (all faults together with sessions or IPsec take millions of states): a risk that needs sessions or IPsec together with the other faults is not looked for`,
    });
  }
  return { ok: true, model: { params, runs, decisions, possibleFaults: possible.faults, faults, warnings } };
}
