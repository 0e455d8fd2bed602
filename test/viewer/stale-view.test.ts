/** The routers' stale view in the router lane of an async-routes trace. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { parseItfTrace } from '../../src/trace/index.js';
import { htmlOfView } from '../../src/viewer/index.js';
import { storyOf } from '../../src/viewer/story.js';
import { viewOf } from './helpers.js';

function traceOf(name: string) {
  const t = parseItfTrace(readFileSync(fileURLToPath(new URL(`../../traces/${name}`, import.meta.url)), 'utf8'), { requireActions: false });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

describe("the routers' stale view", () => {
  it('marks, with async convergence, each node whose advertisement the routers have not learnt', () => {
    const t = { value: traceOf('async-routes/NoSplitBrain.itf.json') };
    const router = viewOf(t.value).lanes!.router!;
    // Read by hand from the trace: rview against adv at steps 0..6.
    expect(router.map((c) => (c.stale ?? []).map((s) => `${s.node} ${s.seen}/${s.advertised}`).join(' '))).toEqual([
      '', 'n1 low/none', '', 'n1 none/low', 'n1 none/low n2 low/high', 'n2 low/high', 'n1 low/high n2 low/high',
    ]);
    expect(htmlOfView(viewOf(t.value))).toContain('stale: see n2 low, it advertises high');
    // Instant convergence: the routers see adv itself, nothing is stale.
    expect(viewOf(traceOf('router-fault/NoSplitBrain.itf.json')).lanes!.router!.every((c) => c.stale === undefined)).toBe(true);
  });

  it('tells the route updates in the story (steps 2 and 5 of the trace are RouteUpdate of n1)', () => {
    const story = storyOf(viewOf(traceOf('async-routes/NoSplitBrain.itf.json')));
    expect(story.filter((e) => e.text.startsWith('routers learn')).map((e) => `${e.step} ${e.text}`)).toEqual(['2 routers learn n1 none', '5 routers learn n1 low']);
  });
});
