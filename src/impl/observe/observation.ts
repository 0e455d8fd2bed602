/**
 * The observable state of the network, as plain JSON data: what replay maps
 * onto the model's variables. Keys always come in the order written here
 * and lists are sorted, so `JSON.stringify` of two equal observations gives
 * byte-identical text.
 */
import type { IclView, InterfaceStatus, Preference, SessionHaState, Srg0State, Srg1State } from '../domain.js';
import type { IclMessage } from '../node/icl-messages.js';
import type { AskState } from '../node/ask.js';
import type { NodeName, RouterName } from '../net/names.js';
import type { RouteView } from '../net/router.js';

/** The peer as a node last heard it announce itself. */
export interface PeerObservation {
  readonly localId: number;
  readonly srg0: Srg0State;
  readonly srg1: Srg1State;
  readonly activenessPriority: number | null;
  readonly preemption: boolean;
}

/** SRG0 on one node. */
export interface Srg0Observation {
  readonly state: Srg0State;
  /** The shut-on-failure interfaces, sorted by name. */
  readonly interfaces: readonly { readonly name: string; readonly status: InterfaceStatus }[];
  readonly failedMonitors: readonly string[];
}

/** SRG1 on one node. */
export interface Srg1Observation {
  readonly state: Srg1State;
  readonly signalRoutes: { readonly active: boolean; readonly backup: boolean };
  /** The preference the node's routing policy gives its service routes now. */
  readonly advertised: Preference;
  readonly probing: boolean;
  /** True when the node forwards SRG1 traffic (only when active). */
  readonly forwarding: boolean;
  readonly failedMonitors: readonly string[];
  /** Where the node stands with its ask (models/mnha/PROTOCOL.md, "Asking"). */
  readonly ask: AskState;
}

/** One session on one node. */
export interface SessionObservation {
  readonly id: string;
  readonly state: SessionHaState;
  /** Network stamp of the latest packet this node saw for it (0: none). */
  readonly lastPacket: number;
}

/** One IPsec SA held by a node. */
export interface SaObservation {
  readonly vpn: string;
  readonly spi: string;
  /** In use (the node is the IKE end) or a synchronised copy. */
  readonly inUse: boolean;
}

/** A running node. */
export interface UpNodeObservation {
  readonly alive: true;
  readonly localId: number;
  /** How many times the device has booted (1 at the start). */
  readonly boots: number;
  readonly icl: { readonly view: IclView; readonly peer: PeerObservation | null };
  readonly srg0: Srg0Observation;
  readonly srg1: Srg1Observation;
  /** Sorted by session id. */
  readonly sessions: readonly SessionObservation[];
  readonly ipsec: {
    /** Sorted by VPN name. */
    readonly sas: readonly SaObservation[];
    /** IKE negotiations this boot of the node started. */
    readonly negotiations: number;
  };
}

/** A crashed node: nothing survives but its identity. */
export interface DownNodeObservation {
  readonly alive: false;
  readonly localId: number;
  readonly boots: number;
}

/** One node, running or down. */
export type NodeObservation = UpNodeObservation | DownNodeObservation;

/** One router. */
export interface RouterObservation {
  /** The node it steers floating-IP traffic and probe answers to. */
  readonly preferred: NodeName | null;
  readonly tieBreak: NodeName;
  /** Its view of each node's advertisement (lags the nodes under async convergence). */
  readonly learned: { readonly n1: RouteView; readonly n2: RouteView };
}

/** The probe responder on the probe router. */
export interface ProbeResponderObservation {
  readonly router: RouterName;
  readonly misbehaving: boolean;
  /** History: true once an answer has gone to a node off the router's preferred path. */
  readonly answeredOffPath: boolean;
}

/** One SRG1 VPN tunnel as the remote IKE peer sees it. */
export interface TunnelObservation {
  readonly vpn: string;
  readonly spi: string | null;
  readonly negotiations: number;
  readonly flaps: number;
}

/** The ICL. */
export interface IclObservation {
  readonly link: 'up' | 'cut';
  /** Messages in flight per direction, oldest first. */
  readonly inFlight: { readonly toN1: readonly IclMessage[]; readonly toN2: readonly IclMessage[] };
}

/** Everything observable, at one instant. */
export interface Observation {
  /** Virtual time in ms. */
  readonly time: number;
  readonly icl: IclObservation;
  readonly nodes: { readonly n1: NodeObservation; readonly n2: NodeObservation };
  readonly routers: { readonly r1: RouterObservation; readonly r2: RouterObservation };
  readonly probeResponder: ProbeResponderObservation;
  /** Sorted by VPN name. */
  readonly tunnels: readonly TunnelObservation[];
}
