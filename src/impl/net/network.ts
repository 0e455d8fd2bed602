/**
 * The deterministic network: two MNHA nodes, the ICL between them, two
 * routers choosing paths by advertised preference, the probe responder, the
 * remote IKE peer, all on one virtual clock.
 *
 * It is driven two ways that share one code path:
 * - step by step from outside (replay): each method below is one stimulus
 *   (cut the ICL, deliver the next message to n2, let n1 probe once, crash
 *   n1...), applied at once and in full;
 * - by the clock (`advance`, `runUntilQuiet`, scripts): the nodes' own
 *   timers send heartbeats and probes and notice silence, ICL messages are
 *   delivered after their latency and routes converge after their delay,
 *   each by calling the very same stimulus methods.
 * Nothing reads wall-clock time or an unseeded random source, so the same
 * inputs always give the same run.
 */
import type { MonitorStatus, Preference, SrgId } from '../domain.js';
import type { IclMessage, SessionRecord } from '../node/icl-messages.js';
import type { MonitorChange } from '../node/monitor-set.js';
import type { ReceiveOutcome } from '../node/mnha-node.js';
import {
  MnhaNode,
  type ColdSyncOutcome,
  type IkeOutcome,
  type ManualFailoverOutcome,
  type PacketOutcome,
  type PreemptOutcome,
  type ProbeReplyOutcome,
  type SaDeleteOutcome,
} from '../node/mnha-node.js';
import type { NodeInspection } from '../node/node-inspection.js';
import { timingFor } from '../node/node-behaviour.js';
import type { NodePorts, Probe } from '../node/ports.js';
import { observe, settleKey } from '../observe/observe.js';
import type { Observation } from '../observe/observation.js';
import { bootPorts, type PortHost } from './boot-ports.js';
import { IclLink, type Envelope, type LinkState } from './icl-link.js';
import { NODE_NAMES, ROUTER_NAMES, peerOf, type NodeName, type RouterName } from './names.js';
import { DEFAULT_NETWORK_TIMING, type NetworkOptions, type NetworkTiming, type NodeFactory, type RouteConvergence } from './network-options.js';
import { ProbeResponder } from './probe-responder.js';
import { RemoteIkePeer, type TunnelView } from './remote-ike-peer.js';
import { Router, type RouteView } from './router.js';
import { SeededRandom } from './seeded-random.js';
import { applyStimulus, type Stimulus, type StimulusOutcome } from './stimulus.js';
import { type FiredTimer, VirtualClock } from './virtual-clock.js';

/** Result of delivering (or dropping) the next message of a direction. */
export type DeliveryResult =
  | { readonly outcome: 'delivered'; readonly message: IclMessage; readonly taken: ReceiveOutcome }
  | { readonly outcome: 'dropped'; readonly message: IclMessage }
  | { readonly outcome: 'empty' };

/** Result of one probe ('lost': the probe or its answer was lost on the way, by request). */
export type ProbeOutcome = 'answered' | 'unanswered' | 'lost' | 'not-probing' | 'node-down';
/** Result of sending a heartbeat on demand. */
export type HeartbeatOutcome = 'sent' | 'link-cut' | 'peer-down' | 'node-down';
/** Result of noticing the ICL down. */
export type DetectLossOutcome = 'detected' | 'already-down' | 'node-down';
/** Result of noticing the ICL up. */
export type DetectUpOutcome = 'detected' | 'already-up' | 'link-cut' | 'peer-down' | 'node-down';
/** Result of a monitor event. */
export type MonitorOutcome = MonitorChange | 'node-down';
/** Result of a packet arriving. */
export type PacketResult = PacketOutcome | 'node-down';
/** Result of a packet sent through a router. */
export type RoutedPacketResult = { readonly node: NodeName; readonly outcome: PacketResult } | { readonly node: null; readonly outcome: 'no-route' };

/** Where `runUntilQuiet` stopped. */
export interface QuietResult {
  /** True when nothing observable changed for a whole quiet window. */
  readonly quiet: boolean;
  readonly at: number;
}

interface Slot {
  node: MnhaNode | null;
  boots: number;
  advertised: RouteView;
  /** Time by which everything queued toward this node is delivered (FIFO under latency). */
  lastDeliveryAt: number;
}

