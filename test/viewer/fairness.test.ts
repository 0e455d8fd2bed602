import { describe, expect, it } from 'vitest';

import type { ItfTrace } from '../../src/trace/index.js';
import { htmlOfView } from '../../src/viewer/index.js';
import { fairnessReading, loopSteps } from '../../src/viewer/fairness.js';
import { SPLIT_BRAIN, loadFixture, viewOf } from './helpers.js';

describe('the fairness reading of a lasso', () => {
  // two-phase-lasso.itf.json, read by hand: loop at state 2; state 3 was reached by TMTimeout and
  // the closing step back to state 2 is TMTimeout again.
  const lasso = viewOf(loadFixture('two-phase-lasso.itf.json'));

  it('names the steps the loop takes', () => {
    expect(loopSteps(lasso)).toEqual(['TMTimeout']);
  });

  it('says why the loop is fair, on the page too', () => {
    const reading = fairnessReading(lasso);
    expect(reading).toBe(
      'fairness: the loop takes TMTimeout; every weakly fair step enabled throughout the loop is among them, ' +
        'so no fair step is enabled forever and never taken: a fair step that is never taken here is disabled at some state of the loop',
    );
    expect(htmlOfView(lasso)).toContain(`<p class="fairness">${reading}</p>`);
  });

  it('reads a stutter as a state where only unfair steps are enabled', () => {
    const t = loadFixture('two-phase-lasso.itf.json') as unknown as { states: unknown[]; loop: number; '#meta': Record<string, unknown> };
    const stutter = { ...t, states: t.states.slice(0, 3), loop: 2, '#meta': { ...t['#meta'], violationStep: 2 } };
    delete (stutter['#meta'] as Record<string, unknown>).loopAction;
    expect(fairnessReading(viewOf(stutter as unknown as ItfTrace))).toMatch(/^fairness: from step 2 no weakly fair step is enabled, only unfair steps/);
  });

  it('adds the stated environment of the property: the steps it stops owe no fairness', () => {
    const t = loadFixture('two-phase-lasso.itf.json') as unknown as { '#meta': Record<string, unknown> };
    const withEnv = { ...t, '#meta': { ...t['#meta'], environment: 'nothing is repaired', stops: ['IclRestore', 'Reboot'] } };
    expect(fairnessReading(viewOf(withEnv as unknown as ItfTrace))).toMatch(
      /; the property states its environment: nothing is repaired, so the steps it stops \(IclRestore, Reboot\) are not taken on the loop and owe no fairness there$/,
    );
    const bad = { ...t, '#meta': { ...t['#meta'], stops: 'IclRestore' } };
    expect(() => viewOf(bad as unknown as ItfTrace)).toThrow(/#meta\.stops/);
  });

  it('says nothing for a trace without a loop', () => {
    const v = viewOf(loadFixture(SPLIT_BRAIN));
    expect(fairnessReading(v)).toBeUndefined();
    expect(htmlOfView(v)).not.toContain('class="fairness"');
  });
});
