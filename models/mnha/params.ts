/**
 * Scenario parameters of the MNHA model. Each becomes a TLA+ CONSTANT, so
 * one spec covers every scenario and only the model-checking configuration
 * differs.
 */
import * as x from '../../src/dsl/index.js';
import type { ConstDecl } from '../../src/model/index.js';
import { FaultKinds, Nodes, sessionsOf } from './domains.js';

/** What a scenario chooses. */
export interface MnhaParams {
  /** Local ids (1..10, distinct). */
  readonly localId: { readonly n1: number; readonly n2: number };
  /** Activeness priority (1..254), 0 when not configured. */
  readonly priority: { readonly n1: number; readonly n2: number };
  /**
   * Whether each node has a backup-signal-route configured (MNHA.md section
   * 2). A node without one installs nothing as backup, so its policy finds
   * no signal route and it advertises the default (low), as in hold. The
   * active-signal-route has no such switch: a pair without it is refused
   * by `ha-verify config` (the routers could not follow activeness at all).
   */
  readonly hasBackupSignalRoute: { readonly n1: boolean; readonly n2: boolean };
  /** What the active node does when it loses the ICL (MNHA.md section 4). */
  readonly iclLossAtActive: 'withdraw' | 'keep-and-probe';
  /** Whether the routers see route changes at once or later (MNHA.md section 2). */
  readonly routeConvergence: 'instant' | 'async';
  /** Preemption by the higher activeness priority. */
  readonly preemption: boolean;
  /** Manual failover requests by an operator. */
  readonly manualFailover: boolean;
  /** IKE negotiation and SA synchronisation on SRG1. */
  readonly ipsec: boolean;
  /** Number of SRG0 sessions (0..2). */
  readonly sessions: number;
  /** The node the routers prefer when both advertise the same preference. */
  readonly tieBreak: 'n1' | 'n2';
  /** Which faults the environment may inject. */
  readonly faults: readonly ('icl' | 'crash' | 'srg1Monitor' | 'srg0Monitor' | 'router' | 'probeLoss')[];
  /**
   * The protection against stale state messages: a node that gives
   * activeness away (manual failover) or comes back from ineligible while it
   * sees the ICL makes no claim to activeness until its peer has answered.
   * The documentation says nothing of it; the `stale-notices` scenario turns
   * it off and shows the split brain it prevents.
   */
  readonly waitForAnswer: boolean;
  /** Bound of the search: most messages in flight in each ICL direction. */
  readonly iclCapacity: number;
  /**
   * Bound of the search on the environment: a fault, operator or traffic
   * event that makes a node send strikes only while at most this many
   * messages are in flight on the ICL, both ways together (0..4).
   */
  readonly faultWindow: number;
}

/** The documentation's reading, routers converged, router behaving, with the stale-notice protection. */
export const DEFAULT_PARAMS: MnhaParams = {
  localId: { n1: 1, n2: 2 },
  priority: { n1: 0, n2: 0 },
  hasBackupSignalRoute: { n1: true, n2: true },
  iclLossAtActive: 'withdraw',
  routeConvergence: 'instant',
  preemption: false,
  manualFailover: false,
  ipsec: false,
  sessions: 0,
  tieBreak: 'n1',
  faults: ['icl', 'crash', 'srg1Monitor'],
  waitForAnswer: true,
  iclCapacity: 4,
  faultWindow: 1,
};

/** Types of the constants. */
export const IdT = x.funT(Nodes, x.intT(1, 10));
export const PrioT = x.funT(Nodes, x.intT(0, 254));
export const HasBackupRouteT = x.funT(Nodes, x.boolT);
export const IclLossT = x.enumT(['withdraw', 'keep-and-probe'], 'IclLossModes');
export const ConvergenceT = x.enumT(['instant', 'async'], 'ConvergenceModes');
export const FaultWindowT = x.intT(0, 4);

/** The model constants of a parameter set, as declared to the system. */
export function constantsOf(p: MnhaParams): Record<string, ConstDecl> {
  if (p.localId.n1 === p.localId.n2) throw new RangeError('local ids must differ');
  if (!Number.isInteger(p.iclCapacity) || p.iclCapacity < 1 || p.iclCapacity > 8) throw new RangeError('iclCapacity must be an integer in 1..8');
  if (!Number.isInteger(p.faultWindow) || p.faultWindow < 0 || p.faultWindow > 4) throw new RangeError('faultWindow must be an integer in 0..4');
  // a parameter set written before the switch existed has no value for it: say so rather than export a partial function
  if (typeof p.hasBackupSignalRoute?.n1 !== 'boolean' || typeof p.hasBackupSignalRoute?.n2 !== 'boolean') throw new RangeError('hasBackupSignalRoute must give n1 and n2 a boolean');
  return {
    LocalId: { t: IdT, value: { ...p.localId }, doc: 'local-id of each node (1..10, distinct)' },
    Priority: { t: PrioT, value: { ...p.priority }, doc: 'activeness-priority of each node; 0 = not configured' },
    HasBackupSignalRoute: { t: HasBackupRouteT, value: { ...p.hasBackupSignalRoute }, doc: 'the node has a backup-signal-route configured (without one, its backup advertises low)' },
    Peer: { t: x.funT(Nodes, Nodes), value: { n1: 'n2', n2: 'n1' }, doc: 'the other node' },
    IclLossAtActive: { t: IclLossT, value: p.iclLossAtActive, doc: 'what the active node does when the ICL goes down' },
    RouteConvergence: { t: ConvergenceT, value: p.routeConvergence, doc: 'routers see advertisements at once ("instant") or later ("async")' },
    Preemption: { t: x.boolT, value: p.preemption, doc: 'a healthier higher-priority node takes activeness back' },
    ManualFailover: { t: x.boolT, value: p.manualFailover, doc: 'an operator may move activeness to the backup' },
    Ipsec: { t: x.boolT, value: p.ipsec, doc: 'IKE/IPsec service on SRG1' },
    TieBreak: { t: Nodes, value: p.tieBreak, doc: 'node the routers prefer on equal preference' },
    Faults: { t: x.setT(FaultKinds), value: x.makeSet(FaultKinds, [...p.faults]), doc: 'fault classes the environment may inject' },
    IclCapacity: { t: x.intT(1, 8), value: p.iclCapacity, doc: 'most messages in flight in each ICL direction (bound of the search)' },
    FaultWindow: { t: FaultWindowT, value: p.faultWindow, doc: 'most ICL messages in flight when a fault, operator or traffic event strikes (bound of the search)' },
    WaitForAnswer: { t: x.boolT, value: p.waitForAnswer, doc: 'a node that gives activeness away or leaves ineligible claims nothing until its peer answers' },
  };
}

/** The sessions domain of a parameter set. */
export function sessionsDomain(p: MnhaParams): x.EnumType {
  return sessionsOf(p.sessions);
}
