/**
 * What the world does to a recorded run besides the nodes' own timers: the
 * faults, repairs, operator actions and traffic of a scenario, each with
 * the condition under which the model's environment can do it. A recorded
 * run injects an event only when its condition holds, which is where the
 * model's environment assumptions are stated (models/mnha/PROTOCOL.md,
 * "Bounds of the search", timing assumptions): the ICL comes back only
 * after both nodes have noticed the outage, a node reboots only after its
 * peer noticed the crash, and the events the model holds to FaultWindow
 * (SRG1 monitor failure, packets, manual failover, SA deletion) strike only
 * while at most `window` messages are in flight (FaultWindow lifted to its
 * largest value for validation); every other event whenever the model
 * allows it.
 *
 * ICL message loss is an outage here (a cut, then a restore). Heartbeats
 * lost while the link stays up, long enough for a node to declare its peer
 * dead, are not injected: the implementation then closes the connection
 * with the link up (MnhaNetwork.disconnect), a step the model has no
 * counterpart for (it notices a loss only when the link is cut or the peer
 * is down). Validation reports such a run at the line where the node
 * declares its peer dead (test/validate/recorded-runs.test.ts): an open
 * question for the model, not hidden by the mapping.
 */
import type { MnhaNetwork, NodeName } from '../impl/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { REPLAY_VPN, sessionIds } from '../replay/impl-setup.js';

/** The classes of events a run covers (reported, to show that every one occurred). */
export type EventClass =
  | 'icl' | 'crash' | 'srg1Monitor' | 'srg0Monitor' | 'router' | 'probeLoss'
  | 'strayProbe' | 'packet' | 'manualFailover' | 'saDelete';

/** One event the world may inject. */
export interface RunEvent {
  readonly cls: EventClass;
  /** The cause written in the log. */
  readonly name: string;
  enabled(net: MnhaNetwork): boolean;
  apply(net: MnhaNetwork): void;
}

const NODES: readonly NodeName[] = ['n1', 'n2'];
const peer = (n: NodeName): NodeName => (n === 'n1' ? 'n2' : 'n1');

/** State messages, session and SA messages in flight both ways (heartbeats carry no state). */
export function messagesInFlight(net: MnhaNetwork): number {
  let count = 0;
  for (const n of NODES) for (const e of net.inFlight(n)) if (e.message.kind !== 'heartbeat') count++;
  return count;
}

const up = (net: MnhaNetwork, n: NodeName) => net.inspectNode(n) !== null;
const sees = (net: MnhaNetwork, n: NodeName) => net.inspectNode(n)?.iclView === 'up';

/** Every event the scenario's environment can inject, with its condition. */
export function runEvents(params: MnhaParams, window: number): RunEvent[] {
  const faults = new Set(params.faults);
  const quiet = (net: MnhaNetwork) => messagesInFlight(net) <= window;
  const events: RunEvent[] = [];
  const add = (cls: EventClass, name: string, enabled: (net: MnhaNetwork) => boolean, apply: (net: MnhaNetwork) => void) =>
    events.push({ cls, name, enabled, apply });

  if (faults.has('icl')) {
    add('icl', 'fault: ICL cut', (net) => net.iclState() === 'up', (net) => net.cutIcl());
    add('icl', 'repair: ICL restored', (net) => net.iclState() === 'cut' && !NODES.some((n) => sees(net, n)), (net) => net.restoreIcl());
  }
  for (const n of NODES) {
    if (faults.has('crash')) {
      add('crash', `fault: ${n} crashes`, (net) => up(net, n), (net) => net.crash(n));
      add('crash', `repair: ${n} reboots`, (net) => !up(net, n) && !sees(net, peer(n)), (net) => net.reboot(n));
    }
    if (faults.has('srg1Monitor')) {
      add('srg1Monitor', `fault: SRG1 monitor fails on ${n}`, (net) => up(net, n) && quiet(net), (net) => net.failMonitor(n, 1));
      add('srg1Monitor', `repair: SRG1 monitor recovers on ${n}`, (net) => up(net, n), (net) => net.recoverMonitor(n, 1));
    }
    if (faults.has('srg0Monitor')) {
      add('srg0Monitor', `fault: SRG0 monitor fails on ${n}`, (net) => up(net, n), (net) => net.failMonitor(n, 0));
      add('srg0Monitor', `repair: SRG0 monitor recovers on ${n}`, (net) => up(net, n), (net) => net.recoverMonitor(n, 0));
    }
    add('strayProbe', `a probe answer ${n} did not ask for reaches it`, (net) => up(net, n), (net) => net.strayProbeReply(n));
    for (const s of sessionIds(params)) {
      add('packet', `traffic: a packet of ${s} reaches ${n}`, (net) => up(net, n) && quiet(net), (net) => net.packet(n, s));
    }
    if (params.manualFailover) {
      add('manualFailover', `operator: manual failover on ${n}`, (net) => up(net, n) && quiet(net), (net) => net.manualFailover(n));
    }
    if (params.ipsec) {
      add('saDelete', `operator: SA deleted on ${n}`, (net) => up(net, n) && quiet(net), (net) => net.deleteSa(n, REPLAY_VPN));
    }
  }
  if (faults.has('router')) {
    add('router', 'fault: probe router misbehaves', (net) => !net.responderState().misbehaving, (net) => net.setRouterMisbehaving(true));
    add('router', 'repair: probe router behaves', (net) => net.responderState().misbehaving, (net) => net.setRouterMisbehaving(false));
  }
  if (faults.has('probeLoss')) {
    let lossy = false;
    add('probeLoss', 'fault: probes get lost', () => !lossy, (net) => { lossy = true; net.setProbeLoss(true); });
    add('probeLoss', 'repair: probes get through', () => lossy, (net) => { lossy = false; net.setProbeLoss(false); });
  }
  return events;
}
