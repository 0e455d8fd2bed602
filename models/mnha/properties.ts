/**
 * The properties of MNHA.md section 8: every safety invariant as a named
 * predicate, every liveness property as a temporal formula. Liveness is
 * checked under the fairness each step declares (protocol steps and repairs
 * weakly fair, faults and operator or traffic events not fair), assuming
 * faults eventually stop.
 */
import * as x from '../../src/dsl/index.js';
import type { ActionProperty, InvariantProperty, LivenessEnvironment, LivenessProperty, Property } from '../../src/model/index.js';
import { AskStates, Nodes, PeerViews, Prefs, SaStates, SessionStates, TunnelStates } from './domains.js';
import type { MnhaSystem } from './system.js';
import { ConvergenceT, IdT } from './params.js';

const FAIRNESS = 'weak fairness of every protocol step and repair; faults and operator or traffic events unfair and finitely many';

/** Every property of the MNHA model. */
export function mnhaProperties(sys: MnhaSystem): Property[] {
  const { voc } = sys;
  const { v, at, Peer, RouterPrefers, ActiveCount, IclUpBothWays, InFlight } = voc;
  const nodeT = (v.node.t as x.FunType).value as x.EnumType;
  const srg1T = (v.srg1.t as x.FunType).value as x.EnumType;
  const srg0T = (v.srg0.t as x.FunType).value as x.EnumType;
  const isUp = (n: x.Expr) => x.eq(at('node', n), x.str('up', nodeT));
  const srg1Is = (n: x.Expr, s: string) => x.eq(at('srg1', n), x.str(s, srg1T));
  const srg0Is = (n: x.Expr, s: string) => x.eq(at('srg0', n), x.str(s, srg0T));
  const pref = (s: string) => x.str(s, Prefs);
  const all = (body: (n: x.Expr) => x.Expr) => x.forall('n', Nodes, body);
  const Sessions = (at('sess', x.str('n1', Nodes)).t as x.FunType).key as x.EnumType;

  const inv = (name: string, doc: string, expr: x.Expr): InvariantProperty => ({ kind: 'invariant', name, doc, expr });
  /** A property the machine guarantees by construction: kept as a regression guard, reported as structural, not evidence. */
  const structural = <P extends Property>(why: string, p: P): P => ({ ...p, structural: why });
  const ENTRY = 'restates the state-entry actions: every SRG1 state installs and removes its signal routes on entry';
  const IMPLIED = 'follows from SignalRouteMatchesState and PreferenceFollowsSignalRoute';
  const act = (name: string, doc: string, expr: x.Expr): ActionProperty => ({ kind: 'action', name, doc, expr });
  const LocalId = x.constant('LocalId', IdT);
  const Priority = voc.Priority;
  /**
   * MNHA.md section 4, "Resolution": in a split brain the node with the lower
   * activeness-priority backs off when both have one and they differ; else
   * the node with the lower local id. Written from the text, not from the
   * machine's guard.
   */
  const shouldBackOff = (n: x.Expr) => {
    const peer = x.app(Peer, n);
    const bothSetAndDiffer = x.and(x.gt(x.app(Priority, n), x.num(0)), x.gt(x.app(Priority, peer), x.num(0)), x.neq(x.app(Priority, n), x.app(Priority, peer)));
    return x.ite(bothSetAndDiffer, x.lt(x.app(Priority, n), x.app(Priority, peer)), x.lt(x.app(LocalId, n), x.app(LocalId, peer)));
  };
  const srg1Next = (n: x.Expr) => x.app(x.primed(v.srg1), n);
  const live = (name: string, doc: string, formula: x.Temporal): LivenessProperty => ({ kind: 'liveness', name, doc, formula, fairness: FAIRNESS });
  const iclIs = (st: string) => x.eq(v.icl, x.str(st, v.icl.t as x.EnumType));
  const activeCountNext = x.card(x.filter('n', Nodes, (n) => x.eq(srg1Next(n), x.str('active', srg1T))));
  const IclStaysDown: LivenessEnvironment = {
    name: 'NothingRepaired',
    doc: 'faults stop and nothing is repaired: the ICL stays down, failed monitors stay failed, crashed nodes stay down, the router and probe loss stay as they are',
    stops: ['IclRestore', 'Reboot', 'Srg1MonitorRecover', 'Srg0MonitorRecover', 'RouterBehaves', 'ProbeLossEnds'],
  };
  const stepNames = new Set(sys.decl.steps.map((st) => st.name));
  for (const st of IclStaysDown.stops) if (!stepNames.has(st)) throw new Error(`environment ${IclStaysDown.name}: no step ${st}`);
  const converged = x.or(
    x.eq(x.constant('RouteConvergence', ConvergenceT), x.str('instant', ConvergenceT)),
    all((n) => x.eq(at('rview', n), at('adv', n))),
  );

  return [
    inv('IclWithinBound', 'the search bound held: no protocol message met a full ICL direction (iclCapacity); if violated, raise the bound, the other verdicts are inconclusive',
      x.not(v.iclOverflow)),
    // MNHA.md 8.1. Written over what each node knows rather than over the messages in flight: a guard
    // "no state message in flight" made it blind to two active nodes that keep telling each other so.
    inv('AtMostOneActiveWhenIclUp', 'with the ICL up both ways and each node knowing whether its peer is active, at most one node is active',
      x.implies(x.and(IclUpBothWays, all((n) => x.eq(x.eq(at('peerSrg1', n), x.str('active', PeerViews)), srg1Is(x.app(Peer, n), 'active')))),
        x.le(ActiveCount, x.num(1)))),
    // MNHA.md 8.2, as a property of the step that makes the split brain: a history flag that is never
    // reset let one off-path answer excuse every later split brain.
    act('SplitBrainOnlyWithRouterFault', 'a step that makes two nodes active is a probe the faulty router answered off its preferred path: the node that becomes active is not the one the routers prefer',
      x.implies(x.and(x.lt(ActiveCount, x.num(2)), x.eq(activeCountNext, x.num(2))),
        x.exists('n', Nodes, (n) => x.and(x.not(srg1Is(n, 'active')), x.eq(srg1Next(n), x.str('active', srg1T)),
          x.eq(v.router, x.str('faulty', v.router.t as x.EnumType)), x.not(RouterPrefers(n)))))),
    inv('NoSplitBrain', 'never two active nodes', x.le(ActiveCount, x.num(1))),
    // The premise names the resolution itself: n backs off as it learns that its peer is active. A manual
    // failover or a preemption in an unnoticed split brain (n still believes its peer a backup) is not one.
    act('RightNodeBacksOff', 'in a split brain, the node that backs off to backup on learning its peer is active is the one MNHA.md section 4 names: the lower activeness-priority when both are set and differ, else the lower local id',
      all((n) => x.implies(
        x.and(x.eq(ActiveCount, x.num(2)), srg1Is(n, 'active'), x.eq(srg1Next(n), x.str('backup', srg1T)), x.eq(x.app(x.primed(v.peerSrg1), n), x.str('active', PeerViews))),
        shouldBackOff(n)))),
    // MNHA.md 7: "if the SAs were synchronised before a failover, the new active node carries on without bringing the tunnels down"
    act('NoTunnelFlapAfterSyncedFailover', 'a node that becomes active holding synchronised SAs while the tunnel is up carries on with them: its SA is in use, the tunnel stays up and is not renegotiated (MNHA.md section 7)',
      all((n) => x.implies(
        x.and(x.not(srg1Is(n, 'active')), x.eq(srg1Next(n), x.str('active', srg1T)), x.eq(at('sa', n), x.str('synced', SaStates)), x.eq(v.tunnel, x.str('up', TunnelStates))),
        x.and(x.eq(x.app(x.primed(v.sa), n), x.str('up', SaStates)), x.eq(x.primed(v.tunnel), x.str('up', TunnelStates)), x.eq(x.primed(v.flapped), v.flapped))))),
    // MNHA.md 5 and 8.6: an ineligible node "drops the SRG's packets"; that nothing is sent to it while
    // its peer can carry the traffic is what keeps it from black-holing them.
    inv('IneligibleForwardsNothing', 'an ineligible node carries no SRG1 traffic: it has no IPsec SA in use, and while its peer is up and active or backup the converged routers send it nothing',
      all((n) => x.implies(srg1Is(n, 'ineligible'), x.and(
        x.neq(at('sa', n), x.str('up', SaStates)),
        x.implies(x.and(converged, isUp(x.app(Peer, n)), x.or(srg1Is(x.app(Peer, n), 'active'), srg1Is(x.app(Peer, n), 'backup'))),
          x.not(RouterPrefers(n))))))),
    structural(IMPLIED, inv('SignalRoutesExclusive', 'never both signal routes on one node',
      all((n) => x.not(x.and(at('activeRoute', n), at('backupRoute', n)))))),
    structural(ENTRY, inv('SignalRouteMatchesState', 'active-signal-route iff active; backup-signal-route only in backup',
      all((n) => x.and(x.eq(at('activeRoute', n), srg1Is(n, 'active')), x.implies(at('backupRoute', n), srg1Is(n, 'backup')))))),
    structural(IMPLIED, inv('IneligibleIsSilent', 'an ineligible node has no signal route and advertises low',
      all((n) => x.implies(srg1Is(n, 'ineligible'), x.and(x.not(at('activeRoute', n)), x.not(at('backupRoute', n)), x.eq(at('adv', n), pref('low'))))))),
    structural('restates the routing policy, which every step re-evaluates', inv('PreferenceFollowsSignalRoute', 'the advertised preference is the one the signal routes give (none while down)',
      all((n) => x.eq(at('adv', n), x.cases([
        [x.not(isUp(n)), pref('none')],
        [at('activeRoute', n), pref('high')],
        [at('backupRoute', n), pref('medium')],
      ], pref('low')))))),
    structural(IMPLIED, inv('TrafficToActive', 'with converged routers and exactly one active node, the routers steer traffic to it',
      x.implies(x.and(converged, x.eq(ActiveCount, x.num(1))), all((n) => x.implies(srg1Is(n, 'active'), RouterPrefers(n)))))),
    structural('restates what the SRG0 states do on entry (isolated shuts, online opens)', inv('IsolatedShutsInterfaces', "SRG0 isolated implies its shut-on-failure interfaces are down; online implies up",
      all((n) => x.and(x.implies(srg0Is(n, 'isolated'), at('shut', n)), x.implies(srg0Is(n, 'online'), x.not(at('shut', n))))))),
    inv('NoProbingWhileIclUp', 'a node does not probe while it sees the ICL up and knows its peer is active or backup',
      all((n) => x.implies(x.and(at('iclSeen', n), x.or(x.eq(at('peerSrg1', n), x.str('active', PeerViews)), x.eq(at('peerSrg1', n), x.str('backup', PeerViews)))), x.not(at('probing', n))))),
    inv('SessionActiveOnce', 'with the ICL up both ways and no session notification in flight, each session is active on at most one node',
      x.implies(x.and(IclUpBothWays, x.not(InFlight('SESSION'))),
        x.forall('s', Sessions, (s) => x.not(x.and(
          x.eq(x.app(at('sess', x.str('n1', Nodes)), s), x.str('active', SessionStates)),
          x.eq(x.app(at('sess', x.str('n2', Nodes)), s), x.str('active', SessionStates))))))),
    structural('restates what the machine allows: only the active state negotiates IKE, and leaving it drops the SA', inv('IkeOnlyFromActive', 'IKE SAs are in use (negotiated, deletable) only on the active node',
      all((n) => x.implies(x.eq(at('sa', n), x.str('up', SaStates)), srg1Is(n, 'active'))))),

    live('LeavesHold', 'a node in hold eventually leaves it',
      x.forallT('n', Nodes, (n) => x.leadsTo(srg1Is(n, 'hold'), x.not(srg1Is(n, 'hold'))))),
    live('BackupTakesOver', 'if the active node dies and the backup is healthy, the backup eventually becomes active',
      x.forallT('n', Nodes, (n) => x.leadsTo(x.and(x.not(isUp(x.app(Peer, n))), srg1Is(n, 'backup')), srg1Is(n, 'active')))),
    live('SplitBrainResolves', 'after a split brain, eventually exactly one node is active',
      x.leadsTo(x.gt(ActiveCount, x.num(1)), x.eq(ActiveCount, x.num(1)))),
    structural('follows from an unconditional fair step (monitor recovery is a fair repair)', live('LeavesIneligibleAndIsolated', 'after recovery, ineligible and isolated are eventually left',
      x.forallT('n', Nodes, (n) => x.leadsTo(x.or(srg1Is(n, 'ineligible'), srg0Is(n, 'isolated')),
        x.and(x.not(srg1Is(n, 'ineligible')), x.not(srg0Is(n, 'isolated'))))))),
    live('PreemptionRestoresPriority', 'with preemption on, the healthy higher-priority node eventually becomes active',
      x.leadsTo(x.TRUE, all((n) => x.implies(
        x.and(x.constant('Preemption', x.boolT), x.gt(x.app(voc.Priority, n), x.app(voc.Priority, x.app(Peer, n)))),
        srg1Is(n, 'active'))))),
    structural('follows from an unconditional fair step (ColdSyncDone is always enabled in coldSync)', live('ColdSyncCompletes', 'a cold sync eventually completes',
      x.forallT('n', Nodes, (n) => x.leadsTo(srg0Is(n, 'coldSync'), x.not(srg0Is(n, 'coldSync')))))),
    live('SomeNodeActive', 'eventually some node is active (no permanent both-backup or both-hold)',
      x.leadsTo(x.TRUE, x.exists('n', Nodes, (n) => srg1Is(n, 'active')))),
    // MNHA.md 8, liveness 8: the environment is stated, since the model's fair repairs end every outage.
    { ...live('AvailableDuringIclOutage', 'during an ICL outage that does not end, with a healthy node and a router that behaves, eventually some node is active',
      x.leadsTo(
        x.and(iclIs('down'), x.eq(v.router, x.str('behaving', v.router.t as x.EnumType)), x.not(v.probeLoss), x.exists('n', Nodes, (n) => x.and(isUp(n), x.not(srg1Is(n, 'ineligible'))))),
        x.exists('n', Nodes, (n) => srg1Is(n, 'active')))),
      fairness: `${FAIRNESS}; nothing is repaired any more (the ICL stays down, failed monitors stay failed, crashed nodes stay down)`,
      environment: IclStaysDown },
    // MNHA.md 8, liveness 9. The trigger is the state a handover leaves (the node that gave activeness away
    // is backup and waits for its peer's answer) rather than the handover message: a premise that held only
    // while the message was in flight would be checked only on loops that keep re-sending it.
    live('ManualFailoverTakesEffect', 'a node that gave activeness away to a healthy backup peer (a manual failover; or a return from ineligible, which waits the same way) and waits for its answer: the peer eventually becomes active',
      x.forallT('n', Nodes, (n) => x.leadsTo(
        x.and(isUp(n), srg1Is(n, 'backup'), isUp(x.app(Peer, n)), srg1Is(x.app(Peer, n), 'backup'), x.neq(at('awaiting', x.app(Peer, n)), x.str('idle', AskStates))),
        srg1Is(n, 'active')))),
  ];
}
