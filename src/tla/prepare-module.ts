/**
 * Everything a main module shows, decided before any text is printed:
 * names (checked and, for bound names, made unambiguous), the named sets
 * and which of them are constants, the definitions to declare, the
 * prepared actions, the properties, and the standard modules to extend.
 * The printers (`emit-*.ts`) only lay this out.
 */
import {
  type Definition, type EnumType, type Expr, type Temporal, type Type, type Value,
  walkExpr, walkStmts,
} from '../dsl/index.js';
import type { ConstDecl, FlatModel, FlatVar, ActionProperty, InvariantProperty, LivenessProperty, Property } from '../model/index.js';
import { collectDefinitions } from './definitions.js';
import { catchEmit, type TlaResult, TlaEmitError } from './errors.js';
import { boundRef, freshName, substitute } from './expr-tools.js';
import { FIXED_NAMES, ModuleNames, hygienic, parameterNames } from './names.js';
import { type PreparedAction, prepareAction } from './prepare-action.js';
import { type PlannedSet, planSets } from './sets.js';

/** Options of the emitter. */
export interface EmitOptions {
  /** Named sets to declare as CONSTANTS whatever their shape (see `sets.ts`). */
  readonly constantSets?: Iterable<string>;
  /** Where the model comes from, for the header (e.g. `models/mnha`). */
  readonly source?: string;
}

/** A definition with its TLA+ parameter names and a clean body. */
export interface PreparedDefinition {
  readonly name: string;
  readonly params: readonly (readonly [string, Type])[];
  readonly body: Expr;
  readonly doc?: string;
}

/** A liveness property ready to print. */
export interface PreparedLiveness {
  readonly name: string;
  readonly doc: string;
  readonly formula: Temporal;
  /** The environment it assumes (a {@link PreparedEnvironment}'s name), if any. */
  readonly environment?: string;
}

/**
 * A stated environment of liveness properties: `<name>Stops` (the steps it
 * stops happen finitely often) and `Spec<name>` (Spec without their
 * fairness), checked by TLC in a run of its own.
 */
export interface PreparedEnvironment {
  readonly name: string;
  readonly doc: string;
  /** The actions of the stopped steps. */
  readonly stops: readonly PreparedAction[];
  /** The fairness groups of Spec that Spec<name> keeps. */
  readonly fairness: readonly FairnessGroup[];
}

/**
 * One weak-fairness condition of `Spec`: the disjunction of the actions
 * that take one step of the model with the same parameters (the built-in
 * engine's groups, `fairnessGroups` in `src/explore/check-scenario.ts`).
 * A group of one action is that action; a larger one gets an operator.
 */
export interface FairnessGroup {
  /** The action's name, or the operator's when the group has several actions. */
  readonly name: string;
  readonly params: readonly (readonly [string, Type])[];
  /** The actions, in declaration order. */
  readonly members: readonly string[];
  readonly strong: boolean;
  /** What the group is, for the operator's comment. */
  readonly doc: string;
}

/** Everything a main module shows. */
export interface PreparedModule {
  readonly name: string;
  readonly source?: string;
  /** Standard modules to extend, in order. */
  readonly extends: readonly string[];
  readonly sets: readonly PlannedSet[];
  readonly constants: readonly (readonly [string, ConstDecl])[];
  readonly vars: readonly FlatVar[];
  /** Whether `BSeq` is used (a bounded sequence in some domain). */
  readonly usesBSeq: boolean;
  /** Names of BSeq's set, bound and length (`S`, `n`, `i` unless the module has those names). */
  readonly bseqParams: readonly [string, string, string];
  readonly init: readonly (readonly [string, Value, Type])[];
  readonly definitions: readonly PreparedDefinition[];
  readonly actions: readonly PreparedAction[];
  readonly fairness: readonly FairnessGroup[];
  readonly invariants: readonly InvariantProperty[];
  readonly liveness: readonly PreparedLiveness[];
  /** Action properties: a predicate over a step (primed variables read the successor), checked as `[][A]_vars`. */
  readonly actionProperties: readonly ActionProperty[];
  /** The environments liveness properties state, each once. */
  readonly environments: readonly PreparedEnvironment[];
}

function pascal(s: string): string {
  return s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => (w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w[0].toUpperCase() + w.slice(1))).join('');
}

/**
 * The fairness groups of a model: fair, non-fault actions grouped by the
 * step they take (or the message type and channel they receive), in order
 * of first action. Names of multi-action groups are claimed in `names`.
 */
