/**
 * The fairness reading of a lasso's loop, in words. A lasso refutes a
 * liveness property only if its loop is a behaviour the fairness
 * assumptions allow, so the page says why it is allowed. The trace alone
 * does not record which steps were enabled, so the reading rests on what
 * the checker guarantees (src/explore/liveness.ts): it accepts a stutter
 * only in a state where no weakly fair step is enabled, and a cycle only
 * when every weakly fair step enabled in all its states is taken in it.
 */
import { type TraceView, stutters } from './view-model.js';

/** The distinct steps (formatted labels) taken inside the loop, the closing step included, in order of first occurrence. */
export function loopSteps(view: TraceView): string[] {
  if (view.loop === undefined) return [];
  const labels = view.steps.slice(view.loop + 1).map((s) => s.label);
  if (view.loopAction !== undefined) labels.push(view.loopAction);
  return [...new Set(labels)];
}

/**
 * What the property's stated environment adds to the reading: the steps it
 * stops are not taken on the loop and owe no fairness there.
 */
function environmentReading(view: TraceView): string {
  const { environment, stops } = view.info;
  if (environment === undefined) return '';
  const which = stops && stops.length > 0 ? ` (${stops.join(', ')})` : '';
  return `; the property states its environment: ${environment}, so the steps it stops${which} are not taken on the loop and owe no fairness there`;
}

/** The fairness reading of the loop of a lasso, or undefined for a trace without a loop. */
export function fairnessReading(view: TraceView): string | undefined {
  if (view.loop === undefined) return undefined;
  return baseReading(view) + environmentReading(view);
}

function baseReading(view: TraceView): string {
  if (stutters(view)) {
    return (
      `fairness: from step ${view.loop} no weakly fair step is enabled, only unfair steps (faults, operator or traffic events) may be, ` +
      'and nothing obliges those to happen, so staying in this state forever is a fair behaviour'
    );
  }
  const taken = loopSteps(view);
  return (
    `fairness: the loop takes ${taken.join(', ')}; every weakly fair step enabled throughout the loop is among them, ` +
    'so no fair step is enabled forever and never taken: a fair step that is never taken here is disabled at some state of the loop'
  );
}
