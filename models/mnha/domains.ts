/**
 * The finite domains of the MNHA model. Their names are the names the TLA+
 * spec uses for the same sets.
 */
import * as x from '../../src/dsl/index.js';

/** The two nodes. */
export const Nodes = x.enumT(['n1', 'n2'], 'Nodes');

/** SRG1 states of a node (MNHA.md section 1). */
export const Srg1States = x.enumT(['hold', 'active', 'backup', 'ineligible'], 'Srg1States');

/** What a node believes of its peer's SRG1 state; `unknown` until told over the ICL. */
export const PeerViews = x.enumT(['unknown', 'hold', 'active', 'backup', 'ineligible'], 'PeerViews');

/** Route preference a node advertises (MNHA.md section 2); `none` while it is down. */
export const Prefs = x.enumT(['none', 'low', 'medium', 'high'], 'Prefs');

/** Per-node HA state of one SRG0 session (MNHA.md section 6). */
export const SessionStates = x.enumT(['none', 'warm', 'active'], 'SessionStates');

/** IPsec SA state on a node (MNHA.md section 7): negotiated here (`up`), synchronised from the peer, or none. */
export const SaStates = x.enumT(['none', 'synced', 'up'], 'SaStates');

/** The node that saw the latest packet of a session, if any. */
export const LastPacket = x.enumT(['none', 'n1', 'n2'], 'NodeOrNone');

/** Fault classes a scenario may enable. */
export const FaultKinds = x.enumT(['icl', 'crash', 'srg1Monitor', 'srg0Monitor', 'router', 'probeLoss'], 'FaultKinds');

/** ICL message types. */
export const MsgTypes = x.enumT(['STATE', 'SESSION', 'SA_SYNC', 'SA_DELETE'], 'MsgTypes');

/**
 * What a STATE message asks of its receiver: nothing (`none`), an answer
 * (`ask`: the sender makes no claim to activeness until it has one), to take
 * activeness over and answer (`handover`: manual failover), or it is itself
 * the `answer` to an ask or a handover.
 */
export const Flags = x.enumT(['none', 'ask', 'handover', 'answer'], 'Flags');

/**
 * Where a node stands with its asks (PROTOCOL.md "Asking"): none
 * outstanding (`idle`), one whose answer it awaits (`asked`), or one whose
 * answer will be stale because the node changed since, so that it asks
 * again when that answer comes (`askAgain`). A node never has two asks out.
 */
export const AskStates = x.enumT(['idle', 'asked', 'askAgain'], 'AskStates');

/** The remote IKE peer's tunnel (MNHA.md section 7). */
export const TunnelStates = x.enumT(['down', 'up'], 'TunnelStates');

/** Session ids of a scenario (`s1`..`sN`). */
export function sessionsOf(count: number): x.EnumType {
  return x.enumT(Array.from({ length: count }, (_, i) => `s${i + 1}`), 'Sessions');
}

/**
 * The ICL message record: `type` plus every field any message uses. A
 * SESSION message names the sessions that became active at its sender (the
 * receiver's copies go warm): one on a packet, several at a cold sync.
 */
export function msgType(Sessions: x.EnumType): x.RecordType {
  return x.recordT({ type: MsgTypes, srg1: Srg1States, flag: Flags, sids: x.setT(Sessions) });
}