/** Owner tags of clock timers that are not a node's. */
const ICL_OWNER = 'icl';
const ROUTES_OWNER = 'routes';
const SCRIPT_OWNER = 'script';

/** Two MNHA nodes in a deterministic world. */
export class MnhaNetwork {
  /** How advertisements reach the routers. */
  readonly convergence: RouteConvergence;
  /** Network timers, with n1's node timers (each node runs its own, from its configuration). */
  readonly timing: NetworkTiming;
  /** The router hosting the probe destination. */
  readonly probeRouter: RouterName;
  private readonly options: NetworkOptions;
  private readonly clock: VirtualClock;
  private readonly icl: IclLink;
  private readonly routers: Record<RouterName, Router>;
  private readonly responder: ProbeResponder;
  private readonly ike: RemoteIkePeer;
  private readonly random: SeededRandom | null;
  private readonly slots: Record<NodeName, Slot>;
  private packetStamp = 0;
  private pendingProbes: { from: NodeName; probe: Probe }[] = [];
  private readonly lastProbe: Record<NodeName, ProbeOutcome> = { n1: 'not-probing', n2: 'not-probing' };
  /** What the nodes' ports call back, built once per network. */
  private host: PortHost | undefined;
  /** A restore asked for while a node still believed the ICL up (see `restoreIcl`). */
  private restorePending = false;
  /** Reboots asked for while the peer still believed the ICL up (see `reboot`). */
  private readonly bootPending = new Set<NodeName>();
  /** Probe loss (clock-driven runs): while set, every probe sent is lost on the way. */
  private probesLost = false;

  /**
   * Builds the network and boots both nodes at time 0, ICL up, routers
   * converged; or, given `from`, a copy of that network (see `fork`).
   */
  constructor(options: NetworkOptions, from?: MnhaNetwork) {
    this.options = options;
    this.convergence = options.routeConvergence ?? 'instant';
    this.probeRouter = options.probeRouter ?? 'r2';
    if (from !== undefined) {
      this.timing = from.timing;
      this.clock = from.clock.forkAt();
      this.icl = from.icl.clone();
      this.routers = { r1: from.routers.r1.clone(), r2: from.routers.r2.clone() };
      this.responder = from.responder.cloneOn(this.routers[this.probeRouter]);
      this.ike = from.ike.clone();
      this.random = from.random?.clone() ?? null;
      this.packetStamp = from.packetStamp;
      this.probesLost = from.probesLost;
      Object.assign(this.lastProbe, from.lastProbe);
      const copy = (name: NodeName): Slot => ({ ...from.slots[name], node: null });
      this.slots = { n1: copy('n1'), n2: copy('n2') };
      for (const name of NODE_NAMES) {
        const original = from.slots[name].node;
        if (original === null) continue;
        const node = this.createNode(name, this.slots[name].boots);
        node.adoptStateOf(original);
        this.slots[name].node = node;
      }
      return;
    }
    this.timing = { ...timingFor(options.configs.n1), ...DEFAULT_NETWORK_TIMING, ...options.timing };
    this.clock = new VirtualClock();
    this.icl = new IclLink();
    this.ike = new RemoteIkePeer();
    this.routers = { r1: new Router(options.tieBreak?.r1 ?? 'n1'), r2: new Router(options.tieBreak?.r2 ?? 'n1') };
    this.responder = new ProbeResponder(this.routers[this.probeRouter]);
    this.random = options.iclLoss && options.iclLoss.rate > 0 ? new SeededRandom(options.iclLoss.seed) : null;
    const slot = (): Slot => ({ node: null, boots: 0, advertised: 'withdrawn', lastDeliveryAt: 0 });
    this.slots = { n1: slot(), n2: slot() };
    for (const name of NODE_NAMES) this.boot(name);
    // the run starts with the routers knowing both nodes' boot advertisements, whatever the convergence
    this.clock.cancelOwner(ROUTES_OWNER);
    for (const name of NODE_NAMES) this.convergeRoutes(name);
  }

  /**
   * A copy of this network as it stands, for step-driven runs that branch
   * (conformance replays every transition of a state from one copy each).
   * Everything observable is copied; pending timers are not (the copy's
   * clock starts at the same time with none), so fork only between steps,
   * never in a clock-driven run.
   */
  fork(): MnhaNetwork {
    return new MnhaNetwork(this.options, this);
  }

