/**
 * The property column evaluated on the kept router-fault trace. Expected
 * values are counted by hand from traces/router-fault/NoSplitBrain.itf.json:
 * srg1 is hold/hold, hold/hold, active/hold, active/active at steps 0..3.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { type PlainTrace, fromItfTrace, parseItfTrace } from '../../src/trace/index.js';
import { propertyColumn } from '../../src/viewer/property-eval.js';
import { mnhaPropertyModel } from '../../src/viewer/property-model.js';

const TRACE = fileURLToPath(new URL('../../traces/router-fault/NoSplitBrain.itf.json', import.meta.url));

function trace(): PlainTrace {
  const t = parseItfTrace(readFileSync(TRACE, 'utf8'), { requireActions: false });
  if (!t.ok) throw new Error(t.error.message);
  return fromItfTrace(t.value);
}

function column(property: string, tr: PlainTrace) {
  const model = mnhaPropertyModel('router-fault', property);
  if (model === undefined) throw new Error(`no model of ${property}`);
  const c = propertyColumn(model, tr);
  if (!c.ok) throw new Error(c.reason);
  return c.value;
}

describe('the property column', () => {
  it('evaluates NoSplitBrain and its ActiveCount at every step, failing at step 3 for both nodes srg1', () => {
    const c = column('NoSplitBrain', trace());
    expect(c.parts.map((p) => p.label)).toEqual(['ActiveCount']);
    expect(c.parts[0].tla).toBe('Cardinality({n \\in Nodes : srg1[n] = "active"})');
    expect(c.steps.map((s) => s.values[0])).toEqual(['0', '0', '1', '2']);
    expect(c.steps.map((s) => s.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(c.failsAt).toBe(3);
    expect(c.blame).toEqual([{ variable: 'srg1', key: 'n1' }, { variable: 'srg1', key: 'n2' }]);
  });

  it('holds throughout when n1 has backed off at the last step (the evaluation reads the states)', () => {
    const t = trace();
    const last = t.steps[3];
    const srg1 = new Map(last.values.srg1 as Map<string, string>);
    srg1.set('n1', 'backup');
    const changed: PlainTrace = { ...t, steps: [...t.steps.slice(0, 3), { ...last, values: { ...last.values, srg1 } }] };
    const c = column('NoSplitBrain', changed);
    expect(c.steps.map((s) => s.values[0])).toEqual(['0', '0', '1', '1']);
    expect(c.failsAt).toBeUndefined();
    expect(c.blame).toEqual([]);
  });

  it('gives premise and conclusion of SplitBrainOnlyWithRouterFault (it holds: the step to the split brain is an off-path answer)', () => {
    const c = column('SplitBrainOnlyWithRouterFault', trace());
    // an action property: premise and conclusion of each step (none before the first). By hand: RouterMisbehaves
    // (0 -> 0 active), n1 answered (0 -> 1), n2 answered (1 -> 2) while the router is faulty and prefers n1 (high)
    expect(c.parts.map((p) => p.label)).toEqual([
      'ActiveCount < 2 /\\ Cardinality({n \\in Nodes : srg1\'[n] = "active"}) = 2',
      '\\E n \\in Nodes : ~(srg1[n] = "active") /\\ srg1\'[n] = "active" /\\ router = "faulty" /\\ ~RouterPrefers(n)',
    ]);
    expect(c.steps.map((s) => s.values.join(' '))).toEqual([' ', 'false false', 'false false', 'true true']);
    expect(c.failsAt).toBeUndefined();
  });

  it('reads a lasso: SplitBrainResolves waits from step 3 for ActiveCount = 1, which never comes back', () => {
    const c = column('SplitBrainResolves', { ...trace(), loop: 3 });
    expect(c.parts.map((p) => [p.role, p.label])).toEqual([['premise', 'ActiveCount > 1'], ['awaited', 'ActiveCount = 1']]);
    expect(c.steps.map((s) => s.values.join(' '))).toEqual(['false false', 'false false', 'false true', 'true false']);
    expect(c.failsAt).toBe(3);
    expect(c.steps[3].status).toBe('waiting');
  });

  it('names the node a lasso fails for: LeavesHold for n1 when the loop stays at step 1 (both stay in hold, n1 comes first)', () => {
    const t = trace();
    const c = column('LeavesHold', { ...t, steps: t.steps.slice(0, 2), loop: 1 });
    expect(c.instance).toBe('n = n1');
    expect(c.failsAt).toBe(0);
    // And when n1 has left hold in the loop, it is n2 that stays.
    const d = column('LeavesHold', { ...t, steps: t.steps.slice(0, 3), loop: 2 });
    expect(d.instance).toBe('n = n2');
    expect(d.failsAt).toBe(0);
  });

  it('refuses a trace that does not fit the model', () => {
    const model = mnhaPropertyModel('router-fault', 'NoSplitBrain')!;
    const r = propertyColumn(model, { vars: ['x'], steps: [{ values: { x: 1 } }] });
    expect(r.ok).toBe(false);
  });
});
