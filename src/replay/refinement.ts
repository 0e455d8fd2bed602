/**
 * The refinement mapping: the implementation's observation read as a state
 * of the model's variables, and the rules saying which of those variables
 * replay compares with a trace, how, and why.
 *
 * | model variable | implementation | compared |
 * | --- | --- | --- |
 * | `node[n]` | node running or crashed | exactly |
 * | `srg0[n]`, `srg1[n]` | SRG states (`off` while crashed) | exactly |
 * | `iclSeen[n]` | the node's ICL view is up | exactly |
 * | `peerSrg1[n]` | the peer state the node last heard (`unknown` when none) | exactly |
 * | `activeRoute[n]`, `backupRoute[n]` | signal routes installed | exactly |
 * | `adv[n]` | the preference the policy advertises (`none` while crashed) | exactly |
 * | `probing[n]` | the node sends activeness probes | exactly |
 * | `shut[n]` | the shut-on-failure interface is down (or the node crashed) | exactly |
 * | `sess[n][s]` | the session's HA state on the node (`none` when absent) | loosely: active or not |
 * | `sa[n]` | SA held: `up` on the active node, `synced` elsewhere | loosely: a backup's synchronised SA must be there |
 * | `router` | the probe responder misbehaves (`faulty`) | exactly |
 * | `rview[n]` | the probe router's learned view (`none` when withdrawn) | under async convergence only |
 * | `icl` | the link is cut (`down`) or up | exactly |
 * | `offPath` | the responder has answered off its preferred path | exactly |
 * | `notify`, `inbox` | messages in flight | no |
 * | `probeLoss`, `lastPacket` | replay's own record of environment steps | no |
 */
import type { Value } from '../dsl/index.js';
import type { NodeName, NodeObservation, Observation } from '../impl/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { REPLAY_SHUT_INTERFACE, REPLAY_VPN, sessionIds } from './impl-setup.js';
import type { ReportedValue, VariableDiff } from './result.js';

/** A state of the model's variables, as the expression language holds it (functions as objects). */
export type ModelState = Readonly<Record<string, Value>>;

/** How a variable is compared. */
export type CompareMode = 'exact' | 'loose' | 'not compared';

/** One variable's rule. */
export interface VariableRule {
  readonly variable: string;
  readonly mode: CompareMode;
  /** Why it is compared this way. */
  readonly why: string;
}

/** What replay itself records of environment steps that have no counterpart in the implementation. */
export interface ReplayEnvironment {
  probeLoss: boolean;
  /** Per session, the node that saw its latest packet (`none` before any). */
  readonly lastPacket: Record<string, 'none' | NodeName>;
}

const NODES: readonly NodeName[] = ['n1', 'n2'];

/** The rules of the mapping for a scenario's parameters, in the model's variable order. */
export function refinementRules(params: MnhaParams): VariableRule[] {
  const exact = (variable: string, why: string): VariableRule => ({ variable, mode: 'exact', why });
  return [
    exact('node', 'a crashed node is the implementation slot without a node object'),
    exact('srg0', 'SRG0 state; off while crashed, as the model writes an inactive region'),
    exact('srg1', 'SRG1 state: the heart of the protocol'),
    exact('iclSeen', "the node's own belief about the ICL (its ICL view)"),
    exact('peerSrg1', 'the peer state the node last heard over the ICL; both forget it when they notice the ICL down'),
    exact('activeRoute', 'active-signal-route installed'),
    exact('backupRoute', 'backup-signal-route installed'),
    exact('adv', 'the preference the routing policy gives the installed signal route'),
    exact('probing', 'whether the node sends activeness probes'),
    exact('shut', 'state of the shut-on-failure interface (down while crashed)'),
    {
      variable: 'sess',
      mode: 'loose',
      why: 'where each session is active is compared; warm and none are not told apart: the implementation\'s cold sync '
        + 'copies the peer\'s sessions warm, the model\'s leaves them absent, and a node that does not see the ICL sends no session move',
    },
    {
      variable: 'sa',
      mode: 'loose',
      why: 'where the model has synchronised an SA to a backup, the implementation must hold it too; otherwise not compared: '
        + 'the implementation negotiates IKE the moment a node becomes active and only then (the model at separate IkeNegotiate '
        + 'steps, again after an SA deletion), and its cold sync carries SAs (the model\'s does not)',
    },
    exact('router', 'the probe responder answers off its preferred path (faulty) or not'),
    params.routeConvergence === 'async'
      ? exact('rview', "the probe router's view of each node's advertisement")
      : { variable: 'rview', mode: 'not compared', why: 'under instant convergence the model never updates rview; the routers read adv directly' },
    exact('icl', 'the physical link: cut is down'),
    {
      variable: 'notify',
      mode: 'not compared',
      why: 'the implementation has one FIFO per direction with sequence numbers, hellos and acknowledgements; '
        + "the model keeps only the latest STATE per node. Each receive step delivers the matching message, so a missing one shows in the receiver's variables",
    },
    { variable: 'inbox', mode: 'not compared', why: 'as notify: session and SA messages are compared through their effect on the receiver' },
    exact('offPath', "the responder's history flag"),
    { variable: 'probeLoss', mode: 'not compared', why: 'an environment flag with no implementation counterpart: replay keeps it itself and skips probes while it is set' },
    { variable: 'lastPacket', mode: 'not compared', why: 'environment history kept by replay; its effect (which copy of a session is active) is compared through sess' },
  ];
}

