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

/** Session ids of a scenario (`s1`..`sN`). */
export function sessionsOf(count: number): x.EnumType {
  return x.enumT(Array.from({ length: count }, (_, i) => `s${i + 1}`), 'Sessions');
}

/** Session ids and `none`, for the session field of messages that carry none. */
export function sessionOrNone(Sessions: x.EnumType): x.EnumType {
  return x.enumT(['none', ...Sessions.values], 'SessionOrNone');
}

/** The ICL message record: `type` plus every field any message uses. */
export function msgType(Sessions: x.EnumType): x.RecordType {
  return x.recordT({ type: MsgTypes, srg1: Srg1States, sid: sessionOrNone(Sessions) });
}
