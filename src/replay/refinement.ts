/**
 * The refinement mapping: the implementation's observation read as a state
 * of the model's variables, and the rules saying how replay compares each.
 * Every variable is compared exactly; the only exception is an abstraction
 * stated here with its reason.
 *
 * | model variable | implementation |
 * | --- | --- |
 * | `node[n]` | node running or crashed |
 * | `srg0[n]`, `srg1[n]` | SRG states (`off` while crashed) |
 * | `iclSeen[n]` | the node's ICL view is up |
 * | `peerSrg1[n]` | the peer state the node last heard (`unknown` when none) |
 * | `awaiting[n]` | the node's ask (`idle`, `asked`, `askAgain`) |
 * | `activeRoute[n]`, `backupRoute[n]`, `adv[n]` | signal routes and the preference the policy gives |
 * | `probing[n]` | the node sends activeness probes |
 * | `shut[n]` | the shut-on-failure interface is down (or the node crashed) |
 * | `sess[n][s]` | the session's HA state on the node (`none` when absent) |
 * | `sa[n]` | the VPN's SA: in use (`up`), a synchronised copy (`synced`), none |
 * | `msgs[n]` | the messages in flight to n, oldest first, heartbeats left out |
 * | `router`, `offPath` | the probe responder misbehaves; has answered off its preferred path |
 * | `rview[n]` | the probe router's learned view (`none` when withdrawn), under async convergence |
 * | `icl` | the link is cut (`down`) or up |
 * | `tunnel`, `flapped` | the remote IKE peer's tunnel is up; it has flapped |
 * | `iclOverflow` | always false: the implementation's channels have no bound |
 * | `probeLoss`, `lastPacket` | replay's own record of the environment steps that set them |
 */
import type { Value } from '../dsl/index.js';
import type { IclMessage, NodeName, NodeObservation, Observation } from '../impl/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { REPLAY_SHUT_INTERFACE, REPLAY_VPN, sessionIds } from './impl-setup.js';
import type { ReportedValue, VariableDiff } from './result.js';

/** A state of the model's variables, as the expression language holds it (functions as objects). */
export type ModelState = Readonly<Record<string, Value>>;

/** How a variable is compared. */
export type CompareMode = 'exact' | 'not compared';

/** One variable's rule. */
export interface VariableRule {
  readonly variable: string;
  readonly mode: CompareMode;
  /** What it stands for in the implementation, or why it is not compared. */
  readonly why: string;
}

/** What replay itself records of environment steps that have no counterpart in the implementation. */
export interface ReplayEnvironment {
  probeLoss: boolean;
  /** Per session, the node that saw its latest packet (`none` before any). */
  readonly lastPacket: Record<string, 'none' | NodeName>;
}

/** The rules of the mapping for a scenario's parameters, in the model's variable order. */
export function refinementRules(params: MnhaParams): VariableRule[] {
  const exact = (variable: string, why: string): VariableRule => ({ variable, mode: 'exact', why });
  return [
    exact('node', 'a crashed node is the implementation slot without a node object'),
    exact('srg0', 'SRG0 state; off while crashed, as the model writes an inactive region'),
    exact('srg1', 'SRG1 state: the heart of the protocol'),
    exact('iclSeen', "the node's own belief about the ICL (its ICL view)"),
    exact('peerSrg1', 'the peer state the node last heard over the ICL; forgotten when it notices the ICL down'),
    exact('awaiting', "the node's ask: none out, one out, one out whose answer will be stale"),
    exact('activeRoute', 'active-signal-route installed'),
    exact('backupRoute', 'backup-signal-route installed'),
    exact('adv', 'the preference the routing policy gives the installed signal route'),
    exact('probing', 'whether the node sends activeness probes'),
    exact('shut', 'state of the shut-on-failure interface (down while crashed)'),
    exact('sess', "each session's HA state on each node: active, warm, or none when absent"),
    exact('sa', 'the VPN SA: in use on this node (up), kept as a synchronised copy (synced), or none'),
    exact('router', 'the probe responder answers off its preferred path (faulty) or not'),
    params.routeConvergence === 'async'
      ? exact('rview', "the probe router's view of each node's advertisement")
      : { variable: 'rview', mode: 'not compared', why: 'an abstraction: under instant convergence the model keeps rview at its initial value and the routers read adv directly' },
    exact('icl', 'the physical link: cut is down'),
    exact('msgs', 'the messages in flight toward each node, in order, as model records (heartbeats carry no state and are left out)'),
    exact('offPath', "the responder's history flag"),
    exact('probeLoss', 'replay keeps it: the environment loses probes while it is set (probe n, lose) and offers no answer'),
    exact('lastPacket', "replay keeps it from the packets it sends; the implementation's packet stamps decide the same reconciliations"),
    exact('tunnel', "the remote IKE peer's tunnel of the VPN: up while it has an SA"),
    exact('flapped', 'the remote IKE peer has renegotiated a tunnel that was up'),
    exact('iclOverflow', 'the implementation has no bound on messages in flight: never true'),
  ];
}

