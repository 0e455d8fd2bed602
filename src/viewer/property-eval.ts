/**
 * The property column of the page: the violated property evaluated on every
 * state of the trace with the model's own expression evaluator (src/dsl),
 * not re-implemented here, so the column says what the checker saw. Its
 * parts (the operands of comparisons, premise and conclusion, one value per
 * node of a `\A n`) are evaluated too: for NoSplitBrain, `ActiveCount` 0, 0,
 * 1, 2. At the state where it fails, the variables the failing part read
 * are recorded, so the page can outline the lane cells that make it false.
 * A lasso gets the premise and the awaited condition of its `~>` per step,
 * and the node it fails for.
 */
import { type EvalEnv, type Expr, type Temporal, type Type, type Value, evaluate, printExpr } from '../dsl/index.js';
import { fromPlain, toPlain } from '../explore/itf-values.js';
import type { Property } from '../model/index.js';
import type { PlainTrace } from '../trace/index.js';
import { formatValue } from './format.js';

/** What the evaluator needs of the model: the property, the variables' types and the constants. */
export interface PropertyModel {
  readonly property: Property;
  /** Every state variable's type, by name (to read ITF values as model values). */
  readonly types: Readonly<Record<string, Type>>;
  readonly consts: Readonly<Record<string, Value>>;
  /** Sub-expressions the model names (e.g. `ActiveCount`), shown by name; matched by identity. */
  readonly names?: readonly (readonly [string, Expr])[];
}

/** A variable the failing part read at the failing state: `srg1[n2]` is `{ variable: 'srg1', key: 'n2' }`. */
export interface BlamedRead {
  readonly variable: string;
  readonly key?: string;
}

/** One evaluated part of the property. */
export interface PropertyPart {
  /** How the page names it: a model name (`ActiveCount`) or its TLA+ text. */
  readonly label: string;
  /** Its TLA+ text with the model's names spelled out, for a tooltip. */
  readonly tla: string;
  /** For a lasso: the `~>` premise or the awaited condition. */
  readonly role?: 'premise' | 'awaited';
}

/** The property at one state. */
export interface PropertyStep {
  /** `holds`/`fails` for an invariant (an action property: the step into this state); a lasso: `waiting` once triggered and not yet met. */
  readonly status: 'holds' | 'fails' | 'waiting' | 'met' | 'idle';
  /** The value of each part, formatted, in the order of `parts`. */
  readonly values: readonly string[];
}

/** The property column (see the module comment). */
export interface PropertyColumn {
  readonly name: string;
  readonly kind: Property['kind'];
  readonly parts: readonly PropertyPart[];
  readonly steps: readonly PropertyStep[];
  /** The state where it fails: an invariant's violating state, a lasso's trigger (the premise holds, the awaited condition never does after it). */
  readonly failsAt?: number;
  /** For a property over nodes (`\A n`), the node it fails for, e.g. `n = n2`. */
  readonly instance?: string;
  /** The variables the failing part read at `failsAt`. */
  readonly blame: readonly BlamedRead[];
}

/** Why no column could be computed (the trace does not fit the model). */
export type PropertyColumnResult = { readonly ok: true; readonly value: PropertyColumn } | { readonly ok: false; readonly reason: string };

type State = Readonly<Record<string, Value>>;
type Reads = Map<string, BlamedRead>;

