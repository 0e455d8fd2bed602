/**
 * A trace read against its model before anything is replayed: the scenario
 * it comes from, every state decoded into the model's variable domains,
 * every action found among the model's actions with its parameters in their
 * domains and a stimulus to map it to. Whatever is wrong is reported with
 * the step it is at, before the implementation is touched.
 */
import type { Value } from '../dsl/index.js';
import { fromPlain } from '../explore/itf-values.js';
import { type FlatAction, type FlatModel, type Scenario, lowerSystem } from '../model/index.js';
import { type ItfTrace, type PlainValue, fromItfTrace, validateItfTrace } from '../trace/index.js';
import { findScenario, SCENARIOS } from '../../models/mnha/scenarios/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import type { ModelState } from './refinement.js';
import { type ReplayError, replayError } from './result.js';
import { unmappedReason } from './stimuli.js';

/** One step of a prepared trace: the action and its parameters, in the model's values. */
export interface PreparedStep {
  readonly action: FlatAction;
  readonly picks: Readonly<Record<string, Value>>;
}

/** A trace ready to replay. */
export interface PreparedTrace {
  readonly scenario: Scenario;
  readonly params: MnhaParams;
  readonly model: FlatModel;
  /** Every state, decoded. */
  readonly states: readonly ModelState[];
  /** `steps[k - 1]` produced `states[k]`. */
  readonly steps: readonly PreparedStep[];
  /** For a lasso with a known closing step: the state it returns to and the step. */
  readonly closing?: { readonly loop: number; readonly step: PreparedStep };
}

const HINT_REGENERATE = "regenerate the trace with 'ha-verify check --scenario NAME' from the current model";
const models = new Map<string, FlatModel>();

/**
 * What the per-process caches of a scenario's model are keyed by: its name
 * and its parameters, since two scenarios may share a name and differ in
 * their parameters (the runs `ha-verify config` derives from two pairs are
 * both `config-control`; a test's variants of one scenario).
 */
export function scenarioKey(scenario: Scenario): string {
  return `${scenario.name} ${JSON.stringify(scenario.params)}`;
}

/** The flat model of a scenario, built once per process. */
export function modelOf(scenario: Scenario): FlatModel {
  const key = scenarioKey(scenario);
  let fm = models.get(key);
  if (fm === undefined) {
    fm = lowerSystem(scenario.build().system);
    models.set(key, fm);
  }
  return fm;
}

/** The MNHA parameters of a scenario (scenarios keep them as plain data). */
export function paramsOf(scenario: Scenario): MnhaParams {
  return scenario.params as unknown as MnhaParams;
}

/** An action of the model by name, with its parameters decoded and its stimulus known; or why not. */
export function prepareStep(fm: FlatModel, name: string, picks: Readonly<Record<string, PlainValue>>, at: number): PreparedStep | ReplayError {
  const action = fm.actions.find((a) => a.name === name);
  if (action === undefined) {
    return replayError('UNKNOWN_ACTION', `step ${at}: unknown action '${name}' (not an action of the ${fm.name} model)`, HINT_REGENERATE, at);
  }
  const values: Record<string, Value> = {};
  for (const [param, t] of action.params) {
    if (!(param in picks)) return replayError('BAD_PARAMS', `step ${at}: action ${name} lacks its parameter '${param}'`, HINT_REGENERATE, at);
    try {
      values[param] = fromPlain(t, picks[param], param);
    } catch (e) {
      return replayError('BAD_PARAMS', `step ${at}: action ${name}: ${(e as Error).message}`, HINT_REGENERATE, at);
    }
  }
  const why = unmappedReason(action.origin);
  if (why !== null) {
    return replayError('UNMAPPED_ACTION', `step ${at}: action ${name}: ${why}`, 'extend src/replay/stimuli.ts with a stimulus for it', at);
  }
  return { action, picks: values };
}

/** The scenario a trace's `#meta` names (or `scenario` when given), or an error naming the known ones. */
export function scenarioOfMeta(meta: Readonly<Record<string, unknown>> | undefined, scenario?: Scenario): Scenario | ReplayError {
  const named = meta?.scenario;
  const sc = scenario ?? (typeof named === 'string' ? findScenario(named) : undefined);
  if (sc !== undefined) return sc;
  const known = SCENARIOS.map((s) => s.name).join(', ');
  return typeof named === 'string'
    ? replayError('UNKNOWN_SCENARIO', `the trace names scenario '${named}', which does not exist (one of: ${known})`, 'regenerate the trace or name its scenario')
    : replayError('UNKNOWN_SCENARIO', 'the trace does not name its scenario (#meta.scenario)', `add "scenario" to the trace's #meta (one of: ${known})`);
}

/** The error of a trace that lacks one of the model's variables. */
export function missingVariable(name: string, sc: Scenario): ReplayError {
  return replayError('MALFORMED_TRACE', `the trace has no variable '${name}' of the ${sc.name} model`, HINT_REGENERATE);
}

/** Whether a decoded state is the error it may be instead. */
export function isReplayError(x: ModelState | ReplayError): x is ReplayError {
  return (x as ReplayError).outcome === 'error' && typeof (x as ReplayError).code === 'string';
}

/** One ITF state (already valid ITF) decoded into the model's variables, or an error naming the state. */
export function decodeItfState(fm: FlatModel, values: Readonly<Record<string, PlainValue>>, k: number): ModelState | ReplayError {
  const state: Record<string, Value> = {};
  for (const v of fm.vars) {
    try {
      state[v.name] = fromPlain(v.t, values[v.name], v.name);
    } catch (e) {
      return replayError('MALFORMED_TRACE', `state ${k}: ${(e as Error).message}`, HINT_REGENERATE, k);
    }
  }
  return state;
}

/**
 * Checks and decodes `trace`. The scenario is `scenario` when given, else
 * the one the trace's `#meta.scenario` names.
 */
export function prepareTrace(trace: ItfTrace, scenario?: Scenario): PreparedTrace | ReplayError {
  const valid = validateItfTrace(trace);
  if (!valid.ok) {
    const at = valid.error.at?.state;
    return replayError('MALFORMED_TRACE', valid.error.message, valid.error.hint, at);
  }
  const sc = scenarioOfMeta(trace['#meta'], scenario);
  if ('outcome' in sc) return sc;
  const fm = modelOf(sc);
  const plain = fromItfTrace(trace);
  for (const v of fm.vars) {
    if (!plain.vars.includes(v.name)) return missingVariable(v.name, sc);
  }
  const states: ModelState[] = [];
  const steps: PreparedStep[] = [];
  for (const [k, step] of plain.steps.entries()) {
    const state = decodeItfState(fm, step.values, k);
    if (isReplayError(state)) return state;
    states.push(state);
    if (k === 0) continue;
    const prepared = prepareStep(fm, step.action as string, step.picks ?? {}, k);
    if ('outcome' in prepared) return prepared;
    steps.push(prepared);
  }
  if (plain.loopAction !== undefined && plain.loop !== undefined) {
    const at = plain.steps.length;
    const closing = prepareStep(fm, plain.loopAction.action, plain.loopAction.picks, at);
    if ('outcome' in closing) return closing;
    return { scenario: sc, params: paramsOf(sc), model: fm, states, steps, closing: { loop: plain.loop, step: closing } };
  }
  return { scenario: sc, params: paramsOf(sc), model: fm, states, steps };
}