/** A set of sessions as the expression language holds it: sorted, no duplicates. */
function sessionSet(ids: readonly string[]): Value {
  return [...new Set(ids)].sort();
}

/** A message in flight as the model's message record (null for a heartbeat). */
export function modelMessage(m: IclMessage): Value | null {
  const base = { srg1: 'hold', flag: 'none', sids: [] as Value };
  switch (m.kind) {
    case 'state':
      return { type: 'STATE', srg1: m.srg1, flag: m.flag, sids: [] };
    case 'session-active':
      return { type: 'SESSION', ...base, sids: sessionSet(m.sessionIds) };
    case 'sa-sync':
      return { type: 'SA_SYNC', ...base };
    case 'sa-delete':
      return { type: 'SA_DELETE', ...base };
    case 'heartbeat':
      return null;
  }
}

/** The model's value of one node's variables, read from the implementation's observation of it. */
function nodeValues(o: NodeObservation, sessions: readonly string[]): Record<string, Value> {
  if (!o.alive) {
    return {
      node: 'down', srg0: 'off', srg1: 'off', iclSeen: false, peerSrg1: 'unknown', awaiting: 'idle', activeRoute: false, backupRoute: false,
      adv: 'none', probing: false, shut: true, sess: Object.fromEntries(sessions.map((s) => [s, 'none'])), sa: 'none',
    };
  }
  const shutIf = o.srg0.interfaces.find((i) => i.name === REPLAY_SHUT_INTERFACE);
  const sa = o.ipsec.sas.find((x) => x.vpn === REPLAY_VPN);
  return {
    node: 'up',
    srg0: o.srg0.state,
    srg1: o.srg1.state,
    iclSeen: o.icl.view === 'up',
    peerSrg1: o.icl.peer?.srg1 ?? 'unknown',
    awaiting: o.srg1.ask,
    activeRoute: o.srg1.signalRoutes.active,
    backupRoute: o.srg1.signalRoutes.backup,
    adv: o.srg1.advertised,
    probing: o.srg1.probing,
    shut: shutIf === undefined || shutIf.status === 'down',
    sess: Object.fromEntries(sessions.map((s) => [s, o.sessions.find((x) => x.id === s)?.state ?? 'none'])),
    sa: sa === undefined ? 'none' : sa.inUse ? 'up' : 'synced',
  };
}

function learnedView(obs: Observation, n: NodeName): Value {
  const view = obs.routers[obs.probeResponder.router].learned[n];
  return view === 'withdrawn' ? 'none' : view;
}

function inFlight(queue: readonly IclMessage[]): Value[] {
  const out: Value[] = [];
  for (const m of queue) {
    const v = modelMessage(m);
    if (v !== null) out.push(v);
  }
  return out;
}

const NODE_FIELDS = ['node', 'srg0', 'srg1', 'iclSeen', 'peerSrg1', 'awaiting', 'activeRoute', 'backupRoute', 'adv', 'probing', 'shut', 'sess', 'sa'] as const;

/** The implementation's state as a state of the model's variables (the refinement mapping). */
export function abstractState(obs: Observation, params: MnhaParams, env: ReplayEnvironment): Record<string, Value> {
  const sessions = sessionIds(params);
  const n1 = nodeValues(obs.nodes.n1, sessions);
  const n2 = nodeValues(obs.nodes.n2, sessions);
  const tunnel = obs.tunnels.find((t) => t.vpn === REPLAY_VPN);
  const state: Record<string, Value> = {};
  for (const field of NODE_FIELDS) state[field] = { n1: n1[field], n2: n2[field] };
  state.router = obs.probeResponder.misbehaving ? 'faulty' : 'behaving';
  state.rview = { n1: learnedView(obs, 'n1'), n2: learnedView(obs, 'n2') };
  state.icl = obs.icl.link === 'cut' ? 'down' : 'up';
  state.msgs = { n1: inFlight(obs.icl.inFlight.toN1), n2: inFlight(obs.icl.inFlight.toN2) };
  state.offPath = obs.probeResponder.answeredOffPath;
  state.probeLoss = env.probeLoss;
  state.lastPacket = { ...env.lastPacket };
  state.tunnel = tunnel !== undefined && tunnel.spi !== null ? 'up' : 'down';
  state.flapped = tunnel !== undefined && tunnel.flaps > 0;
  state.iclOverflow = false;
  return state;
}

function isRecord(v: Value | undefined): v is { readonly [k: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of two values (records compared key by key, in either order). */
function same(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => same((a as Record<string, Value>)[k], (b as Record<string, Value>)[k]));
}

/** Per-key diffs of a function-valued variable (`srg1[n1]`, `sess[n1][s2]`), or the whole value. */
function diffValue(name: string, expected: Value | undefined, actual: Value | undefined, out: VariableDiff[]): void {
  if (same(expected, actual)) return;
  if (isRecord(expected) && isRecord(actual) && !('type' in expected)) {
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
    diffValue(rule.variable, expected[rule.variable], actual[rule.variable], out);
  }
  return out;
}
