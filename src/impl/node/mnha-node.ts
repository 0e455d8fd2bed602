/**
 * One MNHA node: the core of an HA daemon running on one firewall. It holds
 * its own SRG states, signal routes, monitors, peer knowledge, session table
 * and SAs, and meets the world only through its ports (ICL transport, route
 * advertisement, prober, IKE peer, clock).
 *
 * Every input (a message, a timer, a probe answer, an operator command, a
 * monitor event) runs through `input`: the handler changes local state, then
 * `settle` re-applies the activeness rules to what the node now knows, then
 * `flush` sends at most one state notification plus the queued messages,
 * re-advertises the preference if the policy now gives another one, and
 * starts or stops the probe timer. One input, one consistent reaction.
 */
import type {
  IclView,
  InterfaceStatus,
  MonitorStatus,
  Preference,
  Srg0State,
  Srg1State,
  SrgId,
} from '../domain.js';
import type { MnhaConfig } from '../config/config-types.js';
import { backsOffInSplitBrain, preemptedBy, priorityWinner, type Contender } from './activeness-rules.js';
import {
  stampBody,
  type ColdSyncSnapshot,
  type IclMessage,
  type Origin,
  type OutgoingBody,
  type StateNotification,
} from './icl-messages.js';
import { MonitorSet, type MonitorChange } from './monitor-set.js';
import type { NodeBehaviour } from './node-behaviour.js';
import type { NodeInspection } from './node-inspection.js';
import { PeerTracker, type PeerState } from './peer-tracker.js';
import { NamedTimers } from './named-timers.js';
import type { NodePorts, ProbeReply } from './ports.js';
import { SaTable } from './sa-table.js';
import { SessionTable } from './session-table.js';
import { SignalRouteTable } from './signal-route-table.js';

/** What a node is built from. */
export interface NodeDeps {
  readonly config: MnhaConfig;
  readonly behaviour: NodeBehaviour;
  /** How many times this device has booted, 1 for the first boot. */
  readonly incarnation: number;
  readonly ports: NodePorts;
}

/** How a message was taken. */
export type ReceiveOutcome = 'accepted' | 'stale' | 'foreign';
/** What noticing the ICL down did. */
export type IclDownOutcome = 'detected' | 'already-down';
/** What noticing the ICL up did. */
export type IclUpOutcome = 'detected' | 'already-up';
/** What a probe answer did. */
export type ProbeReplyOutcome = 'became-active' | 'confirmed' | 'ignored';
/** What a packet met. */
export type PacketOutcome = 'forwarded' | 'dropped';
/** With whom a cold sync was done. */
export type ColdSyncOutcome = 'with-peer' | 'standalone';
/** The answer to an operator's manual failover request. */
export type ManualFailoverOutcome = 'handed-over' | 'not-active' | 'peer-unreachable' | 'peer-not-backup';
/** The answer to an operator's SA deletion. */
export type SaDeleteOutcome = 'deleted' | 'not-active' | 'no-sa';

type TimerName = 'heartbeat' | 'deadPeer' | 'probe' | 'coldSync';

/** Placeholder handover sequence number between the request and the send that numbers it. */
const HANDOVER_UNSENT = Number.MAX_SAFE_INTEGER;

/** An MNHA node. Decision points a fault-injecting subclass may replace are `protected`. */
export class MnhaNode {
  protected readonly config: MnhaConfig;
  protected readonly behaviour: NodeBehaviour;
  protected readonly ports: NodePorts;
  /** How many times this device has booted. */
  readonly incarnation: number;

  protected srg0: Srg0State = 'coldSync';
  protected srg1: Srg1State = 'hold';
  protected readonly routes = new SignalRouteTable();
  protected readonly interfaces = new Map<string, InterfaceStatus>();
  protected readonly monitors: Record<SrgId, MonitorSet>;
  protected readonly sessions = new SessionTable();
  protected readonly sas = new SaTable();
  protected readonly peer: PeerTracker;
  protected iclView: IclView = 'down';
  protected probing = false;
  /** True from this node's state change until the state notification is sent. */
  protected stateDirty = false;

