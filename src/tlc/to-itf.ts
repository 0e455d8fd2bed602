/**
 * Conversion of TLC's traces (from `-tool` output or `-dumpTrace json`) to
 * ITF traces (`src/trace`), with `mbt::actionTaken` set to TLC's action
 * name.
 *
 * Action parameters: TLC's `-tool` output prints an action's argument
 * *values* (`ProbeSucceeds(n1)`) but not its parameter names, and its
 * `-dumpTrace json` gives both (`context`). `mbt::nondetPicks` of a step is
 * the first of: what `resolveParams` returns; the dumpTrace `context`; the
 * printed arguments zipped with `paramNames[action]`; `{}`.
 *
 * Lassos: `N: Back to state` (or a dumpTrace last step back to state N)
 * gives `loop = N - 1` and the closing step in `#meta.loopAction`;
 * `N: Stuttering` gives `loop = states.length - 1`, the last state looping
 * on itself, with no `loopAction` (stuttering is no action).
 */
import { ITF_ACTION_TAKEN, ITF_NONDET_PICKS, type ItfRecord, type ItfState, type ItfTrace, type ItfValue } from '../trace/itf-types.js';
import { validateItfTrace } from '../trace/itf-validate.js';
import type { DumpTrace, DumpTraceAction, JsonValue } from './dump-trace.js';
import { type TlcResult, tlcFailure } from './errors.js';
import type { TlcStepLabel, TlcTrace } from './output-types.js';
import { tlaValueToItf } from './tla-value.js';
import { type TypeHint, applyTypeHint } from './type-hints.js';

/**
 * Computes an action's parameters from the states around a step: `prev`
 * and `next` (ITF, after type hints), the action's name and the argument
 * values TLC printed (in parameter order; may be empty). Returns
 * `undefined` to fall back on what TLC said.
 */
export type ParamsResolver = (
  prev: ItfState,
  next: ItfState,
  actionName: string,
  args: readonly ItfValue[],
) => ItfRecord | undefined;