function fairnessGroups(fm: FlatModel, actions: readonly PreparedAction[], names: ModuleNames): FairnessGroup[] {
  const groups = new Map<string, { flat: FlatModel['actions'][number]; members: PreparedAction[]; label: string; doc: string }>();
  fm.actions.forEach((a, i) => {
    if (a.fault || a.fairness === 'none') return;
    const o = a.origin;
    const byStep = o.kind === 'env' || o.kind === 'deliver';
    const key = byStep ? `step:${o.step}` : `recv:${o.channel}:${o.event}`;
    const label = byStep ? pascal(o.step ?? a.name) : `Receive${pascal(o.event ?? a.name)}`;
    const doc = byStep ? `the step ${o.step}, whichever transition takes it` : `the ${o.machine} instance${o.instanceParam ? ` ${o.instanceParam}` : ''} takes a ${o.event} message off ${o.channel}, whichever transition handles it`;
    const g = groups.get(key);
    if (g) {
      const same = g.flat.params.length === a.params.length && g.flat.params.every(([p, t], j) => p === a.params[j][0] && JSON.stringify(t) === JSON.stringify(a.params[j][1]));
      if (!same) throw new TlaEmitError('TLA_UNSUPPORTED', `actions ${g.flat.name} and ${a.name} take one step with different parameters`, 'give the transitions of one step the same parameters');
      g.members.push(actions[i]);
    } else groups.set(key, { flat: a, members: [actions[i]], label, doc });
  });
  const labels = new Map<string, number>();
  for (const g of groups.values()) if (g.members.length > 1) labels.set(g.label, (labels.get(g.label) ?? 0) + 1);
  return [...groups.values()].map((g) => {
    const first = g.members[0];
    if (g.members.length === 1) return { name: first.name, params: first.params, members: [first.name], strong: g.flat.fairness === 'strong', doc: g.doc };
    // Two channels carrying one message type would give one label twice: name the channel then.
    const label = (labels.get(g.label) ?? 0) > 1 && g.flat.origin.channel ? `Receive${pascal(g.flat.origin.channel)}${pascal(g.flat.origin.event ?? '')}` : g.label;
    const name = freshName(label, (n) => names.taken(n));
    names.claim(name, `fairness group ${name}`);
    return { name, params: first.params, members: g.members.map((m) => m.name), strong: g.flat.fairness === 'strong', doc: g.doc };
  });
}

/**
 * The environments the liveness properties state, each once (the same name
 * must mean the same steps). The fairness groups whose step is stopped are
 * left out of the environment's Spec.
 */
function environmentsOf(
  fm: FlatModel, properties: readonly Property[], actions: readonly PreparedAction[], fairness: readonly FairnessGroup[], names: ModuleNames,
): PreparedEnvironment[] {
  const out = new Map<string, PreparedEnvironment>();
  for (const p of properties) {
    if (p.kind !== 'liveness' || !p.environment) continue;
    const env = p.environment;
    const prev = out.get(env.name);
    const stopsSet = new Set(env.stops);
    const stops = actions.filter((_, i) => stopsSet.has(fm.actions[i].origin.step ?? ''));
    if (prev) {
      if (prev.stops.map((a) => a.name).join() !== stops.map((a) => a.name).join()) {
        throw new TlaEmitError('TLA_UNSUPPORTED', `environment ${env.name} stops different steps in ${p.name}`, 'give each environment one name and one list of steps');
      }
      continue;
    }
    for (const n of [`${env.name}Stops`, `Spec${env.name}`]) names.claim(n, `environment ${env.name}`);
    const stopped = new Set(stops.map((a) => a.name));
    out.set(env.name, { name: env.name, doc: env.doc, stops, fairness: fairness.filter((g) => !g.members.some((m) => stopped.has(m))) });
  }
  return [...out.values()];
}

/** Calls `visit` with every expression of a temporal formula and every domain it quantifies over. */
function walkTemporal(f: Temporal, visit: (e: Expr) => void, dom: (t: Type) => void): void {
  switch (f.op) {
    case 'leadsTo': walkExpr(f.p, visit); walkExpr(f.q, visit); return;
    case 'forall': dom(f.dom); walkTemporal(f.body, visit, dom); return;
    default: walkExpr(f.p, visit); return;
  }
}

