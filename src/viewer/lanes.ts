/**
 * The lanes of the timeline for MNHA traces: one per node (SRG1 and SRG0
 * state, signal route and advertised preference, probing, view of the
 * peer), one for the ICL and one for the routers (preferred path, probe
 * answers). Lanes are built only from the MNHA variables a trace has; a
 * trace of another model gets none and is shown by its variables alone.
 */
import type { PlainStep, PlainTrace, PlainValue } from '../trace/index.js';
import { formatString, formatValue } from './format.js';
import type { TraceInfo } from './meta.js';

/** Per-node variables of the MNHA model the node lanes show. */
export const NODE_LANE_VARS = ['node', 'srg1', 'srg0', 'activeRoute', 'backupRoute', 'adv', 'probing', 'iclSeen', 'peerSrg1'] as const;
/** Variables the ICL and router lanes show. */
export const NETWORK_LANE_VARS = ['icl', 'router', 'rview', 'offPath'] as const;

/** A field of a node lane cell. */
export type NodeField = 'up' | 'srg1' | 'srg0' | 'route' | 'adv' | 'probing' | 'peer';

/** What a node lane shows at one step. */
export interface NodeCell {
  /** `node` is `up`; absent when the trace has no `node`. */
  readonly up?: boolean;
  readonly srg1?: string;
  readonly srg0?: string;
  /** Signal routes installed. */
  readonly route?: 'active' | 'backup' | 'both' | 'none';
  /** Advertised preference. */
  readonly adv?: string;
  readonly probing?: boolean;
  /** Whether it sees its peer over the ICL. */
  readonly iclSeen?: boolean;
  /** Its view of the peer's SRG1 state. */
  readonly peer?: string;
  /** It got a probe reply in this step, on or off the router's preferred path. */
  readonly probeReply?: 'on-path' | 'off-path';
  /** Fields that differ from the previous step. */
  readonly changed: readonly NodeField[];
}

/** What the ICL lane shows at one step. */
export interface IclCell {
  /** `icl` (`up`/`down`), when the trace has it. */
  readonly state?: string;
  /** Messages in flight on the ICL (all channels, both directions). */
  readonly inFlight: number;
  readonly changed: boolean;
}

/** A field of a router lane cell. */
export type RouterField = 'state' | 'prefers' | 'offPath';

/** What the router lane shows at one step. */
export interface RouterCell {
  /** `router` (`behaving`/`faulty`), when the trace has it. */
  readonly state?: string;
  /** The node the routers' preferred path leads to; absent when unknown (a tie with no known tie-break, no routes). */
  readonly prefers?: string;
  /** Why, formatted for display: e.g. `n2 medium > n1 low`. */
  readonly prefText?: string;
  /** A probe answered in this step: to which node, and whether off the preferred path. */
  readonly answered?: { readonly node: string; readonly offPath: boolean };
  /** A route advertisement that reached the routers in this step (async convergence). */
  readonly routeUpdate?: { readonly node: string; readonly pref: string };
  /** The `offPath` history flag: an off-path answer has happened. */
  readonly offPathSeen?: boolean;
  /** With async convergence: the nodes whose advertisement the routers have not learnt yet (what they see, what the node advertises). */
  readonly stale?: readonly { readonly node: string; readonly seen: string; readonly advertised: string }[];
  readonly changed: readonly RouterField[];
}

/** The lanes of a trace (see the module comment). */
export interface Lanes {
  /** The nodes, in the order of the trace's maps. */
  readonly nodes: readonly string[];
  /** `node[step][i]`: node `nodes[i]` after step `step`. */
  readonly node: readonly (readonly NodeCell[])[];
  readonly icl?: readonly IclCell[];
  readonly router?: readonly RouterCell[];
  /** The variables the lanes show (the rest is shown by the step's changes). */
  readonly covered: readonly string[];
  /** Whether routers see the nodes' advertisements (`instant`) or their own lagging view (`async`). */
  readonly convergence: 'instant' | 'async';
  /** Whether the trace says so (else it is inferred from `rview` changing, or route-update steps). */
  readonly convergenceKnown: boolean;
}

const RANK: Readonly<Record<string, number>> = { high: 3, medium: 2, low: 1 };

function text(v: PlainValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : formatValue(v);
}

function bool(v: PlainValue | undefined): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

function perNode(step: PlainStep, name: string, node: string): PlainValue | undefined {
  const m = step.values[name];
  return m instanceof Map ? m.get(node) : undefined;
}

/**
 * The nodes of an MNHA-like trace: the keys of its first per-node map
 * variable (`srg1`, `node`, ...), when they are strings; empty otherwise.
 */
export function traceNodes(trace: PlainTrace): readonly string[] {
  const first = trace.steps[0];
  for (const name of NODE_LANE_VARS) {
    if (!trace.vars.includes(name)) continue;
    const m = first.values[name];
    if (m instanceof Map && m.size > 0 && [...m.keys()].every((k) => typeof k === 'string')) return [...m.keys()] as string[];
  }
  return [];
}

