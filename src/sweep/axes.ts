/**
 * The design space a sweep covers: named axes of MNHA parameters, each a
 * list of values that set some parameters of the model. A combination is
 * one value of every axis; the sweep checks each as a scenario.
 */
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';

/** One value of an axis: its name, and the parameters it sets. */
export interface AxisValue {
  readonly name: string;
  readonly set: Partial<MnhaParams>;
}

/** An axis: a design option and its values. */
export interface Axis {
  readonly name: string;
  readonly doc: string;
  readonly values: readonly AxisValue[];
}

/** Every axis the sweep knows, with all its values, in the order the report shows them. */
export const AXES: readonly Axis[] = [
  {
    name: 'iclLoss', doc: 'what the active node does when it loses the ICL (MNHA.md section 4)',
    values: [{ name: 'withdraw', set: { iclLossAtActive: 'withdraw' } }, { name: 'keep-and-probe', set: { iclLossAtActive: 'keep-and-probe' } }],
  },
  {
    name: 'convergence', doc: 'routers learn advertisements at once, or later (MNHA.md section 2)',
    values: [{ name: 'instant', set: { routeConvergence: 'instant' } }, { name: 'async', set: { routeConvergence: 'async' } }],
  },
  {
    name: 'priorities', doc: 'activeness-priority unset, distinct (n1 higher), or equal on both nodes',
    values: [
      { name: 'unset', set: { priority: { n1: 0, n2: 0 } } },
      { name: 'distinct', set: { priority: { n1: 200, n2: 100 } } },
      { name: 'equal', set: { priority: { n1: 150, n2: 150 } } },
    ],
  },
  {
    name: 'tieBreak', doc: 'the node the routers prefer when both advertise the same preference',
    values: [{ name: 'n1', set: { tieBreak: 'n1' } }, { name: 'n2', set: { tieBreak: 'n2' } }],
  },
  {
    name: 'router', doc: 'the probe router behaves, or may answer probes off its preferred path',
    values: [{ name: 'behaving', set: {} }, { name: 'faulty', set: { faults: [...DEFAULT_PARAMS.faults, 'router'] } }],
  },
  {
    name: 'preemption', doc: 'preemption by the higher activeness-priority',
    values: [{ name: 'off', set: { preemption: false } }, { name: 'on', set: { preemption: true } }],
  },
  {
    name: 'protection', doc: 'the stale-notice protection (waitForAnswer): claim nothing until the peer answers',
    values: [{ name: 'on', set: { waitForAnswer: true } }, { name: 'off', set: { waitForAnswer: false, iclCapacity: 5 } }],
  },
];

/** The axes a sweep runs when none are named: every axis but the tie-break (symmetric to the local ids). */
export const DEFAULT_AXES: readonly string[] = ['iclLoss', 'convergence', 'priorities', 'router', 'preemption', 'protection'];

/** An axis restricted to some of its values. */
export interface ChosenAxis {
  readonly axis: Axis;
  readonly values: readonly AxisValue[];
}

/** Why an axis choice is wrong, or the choice: `NAME` (every value) or `NAME=V1,V2`. */
export function chooseAxis(spec: string): ChosenAxis | string {
  const [name, list] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [spec, undefined];
  const axis = AXES.find((a) => a.name === name);
  if (axis === undefined) return `unknown axis '${name}' (one of: ${AXES.map((a) => a.name).join(', ')})`;
  if (list === undefined) return { axis, values: axis.values };
  const names = list.split(',').map((v) => v.trim());
  if (names.length === 0 || names.some((n) => n === '')) return `axis ${name}: no value given (one or more of: ${axis.values.map((v) => v.name).join(', ')})`;
  const values: AxisValue[] = [];
  for (const n of names) {
    const v = axis.values.find((x) => x.name === n);
    if (v === undefined) return `axis ${name}: unknown value '${n}' (one of: ${axis.values.map((x) => x.name).join(', ')})`;
    if (!values.includes(v)) values.push(v);
  }
  return { axis, values };
}

/** One combination: a value per axis, and the parameters they give together. */
export interface Combination {
  /** `iclLoss=withdraw convergence=async ...`, stable. */
  readonly id: string;
  readonly choice: Readonly<Record<string, string>>;
  readonly params: MnhaParams;
}

/** The cross product of the chosen axes, the first axis varying slowest. */
export function combinations(chosen: readonly ChosenAxis[]): Combination[] {
  let out: { choice: Record<string, string>; params: MnhaParams }[] = [{ choice: {}, params: { ...DEFAULT_PARAMS } }];
  for (const c of chosen) {
    out = out.flatMap((o) => c.values.map((v) => ({ choice: { ...o.choice, [c.axis.name]: v.name }, params: { ...o.params, ...v.set } })));
  }
  return out.map((o) => ({ id: Object.entries(o.choice).map(([k, v]) => `${k}=${v}`).join(' '), choice: o.choice, params: o.params }));
}

/**
 * A combination's expected cost relative to the default scenario, from the
 * state counts of the scenarios that set each parameter alone (specs/
 * manifest.json): late routes about 15 times the states (async-routes
 * 158,460 against default 10,654), a faulty router about 4 (router-fault
 * 43,368), the protection off about half (stale-notices 4,562). Only the
 * order matters: the sweep starts the dearest combinations first, so that
 * no process is left alone with a large one at the end.
 */
export function estimatedCost(p: MnhaParams): number {
  let cost = 1;
  if (p.routeConvergence === 'async') cost *= 15;
  if (p.faults.includes('router')) cost *= 4;
  if (!p.waitForAnswer) cost *= 0.5;
  if (p.sessions > 0) cost *= 13 ** p.sessions / 13;
  return cost;
}