  private pendingHandoverSeq: number | null = null;
  private sendHandover = false;
  private helloWanted = false;
  private outbox: OutgoingBody[] = [];
  private txSeq = 0;
  private probeCounter = 0;
  private readonly outstandingProbes = new Set<number>();
  private spiCounter = 0;
  private negotiations = 0;
  private advertised: Preference | null = null;
  private depth = 0;
  private readonly timers: NamedTimers<TimerName>;

  constructor(deps: NodeDeps) {
    this.config = deps.config;
    this.behaviour = deps.behaviour;
    this.ports = deps.ports;
    this.incarnation = deps.incarnation;
    this.monitors = { 0: new MonitorSet(deps.config.srg0.monitoring), 1: new MonitorSet(deps.config.srg1.monitoring) };
    this.peer = new PeerTracker(deps.config.peer.id);
    this.timers = new NamedTimers(deps.ports.clock);
  }

  // ---------------------------------------------------------------- inputs

  /**
   * Boots the node (MNHA.md sections 3 and 5): SRG1 in hold with no signal
   * route (advertising low) and probing, SRG0 in cold sync with its
   * shut-on-failure interfaces down until the sync completes.
   */
  start(): void {
    this.input(() => {
      for (const name of this.config.srg0.shutdownOnFailure) this.interfaces.set(name, 'down');
      this.srg0 = 'coldSync';
      this.srg1 = 'hold';
      this.armHeartbeat();
      this.armColdSync();
    });
  }

  /** Stops every timer; the device is going away (crash or power-off). */
  stop(): void {
    this.timers.clearAll();
  }

  /** A message arrived over the ICL. Any message from the peer shows the ICL works. */
  receive(message: IclMessage): ReceiveOutcome {
    return this.input(() => {
      const admission = this.peer.admit(message);
      if (admission === 'foreign' || admission === 'stale') return admission;
      const contact = this.iclView === 'down' || admission === 'new-incarnation';
      this.iclView = 'up';
      if (admission === 'new-incarnation') this.pendingHandoverSeq = null;
      this.armDeadPeer();
      switch (message.kind) {
        case 'state':
          this.onStateNotification(message);
          break;
        case 'session-active':
          this.sessions.demote(message.sessionId);
          break;
        case 'sa-sync':
          this.sas.set(message.vpn, message.spi);
          break;
        case 'sa-delete':
          this.sas.delete(message.vpn);
          break;
        case 'heartbeat':
          this.peer.record(message);
          this.onAck(message.ack);
          break;
      }
      if (contact) this.onContact();
      return 'accepted';
    });
  }

  /** The node notices the ICL is up (its link layer reports the peer reachable). */
  noticeIclUp(): IclUpOutcome {
    return this.input(() => {
      if (this.iclView === 'up') return 'already-up';
      this.iclView = 'up';
      this.armDeadPeer();
      this.onContact();
      return 'detected';
    });
  }

  /**
   * The node notices the ICL is down (heartbeats timed out). It forgets the
   * peer's state: it cannot tell a dead peer from a cut link. An active node
   * either withdraws its active-signal-route and returns to hold, or keeps
   * it and probes, depending on the release (MNHA.md section 4).
   */
  noticeIclDown(): IclDownOutcome {
    return this.input(() => {
      if (this.iclView === 'down') return 'already-down';
      this.iclView = 'down';
      this.peer.forget();
      this.pendingHandoverSeq = null;
      this.timers.clear('deadPeer');
      if (this.srg1 === 'active' && this.behaviour.iclLossAtActive === 'withdraw') this.enterHold();
      return 'detected';
    });
  }