/** The model states of a trace, or the first value that does not fit its variable's type. */
function statesOf(trace: PlainTrace, types: PropertyModel['types']): State[] | string {
  const out: State[] = [];
  for (const [i, s] of trace.steps.entries()) {
    const st: Record<string, Value> = {};
    for (const [name, t] of Object.entries(types)) {
      if (!(name in s.values)) return `state ${i} has no variable ${name}`;
      try {
        st[name] = fromPlain(t, s.values[name], name);
      } catch (e) {
        return `state ${i}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    out.push(st);
  }
  return out;
}

/**
 * An environment reading `cur` (and `next` for primed variables). With
 * `reads`, every variable read is recorded, and every key looked up in a
 * function-valued variable (through a proxy: the evaluator reads
 * `f[key]`), which is what says *which node's* state was read.
 */
function envOf(model: PropertyModel, cur: State, next: State | undefined, bound: Record<string, Value>, reads?: Reads): EvalEnv {
  return {
    consts: model.consts,
    bound,
    readVar: (raw) => {
      const primed = raw.endsWith("'");
      const name = primed ? raw.slice(0, -1) : raw;
      const v = (primed ? next ?? cur : cur)[name];
      if (reads === undefined) return v;
      if (typeof v !== 'object' || Array.isArray(v) || model.types[name]?.kind !== 'fun') {
        reads.set(name, { variable: name });
        return v;
      }
      return new Proxy(v as Record<string, Value>, {
        get(target, key) {
          if (typeof key === 'string' && key in target) reads.set(`${name}[${key}]`, { variable: name, key });
          return Reflect.get(target, key);
        },
      });
    },
  };
}

/** A copy of `e` with every named sub-expression replaced by its name, so that it prints as the model names it. */
function withNames(e: Expr, names: PropertyModel['names']): Expr {
  const hit = names?.find(([, n]) => n === e);
  if (hit) return { op: 'var', t: e.t, name: hit[0] };
  const out: Record<string, unknown> = { ...e };
  for (const [k, v] of Object.entries(e)) {
    if (k === 't' || k === 'def' || k === 'dom') continue;
    if (Array.isArray(v)) out[k] = v.map((x) => (isExpr(x) ? withNames(x, names) : x));
    else if (isExpr(v)) out[k] = withNames(v, names);
  }
  return out as unknown as Expr;
}

function isExpr(x: unknown): x is Expr {
  return typeof x === 'object' && x !== null && 'op' in x && 't' in x;
}

const COMPARISONS = new Set(['le', 'lt', 'ge', 'gt', 'eq', 'neq']);

/** A part: an expression evaluated per state, with the binding it is evaluated under. */
interface PartExpr {
  readonly expr: Expr;
  readonly bound: Record<string, Value>;
  readonly label: string;
  readonly tla: string;
  readonly role?: PropertyPart['role'];
}

function part(e: Expr, names: PropertyModel['names'], bound: Record<string, Value> = {}, suffix = '', role?: PropertyPart['role']): PartExpr {
  return { expr: e, bound, label: printExpr(withNames(e, names)) + suffix, tla: printExpr(e) + suffix, ...(role ? { role } : {}) };
}

/**
 * The parts of a state formula worth a value per step: the non-literal
 * operands of a comparison; premise and conclusion of an implication (and
 * their operands); the conjuncts or disjuncts; one body per value of a
 * top-level `\A`. Deeper structure is left to the formula on the page.
 */
function partsOf(e: Expr, names: PropertyModel['names'], depth = 0): PartExpr[] {
  const named = (x: Expr) => names?.some(([, n]) => n === x) ?? false;
  if (COMPARISONS.has(e.op)) {
    const { a, b } = e as Extract<Expr, { a: Expr; b: Expr }>;
    return [a, b].filter((x) => x.op !== 'lit' && (depth === 0 || named(x) || x.op === 'var')).map((x) => part(x, names));
  }
  if (depth > 0) return [];
  if (e.op === 'implies') return [part(e.a, names), part(e.b, names), ...partsOf(e.a, names, 1), ...partsOf(e.b, names, 1)];
  if (e.op === 'and' || e.op === 'or') return [...e.args.map((x) => part(x, names)), ...e.args.flatMap((x) => partsOf(x, names, 1))];
  if (e.op === 'not') return [part(e.arg, names), ...partsOf(e.arg, names, 1)];
  if (e.op === 'forall' || e.op === 'exists') {
    // One value per instance, labelled by the instance (the body is the formula on the page).
    return enumerateDomain(e.dom).map((k) => {
      const p = part(e.body, names, { [e.bind]: k }, ` for ${e.bind} = ${formatValue(k as string)}`);
      return { ...p, label: `${e.bind} = ${formatValue(k as string)}` };
    });
  }
  return [];
}

function enumerateDomain(t: Type): Value[] {
  return t.kind === 'enum' ? [...t.values] : t.kind === 'bool' ? [false, true] : [];
}

function dedupe(parts: PartExpr[]): PartExpr[] {
  const seen = new Set<string>();
  return parts.filter((p) => (seen.has(p.label) ? false : (seen.add(p.label), true)));
}

function show(e: Expr, v: Value): string {
  return formatValue(toPlain(e.t, v));
}

/** The reads that make `e` false in `env`: under `\A`, only the failing instance's; in a conjunction, the first false conjunct's. */
function blameOf(e: Expr, model: PropertyModel, cur: State, next: State | undefined, bound: Record<string, Value>): Reads {
  if (e.op === 'forall') {
    for (const k of enumerateDomain(e.dom)) {
      const b = { ...bound, [e.bind]: k };
      if (evaluate(e.body, envOf(model, cur, next, b)) !== true) return blameOf(e.body, model, cur, next, b);
    }
  }
  if (e.op === 'and') {
    const bad = e.args.find((x) => evaluate(x, envOf(model, cur, next, bound)) !== true);
    if (bad) return blameOf(bad, model, cur, next, bound);
  }
  const reads: Reads = new Map();
  evaluate(e, envOf(model, cur, next, bound, reads));
  return reads;
}

function invariantColumn(model: PropertyModel, expr: Expr, states: State[], action: boolean): PropertyColumn {
  const parts = dedupe(partsOf(expr, model.names));
  // An action property is about the step into a state: state 0 has none.
  const pairs = states.map((s, i) => (action ? (i === 0 ? undefined : ([states[i - 1], s] as const)) : ([s, undefined] as const)));
  const steps = pairs.map((pair): PropertyStep => {
    if (pair === undefined) return { status: 'idle', values: parts.map(() => '') };
    const [cur, next] = pair;
    const ok = evaluate(expr, envOf(model, cur, next, {})) === true;
    return { status: ok ? 'holds' : 'fails', values: parts.map((p) => show(p.expr, evaluate(p.expr, envOf(model, cur, next, p.bound)))) };
  });
  const failsAt = steps.findIndex((s) => s.status === 'fails');
  const base = { name: model.property.name, kind: model.property.kind, parts: parts.map(publicPart), steps };
  if (failsAt < 0) return { ...base, blame: [] };
  const [cur, next] = pairs[failsAt]!;
  const instance = expr.op === 'forall' ? enumerateDomain(expr.dom).find((k) => evaluate(expr.body, envOf(model, cur, next, { [expr.bind]: k })) !== true) : undefined;
  return {
    ...base,
    failsAt,
    ...(instance !== undefined && expr.op === 'forall' ? { instance: `${expr.bind} = ${formatValue(instance as string)}` } : {}),
    blame: [...blameOf(expr, model, cur, next, {}).values()],
  };
}

function publicPart(p: PartExpr): PropertyPart {
  return { label: p.label, tla: p.tla, ...(p.role ? { role: p.role } : {}) };
}

/** A temporal formula with its leading `\A`s bound: one instance per combination of values. */
function instancesOf(f: Temporal, bound: Record<string, Value> = {}): { f: Exclude<Temporal, { op: 'forall' }>; bound: Record<string, Value> }[] {
  if (f.op !== 'forall') return [{ f, bound }];
  return f.dom.values.flatMap((k) => instancesOf(f.body, { ...bound, [f.bind]: k }));
}

/**
 * The premise and awaited condition of one instance, and the state where
 * it fails on this lasso, if it does: for `P ~> Q`, the first state where P
 * holds and Q holds neither then nor at any later state (the loop repeats
 * the states from `loop` to the last, all of which come later).
 */
function temporalFailure(f: Exclude<Temporal, { op: 'forall' }>, at: (e: Expr, i: number) => boolean, n: number, loop: number): number | undefined {
  const idx = [...Array(n).keys()];
  const inLoop = idx.filter((i) => i >= loop);
  switch (f.op) {
    case 'leadsTo': return idx.find((i) => at(f.p, i) && idx.every((j) => j < i || !at(f.q, j)));
    case 'always': return idx.find((i) => !at(f.p, i));
    case 'eventually': return idx.some((i) => at(f.p, i)) ? undefined : 0;
    case 'alwaysEventually': return inLoop.some((i) => at(f.p, i)) ? undefined : loop;
    case 'eventuallyAlways': return inLoop.find((i) => !at(f.p, i));
  }
}

function livenessColumn(model: PropertyModel, formula: Temporal, states: State[], loop: number): PropertyColumn {
  const instances = instancesOf(formula);
  const evalAt = (bound: Record<string, Value>) => (e: Expr, i: number) => evaluate(e, envOf(model, states[i], undefined, bound)) === true;
  const failing = instances.map((inst) => ({ inst, at: temporalFailure(inst.f, evalAt(inst.bound), states.length, loop) })).find((x) => x.at !== undefined);
  const chosen = failing?.inst ?? instances[0];
  const f = chosen.f;
  const parts: PartExpr[] =
    f.op === 'leadsTo'
      ? [part(f.p, model.names, chosen.bound, '', 'premise'), part(f.q, model.names, chosen.bound, '', 'awaited')]
      : [part(f.p, model.names, chosen.bound)];
  const at = evalAt(chosen.bound);
  const failsAt = failing?.at;
  const steps = states.map((_, i): PropertyStep => {
    const values = parts.map((p) => (at(p.expr, i) ? 'true' : 'false'));
    if (f.op !== 'leadsTo') return { status: at(f.p, i) ? 'holds' : 'fails', values };
    if (at(f.q, i)) return { status: 'met', values };
    return { status: failsAt !== undefined && i >= failsAt ? 'waiting' : 'idle', values };
  });
  // The node it fails for only when it fails: a lasso of another property leaves every instance satisfied.
  const instance = failing === undefined ? '' : Object.entries(chosen.bound).map(([k, v]) => `${k} = ${formatValue(v as string)}`).join(', ');
  // What the premise and the awaited condition read at the trigger: the cells the page outlines there.
  const read = (e: Expr) => [...blameOf(e, model, states[failsAt as number], undefined, chosen.bound).entries()];
  const blame = failsAt === undefined ? [] : [...new Map([...read(f.p), ...(f.op === 'leadsTo' ? read(f.q) : [])]).values()];
  return {
    name: model.property.name,
    kind: model.property.kind,
    parts: parts.map(publicPart),
    steps,
    ...(failsAt !== undefined ? { failsAt } : {}),
    ...(instance !== '' ? { instance } : {}),
    blame,
  };
}

/**
 * The property column of a trace (see the module comment). Fails, with a
 * reason, when a state does not fit the model's variable types or the
 * evaluator meets a model error: the trace is then of another model, and
 * the page shows no column rather than a wrong one.
 */
export function propertyColumn(model: PropertyModel, trace: PlainTrace): PropertyColumnResult {
  const states = statesOf(trace, model.types);
  if (typeof states === 'string') return { ok: false, reason: states };
  const p = model.property;
  try {
    if (p.kind === 'liveness') return { ok: true, value: livenessColumn(model, p.formula, states, trace.loop ?? states.length - 1) };
    return { ok: true, value: invariantColumn(model, p.expr, states, p.kind === 'action') };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
