/** Names of the devices in the deterministic network. */

/** The two MNHA nodes. */
export type NodeName = 'n1' | 'n2';

/** The two routers: R1 on the trust side, R2 on the untrust side (MNHA.md section 1). */
export type RouterName = 'r1' | 'r2';

/** Both nodes, in the order every listing uses. */
export const NODE_NAMES: readonly NodeName[] = ['n1', 'n2'];

/** Both routers, in the order every listing uses. */
export const ROUTER_NAMES: readonly RouterName[] = ['r1', 'r2'];

/** The other node of the pair. */
export function peerOf(node: NodeName): NodeName {
  return node === 'n1' ? 'n2' : 'n1';
}