  /**
   * Sends one activeness probe from the floating IP, if the node is probing.
   * The answer, if any, comes back through `receiveProbeReply`.
   */
  sendProbe(): boolean {
    if (!this.probing) return false;
    this.probeCounter += 1;
    // ids carry the local id so that a reply routed to the other node never matches its probes
    const id = this.config.localId * 1_000_000 + this.probeCounter;
    this.outstandingProbes.add(id);
    this.ports.prober.send({ id, srcIp: this.floatingIp(), destIp: this.config.srg1.probe.destIp });
    return true;
  }

  /** A probe answer reached this node: a probing non-active node becomes active (MNHA.md section 3). */
  receiveProbeReply(reply: ProbeReply): ProbeReplyOutcome {
    return this.input(() => {
      if (!this.outstandingProbes.delete(reply.probeId) || !this.probing) return 'ignored';
      if (this.srg1 === 'hold' || this.srg1 === 'backup') {
        this.becomeActive();
        return 'became-active';
      }
      return 'confirmed';
    });
  }

  /** A monitored object of an SRG changed health. */
  setMonitor(srg: SrgId, name: string, status: MonitorStatus): MonitorChange {
    return this.input(() => {
      const change = this.monitors[srg].set(name, status);
      if (change === 'changed') this.applyMonitorVerdict(srg);
      return change;
    });
  }

  /** Every monitored object of an SRG changed health at once (the model's one monitor event). */
  setAllMonitors(srg: SrgId, status: MonitorStatus): MonitorChange {
    return this.input(() => {
      let change: MonitorChange = 'unchanged';
      for (const name of this.monitors[srg].names()) {
        if (this.monitors[srg].set(name, status) === 'changed') change = 'changed';
      }
      if (change === 'changed') this.applyMonitorVerdict(srg);
      return change;
    });
  }

  /** A packet of session `sessionId`, stamped `stamp` by the network, reached this node. */
  receivePacket(sessionId: string, stamp: number): PacketOutcome {
    return this.input(() => {
      if (this.srg0 !== 'online') return 'dropped';
      const effect = this.sessions.packetArrived(sessionId, stamp);
      // a new or warm session became active here: the peer must demote its copy
      if (effect !== 'refreshed') this.outbox.push({ kind: 'session-active', sessionId, packet: stamp });
      return 'forwarded';
    });
  }

  /**
   * Finishes a cold sync: swaps session tables and SAs with the peer over
   * the ICL's bulk channel (when it can be reached) and reconciles them; if
   * SRG0 was in coldSync it goes online and its interfaces come back up.
   * Without a reachable peer the sync completes standalone (nothing to
   * sync), as a node must be able to serve alone.
   */
  completeColdSync(): ColdSyncOutcome {
    return this.input(() => {
      this.timers.clear('coldSync');
      const theirs = this.ports.icl.exchangeColdSync(this.coldSyncSnapshot());
      if (theirs !== null) this.mergeColdSync(theirs);
      if (this.srg0 === 'coldSync') {
        this.srg0 = 'online';
        for (const name of this.interfaces.keys()) this.interfaces.set(name, 'up');
        this.stateDirty = true;
      }
      return theirs === null ? 'standalone' : 'with-peer';
    });
  }

  /** The peer's half of a cold sync: its snapshot, to reconcile with ours. */
  acceptColdSync(theirs: ColdSyncSnapshot): void {
    this.input(() => this.mergeColdSync(theirs));
  }

  /** What this node hands the peer in a cold sync. */
  coldSyncSnapshot(): ColdSyncSnapshot {
    return { from: this.origin(), srg1: this.srg1, sessions: this.sessions.records(), sas: this.sas.records() };
  }

  /** Operator: hand activeness to the healthy backup peer (MNHA.md section 5). */
  requestManualFailover(): ManualFailoverOutcome {
    return this.input(() => {
      if (this.srg1 !== 'active') return 'not-active';
      const peer = this.peer.known();
      if (peer === null) return 'peer-unreachable';
      if (peer.srg1 !== 'backup') return 'peer-not-backup';
      this.becomeBackup();
      this.sendHandover = true;
      this.pendingHandoverSeq = HANDOVER_UNSENT;
      return 'handed-over';
    });
  }

