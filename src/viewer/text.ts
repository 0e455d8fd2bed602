/**
 * The terminal view of a trace, for CI logs: a header with the verdict, then
 * one line per step with its number, its action and the variables it
 * changed (`srg1[n2]: hold -> active`), the initial state in full. Special
 * steps carry a tag after the action: `[VIOLATION]`, `[LOOP START]`,
 * `[IMPL DEPARTS]` (followed by the replay's per-variable diff); a lasso
 * ends with the step back to its loop.
 */
import type { ValueChange } from './diff.js';
import type { PlainValue } from '../trace/index.js';
import { escapeControls } from './escape.js';
import { formatString, formatValue } from './format.js';
import { formatReplayValue } from './meta.js';
import { type StepView, type TraceView, replayLine, stutters, verdictLine } from './view-model.js';

/** Options of {@link textOfView}. */
export interface TextOptions {
  /** Colour the tags with ANSI escapes (for a terminal); default off. */
  readonly color?: boolean;
}

const MAX_ACTION_WIDTH = 44;

/** `srg1[n2]: hold -> active`, `x: (absent) -> 1`, `x: 1 -> (removed)`; `arrow` replaces `->`. */
export function formatChange(variable: string, c: ValueChange, arrow = '->'): string {
  return `${variable}${c.path}: ${c.before ?? '(absent)'} ${arrow} ${c.after ?? '(removed)'}`;
}

function tagsOf(view: TraceView, s: StepView): string[] {
  const tags: string[] = [];
  if (view.info.violationStep === s.index) tags.push(view.info.kind === 'deadlock' ? '[DEADLOCK]' : '[VIOLATION]');
  if (view.loop === s.index) tags.push('[LOOP START]');
  const r = view.info.replay;
  if (r?.outcome === 'departs' && r.step === s.index) tags.push('[IMPL DEPARTS]');
  return tags;
}

/** The replay's diff (and known difference) under the step where it departs. */
function departureLines(view: TraceView, indent: string): string[] {
  const r = view.info.replay;
  if (r?.outcome !== 'departs') return [];
  const lines = (r.diff ?? []).map(
    (d) => `${indent}${escapeControls(d.variable)}: trace ${formatReplayValue(d.expected)}, implementation ${formatReplayValue(d.actual)}`,
  );
  if (r.known) lines.push(`${indent}known difference ${formatString(r.known.id)}: ${escapeControls(r.known.summary)}`);
  return lines;
}

function changesOf(view: TraceView, s: StepView): string {
  if (s.index === 0) return view.vars.map((v, k) => `${view.varLabels[k]}=${formatValue(view.plain.steps[0].values[v] as PlainValue)}`).join('; ');
  return s.changed.flatMap((k) => s.diffs[k].changes.map((c) => formatChange(view.varLabels[k], c))).join('; ');
}

/**
 * Renders a trace view as text (see the module comment). Every line ends
 * with a newline; values are formatted as in the page, with control
 * characters escaped so that a trace cannot drive the terminal.
 */
export function textOfView(view: TraceView, options: TextOptions = {}): string {
  const paint = (t: string): string => (options.color ? `\u001b[1;31m${t}\u001b[0m` : t);
  const { info } = view;
  const scenario = info.scenario !== undefined ? `${formatString(info.scenario)}: ` : '';
  const lines = [`${scenario}${verdictLine(view)} (${view.steps.length} states)`];
  if (view.source !== undefined) lines.push(`trace: ${escapeControls(view.source)}`);
  const replay = replayLine(view);
  if (replay !== undefined) lines.push(replay);

  const last = view.steps.length - 1;
  const num = String(last).length;
  const width = Math.min(MAX_ACTION_WIDTH, Math.max(...view.steps.map((s) => s.label.length)));
  for (const s of view.steps) {
    const tags = tagsOf(view, s);
    const head = `${String(s.index).padStart(num + 2)}  ${s.label.padEnd(width)}`;
    const body = [tags.length > 0 ? paint(tags.join(' ')) : '', changesOf(view, s) || '(no change)'].filter((p) => p !== '').join('  ');
    lines.push(`${head}  ${body}`);
    if (info.replay?.outcome === 'departs' && info.replay.step === s.index) lines.push(...departureLines(view, ' '.repeat(num + 4)));
  }
  if (view.loop !== undefined) {
    const via = view.loopAction !== undefined ? ` via ${view.loopAction}` : '';
    const closing = info.replay?.outcome === 'departs' && info.replay.step === view.steps.length;
    const back = stutters(view) ? 'stays in this state forever (stuttering)' : `back to step ${view.loop}${via}, forever`;
    lines.push(`${' '.repeat(num + 4)}-> ${back}${closing ? `  ${paint('[IMPL DEPARTS]')}` : ''}`);
    if (closing) lines.push(...departureLines(view, ' '.repeat(num + 4)));
  }
  return lines.join('\n') + '\n';
}
