/**
 * One MNHA node: the core of an HA daemon running on one firewall. It holds
 * its own SRG states, signal routes, monitors, peer knowledge, session table
 * and SAs, and meets the world only through its ports (ICL transport, route
 * advertisement, prober, IKE peer, clock).
 *
 * The protocol is the one `models/mnha/PROTOCOL.md` states (this code does
 * not read the model; replay checks that the two agree). Every input (a
 * message, a timer, a probe answer, an operator command, a monitor event)
 * runs through `input`: the handler changes local state and queues at most
 * one state notification plus other messages, then `flush` sends them (only
 * while the ICL is believed up), re-advertises the preference if the policy
 * now gives another one, and starts or stops the probe timer.
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
import { Ask } from './ask.js';
import {
  stampBody,
  type IclMessage,
  type Origin,
  type OutgoingBody,
  type StateFlag,
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
export type ProbeReplyOutcome = 'became-active' | 'ignored';
/** What a packet met. */
export type PacketOutcome = 'forwarded' | 'dropped';
/** What completing a cold sync did. */
export type ColdSyncOutcome = 'online' | 'not-syncing';
/** The answer to an operator's manual failover request. */
export type ManualFailoverOutcome = 'handed-over' | 'not-active' | 'peer-unreachable' | 'peer-not-backup' | 'awaiting-answer';
/** The answer to an operator's SA deletion. */
export type SaDeleteOutcome = 'deleted' | 'not-active' | 'no-sa';
/** What the preemption timer did. */
export type PreemptOutcome = 'stepped-down' | 'not-preempted';
/** What an IKE negotiation trigger did. */
export type IkeOutcome = 'negotiated' | 'not-active' | 'sa-in-use';

type TimerName = 'heartbeat' | 'deadPeer' | 'probe' | 'coldSync' | 'preempt' | 'ike';

