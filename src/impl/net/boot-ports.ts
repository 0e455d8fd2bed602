/**
 * The ports of one boot of a node, wired to the network it runs in. Each
 * port is a small object whose methods check that the boot is still the
 * running one (a crashed boot's leftover calls are ignored) and hand the
 * call to the network. Forking a network (conformance forks one per
 * transition) builds them anew, so they are kept cheap to build.
 */
import type { Preference } from '../domain.js';
import type { IclMessage, SessionRecord } from '../node/icl-messages.js';
import type { Clock, IclTransport, IkePeer, NodePorts, Probe, Prober, RouteAdvertiser, TimerHandle } from '../node/ports.js';
import type { NodeName } from './names.js';
import type { RemoteIkePeer } from './remote-ike-peer.js';
import type { VirtualClock } from './virtual-clock.js';

/** What the ports need from the network. */
export interface PortHost {
  /** Whether `boot` is the running boot of `node`. */
  alive(node: NodeName, boot: number): boolean;
  transmit(from: NodeName, message: IclMessage): void;
  peerSessions(from: NodeName): readonly SessionRecord[] | null;
  advertise(node: NodeName, preference: Preference): void;
  queueProbe(from: NodeName, probe: Probe): void;
  /** Runs after a node's timer fired (answers the probes it sent, as after any input). */
  afterInput(): void;
  /** The node closes its ICL connection (it decided the ICL is down). */
  disconnect(from: NodeName): void;
  readonly ike: RemoteIkePeer;
  readonly clock: VirtualClock;
}

/**
 * The ports of boot `boot` of `node`. Object-literal methods, which keep
 * their names without help, so that building them costs no more than the
 * objects themselves.
 */
export function bootPorts(host: PortHost, node: NodeName, boot: number): NodePorts {
  const icl: IclTransport = {
    send(message: IclMessage): void {
      if (host.alive(node, boot)) host.transmit(node, message);
    },
    peerSessions(): readonly SessionRecord[] | null {
      return host.alive(node, boot) ? host.peerSessions(node) : null;
    },
    disconnect(): void {
      if (host.alive(node, boot)) host.disconnect(node);
    },
  };
  const routes: RouteAdvertiser = {
    advertise(preference: Preference): void {
      if (host.alive(node, boot)) host.advertise(node, preference);
    },
  };
  const prober: Prober = {
    send(probe: Probe): void {
      if (host.alive(node, boot)) host.queueProbe(node, probe);
    },
  };
  const ike: IkePeer = {
    establish(vpn: string, spi: string): void {
      host.ike.establish(vpn, spi);
    },
    teardown(vpn: string): void {
      host.ike.teardown(vpn);
    },
  };
  const clock: Clock = {
    now(): number {
      return host.clock.now();
    },
    setTimeout(delayMs: number, callback: () => void, label?: string): TimerHandle {
      return host.clock.schedule(delayMs, () => {
        callback();
        host.afterInput();
      }, node, `${node} ${label ?? 'timer'}`);
    },
    clearTimeout(handle: TimerHandle): void {
      host.clock.cancel(handle);
    },
  };
  return { icl, routes, prober, ike, clock };
}
