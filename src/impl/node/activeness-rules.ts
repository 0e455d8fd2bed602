/**
 * The rules that decide between two nodes contending for SRG1 activeness
 * (MNHA.md sections 3 to 5). Pure functions of the two nodes' ids and
 * priorities, so that both nodes, each applying them to the same facts,
 * reach the same answer without a further exchange.
 */

/** What the rules look at in a node. */
export interface Contender {
  readonly localId: number;
  /** 1..254, or null when not configured. */
  readonly activenessPriority: number | null;
}

/**
 * Election by activeness-priority, when both nodes are in contact and
 * neither is active (MNHA.md section 3, step 5): the higher priority wins.
 * Returns null when the priorities do not decide (one is unset, or they are
 * equal); then the probe decides.
 */
export function priorityWinner(self: Contender, peer: Contender): 'self' | 'peer' | null {
  if (self.activenessPriority === null || peer.activenessPriority === null) return null;
  if (self.activenessPriority === peer.activenessPriority) return null;
  return self.activenessPriority > peer.activenessPriority ? 'self' : 'peer';
}

/**
 * Split-brain resolution (MNHA.md section 4): when both nodes are active and
 * learn it, the lower local id backs off, unless activeness-priority decides
 * (both set and different), in which case the lower priority backs off.
 * True when `self` must back off.
 */
export function backsOffInSplitBrain(self: Contender, peer: Contender): boolean {
  const byPriority = priorityWinner(self, peer);
  if (byPriority !== null) return byPriority === 'peer';
  return self.localId < peer.localId;
}

/**
 * Preemption (MNHA.md section 5): an active node hands activeness to a
 * healthy backup peer that has preemption on and a higher priority.
 * True when `self` (active) must step down for `peer` (backup).
 */
export function preemptedBy(self: Contender, peer: Contender & { readonly preemption: boolean }): boolean {
  return peer.preemption && priorityWinner(self, peer) === 'peer';
}
