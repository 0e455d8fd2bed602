/**
 * The two broken fixtures caught by replaying model traces, at the step
 * and on the variable reading the traces says. The traces are paths of the
 * model written as ITF (what `check` writes), replayed with the broken
 * node selected through the network's nodeFactory option.
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

describe('higher-id-backs-off (split-brain resolution inverted on the local id)', () => {
  const trace = modelTrace('router-fault', SPLIT_BRAIN_RESOLUTION);

  it('the correct implementation follows the split brain and its resolution', () => {
    expect(replayTrace(trace)).toMatchObject({ outcome: 'follows', steps: 8 });
  });

  it('broken on both nodes: departs at step 7, where n1 (id 1) must back off and stays active', () => {
    const result = replayTrace(trace, { nodeFactory: BROKEN_NODES['higher-id-backs-off'] });
    expect(result).toMatchObject({
      outcome: 'departs',
      step: 7,
      action: 'ActiveOnStateIfLosesSplitBrain(n=n1)',
      diff: [
        { variable: 'srg1[n1]', expected: 'backup', actual: 'active' },
        { variable: 'activeRoute[n1]', expected: false, actual: true },
        { variable: 'backupRoute[n1]', expected: true, actual: false },
        { variable: 'adv[n1]', expected: 'medium', actual: 'high' },
      ],
    });
    expect(result).not.toHaveProperty('known');
  });

  it('broken on n2 only: this trace does not reach the fault (n2 never hears n1 active), so it is followed', () => {
    // n1 backs off at step 7 as it should; at step 8 the newest state n2 hears is n1's backup (n1's earlier active is
    // superseded, as in the model), so the broken rule never runs
    expect(replayTrace(trace, { nodeFactory: { n2: BROKEN_NODES['higher-id-backs-off'] } }).outcome).toBe('follows');
  });

  it('the shortest: n2 announces its activeness over the restored link before seeing it; n1 hears it at step 6', () => {
    const labels: ActionLabel[] = [
      { name: 'RouterMisbehaves', params: {} },
      { name: 'HoldOnProbeReply', params: { n: 'n1' } },
      { name: 'IclRestore', params: {} },
      { name: 'HoldOnProbeReply', params: { n: 'n2' } },
      { name: 'ActiveOnIclUp', params: { n: 'n1' } },
      { name: 'ActiveOnStateIfLosesSplitBrain', params: { n: 'n1' } },
    ];
    const short = modelTrace('router-fault', labels);
    const correct = replayTrace(short);
    expect(correct.outcome).toBe('follows');
    // n2's state reaches n1 as a heartbeat: n2 does not see the ICL, so it sent no state notification
    expect(correct.outcome === 'follows' && correct.log[5]).toMatchObject({ stimulus: 'deliver STATE to n1', outcome: 'delivered-heartbeat' });
    expect(replayTrace(short, { nodeFactory: BROKEN_NODES['higher-id-backs-off'] })).toMatchObject({
      outcome: 'departs', step: 6, diff: [{ variable: 'srg1[n1]', expected: 'backup', actual: 'active' }, {}, {}, {}],
    });
  });
});

describe('ineligible-keeps-active-route (an SRG1 monitor failure leaves the active-signal-route)', () => {
  // n1's probe is answered (ICL down at boot, the routers' tie-break prefers n1), then n1's SRG1 monitor fails
  const trace = modelTrace('default', [
    { name: 'HoldOnProbeReply', params: { n: 'n1' } },
    { name: 'ActiveOnMon1Fail', params: { n: 'n1' } },
  ]);

  it('the correct implementation follows: ineligible, no signal route, advertising low', () => {
    expect(replayTrace(trace)).toMatchObject({ outcome: 'follows', steps: 2 });
  });

  it('broken on n1: departs at step 2 on activeRoute[n1] (and the preference it gives)', () => {
    expect(replayTrace(trace, { nodeFactory: { n1: BROKEN_NODES['ineligible-keeps-active-route'] } })).toMatchObject({
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
