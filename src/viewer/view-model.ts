/**
 * The view of a trace: everything the HTML page and the terminal view show,
 * computed once from a validated ITF trace. Every text in it is already
 * formatted (and stripped of control characters) but not HTML-escaped;
 * escaping is the renderers' job.
 */
import { type PropertyColumn, type PropertyModel, propertyColumn } from './property-eval.js';
import type { PropertyText } from './property-text.js';
import { type ItfTrace, type PlainTrace, type PlainValue, fromItfTrace, validateItfTrace } from '../trace/index.js';
import { type ValueDiff, diffValue, displayValue } from './diff.js';
import { escapeControls } from './escape.js';
import { formatAction, formatString, formatValue } from './format.js';
import { type Lanes, extractLanes, traceNodes } from './lanes.js';
import { type MessageArrow, extractMessages, messageChannels } from './messages.js';
import { type TraceInfo, type ViewResult, readTraceInfo } from './meta.js';

/** Options of {@link buildTraceView}. */
export interface ViewOptions {
  /** Where the trace comes from (a file path), shown in the page and the text. */
  readonly source?: string;
  /** A replay result (e.g. read from a `--replay` file); replaces `#meta.replay`. Validated here. */
  readonly replay?: unknown;
  /** The property's description and formula (from the spec), shown under the verdict. */
  readonly propertyText?: PropertyText;
  /** The model of the trace's property, to evaluate it at every step (see `property-eval.ts`). */
  readonly propertyModel?: PropertyModel;
}

/** One state of the trace and the step that produced it. */
export interface StepView {
  readonly index: number;
  /** The action's name, formatted; absent for the initial state. */
  readonly action?: string;
  /** Its parameters, formatted: `[name, value]`. */
  readonly params: readonly (readonly [string, string])[];
  /** `HoldOnProbeReply(n: n1)`, or `init` for the initial state. */
  readonly label: string;
  /** Indices (into `vars`) of the variables this step changed. */
  readonly changed: readonly number[];
  /** For every variable: its display tree with the changes of this step, and the flat changes. */
  readonly diffs: readonly ValueDiff[];
}

/** Everything the renderers show (see the module comment). */
export interface TraceView {
  readonly source?: string;
  readonly info: TraceInfo;
  /** Variable names as in the trace. */
  readonly vars: readonly string[];
  /** Variable names formatted for display. */
  readonly varLabels: readonly string[];
  readonly steps: readonly StepView[];
  /** The state a lasso returns to. */
  readonly loop?: number;
  /** The step that closes the lasso, formatted (`Action(n: n1)`), when known. */
  readonly loopAction?: string;
  /** MNHA lanes, when the trace has MNHA variables. */
  readonly lanes?: Lanes;
  readonly messages: readonly MessageArrow[];
  /** The trace in plain values. */
  readonly plain: PlainTrace;
  /** The property's description and formula, when the caller found them. */
  readonly propertyText?: PropertyText;
  /** The property evaluated at every step, when its model was given and the trace fits it. */
  readonly propertyColumn?: PropertyColumn;
}

function stepView(trace: PlainTrace, i: number): StepView {
  const step = trace.steps[i];
  const prev = i > 0 ? trace.steps[i - 1] : undefined;
  const diffs = trace.vars.map((v): ValueDiff => {
    const cur = step.values[v] as PlainValue;
    return prev ? diffValue(prev.values[v] as PlainValue, cur) : { display: displayValue(cur), changes: [] };
  });
  const changed = diffs.flatMap((d, k) => (d.changes.length > 0 ? [k] : []));
  const params = Object.entries(step.picks ?? {}).map(([k, v]) => [formatString(k), formatValue(v)] as const);
  if (step.action === undefined) return { index: i, params, label: i === 0 ? 'init' : '(unknown action)', changed, diffs };
  return { index: i, action: formatString(step.action), params, label: formatAction(step.action, step.picks), changed, diffs };
}

/**
 * Builds the view of a trace. The trace is validated first (as an ITF trace
 * whose states need not record their actions, so that traces of other tools
 * can be viewed), then its `#meta` (see `meta.ts`) and the replay result.
 * Fails with the validator's `ITF_MALFORMED`, or `VIEW_BAD_META` /
 * `VIEW_BAD_REPLAY`, naming what is wrong.
 */