  /** Operator: delete the SA of `vpn`; only the active node may (MNHA.md section 7). */
  deleteSa(vpn: string): SaDeleteOutcome {
    return this.input(() => {
      if (this.srg1 !== 'active') return 'not-active';
      if (!this.sas.delete(vpn)) return 'no-sa';
      this.ports.ike.teardown(vpn);
      this.outbox.push({ kind: 'sa-delete', vpn });
      return 'deleted';
    });
  }

  /**
   * Sends one heartbeat now, whatever the node believes of the ICL: what
   * the heartbeat timer does every period. Step-driven runs (replay) call it
   * for the one repetition of the node's state they need.
   */
  sendHeartbeat(): void {
    this.ports.icl.send({
      kind: 'heartbeat',
      from: this.origin(),
      ack: this.peer.lastAccepted(),
      srg0: this.srg0,
      srg1: this.srg1,
      activenessPriority: this.config.srg1.activenessPriority,
      preemption: this.config.srg1.preemption,
    });
  }

  /** The node's state as plain data. */
  inspect(): NodeInspection {
    return {
      localId: this.config.localId,
      incarnation: this.incarnation,
      iclView: this.iclView,
      peer: this.peer.known(),
      srg0: {
        state: this.srg0,
        interfaces: [...this.interfaces.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([name, status]) => ({ name, status })),
        failedMonitors: this.monitors[0].failedNames(),
      },
      srg1: {
        state: this.srg1,
        signalRoutes: { active: this.routes.has('active'), backup: this.routes.has('backup') },
        preference: this.routes.preference(),
        probing: this.probing,
        forwarding: this.srg1 === 'active',
        failedMonitors: this.monitors[1].failedNames(),
        pendingHandover: this.pendingHandoverSeq !== null,
      },
      sessions: this.sessions.records(),
      sas: this.sas.records(),
      ikeNegotiations: this.negotiations,
    };
  }

  /** Monitor names of an SRG. */
  monitorNames(srg: SrgId): string[] {
    return this.monitors[srg].names();
  }

  // ------------------------------------------------------- decision points

  /** Split-brain resolution: true when this node must back off (MNHA.md section 4). */
  protected backsOffInSplitBrain(peer: PeerState): boolean {
    return backsOffInSplitBrain(this.contender(), peer);
  }

  /**
   * SRG1 failed on this node: go ineligible, remove both signal routes (so
   * the node advertises low), stop probing and forwarding (MNHA.md section 5).
   */
  protected enterIneligible(): void {
    this.routes.remove('active');
    this.routes.remove('backup');
    this.srg1 = 'ineligible';
    this.pendingHandoverSeq = null;
    this.stateDirty = true;
  }

  /** Takes activeness: active-signal-route in, backup-signal-route out; VPNs taken over. */
  protected becomeActive(): void {
    this.routes.remove('backup');
    this.routes.install('active');
    this.srg1 = 'active';
    this.pendingHandoverSeq = null;
    this.stateDirty = true;
    this.takeOverVpns();
  }

  /** Becomes backup: backup-signal-route in, active-signal-route out. */
  protected becomeBackup(): void {
    this.routes.remove('active');
    this.routes.install('backup');
    this.srg1 = 'backup';
    this.stateDirty = true;
  }

  /** Returns to hold: no signal route (advertises low), probing. */
  protected enterHold(): void {
    this.routes.remove('active');
    this.routes.remove('backup');
    this.srg1 = 'hold';
    this.stateDirty = true;
  }

  // ------------------------------------------------------------- internals

  private input<T>(handler: () => T): T {
    this.depth += 1;
    let result: T;
    try {
      result = handler();
    } finally {
      this.depth -= 1;
    }
    if (this.depth === 0) {
      this.settle();
      this.flush();
    }
    return result;
  }