/** Every type the module prints a domain of. */
function typesShown(fm: FlatModel, properties: readonly Property[]): Type[] {
  const types: Type[] = [...fm.vars.map((v) => v.t), ...Object.values(fm.constants).map((c) => c.t)];
  const seenDefs = new Set<Definition>();
  const visit = (e: Expr): void => {
    if (e.op === 'funOf' || e.op === 'filter' || e.op === 'forall' || e.op === 'exists') types.push(e.dom as Type);
    if (e.op === 'call' && !seenDefs.has(e.def)) {
      seenDefs.add(e.def);
      walkExpr(e.def.body, visit);
    }
  };
  for (const a of fm.actions) {
    for (const [, t] of a.params) types.push(t);
    walkExpr(a.sourceGuard, visit);
    for (const [, e] of a.lets) walkExpr(e, visit);
    walkExpr(a.guard, visit);
    walkStmts(a.body, visit);
  }
  for (const p of properties) {
    if (p.kind === 'liveness') walkTemporal(p.formula, visit, (t) => types.push(t));
    else walkExpr(p.expr, visit);
  }
  return types;
}

/** Every definition reachable from the model's raw expressions (a superset of those printed). */
function definitionsReachable(fm: FlatModel, properties: readonly Property[]): Definition[] {
  const roots: Expr[] = [];
  const add = (e: Expr) => roots.push(e);
  for (const a of fm.actions) {
    roots.push(a.sourceGuard, a.guard, ...a.lets.map(([, e]) => e));
    walkStmts(a.body, add);
  }
  for (const p of properties) {
    if (p.kind === 'liveness') walkTemporal(p.formula, add, () => undefined);
    else roots.push(p.expr);
  }
  return collectDefinitions(roots);
}

function typeUses(t: Type, kind: Type['kind']): boolean {
  if (t.kind === kind) return true;
  switch (t.kind) {
    case 'record': return t.fields.some(([, ft]) => typeUses(ft, kind));
    case 'fun': return typeUses(t.key, kind) || typeUses(t.value, kind);
    case 'seq': case 'set': return typeUses(t.elem, kind);
    default: return false;
  }
}

function negativeInts(t: Type): boolean {
  if (t.kind === 'int') return t.lo < 0;
  switch (t.kind) {
    case 'record': return t.fields.some(([, ft]) => negativeInts(ft));
    case 'fun': return negativeInts(t.key) || negativeInts(t.value);
    case 'seq': case 'set': return negativeInts(t.elem);
    default: return false;
  }
}

/** The standard modules the printed expressions and domains need. */
function modulesNeeded(exprs: readonly Expr[], types: readonly Type[]): string[] {
  let ints = types.some((t) => typeUses(t, 'int') || typeUses(t, 'seq'));
  let negative = types.some(negativeInts);
  let seqs = false;
  let card = false;
  const visit = (e: Expr): void => {
    switch (e.op) {
      case 'lt': case 'le': case 'gt': case 'ge': case 'add': case 'sub': ints = true; break;
      case 'len': case 'head': case 'tail': case 'append': seqs = true; break;
      case 'card': card = true; break;
      case 'lit': if (typeof e.value === 'number' && e.value < 0) negative = true; break;
      default: break;
    }
    if (e.op === 'sub' || e.op === 'len') ints = true;
  };
  for (const e of exprs) walkExpr(e, visit);
  const out: string[] = [];
  if (negative) out.push('Integers');
  else if (ints) out.push('Naturals');
  if (seqs) out.push('Sequences');
  if (card) out.push('FiniteSets');
  return out;
}

/** Renames the quantifier of a temporal formula (and of the predicates under it) away from clashes. */
function cleanTemporal(f: Temporal, scope: ReadonlySet<string>, names: ModuleNames): Temporal {
  switch (f.op) {
    case 'leadsTo': return { ...f, p: hygienic(f.p, scope, names), q: hygienic(f.q, scope, names) };
    case 'forall': {
      const bind = freshName(f.bind, (n) => scope.has(n) || names.taken(n));
      const body = bind === f.bind ? f.body : renameInTemporal(f.body, f.bind, boundRef(bind, f.dom));
      return { ...f, bind, body: cleanTemporal(body, new Set([...scope, bind]), names) };
    }
    default: return { ...f, p: hygienic(f.p, scope, names) };
  }
}

function renameInTemporal(f: Temporal, from: string, to: Expr): Temporal {
  const s = (e: Expr) => substitute(e, new Map(), new Map([[from, to]]));
  switch (f.op) {
    case 'leadsTo': return { ...f, p: s(f.p), q: s(f.q) };
    case 'forall': return f.bind === from ? f : { ...f, body: renameInTemporal(f.body, from, to) };
    default: return { ...f, p: s(f.p) };
  }
}