export function buildTraceView(trace: ItfTrace, options: ViewOptions = {}): ViewResult<TraceView> {
  const valid = validateItfTrace(trace, { requireActions: false });
  if (!valid.ok) return valid;
  const info = readTraceInfo(trace, options.replay);
  if (!info.ok) return info;
  const plain = fromItfTrace(trace);
  const nodes = traceNodes(plain);
  const channels = messageChannels(plain, nodes);
  const lanes = extractLanes(plain, info.value, channels);
  // A trace that does not fit the model (another model's, an older variable set) gets no column rather than a wrong one.
  const column = options.propertyModel !== undefined ? propertyColumn(options.propertyModel, plain) : undefined;
  return {
    ok: true,
    value: {
      ...(options.source !== undefined ? { source: options.source } : {}),
      info: info.value,
      vars: plain.vars,
      varLabels: plain.vars.map(formatString),
      steps: plain.steps.map((_, i) => stepView(plain, i)),
      ...(plain.loop !== undefined ? { loop: plain.loop } : {}),
      ...(plain.loopAction ? { loopAction: formatAction(plain.loopAction.action, plain.loopAction.picks) } : {}),
      ...(lanes ? { lanes } : {}),
      messages: lanes ? extractMessages(plain, nodes) : [],
      plain,
      ...(options.propertyText !== undefined ? { propertyText: options.propertyText } : {}),
      ...(column?.ok ? { propertyColumn: column.value } : {}),
    },
  };
}

/** The one-line verdict of a trace, e.g. `invariant NoSplitBrain is violated at step 11`. */
export function verdictLine(view: TraceView): string {
  const { info } = view;
  const prop = info.property !== undefined ? formatString(info.property) : undefined;
  const last = view.steps.length - 1;
  if (info.kind === 'deadlock') return `deadlock: no step is enabled after step ${info.violationStep ?? last}`;
  if (info.kind === 'liveness' || (view.loop !== undefined && prop !== undefined && info.kind === undefined)) {
    return `liveness property ${prop ?? '(unnamed)'} is violated${view.loop !== undefined ? `: ${loopPhrase(view)}` : ''}`;
  }
  if (prop !== undefined) {
    const kind = info.kind !== undefined ? `${formatString(info.kind)} ` : '';
    const at = info.violationStep !== undefined ? ` at step ${info.violationStep}` : '';
    return `${kind}${prop} is violated${at}`;
  }
  if (info.description !== undefined) return formatValue(info.description);
  return view.loop !== undefined ? `lasso trace: ${loopPhrase(view)}` : `trace of ${view.steps.length} states`;
}

/** Whether the trace ends by staying in its last state forever with no recorded step (stuttering). */
export function stutters(view: TraceView): boolean {
  return view.loop === view.steps.length - 1 && view.loopAction === undefined;
}

/** What the lasso does forever, e.g. `from step 5 the behaviour repeats steps 5..8 forever`. */
export function loopPhrase(view: TraceView): string {
  const last = view.steps.length - 1;
  if (view.loop === undefined) return '';
  if (stutters(view)) return `from step ${view.loop} nothing changes any more (the system stays in this state forever)`;
  if (view.loop === last) return `from step ${view.loop}, ${view.loopAction} leads back to the same state, forever`;
  return `from step ${view.loop} the behaviour repeats steps ${view.loop}..${last} forever`;
}

/** Whether the trace shows a property failing (an invariant's violating state, or a lasso of a named property). */
export function isViolation(view: TraceView): boolean {
  return view.info.violationStep !== undefined || (view.loop !== undefined && view.info.property !== undefined);
}

/** The one-line outcome of the replay, when the trace has one. */
export function replayLine(view: TraceView): string | undefined {
  const r = view.info.replay;
  if (!r) return undefined;
  // Following a counterexample is not good news: the implementation reproduces the violation.
  if (r.outcome === 'follows') return isViolation(view) ? 'replay: the implementation reproduces this counterexample, so the implementation has this flaw' : 'replay: the implementation follows the trace';
  const where =
    r.step === undefined ? '' : r.step === view.steps.length ? ` at the step back to step ${view.loop ?? 0}` : ` at step ${r.step}`;
  if (r.outcome === 'error') {
    const code = r.code !== undefined ? `${escapeControls(r.code)}: ` : '';
    return `replay could not run${where}: ${code}${escapeControls(r.message ?? 'no message')}`;
  }
  const action = r.action !== undefined ? ` (${escapeControls(r.action)})` : '';
  const n = r.diff?.length ?? 0;
  const what = n > 0 ? `: ${n} variable${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''}` : '';
  const known = r.known !== undefined ? `; known difference ${formatString(r.known.id)}` : '';
  return `replay: the implementation departs${where}${action}${what}${known}`;
}

/**
 * The state index where the replay departs, for marking: `steps.length` (a
 * lasso's closing step) counts as the last state, whose next step it is.
 */
export function departureStep(view: TraceView): number | undefined {
  const r = view.info.replay;
  if (r?.outcome !== 'departs' || r.step === undefined) return undefined;
  return Math.min(r.step, view.steps.length - 1);
}