function nodeCell(step: PlainStep, n: string): Omit<NodeCell, 'changed' | 'probeReply'> {
  const node = text(perNode(step, 'node', n));
  const active = bool(perNode(step, 'activeRoute', n));
  const backup = bool(perNode(step, 'backupRoute', n));
  const route =
    active === undefined && backup === undefined ? undefined : active && backup ? 'both' : active ? 'active' : backup ? 'backup' : 'none';
  const cell: Record<string, unknown> = {
    up: node === undefined ? undefined : node === 'up',
    srg1: text(perNode(step, 'srg1', n)),
    srg0: text(perNode(step, 'srg0', n)),
    route,
    adv: text(perNode(step, 'adv', n)),
    probing: bool(perNode(step, 'probing', n)),
    iclSeen: bool(perNode(step, 'iclSeen', n)),
    peer: text(perNode(step, 'peerSrg1', n)),
  };
  for (const k of Object.keys(cell)) if (cell[k] === undefined) delete cell[k];
  return cell as Omit<NodeCell, 'changed'>;
}

function nodeChanges(a: Omit<NodeCell, 'changed'> | undefined, b: Omit<NodeCell, 'changed'>): NodeField[] {
  if (!a) return [];
  const out: NodeField[] = [];
  if (a.up !== b.up) out.push('up');
  if (a.srg1 !== b.srg1) out.push('srg1');
  if (a.srg0 !== b.srg0) out.push('srg0');
  if (a.route !== b.route) out.push('route');
  if (a.adv !== b.adv) out.push('adv');
  if (a.probing !== b.probing) out.push('probing');
  if (a.peer !== b.peer || a.iclSeen !== b.iclSeen) out.push('peer');
  return out;
}

/** The node a step's parameters name, e.g. `n1` for `HoldOnProbeReply(n: n1)`. */
export function stepNode(step: PlainStep, nodes: readonly string[]): string | undefined {
  const picks = step.picks ?? {};
  if (typeof picks.n === 'string' && nodes.includes(picks.n)) return picks.n;
  const named = Object.values(picks).filter((v): v is string => typeof v === 'string' && nodes.includes(v));
  return named.length === 1 ? named[0] : undefined;
}

interface Preference {
  readonly prefers?: string;
  readonly prefText?: string;
}

function preference(step: PlainStep, nodes: readonly string[], convergence: 'instant' | 'async', tieBreak: string | undefined): Preference {
  const seenVar = convergence === 'async' ? 'rview' : 'adv';
  const seen = nodes.map((n) => [n, text(perNode(step, seenVar, n))] as const);
  if (seen.some(([, p]) => p === undefined)) return {};
  const ranked = seen.map(([n, p]) => [n, p as string, RANK[p as string] ?? 0] as const);
  const f = formatString;
  const best = Math.max(...ranked.map(([, , r]) => r));
  if (best === 0) return { prefText: `no route: ${ranked.map(([n, p]) => `${f(n)} ${f(p)}`).join(', ')}` };
  const top = ranked.filter(([, , r]) => r === best);
  const others = ranked.filter(([, , r]) => r !== best);
  if (top.length === 1) {
    const [n, p] = top[0];
    const rest = others.map(([o, q]) => `${f(o)} ${f(q)}`).join(', ');
    return { prefers: n, prefText: rest === '' ? `${f(n)} ${f(p)}` : `${f(n)} ${f(p)} > ${rest}` };
  }
  const all = top.length === nodes.length ? (nodes.length === 2 ? 'both' : 'all') : top.map(([n]) => f(n)).join(', ');
  if (tieBreak !== undefined && top.some(([n]) => n === tieBreak)) {
    return { prefers: tieBreak, prefText: `tie, ${all} ${f(top[0][1])}; tie-break ${f(tieBreak)}` };
  }
  return { prefText: `tie, ${all} ${f(top[0][1])}; tie-break unknown` };
}

function inferConvergence(trace: PlainTrace, info: TraceInfo): 'instant' | 'async' {
  if (info.routeConvergence === 'async' || info.routeConvergence === 'instant') return info.routeConvergence;
  if (!trace.vars.includes('rview')) return 'instant';
  if (trace.steps.some((s) => s.action !== undefined && /RouteUpdate/i.test(s.action))) return 'async';
  const first = formatValue(trace.steps[0].values.rview);
  return trace.steps.some((s) => formatValue(s.values.rview) !== first) ? 'async' : 'instant';
}

function channelLength(step: PlainStep, channels: readonly string[]): number {
  let n = 0;
  for (const c of channels) {
    const m = step.values[c];
    if (m instanceof Map) for (const q of m.values()) if (Array.isArray(q)) n += q.length;
  }
  return n;
}

/**
 * The lanes of a trace, or `undefined` when it has none of the MNHA per-node
 * variables. `channels` are the message variables (see `messages.ts`), used
 * to count what is in flight on the ICL.
 */