  // ------------------------------------------------------------ stimuli: ICL

  /** Cuts the ICL; messages in flight are lost. Nodes notice later (`detectIclLoss`). */
  cutIcl(): 'cut' | 'already-cut' {
    if (this.icl.state() === 'cut') return 'already-cut';
    this.icl.cut();
    this.resetDeliverySchedule();
    return 'cut';
  }

  /**
   * Restores the ICL. Nodes notice later (`detectIclUp`, or a heartbeat
   * getting through). An outage lasts until every running node has noticed
   * it (the timing assumption of models/mnha/PROTOCOL.md: a shorter one is
   * hidden by the transport's retransmissions): while a node still believes
   * the ICL up, the restore is deferred and happens once the last one
   * notices.
   */
  restoreIcl(): 'restored' | 'deferred' | 'already-up' {
    if (this.icl.state() === 'up') return 'already-up';
    if (NODE_NAMES.some((n) => this.slots[n].node?.inspect().iclView === 'up')) {
      this.restorePending = true;
      return 'deferred';
    }
    this.icl.restore();
    return 'restored';
  }

  /** Delivers the oldest message in flight toward `to`, which reacts to it at once. */
  deliverNext(to: NodeName): DeliveryResult {
    const node = this.slots[to].node;
    const envelope = node === null ? undefined : this.icl.shift(to);
    if (envelope === undefined || node === null) return { outcome: 'empty' };
    const taken = node.receive(envelope.message);
    this.afterInput();
    return { outcome: 'delivered', message: envelope.message, taken };
  }

  /** Loses the oldest message in flight toward `to` (ICL message loss). */
  dropNext(to: NodeName): DeliveryResult {
    const envelope = this.icl.shift(to);
    return envelope === undefined ? { outcome: 'empty' } : { outcome: 'dropped', message: envelope.message };
  }

  /** Delivers messages in both directions, oldest first, until none is in flight or `limit` is reached. */
  deliverAll(limit = 1000): number {
    let delivered = 0;
    while (delivered < limit) {
      const a = this.icl.head('n1');
      const b = this.icl.head('n2');
      if (a === undefined && b === undefined) break;
      const to: NodeName = b === undefined || (a !== undefined && a.id < b.id) ? 'n1' : 'n2';
      this.deliverNext(to);
      delivered += 1;
    }
    return delivered;
  }

  /**
   * `node` sends one heartbeat now (liveness only: it carries no state), as its heartbeat
   * timer does every period in clock-driven runs. It goes in flight like any
   * message: only over an uncut link to a running peer.
   */
  heartbeat(node: NodeName): HeartbeatOutcome {
    const target = this.slots[node].node;
    if (target === null) return 'node-down';
    if (this.icl.state() === 'cut') return 'link-cut';
    if (this.slots[peerOf(node)].node === null) return 'peer-down';
    target.sendHeartbeat();
    return 'sent';
  }

  /** `node` notices the ICL is down (its heartbeat timer expired). */
  detectIclLoss(node: NodeName): DetectLossOutcome {
    const target = this.slots[node].node;
    if (target === null) return 'node-down';
    const outcome = target.noticeIclDown();
    this.afterInput();
    return outcome;
  }

  /** `node` notices the ICL is up and announces itself; needs the link up and the peer running. */
  detectIclUp(node: NodeName): DetectUpOutcome {
    const target = this.slots[node].node;
    if (target === null) return 'node-down';
    if (this.icl.state() === 'cut') return 'link-cut';
    if (this.slots[peerOf(node)].node === null) return 'peer-down';
    const outcome = target.noticeIclUp();
    this.afterInput();
    return outcome;
  }

  // ---------------------------------------------------------- stimuli: probes

  /**
   * `node` sends one activeness probe (if it is probing) and the responder
   * answers it or not: along the router's preferred path, or back to the
   * sender when misbehaving. The answer's effect on the node happens here.
   * With `lose`, the probe is sent but lost on the way (probe loss): nobody
   * answers and nothing changes but the node's count of probes sent.
   */
  probe(node: NodeName, options: { readonly lose?: boolean } = {}): ProbeOutcome {
    const target = this.slots[node].node;
    if (target === null) return 'node-down';
    if (!target.sendProbe()) return 'not-probing';
    if (options.lose === true) {
      this.pendingProbes = this.pendingProbes.filter((pending) => pending.from !== node);
      return 'lost';
    }
    this.afterInput();
    return this.lastProbe[node];
  }

