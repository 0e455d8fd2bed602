/**
 * The small interfaces through which a node meets the world, as a daemon
 * meets its kernel and peers: the ICL transport, the route advertisement
 * toward the routers, the prober, the IKE peer and the clock. The
 * deterministic network implements them; so could a real host.
 */
import type { Preference } from '../domain.js';
import type { IclMessage, SessionRecord } from './icl-messages.js';

/** The interchassis link as the node sees it. */
export interface IclTransport {
  /** Sends a message toward the peer; it may be lost, and the node is not told. */
  send(message: IclMessage): void;
  /**
   * The cold sync's bulk transfer on contact: the peer's session table, or
   * null when the peer cannot be reached.
   */
  peerSessions(): readonly SessionRecord[] | null;
  /**
   * Closes the connection: the node has decided the ICL is down. A peer
   * that still had it open notices the ICL down too.
   */
  disconnect(): void;
}

/** The routing protocol's export toward the routers (R1, R2). */
export interface RouteAdvertiser {
  /** Announces the preference the routing policy now gives the node's service routes. */
  advertise(preference: Preference): void;
}

/** An activeness probe: sent from the floating IP to the probe destination. */
export interface Probe {
  readonly id: number;
  readonly srcIp: string;
  readonly destIp: string;
}

/** A probe answer, delivered to whichever node the router routes the floating IP to. */
export interface ProbeReply {
  readonly probeId: number;
}

/** Sends activeness probes; answers come back through `MnhaNode.receiveProbeReply`. */
export interface Prober {
  send(probe: Probe): void;
}

/** The remote IKE peer of the SRG1 VPNs, as the active node talks to it. */
export interface IkePeer {
  /** Negotiates (or renegotiates) the VPN's SA with the given SPI. */
  establish(vpn: string, spi: string): void;
  /** Deletes the VPN's SA at the remote end. */
  teardown(vpn: string): void;
}

/** Opaque handle of a pending timer. */
export type TimerHandle = number;

/** Time and timers. The node never reads wall-clock time. */
export interface Clock {
  now(): number;
  /** `label` names the timer (heartbeat, probe, ...) for whoever records the run. */
  setTimeout(delayMs: number, callback: () => void, label?: string): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Everything a node is wired to. */
export interface NodePorts {
  readonly icl: IclTransport;
  readonly routes: RouteAdvertiser;
  readonly prober: Prober;
  readonly ike: IkePeer;
  readonly clock: Clock;
}
