/**
 * Model actions as stimuli of the deterministic network, chosen by the
 * action's origin: the system step it comes from (a fault, a repair, a
 * protocol, operator or traffic step), or, for a message read from the ICL
 * channel, the delivery of the next message to its receiver. Every action of
 * the model has one, the steps that change nothing in the model included (a
 * stray or misrouted probe answer, a timer firing where it has nothing to
 * do): the implementation must then change nothing either.
 *
 * The transition the model takes inside a step (e.g. `HoldOnProbeReply`
 * versus `BackupOnProbeReply`, or `PreemptIgnored`) is not looked at: the
 * implementation decides that for itself, and the comparison after the step
 * says whether it agreed.
 */
import type { Value } from '../dsl/index.js';
import type { MnhaNetwork, NodeName } from '../impl/index.js';
import type { ActionOrigin } from '../model/index.js';
import { REPLAY_VPN } from './impl-setup.js';
import type { ReplayEnvironment } from './refinement.js';

/** What replay drives. */
export interface StimulusTarget {
  readonly net: MnhaNetwork;
  readonly env: ReplayEnvironment;
}

/** A stimulus applied: its description and the outcome it reported. */
export interface AppliedStimulus {
  readonly stimulus: string;
  readonly outcome: string;
}

type StepHandler = (t: StimulusTarget, n: NodeName, picks: Readonly<Record<string, Value>>) => AppliedStimulus;

const record = (stimulus: string, outcome: string): AppliedStimulus => ({ stimulus, outcome });

/** Each system step's stimulus, by step name (MNHA model, models/mnha/system.ts). */
const STEPS: Readonly<Record<string, StepHandler>> = {
  // faults
  IclCut: (t) => record('cutIcl', t.net.cutIcl()),
  Crash: (t, n) => record(`crash ${n}`, t.net.crash(n)),
  Srg1MonitorFail: (t, n) => record(`failMonitor ${n} srg1`, t.net.failMonitor(n, 1)),
  Srg0MonitorFail: (t, n) => record(`failMonitor ${n} srg0`, t.net.failMonitor(n, 0)),
  RouterMisbehaves: (t) => record('setRouterMisbehaving on', t.net.setRouterMisbehaving(true)),
  ProbeLossStarts: (t) => {
    t.env.probeLoss = true;
    return record('probe loss starts (replay records it)', 'recorded');
  },
  // repairs
  IclRestore: (t) => record('restoreIcl', t.net.restoreIcl()),
  Reboot: (t, n) => record(`reboot ${n}`, t.net.reboot(n)),
  Srg1MonitorRecover: (t, n) => record(`recoverMonitor ${n} srg1`, t.net.recoverMonitor(n, 1)),
  Srg0MonitorRecover: (t, n) => record(`recoverMonitor ${n} srg0`, t.net.recoverMonitor(n, 0)),
  RouterBehaves: (t) => record('setRouterMisbehaving off', t.net.setRouterMisbehaving(false)),
  ProbeLossEnds: (t) => {
    t.env.probeLoss = false;
    return record('probe loss ends (replay records it)', 'recorded');
  },
  // protocol steps
  ProbeReply: (t, n) => record(`probe ${n}`, t.net.probe(n)),
  ProbeMisrouted: (t, n) => record(`probe ${n}`, t.net.probe(n)),
  ProbeLost: (t, n) => record(`probe ${n} lose`, t.net.probe(n, { lose: true })),
  IclLossSeen: (t, n) => record(`detectIclLoss ${n}`, t.net.detectIclLoss(n)),
  IclUpSeen: (t, n) => record(`detectIclUp ${n}`, t.net.detectIclUp(n)),
  ColdSyncDone: (t, n) => record(`completeColdSync ${n}`, t.net.completeColdSync(n)),
  RouteUpdate: (t, n) => record(`convergeRoutes ${n}`, t.net.convergeRoutes(n)),
  Preempt: (t, n) => record(`preempt ${n}`, t.net.preempt(n)),
  IkeNegotiate: (t, n) => record(`negotiateIke ${n}`, t.net.negotiateIke(n)),
  // operator and traffic
  ManualFailoverRequest: (t, n) => record(`manualFailover ${n}`, t.net.manualFailover(n)),
  SaDelete: (t, n) => record(`deleteSa ${n} ${REPLAY_VPN}`, t.net.deleteSa(n, REPLAY_VPN)),
  Packet: (t, n, picks) => {
    const s = String(picks.s);
    t.env.lastPacket[s] = n;
    return record(`packet ${n} ${s}`, t.net.packet(n, s));
  },
  StrayProbeReply: (t, n) => record(`strayProbeReply ${n}`, t.net.strayProbeReply(n)),
};

/** The ICL channels of the model replay knows how to deliver from. */
const CHANNELS: readonly string[] = ['msgs'];

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
  if (origin.step !== undefined) return origin.step in STEPS ? null : `step '${origin.step}' has no counterpart in the implementation`;
  if (origin.channel !== undefined) return CHANNELS.includes(origin.channel) ? null : `channel '${origin.channel}' has no counterpart in the implementation`;
  return 'the action has neither a step nor a channel';
}

/**
 * Applies the stimulus of an action (whose origin `unmappedReason` accepts)
 * with its parameters: a step's own stimulus (also when the model drops the
 * step's event), or the delivery of the next message in flight to the node
 * (also when no transition takes it: the implementation gets it all the same
 * and decides for itself).
 */
export function applyAction(target: StimulusTarget, origin: ActionOrigin, picks: Readonly<Record<string, Value>>): AppliedStimulus {
  // steps of the whole system ignore the node
  const n = actionNode(origin, picks) ?? 'n1';
  if (origin.step !== undefined) return STEPS[origin.step](target, n, picks);
  const delivered = target.net.deliverNext(n);
  return record(`deliver next message to ${n}`, delivered.outcome === 'delivered' ? `${delivered.message.kind}: ${delivered.taken}` : delivered.outcome);
}
