/**
 * The far end of the SRG1 VPNs. It sees which SA each tunnel runs on; a
 * tunnel renegotiated with a new SPI while an SA was up is a flap
 * (MNHA.md section 7): the property worth reporting after a failover.
 */

/** One tunnel as the remote peer sees it. */
export interface TunnelView {
  readonly vpn: string;
  /** SPI of the SA in use, or null when there is none. */
  readonly spi: string | null;
  readonly negotiations: number;
  readonly flaps: number;
}

/** The remote IKE peer of every SRG1 VPN. */
export class RemoteIkePeer {
  private readonly tunnels = new Map<string, { spi: string | null; negotiations: number; flaps: number }>();

  /** A copy of the peer's tunnels. */
  clone(): RemoteIkePeer {
    const copy = new RemoteIkePeer();
    for (const [vpn, t] of this.tunnels) copy.tunnels.set(vpn, { ...t });
    return copy;
  }

  /** An SA was negotiated for `vpn`; replacing a live one with another SPI is a flap. */
  establish(vpn: string, spi: string): void {
    const tunnel = this.tunnels.get(vpn) ?? { spi: null, negotiations: 0, flaps: 0 };
    if (tunnel.spi !== null && tunnel.spi !== spi) tunnel.flaps += 1;
    tunnel.spi = spi;
    tunnel.negotiations += 1;
    this.tunnels.set(vpn, tunnel);
  }

  /** The SA of `vpn` was deleted. */
  teardown(vpn: string): void {
    const tunnel = this.tunnels.get(vpn);
    if (tunnel !== undefined) tunnel.spi = null;
  }

  /** Every tunnel, sorted by VPN name. */
  views(): TunnelView[] {
    return [...this.tunnels.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([vpn, t]) => ({ vpn, spi: t.spi, negotiations: t.negotiations, flaps: t.flaps }));
  }
}
