/**
 * How a deterministic network is set up: the two nodes' configurations, the
 * scenario options of MNHA.md (ICL loss at the active node, route
 * convergence), the routers' tie-breaks, timers and ICL loss.
 */
import type { IclLossAtActive } from '../domain.js';
import type { MnhaConfig } from '../config/config-types.js';
import type { MnhaNode, NodeDeps } from '../node/mnha-node.js';
import type { NodeTiming } from '../node/node-behaviour.js';
import type { NodeName, RouterName } from './names.js';

/**
 * Whether the routers learn a node's new preference at once (`instant`) or
 * only when a convergence step happens (`async`: `convergeRoutes`, or after
 * `routeDelayMs` in clock-driven runs). MNHA.md section 2.
 */
export type RouteConvergence = 'instant' | 'async';

/** Builds the node object of one device; tests pass fault-injecting subclasses here. */
export type NodeFactory = (deps: NodeDeps) => MnhaNode;

/** Network timers in ms, and the node timers the configuration does not set. */
export interface NetworkTiming extends NodeTiming {
  /** One-way ICL latency. */
  readonly iclLatencyMs: number;
  /** Time for an advertisement to reach the routers under async convergence. */
  readonly routeDelayMs: number;
}

/** Network set-up. Only the configurations are required. */
export interface NetworkOptions {
  readonly configs: { readonly n1: MnhaConfig; readonly n2: MnhaConfig };
  /** Default `withdraw` (the original documentation). */
  readonly iclLossAtActive?: IclLossAtActive;
  /** Default `instant`. */
  readonly routeConvergence?: RouteConvergence;
  /** The stale-notice protection (models/mnha/PROTOCOL.md, "Asking"). Default on. */
  readonly waitForAnswer?: boolean;
  /** Which node each router prefers on a tie. Default n1 for both. */
  readonly tieBreak?: { readonly r1?: NodeName; readonly r2?: NodeName };
  /** The router hosting the probe destination. Default r2 (untrust side). */
  readonly probeRouter?: RouterName;
  /** Overrides of the timers; node heartbeat timers otherwise come from `liveness-detection`. */
  readonly timing?: Partial<NetworkTiming>;
  /** Random ICL loss in clock-driven runs, from a seed (deterministic). Default none. */
  readonly iclLoss?: { readonly rate: number; readonly seed: number };
  /** Node construction, for both nodes or per node. Default `new MnhaNode(deps)`. */
  readonly nodeFactory?: NodeFactory | { readonly n1?: NodeFactory; readonly n2?: NodeFactory };
}

/** Network timers used when not overridden. */
export const DEFAULT_NETWORK_TIMING = { iclLatencyMs: 5, routeDelayMs: 50 } as const;
