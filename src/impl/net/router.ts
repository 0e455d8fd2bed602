/**
 * An upstream/downstream router (R1 or R2). It learns each node's advertised
 * preference for the service routes and prefers the highest; on a tie it
 * applies its static tie-break (MNHA.md section 2).
 */
import type { Preference } from '../domain.js';
import type { NodeName } from './names.js';

/** A router's view of one node's routes: a preference, or withdrawn (node down). */
export type RouteView = Preference | 'withdrawn';

const RANK: Record<RouteView, number> = { high: 3, medium: 2, low: 1, withdrawn: 0 };

/**
 * The path a router takes to the floating IP: the node with the highest
 * advertised preference, `tieBreak` on a tie, none when both are withdrawn.
 */
export function preferredPath(learned: Readonly<Record<NodeName, RouteView>>, tieBreak: NodeName): NodeName | null {
  const r1 = RANK[learned.n1];
  const r2 = RANK[learned.n2];
  if (r1 === 0 && r2 === 0) return null;
  if (r1 === r2) return tieBreak;
  return r1 > r2 ? 'n1' : 'n2';
}

/** One router's routing state toward the two nodes. */
export class Router {
  private readonly learned: Record<NodeName, RouteView> = { n1: 'withdrawn', n2: 'withdrawn' };

  constructor(readonly tieBreak: NodeName) {}

  /** Takes in a node's advertisement; true when the router's view changed. */
  learn(node: NodeName, view: RouteView): boolean {
    if (this.learned[node] === view) return false;
    this.learned[node] = view;
    return true;
  }

  /** A router with the same tie-break and view (for forking a network). */
  clone(): Router {
    const copy = new Router(this.tieBreak);
    copy.learned.n1 = this.learned.n1;
    copy.learned.n2 = this.learned.n2;
    return copy;
  }

  /** The router's current view of a node's routes. */
  view(node: NodeName): RouteView {
    return this.learned[node];
  }

  /** The node the router steers floating-IP traffic (and probe answers) to. */
  preferred(): NodeName | null {
    return preferredPath(this.learned, this.tieBreak);
  }
}
