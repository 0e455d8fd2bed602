/**
 * The counterexample trace viewer: a self-contained HTML page per trace
 * (lanes per node, the ICL and the routers, message arrows, the step list,
 * the variables of the selected step with their changes, the violation, the
 * loop, the replay result), a compact text view for CI logs, and the report
 * index of a `verify` run.
 *
 * - `view-model.ts`: a trace's view ({@link buildTraceView}), from `meta.ts`
 *   (what `#meta` says), `diff.ts` (changes), `lanes.ts`, `messages.ts`.
 * - `html.ts`, `timeline-html.ts`, `client-data.ts`, `story.ts`, `assets.ts`
 *   and `client/`: the page. `text.ts`: the terminal view. `index-html.ts`:
 *   the report index. `escape.ts`, `format.ts`: how trace text is shown
 *   safely. `load.ts`, `write.ts`: files.
 */
import type { ItfTrace } from '../trace/index.js';
import { htmlOfView } from './html.js';
import type { ViewResult } from './meta.js';
import { type TextOptions, textOfView } from './text.js';
import { type ViewOptions, buildTraceView } from './view-model.js';

export { type TraceView, type StepView, type ViewOptions, buildTraceView, replayLine, verdictLine } from './view-model.js';
export type { ReplayDiffEntry, ReplayResult, TraceInfo, ViewError, ViewErrorCode, ViewResult } from './meta.js';
export { type IndexEntry, type IndexKept, type IndexOptions, type IndexVerdict, renderIndexHtml } from './index-html.js';
export { type LoadOptions, defaultViewerPath, loadTraceView } from './load.js';
export { type KeptRow, type VerifyRow, indexEntriesOf, keptIndexRows, writeFileWhole, writeIndexHtml, writeTraceHtml } from './write.js';
export { type TextOptions, textOfView } from './text.js';
export { htmlOfView } from './html.js';
export { type PropertyModelResolver, mnhaPropertyModel, mnhaPropertyModelOf } from './property-model.js';
export { escapeControls, escapeHtml, jsonForScript } from './escape.js';
export { formatAction, formatValue } from './format.js';

/**
 * The viewer page of a trace: one self-contained HTML file. Fails, without
 * rendering anything, when the trace is not a valid ITF trace or its
 * `#meta` (or `options.replay`) is malformed; the error names what is wrong.
 */
export function renderTraceHtml(trace: ItfTrace, options: ViewOptions = {}): ViewResult<string> {
  const view = buildTraceView(trace, options);
  return view.ok ? { ok: true, value: htmlOfView(view.value) } : view;
}

/**
 * The text view of a trace for CI logs: a verdict line, then one line per
 * step with its action and changed variables, the violation tagged. Fails
 * as {@link renderTraceHtml}.
 */
export function renderTraceText(trace: ItfTrace, options: ViewOptions & TextOptions = {}): ViewResult<string> {
  const view = buildTraceView(trace, options);
  return view.ok ? { ok: true, value: textOfView(view.value, options) } : view;
}
