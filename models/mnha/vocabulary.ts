/**
 * The system-level vocabulary of the MNHA model: typed references to every
 * state variable and the named definitions (route preference, the router's
 * preferred path) that steps and properties share. The definitions become
 * TLA+ operators of the same names.
 */
import * as x from '../../src/dsl/index.js';
import { type MachineDefinition, readMachine } from '../../src/model/index.js';
import { FaultKinds, Nodes, Prefs, Srg1States } from './domains.js';
import { ConvergenceT, PrioT } from './params.js';

/** Typed references to the system variables of the MNHA model. */
export interface MnhaVocabulary {
  readonly v: Readonly<Record<string, x.Expr>>;
  /** `f[n]` for a per-node variable. */
  at(name: string, n: x.Expr): x.Expr;
  readonly Peer: x.Expr;
  readonly Priority: x.Expr;
  readonly Faults: x.Expr;
  /** The preference the router currently sees for node n. */
  readonly Seen: (n: x.Expr) => x.Expr;
  /** Numeric rank of a preference (none < low < medium < high). */
  readonly PrefRank: (p: x.Expr) => x.Expr;
  /** The router's preferred path leads to node n. */
  readonly RouterPrefers: (n: x.Expr) => x.Expr;
  /** The probe router answers a probe from node n. */
  readonly Answers: (n: x.Expr) => x.Expr;
  /** Number of nodes whose SRG1 is active. */
  readonly ActiveCount: x.Expr;
  /** Both nodes are up and each sees the other over the ICL. */
  readonly IclUpBothWays: x.Expr;
  /** A message of the given type is in flight on the ICL. */
  readonly InFlight: (type: string) => x.Expr;
  /** A node's SRG1 literal. */
  readonly s1: (v: string) => x.Expr;
}

/** Builds the vocabulary from the machines (for variable domains) and the environment declarations. */
export function vocabulary(
  machines: readonly MachineDefinition[],
  perNode: readonly string[],
  env: Readonly<Record<string, x.Type>>,
  msgs: x.Type,
): MnhaVocabulary {
  const v: Record<string, x.Expr> = {};
  for (const def of machines) {
    const m = readMachine(def);
    const indexed = perNode.includes(m.id);
    for (const [f, t] of m.vars) v[f] = x.variable(f, indexed ? x.funT(Nodes, t) : t);
  }
  for (const [f, t] of Object.entries(env)) v[f] = x.variable(f, t);
  v.msgs = x.variable('msgs', msgs);
  const at = (name: string, n: x.Expr) => x.app(v[name], n);
  const Peer = x.constant('Peer', x.funT(Nodes, Nodes));
  const Priority = x.constant('Priority', PrioT);
  const RouteConvergence = x.constant('RouteConvergence', ConvergenceT);
  const TieBreak = x.constant('TieBreak', Nodes);
  const pref = (s: string) => x.str(s, Prefs);
  const Seen = x.define('Seen', { n: Nodes },
    (n) => x.ite(x.eq(RouteConvergence, x.str('instant', ConvergenceT)), at('adv', n), at('rview', n)),
    'the preference of node n as the routers currently see it');
  const PrefRank = x.define('PrefRank', { p: Prefs },
    (p) => x.cases([[x.eq(p, pref('high')), x.num(3)], [x.eq(p, pref('medium')), x.num(2)], [x.eq(p, pref('low')), x.num(1)]], x.num(0)),
    'preferences in the order a router ranks them');
  const RouterPrefers = x.define('RouterPrefers', { n: Nodes }, (n) => {
    const mine = PrefRank(Seen(n));
    const theirs = PrefRank(Seen(x.app(Peer, n)));
    return x.and(x.neq(Seen(n), pref('none')), x.or(x.gt(mine, theirs), x.and(x.eq(mine, theirs), x.eq(TieBreak, n))));
  }, "the routers' preferred path for the floating IP leads to node n");
  const Answers = x.define('Answers', { n: Nodes },
    (n) => x.or(RouterPrefers(n), x.eq(v.router, x.str('faulty', v.router.t as x.EnumType))),
    'the probe router answers a probe from node n');
  const s1 = (s: string) => x.str(s, Srg1States);
  const ActiveCount = x.card(x.filter('n', Nodes, (n) => x.eq(at('srg1', n), s1('active'))));
  const IclUpBothWays = x.and(
    x.eq(v.icl, x.str('up', v.icl.t as x.EnumType)),
    x.forall('n', Nodes, (n) => x.and(x.eq(at('node', n), x.str('up', (v.node.t as x.FunType).value as x.EnumType)), at('iclSeen', n))),
  );
  const msgTypeT = ((msgs as x.FunType).value as x.SeqType).elem as x.RecordType;
  const InFlight = (type: string) => x.exists('n', Nodes, (n) =>
    x.seqExists('i', at('msgs', n), (m) => x.eq(x.field(m, 'type'), x.str(type, msgTypeT.fields[0][1] as x.EnumType))));
  return { v, at, Peer, Priority, Faults: x.constant('Faults', x.setT(FaultKinds)), Seen, PrefRank, RouterPrefers, Answers, ActiveCount, IclUpBothWays, InFlight, s1 };
}
