/**
 * Model actions as stimuli of the deterministic network, chosen by the
 * action's origin: the system step it comes from (a fault, a repair, a
 * protocol or operator step), or the channel and message type it receives.
 * The transition the model takes inside a step (e.g. `HoldOnProbeReply`
 * versus `BackupOnProbeReply`) is not looked at: the implementation decides
 * that for itself, and the comparison after the step says whether it agreed.
 *
 * Steps with no counterpart in the implementation:
 * - `ProbeLossStarts` / `ProbeLossEnds`: replay's own flag (the model simply
 *   offers no `ProbeReply` while it is set; the trace never has one then);
 * - `IkeNegotiate`: the implementation negotiates as a node becomes active;
 * - `Preempt`: the implementation's active node steps down by itself when it
 *   learns of a backup peer it must yield to.
 */
import type { Value } from '../dsl/index.js';
import type { MnhaNetwork, NodeName } from '../impl/index.js';
import type { ActionOrigin } from '../model/index.js';
import type { IclBridge, ModelMessage } from './icl-bridge.js';
import { REPLAY_VPN } from './impl-setup.js';
import type { ReplayEnvironment } from './refinement.js';

/** What replay drives. */
export interface StimulusTarget {
  readonly net: MnhaNetwork;
  readonly bridge: IclBridge;
  readonly env: ReplayEnvironment;
}

/** A stimulus applied: its description and the outcome it reported. */
export interface AppliedStimulus {
  readonly stimulus: string;
  readonly outcome: string;
}

/** Why an action could not be mapped. */
export interface UnmappedAction {
  readonly unmapped: string;
}

const NONE = (why: string): AppliedStimulus => ({ stimulus: 'none', outcome: why });

type StepHandler = (t: StimulusTarget, n: NodeName, picks: Readonly<Record<string, Value>>) => AppliedStimulus;

/** Each system step's stimulus, by step name (MNHA model, models/mnha/system.ts). */
const STEPS: Readonly<Record<string, StepHandler>> = {
  // faults
  IclCut: (t) => {
    t.bridge.reset();
    return { stimulus: 'cutIcl', outcome: t.net.cutIcl() };
  },
  Crash: (t, n) => {
    t.bridge.reset();
    return { stimulus: `crash ${n}`, outcome: t.net.crash(n) };
  },
  Srg1MonitorFail: (t, n) => ({ stimulus: `failMonitor ${n} srg1`, outcome: t.net.failMonitor(n, 1) }),
  Srg0MonitorFail: (t, n) => ({ stimulus: `failMonitor ${n} srg0`, outcome: t.net.failMonitor(n, 0) }),
  RouterMisbehaves: (t) => ({ stimulus: 'setRouterMisbehaving on', outcome: t.net.setRouterMisbehaving(true) }),
  ProbeLossStarts: (t) => {
    t.env.probeLoss = true;
    return NONE('probe loss recorded');
  },
  // repairs
  IclRestore: (t) => ({ stimulus: 'restoreIcl', outcome: t.net.restoreIcl() }),
  Reboot: (t, n) => ({ stimulus: `reboot ${n}`, outcome: t.net.reboot(n) }),
  Srg1MonitorRecover: (t, n) => ({ stimulus: `recoverMonitor ${n} srg1`, outcome: t.net.recoverMonitor(n, 1) }),
  Srg0MonitorRecover: (t, n) => ({ stimulus: `recoverMonitor ${n} srg0`, outcome: t.net.recoverMonitor(n, 0) }),
  RouterBehaves: (t) => ({ stimulus: 'setRouterMisbehaving off', outcome: t.net.setRouterMisbehaving(false) }),
  ProbeLossEnds: (t) => {
    t.env.probeLoss = false;
    return NONE('probe loss over');
  },
  // protocol steps
  ProbeReply: (t, n) => ({ stimulus: `probe ${n}`, outcome: t.net.probe(n) }),
  IclLossSeen: (t, n) => ({ stimulus: `detectIclLoss ${n}`, outcome: t.net.detectIclLoss(n) }),
  IclUpSeen: (t, n) => ({ stimulus: `detectIclUp ${n}`, outcome: t.net.detectIclUp(n) }),
  ColdSyncDone: (t, n) => ({ stimulus: `completeColdSync ${n}`, outcome: t.net.completeColdSync(n) }),
  RouteUpdate: (t, n) => ({ stimulus: `convergeRoutes ${n}`, outcome: t.net.convergeRoutes(n) }),
  Preempt: () => NONE('the implementation preempts as it learns the peer state'),
  IkeNegotiate: () => NONE('the implementation negotiates as it becomes active'),
  // operator and traffic
  ManualFailoverRequest: (t, n) => ({ stimulus: `manualFailover ${n}`, outcome: t.net.manualFailover(n) }),
  SaDelete: (t, n) => ({ stimulus: `deleteSa ${n} ${REPLAY_VPN}`, outcome: t.net.deleteSa(n, REPLAY_VPN) }),
  Packet: (t, n, picks) => {
    const s = String(picks.s);
    t.env.lastPacket[s] = n;
    return { stimulus: `packet ${n} ${s}`, outcome: t.net.packet(n, s) };
  },
};

/** The channels' message types replay knows how to deliver. */
const CHANNEL_MESSAGES: Readonly<Record<string, readonly ModelMessage[]>> = {
  notify: ['STATE'],
  inbox: ['SESSION', 'SA_SYNC', 'SA_DELETE'],
};

/**
 * The node an action concerns: its instance parameter (receives, node
 * steps) or its `n` parameter (router steps); undefined for steps of the
 * whole system (ICL, router faults).
 */
export function actionNode(origin: ActionOrigin, picks: Readonly<Record<string, Value>>): NodeName | undefined {
  const raw = origin.instanceParam !== undefined ? picks[origin.instanceParam] : picks.n;
  return raw === 'n1' || raw === 'n2' ? raw : undefined;
}

/** Whether replay has a stimulus for an action of this origin. Returns why not, or null. */
export function unmappedReason(origin: ActionOrigin): string | null {
  if (origin.kind === 'receive' || origin.kind === 'ignore') {
    const types = CHANNEL_MESSAGES[origin.channel ?? ''];
    if (types === undefined) return `channel '${origin.channel}' has no counterpart in the implementation`;
    if (!types.includes(origin.event as ModelMessage)) return `message ${origin.event} on channel '${origin.channel}' has no counterpart in the implementation`;
    return null;
  }
  if (origin.step === undefined || !(origin.step in STEPS)) return `step '${origin.step}' has no counterpart in the implementation`;
  return null;
}

/**
 * Applies the stimulus of an action (whose origin `unmappedReason` accepts)
 * with its parameters.
 */
export function applyAction(target: StimulusTarget, origin: ActionOrigin, picks: Readonly<Record<string, Value>>): AppliedStimulus {
  // steps of the whole system ignore the node
  const n = actionNode(origin, picks) ?? 'n1';
  if (origin.kind === 'receive' || origin.kind === 'ignore') {
    // an ignored message is consumed all the same: the implementation gets it and decides for itself
    const wanted = origin.event as ModelMessage;
    return { stimulus: `deliver ${wanted} to ${n}`, outcome: target.bridge.receive(n, wanted) };
  }
  return STEPS[origin.step as string](target, n, picks);
}
