/** Lassos: after the last state, the closing step is replayed and compared with the state the loop returns to. */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { lockstepTrace, replayTrace, runLockstep } from '../../src/replay/index.js';
import type { ItfTrace } from '../../src/trace/index.js';

/** The router misbehaves, then behaves again: a cycle back to the initial state. */
function lasso(closing: string): ItfTrace {
  const run = runLockstep(findScenario('router-fault')!, [{ name: 'RouterMisbehaves', params: {} }]);
  const t = lockstepTrace(run, 'model', { property: '(none)', kind: 'liveness' });
  return { ...t, loop: 0, '#meta': { ...t['#meta'], loopAction: { 'mbt::actionTaken': closing, 'mbt::nondetPicks': {} } } };
}

describe('lasso traces', () => {
  it('the closing step is the last step replayed', () => {
    const result = replayTrace(lasso('RouterBehaves'));
    expect(result).toMatchObject({ outcome: 'follows', steps: 2 });
    expect(result.outcome === 'follows' && result.log[1]).toEqual({ step: 2, action: 'RouterBehaves', stimulus: 'setRouterMisbehaving off', outcome: 'behaving' });
  });

  it('a closing step that does not lead back to the loop state departs at step states.length', () => {
    expect(replayTrace(lasso('IclRestore'))).toMatchObject({
      outcome: 'departs', step: 2, action: 'IclRestore',
      diff: [{ variable: 'router', expected: 'behaving', actual: 'faulty' }, { variable: 'icl', expected: 'down', actual: 'up' }],
    });
  });

  it('an unknown closing action is an error naming that step', () => {
    expect(replayTrace(lasso('Teleport'))).toMatchObject({ outcome: 'error', code: 'UNKNOWN_ACTION', step: 2 });
  });
});
