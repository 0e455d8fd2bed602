/**
 * The property column as the page writes it, for the kept router-fault
 * trace and for the same path read as a lasso of SplitBrainResolves
 * (expected values counted by hand from the trace: srg1 hold/hold,
 * hold/hold, active/hold, active/active).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { type ItfTrace, parseItfTrace } from '../../src/trace/index.js';
import { htmlOfView } from '../../src/viewer/index.js';
import { mnhaPropertyModel } from '../../src/viewer/property-model.js';
import { propertyTextOf } from '../../src/viewer/property-text.js';
import { viewOf, withMeta } from './helpers.js';

const TRACE = fileURLToPath(new URL('../../traces/router-fault/NoSplitBrain.itf.json', import.meta.url));
const SPEC = fileURLToPath(new URL('../../specs/MNHA.tla', import.meta.url));

function realTrace(): ItfTrace {
  const t = parseItfTrace(readFileSync(TRACE, 'utf8'), { requireActions: false });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

/** The text of each property cell, tags stripped, in row order. */
function cells(html: string): string[] {
  return [...html.matchAll(/<td class="prop [^"]*"[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('the property column on the page', () => {
  it('shows NoSplitBrain and ActiveCount at every step, outlining both SRG1 pills at step 3', () => {
    const html = htmlOfView(viewOf(realTrace(), { propertyModel: mnhaPropertyModel('router-fault', 'NoSplitBrain')! }));
    expect(cells(html)).toEqual(['✓ holds ActiveCount 0', '✓ holds ActiveCount 0', '✓ holds ActiveCount 1', '✗ false ActiveCount 2']);
    const row3 = html.slice(html.indexOf('data-step="3"'));
    expect(row3.match(/class="srg1 s-active[^"]*culprit/g)).toHaveLength(2);
    expect(html.slice(html.indexOf('id="timeline"'), html.indexOf('data-step="3"')).includes('culprit')).toBe(false);
    expect(html).toContain('at step 3 it reads srg1[n1], srg1[n2] (outlined in the lanes)');
  });

  it('shows a lasso of SplitBrainResolves with premise and awaited condition, waiting from step 3', () => {
    const lasso = { ...withMeta(realTrace(), { property: 'SplitBrainResolves', kind: 'liveness', violationStep: undefined }), loop: 3 } as ItfTrace;
    const pt = propertyTextOf(readFileSync(SPEC, 'utf8'), 'SplitBrainResolves');
    const html = htmlOfView(viewOf(lasso, { propertyModel: mnhaPropertyModel('router-fault', 'SplitBrainResolves')!, ...(pt ? { propertyText: pt } : {}) }));
    expect(cells(html)).toEqual([
      '· premise ActiveCount &gt; 1 false awaited ActiveCount = 1 false',
      '· premise ActiveCount &gt; 1 false awaited ActiveCount = 1 false',
      '✓ met premise ActiveCount &gt; 1 false awaited ActiveCount = 1 true',
      '… awaited, not met premise ActiveCount &gt; 1 true awaited ActiveCount = 1 false',
    ]);
    // The spec's formula spans lines; they stay lines, not escaped line feeds.
    expect(html).not.toContain('\\u000a');
    expect(html).toMatch(/SplitBrainResolves ==\n {2}FaultsStop =&gt;/);
  });

  it('has no column when the model does not know the scenario', () => {
    expect(mnhaPropertyModel('sweep-1', 'NoSplitBrain')).toBeUndefined();
    expect(htmlOfView(viewOf(realTrace()))).not.toContain('class="prop ');
  });
});
