/**
 * Shared set-up for the implementation's tests: configurations through the
 * real reader, networks, and short accessors into observations.
 */
import {
  MnhaNetwork,
  nodeConfig,
  type MnhaConfig,
  type NetworkOptions,
  type NodeConfigOptions,
  type NodeName,
  type Observation,
  type UpNodeObservation,
} from '../../src/impl/index.js';

/** A node configuration built through the `set`-line reader; fails the test if rejected. */
export function config(options: NodeConfigOptions): MnhaConfig {
  const result = nodeConfig(options);
  if (!result.ok) throw new Error(`test configuration rejected: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.config;
}

/** Options of one node, without the ids (the pair sets them: n1 is id 1, n2 is id 2). */
export type NodeExtras = Omit<NodeConfigOptions, 'localId' | 'peerId'>;

/** A network of n1 (local id 1) and n2 (local id 2). */
export function network(options: { readonly n1?: NodeExtras; readonly n2?: NodeExtras } & Omit<NetworkOptions, 'configs'> = {}): MnhaNetwork {
  const { n1, n2, ...rest } = options;
  return new MnhaNetwork({
    ...rest,
    configs: { n1: config({ localId: 1, peerId: 2, ...n1 }), n2: config({ localId: 2, peerId: 1, ...n2 }) },
  });
}

/** The observation of a running node; fails the test if it is down. */
export function up(observation: Observation, node: NodeName): UpNodeObservation {
  const n = observation.nodes[node];
  if (!n.alive) throw new Error(`${node} is down`);
  return n;
}

/** SRG1 of a running node, now. */
export function srg1(net: MnhaNetwork, node: NodeName): UpNodeObservation['srg1'] {
  return up(net.observe(), node).srg1;
}

/** SRG0 of a running node, now. */
export function srg0(net: MnhaNetwork, node: NodeName): UpNodeObservation['srg0'] {
  return up(net.observe(), node).srg0;
}

/** The SRG1 state of both nodes ('down' for a crashed one). */
export function states(net: MnhaNetwork): { n1: string; n2: string } {
  const o = net.observe();
  return {
    n1: o.nodes.n1.alive ? o.nodes.n1.srg1.state : 'down',
    n2: o.nodes.n2.alive ? o.nodes.n2.srg1.state : 'down',
  };
}

/** Number of nodes that are SRG1-active now. */
export function activeCount(net: MnhaNetwork): number {
  const s = states(net);
  return (s.n1 === 'active' ? 1 : 0) + (s.n2 === 'active' ? 1 : 0);
}

/** What an SRG1 in the given role shows, by MNHA.md's tables (sections 2 and 5). */
export const ROLE = {
  active: { state: 'active', signalRoutes: { active: true, backup: false }, advertised: 'high', probing: false, forwarding: true },
  backup: { state: 'backup', signalRoutes: { active: false, backup: true }, advertised: 'medium', probing: false, forwarding: false },
  holdProbing: { state: 'hold', signalRoutes: { active: false, backup: false }, advertised: 'low', probing: true, forwarding: false },
  ineligible: { state: 'ineligible', signalRoutes: { active: false, backup: false }, advertised: 'low', probing: false, forwarding: false },
} as const;

/**
 * Boots the pair in contact, step by step, and lets the probe elect: n1
 * notices the ICL up and both exchange states; both finish their cold sync;
 * the router's tie-break node (`winner`) probes and is answered, the
 * other learns it and becomes backup. Ends with nothing in flight.
 */
export function bootInContact(net: MnhaNetwork, winner: NodeName = 'n1'): void {
  net.detectIclUp('n1');
  net.deliverAll();
  net.completeColdSync('n1');
  net.completeColdSync('n2');
  net.deliverAll();
  const outcome = net.probe(winner);
  if (outcome !== 'answered') throw new Error(`set-up: ${winner}'s probe was ${outcome}`);
  net.deliverAll();
}