  private onStateNotification(message: StateNotification): void {
    this.peer.record(message);
    this.onAck(message.ack);
    if (message.hello) this.stateDirty = true;
    if (message.handover) {
      if (this.srg1 === 'backup') this.becomeActive();
      else this.stateDirty = true; // cannot take over: answer, so that the requester stops waiting
    }
  }

  /** The peer has accepted our messages up to `ack`: a handover it acknowledges is over. */
  private onAck(ack: number): void {
    if (this.pendingHandoverSeq !== null && ack >= this.pendingHandoverSeq) this.pendingHandoverSeq = null;
  }

  /** Contact with the peer is (re)established: announce ourselves, and resync sessions soon. */
  private onContact(): void {
    this.stateDirty = true;
    this.helloWanted = this.peer.known() === null;
    this.armColdSync();
  }

  private applyMonitorVerdict(srg: SrgId): void {
    const failed = this.monitors[srg].failed();
    if (srg === 1) {
      if (failed && this.srg1 !== 'ineligible') this.enterIneligible();
      else if (!failed && this.srg1 === 'ineligible') this.recoverFromIneligible();
      return;
    }
    if (failed && this.srg0 !== 'isolated') {
      this.srg0 = 'isolated';
      for (const name of this.interfaces.keys()) this.interfaces.set(name, 'down');
      this.timers.clear('coldSync');
      this.stateDirty = true;
    } else if (!failed && this.srg0 === 'isolated') {
      // recovery waits for a cold sync before going online (MNHA.md section 5)
      this.srg0 = 'coldSync';
      this.armColdSync();
      this.stateDirty = true;
    }
  }

  /**
   * Recovery from ineligible (Decision, MNHA.md section 5): backup if the
   * peer is known active over the ICL; otherwise hold, from where the node
   * probes (ICL down) or elects as at boot (ICL up, peer not active).
   */
  private recoverFromIneligible(): void {
    if (this.peer.known()?.srg1 === 'active') this.becomeBackup();
    else this.enterHold();
  }

  /** Re-applies the activeness rules until they change nothing more. */
  private settle(): void {
    for (let round = 0; round < 4; round += 1) {
      const before = this.srg1;
      this.decideActiveness();
      if (this.srg1 === before) break;
    }
    this.probing = this.wantsToProbe();
    if (!this.probing) this.outstandingProbes.clear();
  }

  /** The activeness rules applied to the peer's known state (nothing to decide while it is unknown). */
  private decideActiveness(): void {
    const peer = this.peer.known();
    if (this.srg1 === 'ineligible' || peer === null) return;
    if (this.srg1 === 'active') {
      if (peer.srg1 === 'active' && this.backsOffInSplitBrain(peer)) this.becomeBackup();
      else if (peer.srg1 === 'backup' && preemptedBy(this.contender(), peer)) this.becomeBackup();
      return;
    }
    // hold or backup
    if (peer.srg1 === 'active') {
      if (this.srg1 === 'hold') this.becomeBackup();
      return;
    }
    if (this.pendingHandoverSeq !== null) return; // we handed activeness over: wait for the peer's answer
    const byPriority = priorityWinner(this.contender(), peer);
    if (peer.srg1 === 'ineligible' || byPriority === 'self') this.becomeActive();
    // a backup whose peer has no claim to activeness (it is in hold or backup, so the routers already prefer
    // this node's medium preference) takes over, unless the priorities give it to the peer
    else if (this.srg1 === 'backup' && byPriority === null) this.becomeActive();
  }

  /**
   * Whether the node probes now. With the ICL down a non-active node probes,
   * and so does an active node under keep-and-probe. With the ICL up,
   * probing stops (MNHA.md section 4) except where a probe has to decide an
   * election (section 3, step 5): a node in hold whose peer is unknown yet
   * (at boot) or in hold too, when the priorities do not decide. A node
   * never probes while it knows its peer active or backup (section 8,
   * property 10).
   */
  private wantsToProbe(): boolean {
    const state = this.srg1;
    if (state === 'ineligible') return false;
    const contender = state === 'hold' || state === 'backup';
    if (this.iclView === 'down') return contender || (state === 'active' && this.behaviour.iclLossAtActive === 'keep-and-probe');
    const peer = this.peer.known();
    if (peer === null) return state === 'hold';
    if (state !== 'hold' || peer.srg1 !== 'hold') return false;
    if (this.pendingHandoverSeq !== null) return false;
    return priorityWinner(this.contender(), peer) === null;
  }

