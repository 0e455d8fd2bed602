/**
 * The implementation's lane beside the model, from a replay result. Replay
 * compares the implementation's mapped state with the trace's after every
 * step and stops at the first difference, so up to that step the
 * implementation's state *is* the model's (shown as `= model`, with what it
 * was given), at that step it is the model's except for the variables of
 * the diff (shown with both values), and after it nothing was replayed.
 */
import { escapeHtml } from './escape.js';
import { formatString } from './format.js';
import type { ReplayResult } from './meta.js';

/** The implementation at one step. */
export interface ImplCell {
  readonly status: 'same' | 'differs' | 'error' | 'not-replayed';
  /** What the implementation was given in this step, from the replay log (`probe n1 → answered`). */
  readonly stimulus?: string;
  /** At a departure: each differing variable, the implementation's value and the model's. */
  readonly diff?: readonly { readonly variable: string; readonly actual: string; readonly expected: string }[];
  /** At an error: its code and message. */
  readonly error?: string;
}

function shown(v: unknown): string {
  return typeof v === 'string' ? formatString(v) : JSON.stringify(v) ?? String(v);
}

/** The implementation lane of a trace of `states` states, one cell per state (see the module comment). */
export function implLane(replay: ReplayResult, states: number): ImplCell[] {
  // A departure or error at the closing step of a lasso (`states`) belongs to the last state's row.
  const at = replay.outcome === 'follows' || replay.step === undefined ? states : Math.min(replay.step, states - 1);
  return Array.from({ length: states }, (_, i): ImplCell => {
    const log = replay.log?.find((l) => l.step === i);
    const stimulus = log?.stimulus !== undefined ? `${log.stimulus}${log.outcome !== undefined ? ` → ${log.outcome}` : ''}` : undefined;
    const base = stimulus !== undefined ? { stimulus } : {};
    if (i < at) return { status: 'same', ...base };
    if (i > at) return { status: 'not-replayed' };
    if (replay.outcome === 'error') return { status: 'error', ...base, error: `${replay.code ?? 'error'}: ${replay.message ?? ''}` };
    const diff = (replay.diff ?? []).map((d) => ({ variable: d.variable, actual: shown(d.actual), expected: shown(d.expected) }));
    return { status: 'differs', ...base, diff };
  });
}

function cut(t: string): string {
  return t.length > 40 ? `${t.slice(0, 36)}…` : t;
}

/** The lane's header cell. */
export function implHeadHtml(): string {
  return '<th class="impl" title="the implementation (src/impl) replaying the trace">implementation</th>';
}

/** The lane's cell at one step. */
export function implCellHtml(c: ImplCell): string {
  const lines: string[] = [];
  if (c.status === 'same') lines.push('<div class="im-same">= model</div>');
  if (c.status === 'not-replayed') lines.push('<div class="im-none">not replayed</div>');
  if (c.status === 'error') lines.push(`<div class="im-bad">replay error</div><div class="im-d">${escapeHtml(c.error ?? '')}</div>`);
  if (c.status === 'differs') {
    lines.push('<div class="im-bad">≠ model</div>');
    for (const d of c.diff ?? []) {
      // Long values (message queues) are cut in the lane; the step detail and the tooltip have them whole.
      const title = `${d.variable}: implementation ${d.actual}, model ${d.expected}`;
      lines.push(`<div class="im-d" title="${escapeHtml(title)}"><span class="im-var">${escapeHtml(d.variable)}</span> ${escapeHtml(cut(d.actual))} <span class="im-was">(model ${escapeHtml(cut(d.expected))})</span></div>`);
    }
  }
  if (c.stimulus !== undefined) lines.push(`<div class="im-st">${escapeHtml(c.stimulus)}</div>`);
  return `<td class="impl im-${c.status}">${lines.join('')}</td>`;
}
