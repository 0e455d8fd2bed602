/**
 * Places where the model and the implementation are known to take
 * different, each defensible, readings of MNHA.md, found by replaying the
 * model's steps against the implementation. A departure that one of them
 * explains is still a departure (the states differ from there on), but it
 * is reported as known, with the reason, and the lock-step model-based
 * tests stop there instead of failing. Each entry names what would have to
 * change, in the model or the implementation, for it to go away.
 */
import type { Value } from '../dsl/index.js';
import type { ActionOrigin } from '../model/index.js';
import type { ModelState } from './refinement.js';
import type { VariableDiff } from './result.js';

/** A known difference, as reported with a departure. */
export interface KnownDifference {
  readonly id: string;
  /** One paragraph: what differs, why both are readings of MNHA.md, what would reconcile them. */
  readonly summary: string;
}

/** A departure, as the rules look at it. */
export interface DepartureContext {
  /** Origin of the step's action. */
  readonly origin: ActionOrigin;
  /** The node the action concerns, if any. */
  readonly node: string | undefined;
  /** The trace's state before the step. */
  readonly before: ModelState;
  readonly diff: readonly VariableDiff[];
  /** True when an eager step (see `eager-steps.ts`) is enabled in the model before or after the step. */
  readonly eagerPending: boolean;
  /** The implementation nodes waiting for the answer to a manual-failover handover, after the step. */
  readonly pendingHandover: readonly string[];
  /** Both nodes have an activeness priority configured (the model's constant Priority, 0 when unset). */
  readonly prioritiesSet: boolean;
}

interface Rule extends KnownDifference {
  applies(c: DepartureContext): boolean;
}

const at = (state: ModelState, variable: string, node: string): Value | undefined => (state[variable] as Record<string, Value> | undefined)?.[node];
const onlySessions = (diff: readonly VariableDiff[]): boolean => diff.every((d) => d.variable.startsWith('sess['));

const RULES: readonly Rule[] = [
  {
    id: 'recovery-ignores-known-peer',
    summary:
      'A node recovering from ineligible with the ICL up and its peer known not active (hold, backup or ineligible): the model '
      + 'goes to hold and elects only when a new STATE message arrives; the implementation elects at once from the peer state '
      + 'it knows (MNHA.md section 5: "if the ICL is up and the peer is not active, elect as at boot"; the model\'s own '
      + 'decision that a node in hold takes over from an ineligible peer). Reconciled if the model\'s ineligible MON1_RECOVER '
      + 'took the transitions hold takes on a STATE with the known peer state (ineligible peer or won priority election: '
      + 'active; lost: hold without probing).',
    applies: ({ origin, node, before }) =>
      origin.step === 'Srg1MonitorRecover' && node !== undefined && at(before, 'iclSeen', node) === true
      && ['hold', 'backup', 'ineligible'].includes(String(at(before, 'peerSrg1', node))),
  },
  {
    id: 'session-reconciliation-moment',
    summary:
      'Sessions active on both nodes after an ICL outage: the model reconciles a node\'s sessions the moment it sees the ICL '
      + 'again (IclUpSeen); the implementation in the cold sync that follows contact (a timer in clock mode) and in every cold '
      + 'sync with a reachable peer. MNHA.md section 6 says "a cold sync reconciles them". Reconciled if the model made the '
      + 'post-contact cold sync a step of its own (mapped to completeColdSync).',
    applies: ({ origin, diff }) => (origin.step === 'IclUpSeen' || origin.step === 'ColdSyncDone') && onlySessions(diff),
  },
  {
    id: 'session-move-without-icl-view',
    summary:
      'A packet reaches a node that does not see the ICL while the link is up: the model still sends its SESSION message '
      + '(its channels only look at the link and the receiver), the implementation sends nothing while its ICL view is down and '
      + 'leaves the reconciliation to cold sync. Reconciled if the model sent session moves only from a node that sees the ICL.',
    applies: ({ origin, diff }) => origin.channel === 'inbox' && origin.event === 'SESSION' && onlySessions(diff),
  },
  {
    id: 'sa-sync-without-icl-view',
    summary:
      'An SA negotiated on a node that does not see the ICL while the link is up: the model still sends its SA_SYNC (its '
      + 'channels only look at the link and the receiver), the implementation sends nothing while its ICL view is down and '
      + 'carries its SAs in the cold sync that follows contact. Reconciled if the model synchronised SAs only from a node '
      + 'that sees the ICL, and again at the post-contact cold sync.',
    applies: ({ origin, diff }) => origin.channel === 'inbox' && diff.every((d) => d.variable.startsWith('sa[')),
  },
  {
    id: 'priority-against-backup-peer',
    summary:
      'With activeness priorities configured, a node in hold and a backup peer in contact: the model elects by priority only '
      + 'against a peer in hold (winsPriorityElection) and otherwise lets the backup take over whatever the priorities '
      + '(BackupOnStateOtherwise), leaving the rest to preemption; the implementation elects by priority against a backup peer '
      + 'too (MNHA.md section 3, step 5, and section 5, "elect as at boot"). Reconciled if the model\'s winsPriorityElection '
      + 'accepted a peer in backup and BackupOnStateOtherwise yielded to a peer in hold with the higher priority.',
    applies: ({ origin, node, before, prioritiesSet }) => {
      if (!prioritiesSet || origin.channel !== 'notify' || node === undefined) return false;
      const peer = node === 'n1' ? 'n2' : 'n1';
      const pair = [String(at(before, 'srg1', node)), String(at(before, 'srg1', peer))].sort().join('/');
      return pair === 'backup/hold';
    },
  },
  {
    id: 'handover-wait',
    summary:
      'After a manual failover the implementation\'s stepping-down node takes no part in elections until the peer has answered '
      + 'its handover (state notifications carry acknowledgements), so that a stale state of the peer cannot make it take '
      + 'activeness back; the model has no handover protocol and lets it take over again on the next STATE showing its peer '
      + 'not active. The implementation catches up once the answer arrives.',
    applies: ({ node, pendingHandover }) => node !== undefined && pendingHandover.includes(node),
  },
  {
    id: 'icl-fifo-order',
    summary:
      "The model's two ICL channels let a STATE message overtake a session or SA message sent before it; the implementation's "
      + 'ICL is one FIFO per direction, so replay delivers what is ahead first and the session or SA state changes one step early. '
      + 'A property of the abstraction, not of either side: it shows only in sess and sa.',
    applies: ({ origin, diff }) =>
      origin.channel === 'notify' && diff.every((d) => d.variable.startsWith('sess[') || d.variable.startsWith('sa[')),
  },
  {
    id: 'preemption-moment',
    summary:
      'Preemption: the model\'s active node steps down at a Preempt step of its own, some time after it learns that its backup '
      + 'peer has the higher priority; the implementation steps down the moment it learns it. Replay accepts the implementation '
      + 'one Preempt ahead of the trace, but not what follows from it before the trace\'s Preempt (the peer taking over early). '
      + 'Reconciled if the model preempted in the STATE transition that lets it learn the peer\'s state.',
    applies: ({ eagerPending }) => eagerPending,
  },
];

/** The known difference that explains a departure at a step, if any. */
export function knownDifference(context: DepartureContext): KnownDifference | undefined {
  const rule = RULES.find((r) => r.applies(context));
  return rule === undefined ? undefined : { id: rule.id, summary: rule.summary };
}

/** Every known difference, for reports and documentation. */
export function knownDifferences(): KnownDifference[] {
  return RULES.map(({ id, summary }) => ({ id, summary }));
}