export function extractLanes(trace: PlainTrace, info: TraceInfo, channels: readonly string[]): Lanes | undefined {
  const nodes = traceNodes(trace);
  if (nodes.length === 0) return undefined;
  const has = (v: string) => trace.vars.includes(v);
  const convergence = inferConvergence(trace, info);
  const covered = [...NODE_LANE_VARS, ...NETWORK_LANE_VARS, ...channels].filter(has);

  const raw = trace.steps.map((s) => nodes.map((n) => nodeCell(s, n)));
  const prefs = trace.steps.map((s) => preference(s, nodes, convergence, info.tieBreak));
  const node: NodeCell[][] = trace.steps.map((s, i) =>
    nodes.map((n, j) => {
      const cell = raw[i][j];
      const changed = nodeChanges(i > 0 ? raw[i - 1][j] : undefined, cell);
      const answered = i > 0 ? probeAnswer(trace, i, nodes, prefs[i - 1]) : undefined;
      return answered?.node === n ? { ...cell, probeReply: answered.offPath ? 'off-path' : 'on-path', changed } : { ...cell, changed };
    }),
  );

  const icl =
    has('icl') || channels.length > 0
      ? trace.steps.map((s, i): IclCell => {
          const state = has('icl') ? text(s.values.icl) : undefined;
          const inFlight = channelLength(s, channels);
          const prev = i > 0 ? trace.steps[i - 1] : undefined;
          const changed = prev !== undefined && has('icl') && text(prev.values.icl) !== state;
          return { ...(state !== undefined ? { state } : {}), inFlight, changed };
        })
      : undefined;

  const router =
    has('router') || has('rview')
      ? trace.steps.map((s, i): RouterCell => {
          const state = has('router') ? text(s.values.router) : undefined;
          const offPathSeen = has('offPath') ? bool(s.values.offPath) : undefined;
          const p = prefs[i];
          const answered = i > 0 ? probeAnswer(trace, i, nodes, prefs[i - 1]) : undefined;
          const update = i > 0 ? routeUpdate(trace, i, nodes) : undefined;
          const changed: RouterField[] = [];
          if (i > 0) {
            if (state !== undefined && text(trace.steps[i - 1].values.router) !== state) changed.push('state');
            if (prefs[i - 1].prefers !== p.prefers) changed.push('prefers');
            if (offPathSeen !== undefined && bool(trace.steps[i - 1].values.offPath) !== offPathSeen) changed.push('offPath');
          }
          // The routers' view is stale where it differs from what the node advertises (async convergence only: else they see adv itself).
          const stale =
            convergence === 'async'
              ? nodes.flatMap((n) => {
                  const seen = text(perNode(s, 'rview', n));
                  const advertised = text(perNode(s, 'adv', n));
                  return seen !== undefined && advertised !== undefined && seen !== advertised ? [{ node: n, seen, advertised }] : [];
                })
              : [];
          return {
            ...(state !== undefined ? { state } : {}),
            ...(stale.length > 0 ? { stale } : {}),
            ...(p.prefers !== undefined ? { prefers: p.prefers } : {}),
            ...(p.prefText !== undefined ? { prefText: p.prefText } : {}),
            ...(answered ? { answered } : {}),
            ...(update ? { routeUpdate: update } : {}),
            ...(offPathSeen !== undefined ? { offPathSeen } : {}),
            changed,
          };
        })
      : undefined;

  const convergenceKnown = info.routeConvergence === 'instant' || info.routeConvergence === 'async';
  return { nodes, node, ...(icl ? { icl } : {}), ...(router ? { router } : {}), covered, convergence, convergenceKnown };
}

/**
 * The probe answered in step `i`, if its action is a probe reply
 * (`...ProbeReply`) to a node: off the preferred path when the `offPath`
 * history flag turned on in this step, or when the routers preferred another
 * node just before it.
 */
function probeAnswer(trace: PlainTrace, i: number, nodes: readonly string[], before: Preference): { node: string; offPath: boolean } | undefined {
  const step = trace.steps[i];
  if (step.action === undefined || !/ProbeReply/i.test(step.action)) return undefined;
  const n = stepNode(step, nodes);
  if (n === undefined) return undefined;
  const flagTurnedOn = trace.steps[i - 1].values.offPath === false && step.values.offPath === true;
  return { node: n, offPath: flagTurnedOn || (before.prefers !== undefined && before.prefers !== n) };
}

function routeUpdate(trace: PlainTrace, i: number, nodes: readonly string[]): { node: string; pref: string } | undefined {
  const step = trace.steps[i];
  if (step.action === undefined || !/RouteUpdate/i.test(step.action)) return undefined;
  const n = stepNode(step, nodes);
  if (n === undefined) return undefined;
  const pref = text(perNode(step, 'rview', n));
  return pref === undefined ? undefined : { node: n, pref };
}