  /**
   * Probe loss starts or stops (clock-driven runs, where the nodes' probe
   * timers send the probes): while it lasts every probe is lost on the way,
   * as `probe(node, { lose: true })` loses one.
   */
  setProbeLoss(on: boolean): 'lossy' | 'lossless' {
    this.probesLost = on;
    return on ? 'lossy' : 'lossless';
  }

  /** The probe responder starts or stops answering probes off its preferred path. */
  setRouterMisbehaving(on: boolean): 'misbehaving' | 'behaving' {
    this.responder.setMisbehaving(on);
    return on ? 'misbehaving' : 'behaving';
  }

  // -------------------------------------------------------- stimuli: routing

  /**
   * Brings a router's view of `node`'s routes up to date (both routers when
   * `router` is omitted). Needed only under async convergence.
   */
  convergeRoutes(node: NodeName, router?: RouterName): 'converged' | 'unchanged' {
    let changed = false;
    for (const name of router === undefined ? ROUTER_NAMES : [router]) {
      if (this.routers[name].learn(node, this.slots[node].advertised)) changed = true;
    }
    return changed ? 'converged' : 'unchanged';
  }

  // ---------------------------------------------------- stimuli: node faults

  /** Fails every monitored object of `srg` on `node` (the model's one monitor event). */
  failMonitor(node: NodeName, srg: SrgId): MonitorOutcome {
    return this.onNode(node, (target) => target.setAllMonitors(srg, 'down'));
  }

  /** Recovers every monitored object of `srg` on `node`. */
  recoverMonitor(node: NodeName, srg: SrgId): MonitorOutcome {
    return this.onNode(node, (target) => target.setAllMonitors(srg, 'up'));
  }

  /** Sets one monitored object's health (e.g. "interface ge-0/0/4"), for weighted monitoring. */
  setMonitor(node: NodeName, srg: SrgId, monitor: string, status: MonitorStatus): MonitorOutcome {
    return this.onNode(node, (target) => target.setMonitor(srg, monitor, status));
  }

  /**
   * Crashes `node`: its state and timers are gone, its routes are withdrawn
   * at the routers, and the ICL connection drops (messages in flight are lost).
   */
  crash(node: NodeName): 'crashed' | 'already-down' {
    const slot = this.slots[node];
    if (slot.node === null) return 'already-down';
    slot.node.stop();
    slot.node = null;
    this.clock.cancelOwner(node);
    this.icl.flush();
    this.resetDeliverySchedule();
    this.pendingProbes = this.pendingProbes.filter((pending) => pending.from !== node);
    this.advertise(node, 'withdrawn');
    return 'crashed';
  }

  /**
   * Reboots a crashed `node`: a fresh node object, SRG1 in hold and SRG0 in
   * cold sync. A reboot takes longer than the peer needs to notice the crash
   * (the timing assumption of models/mnha/PROTOCOL.md): while the running
   * peer still believes the ICL up, the reboot is deferred until it notices.
   */
  reboot(node: NodeName): 'rebooted' | 'deferred' | 'already-up' {
    if (this.slots[node].node !== null) return 'already-up';
    if (this.slots[peerOf(node)].node?.inspect().iclView === 'up') {
      this.bootPending.add(node);
      return 'deferred';
    }
    this.boot(node);
    return 'rebooted';
  }

  // --------------------------------------------- stimuli: traffic, operators

  /** A packet of session `session` arrives at `node` (stamped with the network's packet counter). */
  packet(node: NodeName, session: string): PacketResult {
    return this.onNode(node, (target) => {
      this.packetStamp += 1;
      return target.receivePacket(session, this.packetStamp);
    });
  }

  /** A packet of session `session` arrives at `router`, which forwards it to its preferred node. */
  routePacket(router: RouterName, session: string): RoutedPacketResult {
    const node = this.routers[router].preferred();
    if (node === null) return { node: null, outcome: 'no-route' };
    return { node, outcome: this.packet(node, session) };
  }

  /** SRG0's cold sync on `node` completes. */
  completeColdSync(node: NodeName): ColdSyncOutcome | 'node-down' {
    return this.onNode(node, (target) => target.completeColdSync());
  }

