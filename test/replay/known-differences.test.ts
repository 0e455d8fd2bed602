/**
 * Each known difference between the model and the implementation, pinned
 * by the shortest path that shows it (found by the whole-graph conformance
 * runs). If one of these stops departing, the difference is gone: remove
 * its rule from src/replay/known-differences.ts.
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { ActionLabel } from '../../src/model/index.js';
import { knownDifferences, lockstepTrace, replayTrace, runLockstep } from '../../src/replay/index.js';

const steps = (...names: string[]): ActionLabel[] =>
  names.map((s) => {
    const [name, n, sid] = s.split(':');
    return { name, params: { ...(n ? { n } : {}), ...(sid ? { s: sid } : {}) } };
  });

describe('known differences', () => {
  it('recovery-ignores-known-peer: both ineligible and in contact, n1 recovers and elects itself at once', () => {
    const run = runLockstep(findScenario('default')!, steps(
      'HoldOnMon1Fail:n1', 'HoldOnMon1Fail:n2', 'IclRestore', 'IneligibleOnIclUp:n1', 'IneligibleOnIclUp:n2',
      'IneligibleOnStateOtherwise:n1', 'IneligibleOnStateOtherwise:n2', 'IneligibleOnMon1RecoverOtherwise:n1',
    ));
    expect(run.labels).toHaveLength(8);
    expect(run.departure).toMatchObject({
      step: 8,
      diff: [{ variable: 'srg1[n1]', expected: 'hold', actual: 'active' }, { variable: 'activeRoute[n1]' }, { variable: 'adv[n1]' }, { variable: 'probing[n1]' }],
      known: { id: 'recovery-ignores-known-peer' },
    });
  });

  it('preemption-moment: the implementation preempts as it learns the peer state, one step ahead of the model, and agrees again', () => {
    const labels = steps(
      'Crash:n2', 'HoldOnProbeReply:n1', 'IclRestore', 'Reboot:n2', 'ActiveOnIclUp:n1', 'HoldOnIclUp:n2',
      'HoldOnStateIfPeerIsActive:n2', 'ActiveOnStateOtherwise:n1', 'Preempt:n1', 'BackupOnStateOtherwise:n2',
    );
    const run = runLockstep(findScenario('priority-preemption')!, labels);
    expect(run.labels).toHaveLength(10);
    expect(run.departure).toBeUndefined();
    const replayed = replayTrace(lockstepTrace(run, 'model', { property: '(none)', kind: 'path' }));
    expect(replayed.outcome === 'follows' && replayed.log.map((s) => s.outcome)).toEqual([
      'crashed', 'answered', 'restored', 'rebooted', 'detected', 'detected', 'delivered',
      'delivered (one eager step ahead of the trace)', 'the implementation preempts as it learns the peer state', 'delivered',
    ]);
  });

  it('session-reconciliation-moment: a session active on both after an outage is demoted when the model sees the ICL, not yet by the implementation', () => {
    const run = runLockstep(findScenario('sessions')!, steps(
      'ColdSyncDone:n1', 'Packet:n1:s1', 'ColdSyncDone:n2', 'Packet:n2:s1', 'IclRestore', 'HoldOnIclUp:n1',
    ));
    expect(run.labels).toHaveLength(6);
    expect(run.departure).toMatchObject({
      step: 6, diff: [{ variable: 'sess[n1][s1]', expected: 'not active', actual: 'active' }], known: { id: 'session-reconciliation-moment' },
    });
  });

  it('every known difference says what differs and what would reconcile it', () => {
    expect(knownDifferences().map((k) => k.id)).toEqual([
      'recovery-ignores-known-peer', 'session-reconciliation-moment', 'session-move-without-icl-view', 'sa-sync-without-icl-view',
      'priority-against-backup-peer', 'handover-wait', 'icl-fifo-order', 'preemption-moment',
    ]);
    for (const k of knownDifferences()) expect(k.summary).toMatch(/Reconciled if|not of either side|catches up/);
  });
});
