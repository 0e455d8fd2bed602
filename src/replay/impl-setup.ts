/**
 * The implementation set up the way a scenario describes the model: the
 * same local ids, priorities, preemption, backup-signal-routes, ICL-loss reading, route
 * convergence, stale-notice protection and router tie-break, one IPsec VPN when the scenario has
 * IPsec, a shut-on-failure interface so that SRG0's `shut` is observable.
 */
import {
  MnhaNetwork,
  nodeConfig,
  type MnhaConfig,
  type NodeFactory,
  type NodeName,
} from '../impl/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';

/** The VPN an IPsec scenario's SRG1 carries in the implementation. */
export const REPLAY_VPN = 'SITE_VPN';
/** The shut-on-failure interface whose state is the model's `shut`. */
export const REPLAY_SHUT_INTERFACE = 'ge-0/0/3';

/** How the implementation is built besides the scenario. */
export interface ImplOptions {
  /** Node construction (the broken fixtures), for both nodes or per node. */
  readonly nodeFactory?: NodeFactory | { readonly n1?: NodeFactory; readonly n2?: NodeFactory };
}

const configs = new Map<string, MnhaConfig>();

/** The implementation configuration of `node` for the scenario parameters (read once per process). */
export function configFor(params: MnhaParams, node: NodeName): MnhaConfig {
  const key = `${node} ${JSON.stringify(params)}`;
  let config = configs.get(key);
  if (config === undefined) {
    config = readConfig(params, node);
    configs.set(key, config);
  }
  return config;
}

/** Reads the configuration through the Junos set-line reader, as a user's would be. */
function readConfig(params: MnhaParams, node: NodeName): MnhaConfig {
  const peer: NodeName = node === 'n1' ? 'n2' : 'n1';
  const priority = params.priority[node];
  const result = nodeConfig({
    localId: params.localId[node],
    peerId: params.localId[peer],
    // the model writes "not configured" as 0; Junos leaves the statement out
    ...(priority > 0 ? { activenessPriority: priority } : {}),
    preemption: params.preemption,
    // a node the model gives no backup-signal-route is configured without one, as a user's would be
    backupSignalRoute: params.hasBackupSignalRoute[node],
    shutdownOnFailure: [REPLAY_SHUT_INTERFACE],
    vpns: params.ipsec ? [REPLAY_VPN] : [],
  });
  // the parameters come from a scenario, not a user: a rejection is a bug here
  if (!result.ok) throw new Error(`replay: scenario parameters give an invalid ${node} configuration: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.config;
}

/**
 * A network in the model's initial state. The implementation boots with
 * the ICL physically up but unnoticed, while the model's ICL starts down
 * (it is still being established at boot and comes up through the
 * `IclRestore` step): the link is cut before the first step so that both
 * start alike. Nothing is in flight then, and the nodes' views are down
 * either way.
 */
export function networkFor(params: MnhaParams, options: ImplOptions = {}): MnhaNetwork {
  const net = new MnhaNetwork({
    configs: { n1: configFor(params, 'n1'), n2: configFor(params, 'n2') },
    iclLossAtActive: params.iclLossAtActive,
    routeConvergence: params.routeConvergence,
    waitForAnswer: params.waitForAnswer,
    tieBreak: { r1: params.tieBreak, r2: params.tieBreak },
    ...(options.nodeFactory === undefined ? {} : { nodeFactory: options.nodeFactory }),
  });
  net.cutIcl();
  return net;
}

/** The session ids of a scenario, as the model names them (`s1`..`sN`). */
export function sessionIds(params: MnhaParams): string[] {
  return Array.from({ length: params.sessions }, (_, i) => `s${i + 1}`);
}
