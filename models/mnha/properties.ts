/**
 * The properties of MNHA.md section 8: every safety invariant as a named
 * predicate, every liveness property as a temporal formula. Liveness is
 * checked under the fairness each step declares (protocol steps and repairs
 * weakly fair, faults and operator or traffic events not fair), assuming
 * faults eventually stop.
 */
import * as x from '../../src/dsl/index.js';
import type { ActionProperty, InvariantProperty, LivenessProperty, Property } from '../../src/model/index.js';
import { Nodes, PeerViews, Prefs, SaStates, SessionStates } from './domains.js';
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
  const converged = x.or(
    x.eq(x.constant('RouteConvergence', ConvergenceT), x.str('instant', ConvergenceT)),
    all((n) => x.eq(at('rview', n), at('adv', n))),
  );

  return [
    inv('IclWithinBound', 'the search bound held: no protocol message met a full ICL direction (iclCapacity); if violated, raise the bound, the other verdicts are inconclusive',
      x.not(v.iclOverflow)),
    inv('AtMostOneActiveWhenIclUp', 'with the ICL up both ways and no state notification in flight, at most one node is active',
      x.implies(x.and(IclUpBothWays, x.not(InFlight('STATE'))), x.le(ActiveCount, x.num(1)))),
    inv('SplitBrainOnlyWithRouterFault', 'two active nodes only after the router answered a probe off its preferred path',
      x.implies(x.gt(ActiveCount, x.num(1)), v.offPath)),
    inv('NoSplitBrain', 'never two active nodes', x.le(ActiveCount, x.num(1))),
    act('RightNodeBacksOff', 'in a split brain, the node that backs off to backup is the one MNHA.md section 4 names: the lower activeness-priority when both are set and differ, else the lower local id',
      all((n) => x.implies(
        x.and(x.eq(ActiveCount, x.num(2)), srg1Is(n, 'active'), x.eq(srg1Next(n), x.str('backup', srg1T))),
        shouldBackOff(n)))),
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
  ];
}
