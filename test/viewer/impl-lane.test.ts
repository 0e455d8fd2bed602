/** The implementation's lane from replay results written by hand. */
import { describe, expect, it } from 'vitest';

import { htmlOfView } from '../../src/viewer/index.js';
import { implLane } from '../../src/viewer/impl-lane.js';
import { SPLIT_BRAIN, loadFixture, viewOf } from './helpers.js';

describe('the implementation lane', () => {
  it('is the model at every step of a trace it follows, with what it was given', () => {
    const lane = implLane({ outcome: 'follows', log: [{ step: 1, stimulus: 'router misbehaves' }, { step: 2, stimulus: 'probe n1', outcome: 'answered' }] }, 3);
    expect(lane).toEqual([{ status: 'same' }, { status: 'same', stimulus: 'router misbehaves' }, { status: 'same', stimulus: 'probe n1 → answered' }]);
  });

  it('differs where it departs, with both values, and is not replayed after', () => {
    const lane = implLane({ outcome: 'departs', step: 1, diff: [{ variable: 'srg1[n2]', expected: 'active', actual: 'backup' }] }, 3);
    expect(lane.map((c) => c.status)).toEqual(['same', 'differs', 'not-replayed']);
    expect(lane[1].diff).toEqual([{ variable: 'srg1[n2]', actual: 'backup', expected: 'active' }]);
  });

  it("puts a departure at a lasso's closing step on the last row, and an error where it happened", () => {
    expect(implLane({ outcome: 'departs', step: 3, diff: [] }, 3).map((c) => c.status)).toEqual(['same', 'same', 'differs']);
    expect(implLane({ outcome: 'error', step: 0, code: 'REPLAY_NO_STIMULUS', message: 'x' }, 2).map((c) => c.status)).toEqual(['error', 'not-replayed']);
  });

  it('is a column of the page only with a replay result', () => {
    const trace = loadFixture(SPLIT_BRAIN);
    const replay = { outcome: 'departs', step: 10, action: 'BackupOnProbeReply(n=n2)', diff: [{ variable: 'srg1[n2]', expected: 'active', actual: 'backup' }] };
    const html = htmlOfView(viewOf(trace, { replay }));
    expect(html.match(/<td class="impl im-same">/g)).toHaveLength(10);
    expect(html).toContain('<td class="impl im-differs"><div class="im-bad">≠ model</div>');
    expect(html).toContain('<span class="im-var">srg1[n2]</span> backup <span class="im-was">(model active)</span>');
    expect(htmlOfView(viewOf(trace))).not.toContain('<td class="impl');
  });
});
