/**
 * The MNHA system: nodes n1 and n2, the probe router and the ICL, the ICL's
 * message channel, and the environment's steps: faults (unfair, assumed to
 * stop eventually), repairs and protocol steps (weakly fair), and operator or
 * traffic events (neither).
 */
import * as x from '../../src/dsl/index.js';
import type { StepDecl, SystemDecl } from '../../src/model/index.js';
import {
  FaultKinds, Flags, LastPacket, MsgTypes, Nodes, PeerViews, Prefs, SaStates, SessionStates, Srg1States, TunnelStates, msgType,
} from './domains.js';
import { iclMachine } from './icl-machine.js';
import { nodeMachine } from './node-machine.js';
import { ConvergenceT, constantsOf, FaultWindowT, IclLossT, type MnhaParams, sessionsDomain } from './params.js';
import { routerMachine } from './router-machine.js';
import { type MnhaVocabulary, vocabulary } from './vocabulary.js';

/** The system and its vocabulary, for properties and scenarios. */
export interface MnhaSystem {
  readonly decl: SystemDecl;
  readonly voc: MnhaVocabulary;
  readonly params: MnhaParams;
}

/** Builds the MNHA system for a parameter set. */
export function mnhaSystem(p: MnhaParams): MnhaSystem {
  const Sessions = sessionsDomain(p);
  const Msg = msgType(Sessions);
  const node = nodeMachine(p);
  const router = routerMachine();
  const icl = iclMachine();
  const msgsT = x.funT(Nodes, x.seqT(Msg, p.iclCapacity, 'IclCapacity'));
  const envTypes = { offPath: x.boolT, probeLoss: x.boolT, lastPacket: x.funT(Sessions, LastPacket), tunnel: TunnelStates, flapped: x.boolT, iclOverflow: x.boolT };
  const voc = vocabulary([node, router, icl], ['node'], envTypes, msgsT);
  const { v, at, Peer, Faults, Answers, RouterPrefers } = voc;
  const enabled = (kind: string) => x.isIn(x.str(kind, FaultKinds), Faults);
  const up = (n: x.Expr) => x.eq(at('node', n), x.str('up', (v.node.t as x.FunType).value as x.EnumType));
  const down = (n: x.Expr) => x.eq(at('node', n), x.str('down', (v.node.t as x.FunType).value as x.EnumType));
  const iclIs = (s: string) => x.eq(v.icl, x.str(s, v.icl.t as x.EnumType));
  const srg1Is = (n: x.Expr, s: string) => x.eq(at('srg1', n), x.str(s, (v.srg1.t as x.FunType).value as x.EnumType));
  const tunnelIs = (s: string) => x.eq(v.tunnel, x.str(s, TunnelStates));
  const noMessages = x.funOf('k', Nodes, () => x.emptySeq(x.seqT(Msg, p.iclCapacity, 'IclCapacity')));
  const flushIcl = () => [x.assign(v.msgs, noMessages)];
  const toNode = (p2: Readonly<Record<string, x.Expr>>) => p2.n;
  const theRouter = () => x.str('router', x.enumT(['router']));
  const theIcl = () => x.str('icl', x.enumT(['icl']));
  const Ipsec = x.constant('Ipsec', x.boolT);
  const Preemption = x.constant('Preemption', x.boolT);
  const ManualFailover = x.constant('ManualFailover', x.boolT);
  const RouteConvergence = x.constant('RouteConvergence', ConvergenceT);
  const probeAnswered = (n: x.Expr) => x.and(up(n), at('probing', n), x.not(v.probeLoss));
  /**
   * Bound of the search on the environment: a fault, operator or traffic
   * event that makes a node send strikes only while at most FaultWindow
   * messages are in flight on the ICL (both directions together). Races
   * between an event and the messages about earlier ones stay in the
   * search; what is cut is an environment that keeps striking while the
   * nodes have not caught up.
   */
  const FaultWindow = x.constant('FaultWindow', FaultWindowT);
  const quietEnough = () => x.le(x.add(x.len(at('msgs', x.str('n1', Nodes))), x.len(at('msgs', x.str('n2', Nodes)))), FaultWindow);

  const steps: StepDecl[] = [
    // ---------------------------------------------------------------- faults
    { name: 'IclCut', fault: true, guard: () => enabled('icl'),
      deliver: { machine: 'icl', to: theIcl, event: 'CUT' },
      updates: flushIcl,
      doc: 'the ICL goes down; messages in flight are lost' },
    { name: 'Crash', fault: true, params: { n: Nodes }, guard: () => enabled('crash'),
      deliver: { machine: 'node', to: toNode, event: 'CRASH' },
      // Decision: the ICL session dies with the node, so nothing in flight survives.
      updates: flushIcl,
      doc: 'node n crashes: its state is lost and its routes are withdrawn' },
    { name: 'Srg1MonitorFail', fault: true, params: { n: Nodes }, guard: () => x.and(enabled('srg1Monitor'), quietEnough()),
      deliver: { machine: 'node', to: toNode, event: 'MON1_FAIL' }, doc: "SRG1's monitored objects on n reach the failure threshold" },
    { name: 'Srg0MonitorFail', fault: true, params: { n: Nodes }, guard: () => enabled('srg0Monitor'),
      deliver: { machine: 'node', to: toNode, event: 'MON0_FAIL' }, doc: "SRG0's monitored objects on n reach the failure threshold" },
    { name: 'RouterMisbehaves', fault: true, guard: () => enabled('router'),
      deliver: { machine: 'router', to: theRouter, event: 'MISBEHAVE' }, doc: 'the probe router starts answering probes off its preferred path' },
    { name: 'ProbeLossStarts', fault: true, guard: () => x.and(enabled('probeLoss'), x.not(v.probeLoss)),
      updates: () => [x.assign(v.probeLoss, x.TRUE)], doc: 'probe replies stop getting through' },
    // --------------------------------------------------------------- repairs
    // Decision: an outage shorter than the nodes' detection time loses nothing
    // (the ICL transport retransmits), so the link comes back only once every
    // running node has noticed it was down.
    { name: 'IclRestore', guard: () => x.forall('n', Nodes, (n) => x.or(down(n), x.not(at('iclSeen', n)))),
      deliver: { machine: 'icl', to: theIcl, event: 'RESTORE' }, doc: 'the ICL comes back (after both nodes noticed the outage)' },
    // Decision: a reboot takes longer than the peer needs to notice the crash.
    { name: 'Reboot', params: { n: Nodes }, guard: (q) => x.or(down(x.app(Peer, q.n)), x.not(at('iclSeen', x.app(Peer, q.n)))),
      deliver: { machine: 'node', to: toNode, event: 'BOOT' }, doc: 'node n boots again (after its peer noticed the crash)' },
    { name: 'Srg1MonitorRecover', params: { n: Nodes }, deliver: { machine: 'node', to: toNode, event: 'MON1_RECOVER' }, doc: "SRG1's monitors on n recover" },
    { name: 'Srg0MonitorRecover', params: { n: Nodes }, deliver: { machine: 'node', to: toNode, event: 'MON0_RECOVER' }, doc: "SRG0's monitors on n recover" },
    { name: 'RouterBehaves', deliver: { machine: 'router', to: theRouter, event: 'BEHAVE' }, doc: 'the probe router answers only its preferred path again' },
    { name: 'ProbeLossEnds', guard: () => v.probeLoss, updates: () => [x.assign(v.probeLoss, x.FALSE)], doc: 'probe replies get through again' },
    // ------------------------------------------------------- protocol steps
    { name: 'ProbeReply', params: { n: Nodes }, ignorable: true,
      guard: (q) => x.and(probeAnswered(q.n), Answers(q.n)),
      deliver: { machine: 'node', to: toNode, event: 'PROBE_REPLY' },
      updates: (q) => [x.assign(v.offPath, x.or(v.offPath, x.not(RouterPrefers(q.n))))],
      doc: 'n probes and the probe router answers it (an active node probing under keep-and-probe changes nothing)' },
    // A probe the router does not answer to its sender: the answer follows the router's preferred
    // path to the floating IP, which may lead to the peer, and the peer must drop it.
    { name: 'ProbeMisrouted', params: { n: Nodes }, fairness: 'none',
      guard: (q) => x.and(probeAnswered(q.n), x.not(Answers(q.n))),
      doc: "n probes; the answer goes along the router's preferred path, not to n (changes nothing)" },
    { name: 'ProbeLost', params: { n: Nodes }, fairness: 'none',
      guard: (q) => x.and(up(q.n), at('probing', q.n), v.probeLoss),
      doc: 'n probes and the probe or its answer is lost (changes nothing)' },
    { name: 'IclLossSeen', params: { n: Nodes },
      guard: (q) => x.and(up(q.n), at('iclSeen', q.n), x.or(iclIs('down'), down(x.app(Peer, q.n)))),
      deliver: { machine: 'node', to: toNode, event: 'ICL_DOWN' }, doc: 'n notices that it has lost its peer over the ICL' },
    { name: 'IclUpSeen', params: { n: Nodes },
      guard: (q) => x.and(up(q.n), x.not(at('iclSeen', q.n)), iclIs('up'), up(x.app(Peer, q.n))),
      deliver: { machine: 'node', to: toNode, event: 'ICL_UP', payload: (q) => ({ latest: v.lastPacket, peerSess: at('sess', x.app(Peer, q.n)) }) },
      doc: 'n sees its peer over the ICL again, announces its state and reconciles sessions with the peer\'s table' },
    { name: 'ColdSyncDone', params: { n: Nodes }, deliver: { machine: 'node', to: toNode, event: 'COLD_SYNC_DONE' }, doc: "SRG0's cold sync completes on n" },
    { name: 'RouteUpdate', params: { n: Nodes },
      guard: (q) => x.and(x.eq(RouteConvergence, x.str('async', ConvergenceT)), x.neq(at('rview', q.n), at('adv', q.n))),
      deliver: { machine: 'router', to: theRouter, event: 'ROUTE_UPDATE', payload: (q) => ({ node: q.n, pref: at('adv', q.n) }) },
      doc: "n's current advertisement reaches the routers" },
    { name: 'Preempt', params: { n: Nodes }, ignorable: true, guard: (q) => x.and(Preemption, up(q.n)),
      deliver: { machine: 'node', to: toNode, event: 'PREEMPT' },
      doc: "n's preemption timer fires: an active n steps down for its healthy higher-priority backup peer" },
    { name: 'IkeNegotiate', params: { n: Nodes }, ignorable: true, guard: (q) => x.and(Ipsec, up(q.n)),
      deliver: { machine: 'node', to: toNode, event: 'IKE_NEGOTIATE' },
      // an active node without an SA in use negotiates (node-machine.ts); the remote IKE peer then
      // replaces a tunnel that was up: a flap
      updates: (q) => [x.when(x.and(srg1Is(q.n, 'active'), x.neq(at('sa', q.n), x.str('up', SaStates))),
        [x.assign(v.flapped, x.or(v.flapped, tunnelIs('up'))), x.assign(v.tunnel, x.str('up', TunnelStates))])],
      doc: 'IKE negotiation is triggered on n; only an active node without an SA in use negotiates' },
    // ------------------------------------------------ operator and traffic
    { name: 'ManualFailoverRequest', fairness: 'none', params: { n: Nodes }, ignorable: true,
      guard: (q) => x.and(ManualFailover, up(q.n), quietEnough()),
      deliver: { machine: 'node', to: toNode, event: 'FAILOVER' }, doc: 'an operator asks n to hand activeness to its backup peer' },
    { name: 'SaDelete', fairness: 'none', params: { n: Nodes }, ignorable: true, guard: (q) => x.and(Ipsec, up(q.n), quietEnough()),
      deliver: { machine: 'node', to: toNode, event: 'SA_DELETE_REQ' },
      // only the active node's SA in use is deleted (node-machine.ts), and the remote tunnel with it
      updates: (q) => [x.when(x.and(srg1Is(q.n, 'active'), x.eq(at('sa', q.n), x.str('up', SaStates))), [x.assign(v.tunnel, x.str('down', TunnelStates))])],
      doc: 'an operator deletes the VPN SAs on n; only the active node may' },
    // a packet of a session already active at n changes nothing at n, but it is the latest packet now
    { name: 'Packet', fairness: 'none', params: { n: Nodes, s: Sessions },
      guard: () => quietEnough(),
      deliver: { machine: 'node', to: toNode, event: 'PACKET', payload: (q) => ({ sid: q.s }) },
      updates: (q) => [x.assign(x.app(v.lastPacket, q.s), q.n)],
      doc: 'a packet of session s reaches n' },
    { name: 'StrayProbeReply', params: { n: Nodes }, fairness: 'none', guard: (q) => up(q.n),
      doc: 'a probe answer n did not ask for reaches n (late, duplicated or meant for the peer); n drops it' },
  ];

  const decl: SystemDecl = {
    name: 'MNHA',
    constants: constantsOf(p),
    sets: [Nodes, Srg1States, PeerViews, Prefs, SessionStates, SaStates, LastPacket, FaultKinds, MsgTypes, Flags, TunnelStates, Sessions, IclLossT, ConvergenceT],
    instances: [
      { def: node, ids: Nodes, param: 'n' },
      { def: router, ids: 'router' },
      { def: icl, ids: 'icl' },
    ],
    channels: {
      msgs: {
        to: 'node', msg: Msg, capacity: p.iclCapacity, capacityName: 'IclCapacity', overflow: 'iclOverflow',
        accepts: (to) => x.and(iclIs('up'), up(to)),
        deliverWhen: (to) => at('iclSeen', to),
        doc: 'messages in flight on the ICL to each node, oldest first (the ICL is a TCP connection: in order, never replaced; lost on a cut or a crash)',
      },
    },
    envVars: {
      offPath: { t: x.boolT, init: false, doc: 'history: the router has answered a probe off its preferred path' },
      probeLoss: { t: x.boolT, init: false, doc: 'probe replies are being lost' },
      lastPacket: { t: envTypes.lastPacket, init: Object.fromEntries(Sessions.values.map((s) => [s, 'none'])), doc: 'the node that saw the latest packet of each session' },
      tunnel: { t: TunnelStates, init: 'down', doc: "the remote IKE peer's tunnel" },
      flapped: { t: x.boolT, init: false, doc: 'history: the remote IKE peer has seen its tunnel renegotiated while it was up' },
      iclOverflow: { t: x.boolT, init: false, doc: 'history: a protocol message did not fit the bound on messages in flight (the run is then inconclusive)' },
    },
    steps,
    varDocs: {
      node: 'down or up', srg0: 'SRG0 state of each node', srg1: 'SRG1 state of each node',
      iclSeen: 'the node sees its peer over the ICL', peerSrg1: "the node's view of its peer's SRG1 state",
      awaiting: "the node's ask: none out (idle), one out (asked: no claim to activeness meanwhile), one out whose answer will be stale (askAgain)",
      activeRoute: 'active-signal-route installed', backupRoute: 'backup-signal-route installed',
      adv: 'route preference the node advertises', probing: 'the node sends activeness probes',
      shut: "SRG0's shut-on-failure interfaces are down", sess: 'HA state of each session on the node',
      sa: 'IPsec SA state on the node', router: 'the probe router behaves or is faulty',
      rview: "the routers' view of each node's preference (async convergence)", icl: 'the interchassis link',
    },
  };
  return { decl, voc, params: p };
}
