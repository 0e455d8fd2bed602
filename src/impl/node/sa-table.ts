/**
 * IPsec security associations held by a node, per VPN (MNHA.md section 7).
 * Both nodes hold them; only the active node negotiates or deletes them.
 */
import type { SaRecord } from './icl-messages.js';

/** The SAs of one node, one per VPN (the current child SA, identified by its SPI). */
export class SaTable {
  private readonly byVpn = new Map<string, string>();

  /** The SPI held for `vpn`, or undefined. */
  get(vpn: string): string | undefined {
    return this.byVpn.get(vpn);
  }

  /** Stores (or replaces) the SA of `vpn`. */
  set(vpn: string, spi: string): void {
    this.byVpn.set(vpn, spi);
  }

  /** Removes the SA of `vpn`; true when there was one. */
  delete(vpn: string): boolean {
    return this.byVpn.delete(vpn);
  }

  /**
   * Merges the peer's SAs from a cold sync: take what this node lacks, and
   * take the peer's copy when the peer is the one using it (it is active and
   * this node is not).
   */
  merge(theirs: readonly SaRecord[], peerIsAuthority: boolean): void {
    for (const record of theirs) {
      if (!this.byVpn.has(record.vpn) || peerIsAuthority) this.byVpn.set(record.vpn, record.spi);
    }
  }

  /** The SAs as records, sorted by VPN name. */
  records(): SaRecord[] {
    return [...this.byVpn.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([vpn, spi]) => ({ vpn, spi }));
  }
}