/** Options of the conversions to ITF. */
export interface ToItfOptions {
  /** Supplies each step's `mbt::nondetPicks` (see the module comment). */
  readonly resolveParams?: ParamsResolver;
  /** Parameter names per action, to name the argument values TLC printed. */
  readonly paramNames?: Readonly<Record<string, readonly string[]>>;
  /** Per variable, the type that fixes its ITF spelling (see `type-hints.ts`). */
  readonly typeHints?: Readonly<Record<string, TypeHint>>;
  /** Order of `vars` (default: the dumpTrace's, or as TLC printed the first state). */
  readonly vars?: readonly string[];
  /** Merged into the trace's `#meta` (e.g. `description`). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

const FORMAT_META = { format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', source: 'TLC' };

/** One step in neutral form, before picks are resolved. */
interface Step {
  readonly name: string;
  readonly args: readonly ItfValue[];
  /** Parameters TLC named (dumpTrace `context`). */
  readonly named?: ItfRecord;
}

function jsonToItf(v: JsonValue): ItfValue {
  if (v === null) return { '#unserializable': 'null' };
  if (typeof v === 'number') return Number.isInteger(v) ? { '#bigint': String(v) } : { '#unserializable': String(v) };
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(jsonToItf);
  const out: Record<string, ItfValue> = {};
  for (const [k, x] of Object.entries(v as Record<string, JsonValue>)) out[k] = jsonToItf(x);
  return out;
}

function hinted(values: Readonly<Record<string, ItfValue>>, opts: ToItfOptions): Record<string, ItfValue> {
  const out: Record<string, ItfValue> = {};
  for (const [k, v] of Object.entries(values)) {
    const h = opts.typeHints?.[k];
    out[k] = h ? applyTypeHint(v, h) : v;
  }
  return out;
}

function picks(prev: ItfState, next: ItfState, step: Step, opts: ToItfOptions): ItfRecord {
  const resolved = opts.resolveParams?.(prev, next, step.name, step.args);
  if (resolved !== undefined) return resolved;
  if (step.named) return step.named;
  const names = opts.paramNames?.[step.name];
  if (names && names.length === step.args.length) {
    const out: Record<string, ItfValue> = {};
    names.forEach((n, i) => (out[n] = step.args[i]));
    return out;
  }
  return {};
}

function assemble(
  vars: readonly string[],
  values: readonly Record<string, ItfValue>[],
  steps: readonly Step[],
  loop: { index: number; step?: Step } | undefined,
  opts: ToItfOptions,
): TlcResult<ItfTrace> {
  const states: ItfState[] = [];
  values.forEach((v, i) => {
    const base: Record<string, unknown> = { '#meta': { index: i } };
    for (const name of vars) if (name in v) base[name] = v[name];
    if (i > 0) {
      const step = steps[i - 1];
      base[ITF_ACTION_TAKEN] = step.name;
      base[ITF_NONDET_PICKS] = picks(states[i - 1], base as ItfState, step, opts);
    }
    states.push(base as ItfState);
  });
  const meta: Record<string, unknown> = { ...FORMAT_META, ...opts.meta };
  if (loop?.step) {
    const last = states[states.length - 1];
    meta.loopAction = { [ITF_ACTION_TAKEN]: loop.step.name, [ITF_NONDET_PICKS]: picks(last, states[loop.index], loop.step, opts) };
  }
  const trace: ItfTrace = { '#meta': meta, vars, states, ...(loop ? { loop: loop.index } : {}) };
  const valid = validateItfTrace(trace);
  if (!valid.ok) {
    return tlcFailure('TLC_TRACE_UNCONVERTIBLE', `TLC trace does not make an ITF trace: ${valid.error.message}`, 'report this with the TLC output that produced it');
  }
  return valid;
}

function labelStep(label: TlcStepLabel): Step {
  if (label.kind === 'initial') return { name: 'Init', args: [] };
  return { name: label.name, args: label.args.map(tlaValueToItf) };
}

/** Converts a trace parsed from TLC's `-tool` output to an ITF trace. */
export function tlcTraceToItf(trace: TlcTrace, options: ToItfOptions = {}): TlcResult<ItfTrace> {
  if (trace.states.length === 0) return tlcFailure('TLC_TRACE_UNCONVERTIBLE', 'TLC trace has no states', 'check that TLC printed the behaviour');
  const vars = options.vars ?? trace.states[0].variables.map((a) => a.name);
  const values = trace.states.map((s) => {
    const raw: Record<string, ItfValue> = {};
    for (const a of s.variables) raw[a.name] = tlaValueToItf(a.value);
    return hinted(raw, options);
  });
  const steps = trace.states.slice(1).map((s) => labelStep(s.label));
  let loop: { index: number; step?: Step } | undefined;
  const lasso = trace.lasso;
  if (lasso?.kind === 'back-to-state') {
    if (lasso.stateNumber < 1 || lasso.stateNumber > trace.states.length) {
      return tlcFailure('TLC_TRACE_UNCONVERTIBLE', `TLC trace goes back to state ${lasso.stateNumber}, which it does not print`, 'report this with the TLC output that produced it');
    }
    loop = { index: lasso.stateNumber - 1, step: labelStep(lasso.label) };
  } else if (lasso?.kind === 'stuttering') {
    loop = { index: trace.states.length - 1 };
  }
  return assemble(vars, values, steps, loop, options);
}

function actionStep(a: DumpTraceAction): Step {
  const params = a.parameters ?? (a.context ? Object.keys(a.context) : []);
  const args = a.context ? params.map((p) => jsonToItf(a.context![p] ?? null)) : [];
  const named: Record<string, ItfValue> = {};
  if (a.context) for (const [k, v] of Object.entries(a.context)) named[k] = jsonToItf(v);
  return a.context ? { name: a.name, args, named } : { name: a.name, args };
}

/**
 * Converts a `-dumpTrace json` trace to an ITF trace. Without type hints,
 * arrays become sequences and objects records (TLC's JSON does not say
 * which were sets or functions).
 */
export function dumpTraceToItf(dump: DumpTrace, options: ToItfOptions = {}): TlcResult<ItfTrace> {
  const vars = options.vars ?? dump.vars;
  const values = dump.states.map((s) => {
    const raw: Record<string, ItfValue> = {};
    for (const [k, v] of Object.entries(s.values)) raw[k] = jsonToItf(v);
    return hinted(raw, options);
  });
  const forward = dump.actions.filter((a) => a.to > a.from);
  const closing = dump.actions.find((a) => a.to <= a.from);
  const loop = closing ? { index: closing.to - 1, step: actionStep(closing) } : undefined;
  return assemble(vars, values, forward.map(actionStep), loop, options);
}