  /** `node`'s preemption timer fires. */
  preempt(node: NodeName): PreemptOutcome | 'node-down' {
    return this.onNode(node, (target) => target.firePreemption());
  }

  /** IKE negotiation is triggered on `node` (traffic for the VPN, or its own timer). */
  negotiateIke(node: NodeName): IkeOutcome | 'node-down' {
    return this.onNode(node, (target) => target.negotiateIke());
  }

  /**
   * A probe answer `node` did not ask for reaches it: while it probes, an
   * answer to one of its peer's probes (routed here along the floating IP's
   * path); while it does not, a late answer to its own last probe.
   */
  strayProbeReply(node: NodeName): ProbeReplyOutcome | 'node-down' {
    return this.onNode(node, (target) => {
      const probing = target.inspect().srg1.probing;
      const probeId = probing ? this.localId(peerOf(node)) * 1_000_000 + 1 : target.lastProbeId();
      return target.receiveProbeReply({ probeId });
    });
  }

  /** The operator asks `node` to hand activeness to its backup peer. */
  manualFailover(node: NodeName): ManualFailoverOutcome | 'node-down' {
    return this.onNode(node, (target) => target.requestManualFailover());
  }

  /** The operator deletes the SA of `vpn` on `node`. */
  deleteSa(node: NodeName, vpn: string): SaDeleteOutcome | 'node-down' {
    return this.onNode(node, (target) => target.deleteSa(vpn));
  }

  /** Applies one stimulus given as data (see `Stimulus`). */
  apply(stimulus: Stimulus): StimulusOutcome {
    return applyStimulus(this, stimulus);
  }

  // ------------------------------------------------------- clock-driven mode

  /** Current virtual time in ms. */
  now(): number {
    return this.clock.now();
  }

  /** Lets `ms` of virtual time pass: timers fire, messages arrive, routes converge. */
  advance(ms: number): void {
    this.clock.advance(ms);
  }

  /**
   * Fires the next pending timer alone (a node's timer, an ICL delivery, a
   * route update, a scheduled stimulus), moving time to it; null when none
   * is due by `until`. A recorder observes the network after each.
   */
  fireNext(until = Infinity): FiredTimer | null {
    return this.clock.fireNext(until);
  }

  /** Time of the next pending timer, or null. */
  nextTimerAt(): number | null {
    return this.clock.nextAt();
  }

  /** Lets time pass until `at`. */
  advanceTo(at: number): void {
    this.clock.advanceTo(at);
  }

  /** Schedules `stimulus` at absolute time `at`; `record` receives its outcome when it happens. */
  schedule(at: number, stimulus: Stimulus, record?: (outcome: StimulusOutcome) => void): void {
    this.clock.scheduleAt(at, () => {
      const outcome = this.apply(stimulus);
      record?.(outcome);
    }, SCRIPT_OWNER, `script ${stimulus.kind}`);
  }

  /**
   * Runs the clock until nothing observable (ignoring time and heartbeats)
   * has changed for `windowMs`, or until `limitMs` more have passed.
   */
  runUntilQuiet(options: { readonly windowMs?: number; readonly limitMs?: number } = {}): QuietResult {
    const t = this.timing;
    const longest = Math.max(
      ...NODE_NAMES.map((name) => {
        const n = { ...timingFor(this.options.configs[name]), ...this.options.timing };
        return Math.max(n.heartbeatTimeoutMs, n.probeIntervalMs, n.coldSyncMs, n.preemptDelayMs, n.ikeDelayMs);
      }),
      t.routeDelayMs,
    );
    // twice the longest timer: any pending reaction would have shown by then
    const windowMs = options.windowMs ?? 2 * longest + t.iclLatencyMs;
    const limit = this.clock.now() + (options.limitMs ?? 60_000);
    let key = settleKey(this.observe());
    let stableSince = this.clock.now();
    for (;;) {
      const next = this.clock.nextAt();
      const quietAt = stableSince + windowMs;
      if (next === null || next > quietAt) {
        if (quietAt > limit) break;
        this.clock.advanceTo(quietAt);
        return { quiet: true, at: this.clock.now() };
      }
      if (next > limit) break;
      this.clock.advanceTo(next);
      const now = settleKey(this.observe());
      if (now !== key) {
        key = now;
        stableSince = this.clock.now();
      }
    }
    this.clock.advanceTo(limit);
    return { quiet: false, at: this.clock.now() };
  }

