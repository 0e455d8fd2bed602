/**
 * The events one node machine gets when it runs beside a running peer over
 * an ICL that stays up: each system step of models/mnha/system.ts narrowed
 * to this node, offered only where the system would enable it. The guards
 * below restate the steps' guards for this setting (the peer is up, the
 * link is up, the router answers this node because the peer advertises
 * nothing).
 */
import type { MnhaParams } from '../../../models/mnha/params.js';

/** An event of the node machine, with its payload. */
export interface NodeEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What the events are offered from: a node machine snapshot's value and context. */
export interface NodeSnapshotView {
  readonly value: unknown;
  readonly context: Readonly<Record<string, unknown>>;
}

/** The SRG regions of a snapshot's value, or null while the node is down. */
export function regions(value: unknown): { srg0: string; srg1: string } | null {
  if (typeof value !== 'object' || value === null || !('up' in value)) return null;
  return (value as { up: { srg0: string; srg1: string } }).up;
}

/** The events the environment offers node n1 in snapshot `s` (see the module comment). */
export function offeredEvents(params: MnhaParams, s: NodeSnapshotView): NodeEvent[] {
  const r = regions(s.value);
  if (r === null) return [{ type: 'BOOT' }];
  const c = s.context;
  const sessions = Array.from({ length: params.sessions }, (_, i) => `s${i + 1}`);
  const out: NodeEvent[] = [{ type: 'CRASH' }, { type: 'MON1_FAIL' }, { type: 'MON1_RECOVER' }, { type: 'MON0_FAIL' }, { type: 'MON0_RECOVER' }];
  if (c.probing === true) out.push({ type: 'PROBE_REPLY' });
  if (c.iclSeen === true) {
    // the peer's messages are received only while the node sees the ICL (the channel's deliverWhen)
    for (const srg1 of ['hold', 'active', 'backup', 'ineligible']) out.push({ type: 'STATE', srg1, flag: 'none' });
    // a peer leaving ineligible asks; one handing over is a backup; an answer comes only to an ask
    for (const srg1 of ['hold', 'backup']) out.push({ type: 'STATE', srg1, flag: 'ask' });
    out.push({ type: 'STATE', srg1: 'backup', flag: 'handover' });
    if (c.awaiting !== 'idle') for (const srg1 of ['hold', 'active', 'backup', 'ineligible']) out.push({ type: 'STATE', srg1, flag: 'answer' });
    out.push({ type: 'ICL_DOWN' });
    for (const sid of sessions) out.push({ type: 'SESSION', sids: [sid] });
    if (params.ipsec) out.push({ type: 'SA_SYNC' }, { type: 'SA_DELETE' });
  } else {
    // the scripted peer holds no session: the contact reconciliation changes nothing
    const none = Object.fromEntries(sessions.map((sid) => [sid, 'none']));
    out.push({ type: 'ICL_UP', latest: Object.fromEntries(sessions.map((sid) => [sid, 'n1'])), peerSess: none });
  }
  if (r.srg0 === 'coldSync') out.push({ type: 'COLD_SYNC_DONE' });
  // a packet arrives whether or not the session is active here already (a refresh changes nothing on the node)
  if (r.srg0 === 'online') for (const sid of sessions) out.push({ type: 'PACKET', sid });
  if (params.preemption) out.push({ type: 'PREEMPT' });
  if (params.manualFailover) out.push({ type: 'FAILOVER' });
  if (params.ipsec) out.push({ type: 'SA_DELETE_REQ' }, { type: 'IKE_NEGOTIATE' });
  return out;
}
