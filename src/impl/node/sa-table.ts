/**
 * IPsec security associations held by a node, per VPN (MNHA.md section 7).
 * The active node uses its SA (it is the IKE end of the tunnel); the backup
 * keeps the synchronised copy, ready for a failover without renegotiation.
 */
import type { SaRecord } from './icl-messages.js';

/** The SAs of one node, one per VPN (the current child SA, identified by its SPI). */
export class SaTable {
  private readonly byVpn = new Map<string, { spi: string; inUse: boolean }>();

  /** A copy of the table. */
  clone(): SaTable {
    const copy = new SaTable();
    for (const [vpn, sa] of this.byVpn) copy.byVpn.set(vpn, { ...sa });
    return copy;
  }

  /** The SA held for `vpn`, or undefined. */
  get(vpn: string): { readonly spi: string; readonly inUse: boolean } | undefined {
    return this.byVpn.get(vpn);
  }

  /** A newly negotiated SA of `vpn`, in use here. */
  negotiated(vpn: string, spi: string): void {
    this.byVpn.set(vpn, { spi, inUse: true });
  }

  /** The peer synchronised its SA of `vpn`: keep the copy, unless this node uses an SA of its own. */
  synced(vpn: string, spi: string): void {
    if (this.byVpn.get(vpn)?.inUse === true) return;
    this.byVpn.set(vpn, { spi, inUse: false });
  }

  /** The peer deleted its SA of `vpn`: drop the copy, unless this node uses an SA of its own. */
  peerDeleted(vpn: string): void {
    if (this.byVpn.get(vpn)?.inUse === true) return;
    this.byVpn.delete(vpn);
  }

  /** Removes the SA of `vpn`; true when there was one. */
  delete(vpn: string): boolean {
    return this.byVpn.delete(vpn);
  }

  /** The node became active: it carries on with every synchronised copy. */
  takeOver(): void {
    for (const sa of this.byVpn.values()) sa.inUse = true;
  }

  /** The node left active: its SAs become copies. */
  handBack(): void {
    for (const sa of this.byVpn.values()) sa.inUse = false;
  }

  /** The SAs as records, sorted by VPN name. */
  records(): SaRecord[] {
    return [...this.byVpn.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([vpn, sa]) => ({ vpn, spi: sa.spi, inUse: sa.inUse }));
  }
}