  // ------------------------------------------------------------- observation

  /** The observable state of the whole network, as plain data. */
  observe(): Observation {
    return observe(this);
  }

  /** A running node's inspection, or null when it is down. */
  inspectNode(node: NodeName): NodeInspection | null {
    return this.slots[node].node?.inspect() ?? null;
  }

  /** The node object of `node` (null when down); for tests and tools. */
  nodeObject(node: NodeName): MnhaNode | null {
    return this.slots[node].node;
  }

  /** How many times `node` has booted. */
  boots(node: NodeName): number {
    return this.slots[node].boots;
  }

  /** The local id `node` is configured with. */
  localId(node: NodeName): number {
    return this.options.configs[node].localId;
  }

  /** Physical state of the ICL. */
  iclState(): LinkState {
    return this.icl.state();
  }

  /** Messages in flight toward `to`, oldest first. */
  inFlight(to: NodeName): readonly Envelope[] {
    return this.icl.inFlight(to);
  }

  /** A router's view of a node's routes. */
  routerView(router: RouterName, node: NodeName): RouteView {
    return this.routers[router].view(node);
  }

  /** The node a router prefers, or null. */
  routerPreferred(router: RouterName): NodeName | null {
    return this.routers[router].preferred();
  }

  /** The router's static tie-break. */
  routerTieBreak(router: RouterName): NodeName {
    return this.routers[router].tieBreak;
  }

  /** The probe responder's state and history. */
  responderState(): { readonly misbehaving: boolean; readonly answeredOffPath: boolean } {
    return { misbehaving: this.responder.misbehaving(), answeredOffPath: this.responder.answeredOffPath() };
  }

  /** The remote IKE peer's tunnels. */
  tunnels(): TunnelView[] {
    return this.ike.views();
  }

  // ---------------------------------------------------------------- internals

  private onNode<T>(node: NodeName, action: (target: MnhaNode) => T): T | 'node-down' {
    const target = this.slots[node].node;
    if (target === null) return 'node-down';
    const result = action(target);
    this.afterInput();
    return result;
  }

  private factoryFor(node: NodeName): NodeFactory {
    const option = this.options.nodeFactory;
    const chosen = typeof option === 'function' ? option : option?.[node];
    return chosen ?? ((deps) => new MnhaNode(deps));
  }

  private boot(node: NodeName): void {
    const slot = this.slots[node];
    slot.boots += 1;
    const created = this.createNode(node, slot.boots);
    slot.node = created;
    created.start();
    this.afterInput();
  }

  /** A node object for one boot of `node`, wired to this network. */
  private createNode(node: NodeName, boot: number): MnhaNode {
    const config = this.options.configs[node];
    const timing = { ...timingFor(config), ...this.options.timing };
    return this.factoryFor(node)({
      config,
      behaviour: { iclLossAtActive: this.options.iclLossAtActive ?? 'withdraw', waitForAnswer: this.options.waitForAnswer ?? true, timing },
      incarnation: boot,
      ports: this.portsFor(node, boot),
    });
  }

  /** The ports of one boot of a node; a crashed boot's leftover calls are ignored. */
  private portsFor(node: NodeName, boot: number): NodePorts {
    if (this.host === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host's methods call back into this network
      const net = this;
      this.host = {
        alive(n: NodeName, b: number): boolean {
          return net.slots[n].node !== null && net.slots[n].boots === b;
        },
        transmit(from: NodeName, message: IclMessage): void {
          net.transmit(from, message);
        },
        peerSessions(from: NodeName): readonly SessionRecord[] | null {
          return net.peerSessions(from);
        },
        advertise(n: NodeName, preference: Preference): void {
          net.advertise(n, preference);
        },
        queueProbe(from: NodeName, probe: Probe): void {
          net.pendingProbes.push({ from, probe });
        },
        afterInput(): void {
          net.afterInput();
        },
        disconnect(from: NodeName): void {
          net.disconnect(from);
        },
        ike: net.ike,
        clock: net.clock,
      };
    }
    return bootPorts(this.host, node, boot);
  }

