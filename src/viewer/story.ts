/**
 * The story of an MNHA trace in one line: the steps where something an
 * engineer looks for happened (a node's SRG1 state changed, a node went
 * down or came up, the ICL or the router changed, the routers learnt a
 * node's advertisement), so that the page can say
 * "1 n1 active · 4 n2 backup · 6 ICL down · ..." above the details.
 */
import { formatString as f } from './format.js';
import type { TraceView } from './view-model.js';

/** One event of the story. */
export interface StoryEvent {
  readonly step: number;
  /** e.g. `n1 active`, `ICL down`, `router faulty`, `n2 down` (formatted for display). */
  readonly text: string;
  /** `active`, `backup`... for an SRG1 change (the page colours it), else `event`. */
  readonly tone: string;
}

/** The events of a trace with lanes, in step order; empty for a trace without lanes. */
export function storyOf(view: TraceView): readonly StoryEvent[] {
  const lanes = view.lanes;
  if (!lanes) return [];
  const events: StoryEvent[] = [];
  for (let i = 1; i < view.steps.length; i++) {
    const icl = lanes.icl?.[i];
    if (icl?.changed && icl.state !== undefined) events.push({ step: i, text: `ICL ${f(icl.state)}`, tone: icl.state === 'down' ? 'bad' : 'event' });
    const router = lanes.router?.[i];
    if (router?.changed.includes('state') && router.state !== undefined) {
      events.push({ step: i, text: `router ${f(router.state)}`, tone: router.state === 'behaving' ? 'event' : 'bad' });
    }
    // With asynchronous convergence the routers' late view is often the cause: its updates belong in the story.
    if (router?.routeUpdate) events.push({ step: i, text: `routers learn ${f(router.routeUpdate.node)} ${f(router.routeUpdate.pref)}`, tone: 'event' });
    lanes.nodes.forEach((n, j) => {
      const c = lanes.node[i][j];
      if (c.changed.includes('up')) events.push({ step: i, text: `${f(n)} ${c.up ? 'up' : 'down'}`, tone: c.up ? 'event' : 'bad' });
      if (c.changed.includes('srg1') && c.srg1 !== undefined && c.up !== false) {
        events.push({ step: i, text: `${f(n)} ${f(c.srg1)}${c.probeReply === 'off-path' ? ' (off-path reply)' : ''}`, tone: /^[a-z]+$/.test(c.srg1) ? c.srg1 : 'event' });
      }
    });
  }
  return events;
}
