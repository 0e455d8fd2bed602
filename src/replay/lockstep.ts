/**
 * The model and the implementation driven together, step by step: the
 * model (the flat model run by direct evaluation) takes each action, the
 * implementation gets the action's stimulus, and the two states are
 * compared after every step. Model-based tests run command sequences this
 * way; the states of either side can then be written as an ITF trace (the
 * model's, to replay; the implementation's, to keep a flaw it showed).
 */
import type { Value } from '../dsl/index.js';
import { toPlain } from '../explore/itf-values.js';
import { type ActionLabel, type FlatModel, type Scenario, type State, interpretedModel } from '../model/index.js';
import { type ItfTrace, type PlainValue, toItfTrace } from '../trace/index.js';
import { ImplDriver } from './impl-driver.js';
import type { ImplOptions } from './impl-setup.js';
import { modelOf, paramsOf } from './prepare-trace.js';
import { refinementRules, type VariableRule } from './refinement.js';
import type { VariableDiff } from './result.js';
import { checkStep } from './step-check.js';

/** Where a lock-step run parted. */
export interface LockstepDeparture {
  /** 1-based index of the step after which the states differed. */
  readonly step: number;
  readonly action: ActionLabel;
  readonly diff: readonly VariableDiff[];
}

/** A lock-step run: every state of both sides, up to the departure if there was one. */
export interface LockstepRun {
  readonly scenario: Scenario;
  readonly model: FlatModel;
  /** The actions taken (all enabled in the model when taken). */
  readonly labels: readonly ActionLabel[];
  /** `modelStates[k]` after `labels[k - 1]`; `modelStates[0]` initial. */
  readonly modelStates: readonly State[];
  /** The implementation's states mapped onto the model's variables, same indexing. */
  readonly implStates: readonly State[];
  /** Actions skipped because the model did not enable them (commands may be generated blind). */
  readonly skipped: number;
  readonly departure?: LockstepDeparture;
}

/** Options of a lock-step run. */
export interface LockstepOptions extends ImplOptions {
  /** Go on after a departure (to record what the implementation does next). Default false. */
  readonly continueAfterDeparture?: boolean;
}

function sameLabel(a: ActionLabel, b: ActionLabel): boolean {
  return a.name === b.name && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/**
 * Runs `labels` on the scenario's model and on the implementation together.
 * A label the model does not enable in the current state is skipped (and
 * counted), so that blind command generators can be used; the run stops
 * at the first departure unless asked to go on.
 */
export function runLockstep(scenario: Scenario, labels: readonly ActionLabel[], options: LockstepOptions = {}): LockstepRun {
  const fm = modelOf(scenario);
  const params = paramsOf(scenario);
  const rules: VariableRule[] = refinementRules(params);
  const model = interpretedModel(fm);
  const byName = new Map(fm.actions.map((a) => [a.name, a]));
  const driver = new ImplDriver(params, options);
  let state = model.initStates()[0];
  const taken: ActionLabel[] = [];
  const modelStates: State[] = [state];
  const implStates: State[] = [driver.state()];
  let skipped = 0;
  let departure: LockstepDeparture | undefined;
  for (const label of labels) {
    if (!model.actions(state).some((enabled) => sameLabel(enabled, label))) {
      skipped += 1;
      continue;
    }
    const action = byName.get(label.name)!;
    state = model.next(state, label);
    driver.apply(action, label.params);
    const impl = driver.state();
    taken.push(label);
    modelStates.push(state);
    implStates.push(impl);
    if (departure !== undefined) continue;
    const check = checkStep(rules, state, impl);
    if (!check.agrees) {
      departure = { step: taken.length, action: label, diff: check.diff };
      if (options.continueAfterDeparture !== true) break;
    }
  }
  return { scenario, model: fm, labels: taken, modelStates, implStates, skipped, ...(departure === undefined ? {} : { departure }) };
}

/**
 * An ITF trace of a lock-step run's states. `side: 'model'` writes the
 * model's states (a path of the model, replayable); `side: 'implementation'`
 * writes the implementation's state for every compared variable and the
 * model's for the others (channels, environment records), so that
 * replaying it shows where another implementation parts from this one.
 */
export function lockstepTrace(run: LockstepRun, side: 'model' | 'implementation', meta: Readonly<Record<string, unknown>>): ItfTrace {
  const rules = refinementRules(paramsOf(run.scenario));
  const compared = new Set(rules.filter((r) => r.mode !== 'not compared').map((r) => r.variable));
  const steps = run.modelStates.map((modelState, k) => {
    const values: Record<string, PlainValue> = {};
    for (const v of run.model.vars) {
      const source = side === 'implementation' && compared.has(v.name) ? run.implStates[k] : modelState;
      values[v.name] = toPlain(v.t, source[v.name] as Value);
    }
    if (k === 0) return { values };
    const label = run.labels[k - 1];
    const action = run.model.actions.find((a) => a.name === label.name)!;
    const picks: Record<string, PlainValue> = {};
    for (const [p, t] of action.params) picks[p] = toPlain(t, label.params[p]);
    return { values, action: label.name, picks };
  });
  return toItfTrace({ vars: run.model.vars.map((v) => v.name), steps, meta: { scenario: run.scenario.name, ...meta } });
}
