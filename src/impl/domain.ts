/**
 * The vocabulary an MNHA node speaks, shared by the node, the network and
 * the observation. Plain string unions so that every value is JSON data.
 */

/** SRG0 (stateless services, active/active) state on one node. */
export type Srg0State = 'online' | 'isolated' | 'coldSync';

/** SRG1 (services with control-plane state, active/backup) state on one node. */
export type Srg1State = 'hold' | 'active' | 'backup' | 'ineligible';

/** The preference a node advertises for its service routes (MNHA.md section 2). */
export type Preference = 'high' | 'medium' | 'low';

/** Per-node HA state of one flow session (MNHA.md section 6). */
export type SessionHaState = 'active' | 'warm';

/** The services redundancy groups this implementation runs. */
export type SrgId = 0 | 1;

/** Health of one monitored object (interface, IP, BFD session). */
export type MonitorStatus = 'up' | 'down';

/** Operational status of an interface listed as shut-on-failure. */
export type InterfaceStatus = 'up' | 'down';

/**
 * What the active node does when it detects the ICL down (MNHA.md section 4,
 * scenario option `iclLossAtActive`).
 */
export type IclLossAtActive = 'withdraw' | 'keep-and-probe';

/** The node's own belief about the ICL: has it heard from its peer recently? */
export type IclView = 'up' | 'down';