  /** A node sends: the message enters the queue unless the link is cut, the receiver is down, or it is lost. */
  private transmit(from: NodeName, message: IclMessage): void {
    const to = peerOf(from);
    if (this.icl.state() === 'cut' || this.slots[to].node === null) return;
    if (this.random !== null && this.random.next() < (this.options.iclLoss?.rate ?? 0)) return;
    const envelope = this.icl.enqueue(from, to, message, this.clock.now());
    const slot = this.slots[to];
    const at = Math.max(this.clock.now() + this.timing.iclLatencyMs, slot.lastDeliveryAt);
    slot.lastDeliveryAt = at;
    this.scheduleDelivery(to, envelope.id, at);
  }

  /**
   * Clock-driven delivery is the same stimulus as stepping; skipped if the
   * message is gone (cut, crash, stepped). A message reaching a node that
   * believes the ICL down comes after the link layer has told it the peer is
   * reachable (a connection is up before data flows over it): that notice
   * is an event of its own, and the delivery follows at the same instant.
   */
  private scheduleDelivery(to: NodeName, id: number, at: number): void {
    const label = `icl delivery to ${to}`;
    const deliver = () => {
      if (this.icl.head(to)?.id === id) this.deliverNext(to);
    };
    this.clock.scheduleAt(at, () => {
      if (this.icl.head(to)?.id !== id) return;
      if (this.slots[to].node?.inspect().iclView === 'down') {
        this.detectIclUp(to);
        this.clock.scheduleFirst(deliver, ICL_OWNER, label);
        return;
      }
      deliver();
    }, ICL_OWNER, label);
  }

  /** The cold sync's bulk transfer on contact: the session table of `from`'s peer, if it can be reached. */
  private peerSessions(from: NodeName): readonly SessionRecord[] | null {
    const peer = this.slots[peerOf(from)].node;
    if (this.icl.state() === 'cut' || peer === null) return null;
    return peer.inspect().sessions;
  }

  /** A node's advertisement changed: the routers learn it now, or after the route delay. */
  private advertise(node: NodeName, view: RouteView): void {
    this.slots[node].advertised = view;
    if (this.convergence === 'instant') {
      this.convergeRoutes(node);
      return;
    }
    this.clock.schedule(this.timing.routeDelayMs, () => this.convergeRoutes(node), ROUTES_OWNER, `routes of ${node} converge`);
  }

  /** After a flush nothing is queued, so the FIFO delivery horizon restarts from now. */
  private resetDeliverySchedule(): void {
    for (const name of NODE_NAMES) this.slots[name].lastDeliveryAt = this.clock.now();
  }

  /** Restores and reboots deferred by the timing assumptions, once they hold. */
  private runDeferred(): void {
    const viewUp = (n: NodeName) => this.slots[n].node?.inspect().iclView === 'up';
    if (this.restorePending && !NODE_NAMES.some(viewUp)) {
      this.restorePending = false;
      this.icl.restore();
    }
    for (const n of [...this.bootPending]) {
      if (this.slots[n].node !== null) this.bootPending.delete(n);
      else if (!viewUp(peerOf(n))) {
        this.bootPending.delete(n);
        this.boot(n);
      }
    }
  }

  /**
   * A node has decided the ICL is down and closes its connection: when the
   * link is in fact up and the peer running (a lost heartbeat, a stalled
   * timer), the peer sees the connection close and notices too, and what
   * was in flight is lost, as for a cut. (When the link is down or the peer
   * crashed, the peer notices by itself.)
   */
  private disconnect(from: NodeName): void {
    const peer = this.slots[peerOf(from)].node;
    if (this.icl.state() === 'cut' || peer === null || peer.inspect().iclView === 'down') return;
    this.icl.flush();
    this.resetDeliverySchedule();
    peer.noticeIclDown();
  }

  /** Answers the probes sent during the last input. */
  private afterInput(): void {
    this.runDeferred();
    while (this.pendingProbes.length > 0) {
      const { from, probe } = this.pendingProbes.shift() as { from: NodeName; probe: Probe };
      if (this.probesLost) {
        this.lastProbe[from] = 'lost';
        continue;
      }
      const answer = this.responder.answer(from);
      this.lastProbe[from] = answer.to === from ? 'answered' : 'unanswered';
      if (answer.to !== null) this.slots[answer.to].node?.receiveProbeReply({ probeId: probe.id });
    }
  }
}
