/**
 * The data the page script needs, embedded in the page as JSON (see
 * `jsonForScript`): per step its action, parameters, changed variables and
 * display trees, plus the violation, the loop, the replay result and the
 * message arrows. Texts are formatted but not escaped: the script only ever
 * puts them in the page as text (`textContent`), never as markup.
 */
import type { DisplayValue } from './diff.js';
import { formatString } from './format.js';
import { escapeControls } from './escape.js';
import { type ReplayLogEntry, formatReplayValue } from './meta.js';
import type { MessageFate } from './messages.js';
import { type TraceView, replayLine, stutters, verdictLine } from './view-model.js';

/** One step as the page script shows it. */
export interface ClientStep {
  readonly label: string;
  readonly name: string;
  readonly params: readonly (readonly [string, string])[];
  readonly changed: readonly number[];
  readonly values: readonly DisplayValue[];
}

/** One message arrow, with its lanes as node indices. */
export interface ClientMessage {
  readonly from?: number;
  readonly to: number;
  readonly sent: number;
  readonly end?: number;
  readonly fate: MessageFate;
  readonly label: string;
  readonly text: string;
}

/** Everything the page script reads (see the module comment). */
export interface ClientData {
  readonly vars: readonly string[];
  readonly steps: readonly ClientStep[];
  /** The step selected when the URL names none: the violation, else the first. */
  readonly initial: number;
  readonly violation?: { readonly step: number; readonly text: string };
  /** The lasso: where it starts, the step back (when known), and whether it just stays in its last state. */
  readonly loop?: { readonly start: number; readonly action?: string; readonly stutters: boolean };
  readonly replay?: {
    readonly outcome: 'follows' | 'departs' | 'error';
    /** The state whose detail shows the departure (a lasso's closing step shows on the last state). */
    readonly step?: number;
    readonly text: string;
    readonly diff: readonly { readonly variable: string; readonly expected: string; readonly actual: string }[];
    /** The known difference that explains the departure: `id: summary`. */
    readonly known?: string;
    /** What each step did to the implementation: `[state index, "stimulus → outcome"]`. */
    readonly log: readonly (readonly [number, string])[];
  };
  readonly messages: readonly ClientMessage[];
}

/** `probe n1 → answered`: what a step did to the implementation. */
function logText(e: ReplayLogEntry): string {
  const stimulus = e.stimulus !== undefined ? escapeControls(e.stimulus) : escapeControls(e.action ?? '?');
  return e.outcome !== undefined ? `${stimulus} → ${escapeControls(e.outcome)}` : stimulus;
}

/** The page script's data for a trace view. */
export function clientData(view: TraceView): ClientData {
  const nodes = view.lanes?.nodes ?? [];
  const index = (n: string | undefined) => (n === undefined ? -1 : nodes.indexOf(n));
  const { info } = view;
  const replay = info.replay;
  const last = view.steps.length - 1;
  return {
    vars: view.varLabels,
    steps: view.steps.map((s) => ({
      label: s.label,
      name: s.action ?? (s.index === 0 ? 'initial state' : '(unknown action)'),
      params: s.params,
      changed: s.changed,
      values: s.diffs.map((d) => d.display),
    })),
    initial: info.violationStep ?? 0,
    ...(info.violationStep !== undefined ? { violation: { step: info.violationStep, text: verdictLine(view) } } : {}),
    ...(view.loop !== undefined
      ? { loop: { start: view.loop, ...(view.loopAction !== undefined ? { action: view.loopAction } : {}), stutters: stutters(view) } }
      : {}),
    ...(replay
      ? {
          replay: {
            outcome: replay.outcome,
            ...(replay.step !== undefined ? { step: Math.min(replay.step, last) } : {}),
            text: replayLine(view) ?? '',
            diff: (replay.diff ?? []).map((d) => ({
              variable: escapeControls(d.variable),
              expected: formatReplayValue(d.expected),
              actual: formatReplayValue(d.actual),
            })),
            ...(replay.known ? { known: `${formatString(replay.known.id)}: ${escapeControls(replay.known.summary)}` } : {}),
            log: (replay.log ?? []).map((e) => [Math.min(e.step, last), logText(e)] as const),
          },
        }
      : {}),
    messages: view.messages
      .filter((m) => index(m.to) >= 0)
      .map((m) => ({
        ...(index(m.from) >= 0 ? { from: index(m.from) } : {}),
        to: index(m.to),
        sent: m.sent,
        ...(m.end !== undefined ? { end: m.end } : {}),
        fate: m.fate,
        label: m.label,
        text: m.text,
      })),
  };
}