/** The model's value of one node's variables, read from the implementation's observation of it. */
function nodeValues(o: NodeObservation, sessions: readonly string[]): Record<string, Value> {
  if (!o.alive) {
    return {
      node: 'down', srg0: 'off', srg1: 'off', iclSeen: false, peerSrg1: 'unknown', activeRoute: false, backupRoute: false,
      adv: 'none', probing: false, shut: true, sess: Object.fromEntries(sessions.map((s) => [s, 'none'])), sa: 'none',
    };
  }
  const shutIf = o.srg0.interfaces.find((i) => i.name === REPLAY_SHUT_INTERFACE);
  const hasSa = o.ipsec.sas.some((sa) => sa.vpn === REPLAY_VPN);
  return {
    node: 'up',
    srg0: o.srg0.state,
    srg1: o.srg1.state,
    iclSeen: o.icl.view === 'up',
    peerSrg1: o.icl.peer?.srg1 ?? 'unknown',
    activeRoute: o.srg1.signalRoutes.active,
    backupRoute: o.srg1.signalRoutes.backup,
    adv: o.srg1.advertised,
    probing: o.srg1.probing,
    shut: shutIf === undefined || shutIf.status === 'down',
    sess: Object.fromEntries(sessions.map((s) => [s, o.sessions.find((x) => x.id === s)?.state ?? 'none'])),
    // the model tells an SA negotiated here (up) from one synchronised from the peer; the implementation
    // keeps one SA per VPN, in use where the node is active
    sa: hasSa ? (o.srg1.state === 'active' ? 'up' : 'synced') : 'none',
  };
}

/**
 * The implementation's state as a state of the model's variables (the
 * refinement mapping). Variables that are not compared get the
 * implementation's nearest reading where there is one (`notify`, `inbox`
 * empty), replay's own record otherwise.
 */
export function abstractState(obs: Observation, params: MnhaParams, env: ReplayEnvironment): Record<string, Value> {
  const sessions = sessionIds(params);
  const per = { n1: nodeValues(obs.nodes.n1, sessions), n2: nodeValues(obs.nodes.n2, sessions) };
  const byNode = (field: string): Record<string, Value> => ({ n1: per.n1[field], n2: per.n2[field] });
  const probeRouter = obs.routers[obs.probeResponder.router];
  const learned = (n: NodeName): Value => (probeRouter.learned[n] === 'withdrawn' ? 'none' : probeRouter.learned[n]);
  const state: Record<string, Value> = {};
  for (const field of ['node', 'srg0', 'srg1', 'iclSeen', 'peerSrg1', 'activeRoute', 'backupRoute', 'adv', 'probing', 'shut', 'sess', 'sa']) {
    state[field] = byNode(field);
  }
  state.router = obs.probeResponder.misbehaving ? 'faulty' : 'behaving';
  state.rview = { n1: learned('n1'), n2: learned('n2') };
  state.icl = obs.icl.link === 'cut' ? 'down' : 'up';
  state.notify = { n1: [], n2: [] };
  state.inbox = { n1: [], n2: [] };
  state.offPath = obs.probeResponder.answeredOffPath;
  state.probeLoss = env.probeLoss;
  state.lastPacket = { ...env.lastPacket };
  return state;
}

function isRecord(v: Value | undefined): v is { readonly [k: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: Value | undefined, b: Value | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Per-key diffs of a function-valued variable (`srg1[n1]`, `sess[n1][s2]`), or the whole value. */
function diffValue(name: string, expected: Value | undefined, actual: Value | undefined, out: VariableDiff[]): void {
  if (same(expected, actual)) return;
  if (isRecord(expected) && isRecord(actual)) {
    for (const k of Object.keys(expected)) diffValue(`${name}[${k}]`, expected[k], actual[k], out);
    return;
  }
  out.push({ variable: name, expected: (expected ?? null) as ReportedValue, actual: (actual ?? null) as ReportedValue });
}

/**
 * The compared variables where the implementation's mapped state differs
 * from the trace's, in the rules' order, one entry per node (and session).
 */
export function compareStates(expected: ModelState, actual: ModelState, rules: readonly VariableRule[]): VariableDiff[] {
  const out: VariableDiff[] = [];
  for (const rule of rules) {
    if (rule.mode === 'not compared') continue;
    if (rule.variable === 'sa') {
      for (const n of NODES) {
        const want = (expected.sa as Record<string, Value>)[n];
        const have = (actual.sa as Record<string, Value>)[n];
        // see the rule: only a synchronised SA on a node that is not active is a fact both sides share
        if (want === 'synced' && (expected.srg1 as Record<string, Value>)[n] === 'backup' && have !== 'synced') {
          out.push({ variable: `sa[${n}]`, expected: want, actual: have as ReportedValue });
        }
      }
      continue;
    }
    if (rule.variable === 'sess') {
      const activeOnly = (v: Value | undefined): Value | undefined =>
        isRecord(v) ? Object.fromEntries(Object.entries(v).map(([n, per]) => [n, activeOnly(per) as Value])) : v === 'active' ? 'active' : 'not active';
      diffValue('sess', activeOnly(expected.sess), activeOnly(actual.sess), out);
      continue;
    }
    diffValue(rule.variable, expected[rule.variable], actual[rule.variable], out);
  }
  return out;
}
