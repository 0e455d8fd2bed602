/**
 * Broken variants caught by replaying model traces, at the step and on the
 * variables a hand reading of the traces gives. The traces are paths of the
 * model written as ITF (what `check` writes), replayed with the broken node
 * selected through the network's nodeFactory option.
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { ActionLabel } from '../../src/model/index.js';
import { lockstepTrace, replayTrace, runLockstep } from '../../src/replay/index.js';
import type { ItfTrace } from '../../src/trace/index.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';
import { SPLIT_BRAIN_RESOLUTION } from './fixtures/split-brain-resolution.js';

/** The model's trace of `labels` in `scenario`, as ITF. */
function modelTrace(scenario: string, labels: readonly ActionLabel[]): ItfTrace {
  const run = runLockstep(findScenario(scenario)!, labels);
  expect(run.labels).toHaveLength(labels.length); // every step enabled in the model
  return lockstepTrace(run, 'model', { property: '(none)', kind: 'path' });
}

const step = (name: string, n?: string): ActionLabel => ({ name, params: n === undefined ? {} : { n } });

describe('higher-id-backs-off (split-brain resolution inverted on the local id)', () => {
  const trace = modelTrace('router-fault', SPLIT_BRAIN_RESOLUTION);

  it('the correct implementation follows the split brain and its resolution', () => {
    expect(replayTrace(trace)).toMatchObject({ outcome: 'follows', steps: SPLIT_BRAIN_RESOLUTION.length });
  });

  it('broken on both nodes: departs at step 7, where n1 (id 1) must back off and stays active', () => {
    expect(replayTrace(trace, { nodeFactory: BROKEN_NODES['higher-id-backs-off'].factory })).toMatchObject({
      outcome: 'departs',
      step: 7,
      action: 'ActiveOnStateIfLosesSplitBrain(n=n1)',
      diff: [
        { variable: 'srg1[n1]', expected: 'backup', actual: 'active' },
        { variable: 'activeRoute[n1]', expected: false, actual: true },
        { variable: 'backupRoute[n1]', expected: true, actual: false },
        { variable: 'adv[n1]', expected: 'medium', actual: 'high' },
        // and n1 announces nothing: the model's "backup" is not in flight to n2
        { variable: 'msgs[n2]' },
      ],
    });
  });

  it('broken on n2 only: n2 reads n1\'s "active" at step 8 and, the higher id, must stay active but backs off', () => {
    expect(replayTrace(trace, { nodeFactory: { n2: BROKEN_NODES['higher-id-backs-off'].factory } })).toMatchObject({
      outcome: 'departs', step: 8, diff: [{ variable: 'srg1[n2]', expected: 'active', actual: 'backup' }, {}, {}, {}, {}],
    });
  });
});

describe('ineligible-keeps-active-route (an SRG1 monitor failure leaves the active-signal-route)', () => {
  // n1's probe is answered (ICL down at boot, the routers' tie-break prefers n1), then n1's SRG1 monitor fails
  const trace = modelTrace('default', [step('HoldOnProbeReply', 'n1'), step('ActiveOnMon1Fail', 'n1')]);

  it('the correct implementation follows: ineligible, no signal route, advertising low', () => {
    expect(replayTrace(trace)).toMatchObject({ outcome: 'follows', steps: 2 });
  });

  it('broken on n1: departs at step 2 on activeRoute[n1] (and the preference it gives)', () => {
    expect(replayTrace(trace, { nodeFactory: { n1: BROKEN_NODES['ineligible-keeps-active-route'].factory } })).toMatchObject({
      outcome: 'departs',
      step: 2,
      action: 'ActiveOnMon1Fail(n=n1)',
      diff: [
        { variable: 'activeRoute[n1]', expected: false, actual: true },
        { variable: 'adv[n1]', expected: 'low', actual: 'high' },
      ],
    });
  });
});

describe('foreign-probe-reply (an answer to a probe the node did not send is taken)', () => {
  // at boot both nodes probe; the routers tie toward n1, so n2's probe is answered to n1, which must drop it
  const trace = modelTrace('default', [step('ProbeMisrouted', 'n2')]);

  it('the correct implementation follows: nothing changes', () => {
    expect(replayTrace(trace)).toMatchObject({ outcome: 'follows', steps: 1 });
  });

  it('broken on n1: n1 takes the answer and becomes active at step 1', () => {
    expect(replayTrace(trace, { nodeFactory: { n1: BROKEN_NODES['foreign-probe-reply'].factory } })).toMatchObject({
      outcome: 'departs', step: 1, action: 'ProbeMisrouted(n=n2)', diff: [{ variable: 'srg1[n1]', expected: 'hold', actual: 'active' }, {}, {}, {}],
    });
  });
});

describe('no-wait-for-answer (the stale-notice protection off in the implementation)', () => {
  // the ICL comes up and n2 sees it; n2 fails and recovers while it sees the ICL: it must ask and wait
  const trace = modelTrace('default', [step('IclRestore'), step('HoldOnIclUp', 'n2'), step('HoldOnMon1Fail', 'n2'), step('IneligibleOnMon1RecoverIfRecoveryWaits', 'n2')]);

  it('the correct implementation follows: n2 back in hold, its ask out', () => {
    expect(replayTrace(trace)).toMatchObject({ outcome: 'follows', steps: 4 });
  });

  it('broken on n2: departs at step 4 on awaiting[n2] and on the message it sends', () => {
    expect(replayTrace(trace, { nodeFactory: { n2: BROKEN_NODES['no-wait-for-answer'].factory } })).toMatchObject({
      outcome: 'departs', step: 4,
      diff: [{ variable: 'awaiting[n2]', expected: 'asked', actual: 'idle' }, { variable: 'msgs[n1]' }],
    });
  });
});
