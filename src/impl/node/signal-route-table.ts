/**
 * The node's routing table as far as MNHA cares: which signal routes are
 * installed, and the preference the routing policy (`if-route-exists`)
 * derives from them (MNHA.md section 2).
 */
import type { Preference } from '../domain.js';

/** The two signal routes the HA module installs and removes. */
export type SignalRoute = 'active' | 'backup';

/**
 * The routing policy: active-signal-route present gives high, else
 * backup-signal-route gives medium, else low. Written as a policy chain
 * would be, first match wins, so a table holding both routes (which the HA
 * module must never produce) still gives one answer.
 */
export function policyPreference(hasActive: boolean, hasBackup: boolean): Preference {
  if (hasActive) return 'high';
  if (hasBackup) return 'medium';
  return 'low';
}

/** Installed signal routes. A plain table: keeping the two routes exclusive is the HA module's job. */
export class SignalRouteTable {
  private readonly installed = new Set<SignalRoute>();

  /** A copy of the table. */
  clone(): SignalRouteTable {
    const copy = new SignalRouteTable();
    for (const route of this.installed) copy.install(route);
    return copy;
  }

  /** Installs a signal route (idempotent). */
  install(route: SignalRoute): void {
    this.installed.add(route);
  }

  /** Removes a signal route (idempotent). */
  remove(route: SignalRoute): void {
    this.installed.delete(route);
  }

  /** True when the route is installed. */
  has(route: SignalRoute): boolean {
    return this.installed.has(route);
  }

  /** The preference the policy gives the node's service routes now. */
  preference(): Preference {
    return policyPreference(this.has('active'), this.has('backup'));
  }
}