/** The notification queued by the current input, if any: the state is sent when the input is over. */
interface Announcement {
  flag: StateFlag;
}

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
  protected readonly ask = new Ask();
  protected iclView: IclView = 'down';
  protected probing = false;
  /** The state notification the current input will send, if any. */
  protected announcement: Announcement | null = null;

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

  /**
   * A message arrived over the ICL. A message from the peer while the node
   * believes the ICL down shows that the ICL works: the node notices it up
   * first (the same reaction as `noticeIclUp`), then takes the message.
   */
  receive(message: IclMessage): ReceiveOutcome {
    return this.input(() => {
      const admission = this.peer.admit(message);
      if (admission === 'foreign' || admission === 'stale') return admission;
      if (this.iclView === 'down') this.onContact();
      this.armDeadPeer();
      switch (message.kind) {
        case 'state':
          this.onStateNotification(message);
          break;
        case 'session-active':
          for (const id of message.sessionIds) this.sessions.demote(id);
          break;
        case 'sa-sync':
          this.sas.synced(message.vpn, message.spi);
          break;
        case 'sa-delete':
          this.sas.peerDeleted(message.vpn);
          break;
        case 'heartbeat':
          break;
      }
      return 'accepted';
    });
  }

  /** The node notices the ICL is up (its link layer reports the peer reachable). */
  noticeIclUp(): IclUpOutcome {
    return this.input(() => {
      if (this.iclView === 'up') return 'already-up';
      this.onContact();
      this.armDeadPeer();
      return 'detected';
    });
  }

  /**
   * The node notices the ICL is down (heartbeats timed out). It forgets the
   * peer's state and its ask: it cannot tell a dead peer from a cut link, and
   * the answer is lost with the link. An active node either withdraws its
   * active-signal-route and returns to hold, or keeps it and probes,
   * depending on the release (MNHA.md section 4).
   */
  noticeIclDown(): IclDownOutcome {
    return this.input(() => {
      if (this.iclView === 'down') return 'already-down';
      this.iclView = 'down';
      this.peer.forget();
      this.ask.forget();
      this.timers.clear('deadPeer');
      this.ports.icl.disconnect();
      if (this.srg1 === 'active' && this.withdrawsOnIclLoss()) this.enterHold();
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

  /** The id of the last probe this node sent (0: none yet), e.g. for a late answer to it. */
  lastProbeId(): number {
    return this.probeCounter === 0 ? 0 : this.config.localId * 1_000_000 + this.probeCounter;
  }

  /**
   * A probe answer reached this node: a probing node in hold or backup
   * becomes active (MNHA.md section 3). An answer to a probe it did not
   * send, or that comes when it no longer probes, is dropped.
   */
  receiveProbeReply(reply: ProbeReply): ProbeReplyOutcome {
    return this.input(() => {
      if (!this.acceptsProbeReply(reply.probeId)) return 'ignored';
      if (this.srg1 !== 'hold' && this.srg1 !== 'backup') return 'ignored';
      this.becomeActive();
      this.announce('none');
      return 'became-active';
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
      const before = this.monitors[srg].failed();
      let change: MonitorChange = 'unchanged';
      for (const name of this.monitors[srg].names()) {
        if (this.monitors[srg].set(name, status) === 'changed') change = 'changed';
      }
      if (change === 'changed' && this.monitors[srg].failed() !== before) this.applyMonitorVerdict(srg);
      return change;
    });
  }

  /** A packet of session `sessionId`, stamped `stamp` by the network, reached this node. */
  receivePacket(sessionId: string, stamp: number): PacketOutcome {
    return this.input(() => {
      if (this.srg0 !== 'online') return 'dropped';
      const effect = this.sessions.packetArrived(sessionId, stamp);
      // a new or warm session became active here: the peer must demote its copy
      if (effect !== 'refreshed') this.queue({ kind: 'session-active', sessionIds: [sessionId] });
      return 'forwarded';
    });
  }

  /**
   * Finishes SRG0's cold sync: SRG0 goes online and its shut-on-failure
   * interfaces come back up. (Sessions are reconciled on contact.)
   */
  completeColdSync(): ColdSyncOutcome {
    return this.input(() => {
      this.timers.clear('coldSync');
      if (this.srg0 !== 'coldSync') return 'not-syncing';
      this.srg0 = 'online';
      for (const name of this.interfaces.keys()) this.interfaces.set(name, 'up');
      return 'online';
    });
  }

  /**
   * Operator: hand activeness to the healthy backup peer (MNHA.md section 5).
   * The node steps down to backup and asks the peer to take over; with the
   * stale-notice protection it claims nothing until the peer has answered,
   * and refuses while an earlier ask is still out.
   */
  requestManualFailover(): ManualFailoverOutcome {
    return this.input(() => {
      if (this.srg1 !== 'active') return 'not-active';
      const peer = this.knownPeer();
      if (peer === null) return 'peer-unreachable';
      if (peer.srg1 !== 'backup') return 'peer-not-backup';
      if (this.behaviour.waitForAnswer && this.ask.waiting()) return 'awaiting-answer';
      this.becomeBackup();
      if (this.behaviour.waitForAnswer) this.ask.want();
      this.announce('handover');
      return 'handed-over';
    });
  }

  /**
   * The preemption timer fired (MNHA.md section 5): an active node that sees
   * its peer as a healthy backup with preemption and a higher priority steps
   * down to backup; the peer then claims activeness.
   */
  firePreemption(): PreemptOutcome {
    return this.input(() => {
      this.timers.clear('preempt');
      const peer = this.knownPeer();
      if (this.srg1 !== 'active' || peer === null || peer.srg1 !== 'backup' || !this.preemptedBy(peer)) return 'not-preempted';
      this.becomeBackup();
      this.announce('none');
      return 'stepped-down';
    });
  }

  /**
   * IKE negotiation is triggered (MNHA.md section 7): only the active node
   * negotiates, and only for a VPN without an SA in use; the new SA is
   * synchronised to the peer.
   */
  negotiateIke(): IkeOutcome {
    return this.input(() => {
      this.timers.clear('ike');
      if (!this.mayNegotiateIke()) return 'not-active';
      let negotiated = false;
      for (const vpn of this.config.srg1.vpns) {
        if (this.sas.get(vpn)?.inUse === true) continue;
        this.spiCounter += 1;
        const spi = `${this.config.localId}.${this.incarnation}.${this.spiCounter}`;
        this.negotiations += 1;
        this.ports.ike.establish(vpn, spi);
        this.sas.negotiated(vpn, spi);
        this.queue({ kind: 'sa-sync', vpn, spi });
        negotiated = true;
      }
      return negotiated ? 'negotiated' : 'sa-in-use';
    });
  }

  /** Operator: delete the SA of `vpn`; only the active node may, and only the one it uses (MNHA.md section 7). */
  deleteSa(vpn: string): SaDeleteOutcome {
    return this.input(() => {
      if (this.srg1 !== 'active') return 'not-active';
      if (this.sas.get(vpn)?.inUse !== true) return 'no-sa';
      this.sas.delete(vpn);
      this.ports.ike.teardown(vpn);
      this.queue({ kind: 'sa-delete', vpn });
      return 'deleted';
    });
  }

  /** Sends one heartbeat now, whatever the node believes of the ICL: what the heartbeat timer does every period. */
  sendHeartbeat(): void {
    this.ports.icl.send({ kind: 'heartbeat', from: this.origin(), ack: this.peer.lastAccepted() });
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
        ask: this.ask.state(),
      },
      sessions: this.sessions.records(),
      sas: this.sas.records(),
      ikeNegotiations: this.negotiations,
    };
  }

  /**
   * Takes over the whole state of `from`, another node object of the same
   * device and boot (forking a network for step-driven runs). Timers are not
   * carried over: they are the clock's, and a forked network starts with none.
   */
  adoptStateOf(from: MnhaNode): void {
    const self = this as unknown as Record<string, unknown>;
    const other = from as unknown as Record<string, unknown>;
    Object.assign(self, {
      srg0: from.srg0, srg1: from.srg1, routes: from.routes.clone(),
      monitors: { 0: from.monitors[0].clone(), 1: from.monitors[1].clone() },
      sessions: from.sessions.clone(), sas: from.sas.clone(), peer: from.peer.clone(), ask: from.ask.clone(),
      iclView: from.iclView, probing: from.probing, announcement: null,
      outbox: [], txSeq: other.txSeq, probeCounter: other.probeCounter,
      outstandingProbes: new Set(from.outstandingProbes), spiCounter: other.spiCounter,
      negotiations: other.negotiations, advertised: other.advertised, depth: 0,
    });
    this.interfaces.clear();
    for (const [name, status] of from.interfaces) this.interfaces.set(name, status);
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
   * Whether a node in hold claims activeness without a probe (PROTOCOL.md
   * "Deciding"): its peer is ineligible (the only candidate), or in hold or
   * backup with the priorities favouring this node (election).
   */
  protected holdClaims(peer: PeerState): boolean {
    if (peer.srg1 === 'ineligible') return true;
    return (peer.srg1 === 'hold' || peer.srg1 === 'backup') && priorityWinner(this.contender(), peer) === 'self';
  }

  /**
   * Whether a backup claims activeness without a probe: its peer is
   * ineligible; in hold, unless the priorities favour the peer (the routers
   * already prefer this node's medium preference; without a
   * backup-signal-route the node claims all the same: it decides on states,
   * not on its routes); or backup too, when this node would win a
   * split-brain resolution.
   */
  protected backupClaims(peer: PeerState): boolean {
    if (peer.srg1 === 'ineligible') return true;
    if (peer.srg1 === 'hold') return priorityWinner(this.contender(), peer) !== 'peer';
    if (peer.srg1 === 'backup') return !this.backsOffInSplitBrain(peer);
    return false;
  }

  /**
   * SRG1 failed on this node: go ineligible, remove both signal routes (so
   * the node advertises low), stop probing and forwarding (MNHA.md section 5).
   */
  protected enterIneligible(): void {
    this.leaveActive();
    this.routes.remove('active');
    this.routes.remove('backup');
    this.srg1 = 'ineligible';
  }

  /** Takes activeness: active-signal-route in, backup-signal-route out; synchronised SAs taken over. */
  protected becomeActive(): void {
    this.routes.remove('backup');
    this.routes.install('active');
    this.srg1 = 'active';
    this.sas.takeOver();
  }

  /**
   * Becomes backup: active-signal-route out, backup-signal-route in when the
   * configuration has one. Without it nothing is installed and the policy
   * gives the default preference (low), as in hold (MNHA.md section 2).
   */
  protected becomeBackup(): void {
    this.leaveActive();
    this.routes.remove('active');
    if (this.config.srg1.backupSignalRoute !== null) this.routes.install('backup');
    this.srg1 = 'backup';
  }

  /** Returns to hold: no signal route (advertises low). */
  protected enterHold(): void {
    this.leaveActive();
    this.routes.remove('active');
    this.routes.remove('backup');
    this.srg1 = 'hold';
  }

  /** Whether a probe answer is for this node: one of its probes still awaited, while it probes. */
  protected acceptsProbeReply(probeId: number): boolean {
    return this.outstandingProbes.delete(probeId) && this.probing;
  }

  /** Whether an active node withdraws its active-signal-route when it notices the ICL down (MNHA.md section 4). */
  protected withdrawsOnIclLoss(): boolean {
    return this.behaviour.iclLossAtActive === 'withdraw';
  }

  /** Whether this node may negotiate IKE: only the active node (MNHA.md section 7). */
  protected mayNegotiateIke(): boolean {
    return this.srg1 === 'active';
  }

  /** Preemption: this active node must step down for `peer`, a backup with preemption and the higher priority. */
  protected preemptedBy(peer: PeerState): boolean {
    return preemptedBy(this.contender(), peer);
  }

  /** Queues a message (other than a state notification) to send when the input is over. */
  protected queue(body: OutgoingBody): void {
    this.outbox.push(body);
  }

  /** The state notification this input sends (one per input; a later call only upgrades the flag). */
  protected announce(flag: StateFlag): void {
    if (this.announcement === null || this.announcement.flag === 'none') this.announcement = { flag };
  }

  /**
   * Recovery from ineligible (Decision, MNHA.md section 5): backup under a
   * known active peer; with the ICL otherwise hold, electing at once as at
   * boot, or, with the stale-notice protection, asking and claiming nothing
   * until answered; without the ICL, hold and probe.
   */
  protected recoverFromIneligible(): void {
    const peer = this.knownPeer();
    if (peer?.srg1 === 'active') this.becomeBackup();
    else if (peer !== null && !this.behaviour.waitForAnswer && this.holdClaims(peer)) this.becomeActive();
    else this.enterHold();
    if (this.iclView === 'up' && this.behaviour.waitForAnswer) {
      // one ask at a time: with one already out, announce plainly and ask again once it is answered
      this.announce(this.ask.want() ? 'ask' : 'none');
      return;
    }
    this.announce('none');
  }

  // ------------------------------------------------------------- internals

  /** Runs one input: the handler, then probing settled and everything it produced sent. */
  protected input<T>(handler: () => T): T {
    this.depth += 1;
    let result: T;
    try {
      result = handler();
    } finally {
      this.depth -= 1;
    }
    if (this.depth === 0) {
      this.probing = this.wantsToProbe();
      if (!this.probing) this.outstandingProbes.clear();
      this.flush();
    }
    return result;
  }

  /** The peer's state, known only while the ICL is believed up. */
  private knownPeer(): PeerState | null {
    return this.iclView === 'up' ? this.peer.known() : null;
  }

  /**
   * A state notification: record the peer's state, see whether it answers
   * this node's ask, then decide (PROTOCOL.md "Deciding"). Whatever changed
   * is announced in one notification, which answers the message if it asked.
   */
  private onStateNotification(message: StateNotification): void {
    this.peer.record(message);
    const acked = this.ask.acknowledged(message.ack);
    const peer = this.peer.known()!;
    const before = this.srg1;
    const waiting = this.ask.waiting();
    if (this.srg1 === 'active') {
      if (peer.srg1 === 'active' && this.backsOffInSplitBrain(peer)) this.becomeBackup();
    } else if (this.srg1 === 'hold') {
      if (peer.srg1 === 'active') this.becomeBackup();
      else if (!waiting && this.holdClaims(peer)) this.becomeActive();
    } else if (this.srg1 === 'backup') {
      if (message.flag === 'handover') this.becomeActive();
      else if (!waiting && this.backupClaims(peer)) this.becomeActive();
    }
    if (message.flag === 'ask' || message.flag === 'handover') this.announce('answer');
    else if (acked === 'ask-again') this.announce('ask');
    else if (this.srg1 !== before) this.announce('none');
  }

  /** Contact with the peer (re)established: announce, resynchronise SAs and sessions. */
  private onContact(): void {
    this.iclView = 'up';
    this.announce('none');
    if (this.srg1 === 'active') {
      for (const sa of this.sas.records()) if (sa.inUse) this.queue({ kind: 'sa-sync', vpn: sa.vpn, spi: sa.spi });
    }
    const theirs = this.ports.icl.peerSessions();
    if (theirs !== null) {
      const keep = this.sessions.reconcileWith(theirs);
      if (keep.length > 0) this.queue({ kind: 'session-active', sessionIds: keep });
    }
  }

  private applyMonitorVerdict(srg: SrgId): void {
    const failed = this.monitors[srg].failed();
    if (srg === 1) {
      if (failed && this.srg1 !== 'ineligible') {
        this.enterIneligible();
        this.announce('none');
      } else if (!failed && this.srg1 === 'ineligible') {
        this.recoverFromIneligible();
      }
      return;
    }
    if (failed && this.srg0 !== 'isolated') {
      this.srg0 = 'isolated';
      for (const name of this.interfaces.keys()) this.interfaces.set(name, 'down');
      this.timers.clear('coldSync');
    } else if (!failed && this.srg0 === 'isolated') {
      // recovery waits for a cold sync before going online (MNHA.md section 5)
      this.srg0 = 'coldSync';
      this.armColdSync();
    }
  }

  /** An active node's SAs become synchronised copies when it leaves active. */
  private leaveActive(): void {
    if (this.srg1 === 'active') this.sas.handBack();
  }

  /**
   * Whether the node probes now (PROTOCOL.md "Probing"): without the ICL a
   * node in hold or backup probes, and an active one under keep-and-probe;
   * with the ICL only a node in hold whose peer is in hold, when the
   * priorities do not decide and no ask is out. Never while ineligible.
   */
  protected wantsToProbe(): boolean {
    const state = this.srg1;
    if (state === 'ineligible') return false;
    if (this.iclView === 'down') return state === 'hold' || state === 'backup' || (state === 'active' && this.behaviour.iclLossAtActive === 'keep-and-probe');
    const peer = this.peer.known();
    return state === 'hold' && peer?.srg1 === 'hold' && priorityWinner(this.contender(), peer) === null && !this.ask.waiting();
  }

  /** Sends what the input produced (only while the ICL is believed up), then re-advertises and re-arms. */
  private flush(): void {
    if (this.iclView === 'up') {
      if (this.announcement !== null) {
        const notification = this.stateNotification(this.announcement.flag);
        if (notification.flag === 'ask' || notification.flag === 'handover') this.ask.sent(notification.seq);
        this.ports.icl.send(notification);
      }
      for (const body of this.outbox) this.ports.icl.send(stampBody(body, this.origin(), this.nextSeq()));
    }
    this.announcement = null;
    this.outbox = [];
    const preference = this.routes.preference();
    if (preference !== this.advertised) {
      this.advertised = preference;
      this.ports.routes.advertise(preference);
    }
    if (this.probing && !this.timers.pending('probe')) this.armProbe();
    if (!this.probing) this.timers.clear('probe');
    this.armProtocolTimers();
  }

  private stateNotification(flag: StateFlag): StateNotification {
    return {
      kind: 'state',
      from: this.origin(),
      seq: this.nextSeq(),
      ack: this.peer.lastAccepted(),
      flag,
      srg0: this.srg0,
      srg1: this.srg1,
      activenessPriority: this.config.srg1.activenessPriority,
      preemption: this.config.srg1.preemption,
    };
  }

  /** In clock-driven runs: the preemption and IKE timers run while there is something for them to do. */
  private armProtocolTimers(): void {
    const peer = this.knownPeer();
    const preempt = this.srg1 === 'active' && peer?.srg1 === 'backup' && this.preemptedBy(peer);
    if (preempt && !this.timers.pending('preempt')) this.timers.set('preempt', this.behaviour.timing.preemptDelayMs, () => this.firePreemption());
    if (!preempt) this.timers.clear('preempt');
    const ike = this.srg1 === 'active' && this.config.srg1.vpns.some((vpn) => this.sas.get(vpn)?.inUse !== true);
    if (ike && !this.timers.pending('ike')) this.timers.set('ike', this.behaviour.timing.ikeDelayMs, () => this.negotiateIke());
    if (!ike) this.timers.clear('ike');
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