  /** Sends what the input produced (only while the ICL is believed up), then re-advertises and re-arms. */
  private flush(): void {
    if (this.iclView === 'up') {
      if (this.stateDirty) {
        const notification = this.stateNotification();
        if (notification.handover) this.pendingHandoverSeq = notification.seq;
        this.ports.icl.send(notification);
      }
      for (const body of this.outbox) this.ports.icl.send(stampBody(body, this.origin(), this.nextSeq()));
    }
    this.stateDirty = false;
    this.helloWanted = false;
    this.sendHandover = false;
    this.outbox = [];
    const preference = this.routes.preference();
    if (preference !== this.advertised) {
      this.advertised = preference;
      this.ports.routes.advertise(preference);
    }
    if (this.probing && !this.timers.pending('probe')) this.armProbe();
    if (!this.probing) this.timers.clear('probe');
  }

  private stateNotification(): StateNotification {
    return {
      kind: 'state',
      from: this.origin(),
      seq: this.nextSeq(),
      ack: this.peer.lastAccepted(),
      hello: this.helloWanted,
      handover: this.sendHandover,
      srg0: this.srg0,
      srg1: this.srg1,
      activenessPriority: this.config.srg1.activenessPriority,
      preemption: this.config.srg1.preemption,
    };
  }

  private mergeColdSync(theirs: ColdSyncSnapshot): void {
    this.sessions.reconcile(theirs.sessions);
    this.sas.merge(theirs.sas, theirs.srg1 === 'active' && this.srg1 !== 'active');
  }

  /**
   * On becoming active, each SRG1 VPN either carries on with the SA synced
   * from the former active node (no tunnel flap) or is negotiated afresh
   * with a new SPI (MNHA.md section 7). IKE runs only here, on the active node.
   */
  private takeOverVpns(): void {
    for (const vpn of this.config.srg1.vpns) {
      if (this.sas.get(vpn) !== undefined) continue;
      this.spiCounter += 1;
      const spi = `${this.config.localId}.${this.incarnation}.${this.spiCounter}`;
      this.negotiations += 1;
      this.ports.ike.establish(vpn, spi);
      this.sas.set(vpn, spi);
      this.outbox.push({ kind: 'sa-sync', vpn, spi });
    }
  }

  private contender(): Contender {
    return { localId: this.config.localId, activenessPriority: this.config.srg1.activenessPriority };
  }

  private origin(): Origin {
    return { localId: this.config.localId, incarnation: this.incarnation };
  }

  private nextSeq(): number {
    this.txSeq += 1;
    return this.txSeq;
  }

  private floatingIp(): string {
    return this.config.floatingIps[0] ?? this.config.srg1.probe.srcIp ?? '0.0.0.0';
  }

  private armHeartbeat(): void {
    this.timers.set('heartbeat', this.behaviour.timing.heartbeatIntervalMs, () => {
      this.sendHeartbeat();
      this.armHeartbeat();
    });
  }

  private armDeadPeer(): void {
    this.timers.set('deadPeer', this.behaviour.timing.heartbeatTimeoutMs, () => this.noticeIclDown());
  }

  private armColdSync(): void {
    this.timers.set('coldSync', this.behaviour.timing.coldSyncMs, () => this.completeColdSync());
  }

  private armProbe(): void {
    this.timers.set('probe', this.behaviour.timing.probeIntervalMs, () => {
      this.sendProbe();
      if (this.probing && !this.timers.pending('probe')) this.armProbe();
    });
  }
}