function temporalExprs(f: Temporal): Expr[] {
  const out: Expr[] = [];
  const collect = (g: Temporal): void => {
    if (g.op === 'leadsTo') out.push(g.p, g.q);
    else if (g.op === 'forall') collect(g.body);
    else out.push(g.p);
  };
  collect(f);
  return out;
}

/**
 * Decides everything a main module shows (see the module comment). Fails
 * with `TLA_NAME_CLASH` or `TLA_UNSUPPORTED` when the model cannot be
 * printed as one TLA+ module.
 */
export function prepareModule(fm: FlatModel, properties: readonly Property[], options: EmitOptions = {}): TlaResult<PreparedModule> {
  return catchEmit(() => {
    const names = new ModuleNames();
    names.claim(fm.name, 'the module');
    for (const n of FIXED_NAMES) names.claim(n, `the emitter's ${n}`);
    for (const v of fm.vars) names.claim(v.name, `variable ${v.name}`);
    for (const c of Object.keys(fm.constants)) names.claim(c, `constant ${c}`);
    for (const a of fm.actions) names.claim(a.name, `action ${a.name}`);
    for (const p of properties) names.claim(p.name, `property ${p.name}`);

    const types = typesShown(fm, properties);
    const sets = planSets(fm, types, new Set(options.constantSets ?? []));
    for (const s of sets) names.claim(s.name, `set ${s.name}`);
    for (const d of definitionsReachable(fm, properties)) names.claim(d.name, `definition ${d.name}`);

    const actions = fm.actions.map((a) => prepareAction(a, fm.vars, names));
    const fairness = fairnessGroups(fm, actions, names);
    const invariants = properties
      .filter((p): p is InvariantProperty => p.kind === 'invariant')
      .map((p) => ({ ...p, expr: hygienic(p.expr, new Set(), names) }));
    const liveness = properties
      .filter((p): p is LivenessProperty => p.kind === 'liveness')
      .map((p) => ({ name: p.name, doc: p.doc, formula: cleanTemporal(p.formula, new Set(), names), ...(p.environment ? { environment: p.environment.name } : {}) }));
    const environments = environmentsOf(fm, properties, actions, fairness, names);
    const actionProperties = properties
      .filter((p): p is ActionProperty => p.kind === 'action')
      .map((p) => ({ ...p, expr: hygienic(p.expr, new Set(), names) }));

    const printed: Expr[] = [];
    for (const a of actions) printed.push(...a.source, ...a.lets.map(([, e]) => e), ...a.guard, ...a.updates.map(([, e]) => e));
    for (const p of invariants) printed.push(p.expr);
    for (const p of actionProperties) printed.push(p.expr);
    for (const p of liveness) printed.push(...temporalExprs(p.formula));
    const definitions = collectDefinitions(printed).map((d): PreparedDefinition => {
      const pn = parameterNames(d.params, names);
      const body = hygienic(pn.rename.size > 0 ? substitute(d.body, new Map(), pn.rename) : d.body, new Set(pn.names), names);
      return { name: d.name, params: d.params.map(([, t], i) => [pn.names[i], t] as const), body, ...(d.doc ? { doc: d.doc } : {}) };
    });

    const allExprs = [...printed, ...definitions.map((d) => d.body)];
    const usesBSeq = types.some((t) => typeUses(t, 'seq'));
    const pick = (n: string) => freshName(n, (x) => names.taken(x));
    return {
      name: fm.name,
      ...(options.source ? { source: options.source } : {}),
      extends: modulesNeeded(allExprs, [...fm.vars.map((v) => v.t), ...Object.values(fm.constants).map((c) => c.t)]),
      sets,
      constants: Object.entries(fm.constants),
      vars: fm.vars,
      usesBSeq,
      bseqParams: [pick('S'), pick('n'), pick('i')],
      init: fm.vars.map((v) => [v.name, fm.init[v.name], v.t] as const),
      definitions,
      actions,
      fairness,
      invariants,
      actionProperties,
      liveness,
      environments,
    };
  });
}

/** The named enumerations of a module that are declared as constants. */
export function constantSetsOf(m: PreparedModule): EnumType[] {
  return m.sets.filter((s) => s.constant).map((s) => ({ kind: 'enum', values: s.values, name: s.name }));
}
