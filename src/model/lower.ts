/**
 * Flattens a system: every machine variable of every instance becomes a
 * system variable (a function over the instance ids for an instanced
 * machine), every (step, transition) pair becomes one named action, and
 * every message type of a channel becomes receive actions plus one "ignored"
 * action for when no transition takes the message.
 */
import { initialTransition } from 'xstate';
import {
  type EnumType, type Expr, type Stmt, type Type, type Value,
  add, and, app, append, assign, bound, constant, eq, field, funT, gt, head, implies, isMember, len, lit, lt,
  mapExpr, not, or, seqT, showType, tail, variable, when,
} from '../dsl/index.js';
import { ModelError } from './errors.js';
import type { ActionOrigin, FlatAction, FlatModel, FlatVar } from './flat-model.js';
import type { MachineModel } from './machine-model.js';
import { readMachine } from './read-machine.js';
import { pascal } from './names.js';
import { enabledCondition, regionsOf, transitionEffect } from './statechart.js';
import type { ChannelDecl, InstanceDecl, StepDecl, SystemDecl } from './system.js';
import { SELF_FIELD } from './xstate-dsl.js';

/** An instance declaration with its machine read. */
export interface LoweredInstance {
  readonly decl: InstanceDecl;
  readonly model: MachineModel;
  /** Instance ids, in order. */
  readonly ids: readonly string[];
  /** The ids' domain when the machine is instanced, undefined for a singleton. */
  readonly idType: EnumType | undefined;
  readonly param: string;
}

/** Name of the `let` that holds the message being received. */
export const MSG_LET = 'm';


/** Reads every machine of the system and names its instances. */
export function lowerInstances(sys: SystemDecl): LoweredInstance[] {
  return sys.instances.map((decl) => {
    const model = readMachine(decl.def);
    const idType = typeof decl.ids === 'string' ? undefined : decl.ids;
    const ids = typeof decl.ids === 'string' ? [decl.ids] : [...decl.ids.values];
    return { decl, model, ids, idType, param: decl.param ?? 'i' };
  });
}

/** The system variable type of a machine field. */
function varType(inst: LoweredInstance, t: Type): Type {
  return inst.idType ? funT(inst.idType, t) : t;
}

/**
 * Rewrites a machine-level expression for one instance: context fields and
 * regions become (applications of) system variables, `self` the instance,
 * event fields whatever `evField` says.
 */
export function lowerExpr(inst: LoweredInstance, e: Expr, selfE: Expr, evField: (f: string, t: Type) => Expr): Expr {
  const types = new Map(inst.model.vars);
  return mapExpr(e, (x) => {
    if (x.op === 'ctx') {
      const t = types.get(x.field);
      if (!t) throw new ModelError('BAD_SYSTEM', { machine: inst.model.id, item: `context field '${x.field}'` }, 'the field is not declared in the machine definition', 'declare it in context');
      const v = variable(x.field, varType(inst, t));
      return inst.idType ? app(v, selfE) : v;
    }
    if (x.op === 'self') return selfE;
    if (x.op === 'ev') return evField(x.field, x.t);
    return x;
  });
}

function lowerStmts(inst: LoweredInstance, stmts: readonly Stmt[], selfE: Expr, evField: (f: string, t: Type) => Expr, sys: SystemDecl): Stmt[] {
  const le = (e: Expr) => lowerExpr(inst, e, selfE, evField);
  return stmts.map((s): Stmt => {
    switch (s.kind) {
      case 'assign': {
        if (s.target.kind !== 'ctx') throw new ModelError('BAD_SYSTEM', { machine: inst.model.id, item: `variable '${s.target.name}'` }, 'a machine may assign only its own context', 'send a message or let a system step update the variable');
        const place = le({ op: 'ctx', t: s.target.t, field: s.target.field });
        return assign(place, le(s.value));
      }
      case 'when': return when(le(s.cond), lowerStmts(inst, s.then, selfE, evField, sys), lowerStmts(inst, s.else, selfE, evField, sys));
      case 'send': {
        const ch = sys.channels[s.channel];
        if (!ch) throw new ModelError('BAD_SYSTEM', { machine: inst.model.id, item: `channel '${s.channel}'` }, 'no such channel in the system', 'declare it in the system channels');
        const to = le(s.to);
        const chVar = channelVar(sys, s.channel);
        const slot = chVar.indexed ? app(chVar.expr, to) : chVar.expr;
        const accepts = ch.accepts ? ch.accepts(to) : undefined;
        // an unfair step is guaranteed room by its guard (see roomGuard); a fair one may overflow
        const room = lt(len(slot), capacityOf(ch));
        const overflow = ch.overflow === undefined ? [] : [assign(variable(ch.overflow, sys.envVars[ch.overflow].t), lit(true, { kind: 'bool' }))];
        return when(accepts ?? and(), [when(room, [assign(slot, append(slot, le(s.msg)))], overflow)]);
      }
    }
  });
}

/** The variable of a channel and whether it is indexed by receiver. */
export function channelVar(sys: SystemDecl, name: string): { expr: Expr; indexed: boolean; t: Type } {
  const ch = sys.channels[name];
  const recv = sys.instances.find((i) => i.def.machine.id === ch.to);
  if (!recv) throw new ModelError('BAD_SYSTEM', { machine: ch.to, item: `channel '${name}'` }, 'the channel goes to a machine that is not instantiated', 'instantiate the machine or fix the channel');
  const st = seqT(ch.msg, ch.capacity, ch.capacityName);
  const indexed = typeof recv.ids !== 'string';
  const t = indexed ? funT(recv.ids as EnumType, st) : st;
  return { expr: variable(name, t), indexed, t };
}

/** A channel's capacity as an expression: its constant when it has one, else the number. */
function capacityOf(ch: ChannelDecl): Expr {
  const t = { kind: 'int', lo: ch.capacity, hi: ch.capacity } as const;
  return ch.capacityName === undefined ? lit(ch.capacity, t) : constant(ch.capacityName, t);
}

/** `e` with context fields replaced by the values the statements before it assigned. */
function substituteContext(e: Expr, assigned: ReadonlyMap<string, Expr>): Expr {
  if (assigned.size === 0) return e;
  return mapExpr(e, (x) => (x.op === 'ctx' && assigned.has(x.field) ? assigned.get(x.field)! : x));
}

const isTrue = (e: Expr): boolean => e.op === 'lit' && e.value === true;
const isFalse = (e: Expr): boolean => e.op === 'lit' && e.value === false;

/**
 * The guard that keeps an unfair transition's sends within the channels'
 * capacity, less the channel's reserve (machine-level, before lowering):
 * along every path through the statements, a send that is the k-th to its
 * channel slot on that path needs `Len(slot) < capacity - reserve - k + 1`
 * whenever the path is taken. Paths are followed symbolically (conditions
 * read the values earlier statements assigned), so a conditional send asks
 * for room only when it happens.
 */
function roomRequirements(sys: SystemDecl, stmts: readonly Stmt[]): Expr[] {
  const out: Expr[] = [];
  const walk = (list: readonly Stmt[], assigned: ReadonlyMap<string, Expr>, path: readonly Expr[], counts: ReadonlyMap<string, number>): void => {
    if (list.length === 0) return;
    const [s, ...rest] = list;
    switch (s.kind) {
      case 'assign': {
        if (s.target.kind !== 'ctx') return walk(rest, assigned, path, counts);
        const next = new Map(assigned);
        next.set(s.target.field, substituteContext(s.value, assigned));
        return walk(rest, next, path, counts);
      }
      case 'when': {
        const c = substituteContext(s.cond, assigned);
        if (!isFalse(c)) walk([...s.then, ...rest], assigned, isTrue(c) ? path : [...path, c], counts);
        if (!isTrue(c)) walk([...s.else, ...rest], assigned, isFalse(c) ? path : [...path, not(c)], counts);
        return;
      }
      case 'send': {
        const ch = sys.channels[s.channel];
        const cv = channelVar(sys, s.channel);
        const to = substituteContext(s.to, assigned);
        const slot = cv.indexed ? app(cv.expr, to) : cv.expr;
        const key = JSON.stringify(slot);
        const before = counts.get(key) ?? 0;
        const taken = (ch.reserve ?? 0) + before;
        const room = taken >= ch.capacity ? lit(false, { kind: 'bool' })
          : taken === 0 ? lt(len(slot), capacityOf(ch))
          : lt(add(len(slot), lit(taken, { kind: 'int', lo: taken, hi: taken })), capacityOf(ch));
        out.push(path.length === 0 ? room : implies(and(...path), room));
        return walk(rest, assigned, path, new Map(counts).set(key, before + 1));
      }
    }
  };
  walk(stmts, new Map(), [], new Map());
  return out;
}

/** The room requirements of a transition's effect, lowered for one instance (see `roomRequirements`). */
function roomGuard(sys: SystemDecl, inst: LoweredInstance, stmts: readonly Stmt[], selfE: Expr, evField: (f: string, t: Type) => Expr): Expr[] {
  return roomRequirements(sys, stmts).map((e) => lowerExpr(inst, e, selfE, evField));
}

function paramsOf(step: StepDecl): { list: [string, Type][]; exprs: Record<string, Expr> } {
  const list = Object.entries(step.params ?? {}) as [string, Type][];
  return { list, exprs: Object.fromEntries(list.map(([p, t]) => [p, bound(p, t)])) };
}

function checkEnvOnly(sys: SystemDecl, stmts: readonly Stmt[], step: string): void {
  for (const s of stmts) {
    if (s.kind === 'assign' && s.target.kind === 'var' && !(s.target.name in sys.envVars) && !(s.target.name in sys.channels)) {
      throw new ModelError('BAD_SYSTEM', { machine: '(system)', item: `step '${step}'` }, `a step assigns '${s.target.name}', which belongs to a machine`, 'deliver an event to the machine instead');
    }
    if (s.kind === 'when') { checkEnvOnly(sys, s.then, step); checkEnvOnly(sys, s.else, step); }
    if (s.kind === 'send') throw new ModelError('BAD_SYSTEM', { machine: '(system)', item: `step '${step}'` }, 'a step cannot send; only machines send', 'deliver an event to a machine that sends');
  }
}

/** Flattens a system into variables, an initial state and actions. */
export function lowerSystem(sys: SystemDecl): FlatModel {
  const insts = lowerInstances(sys);
  const byMachine = new Map(insts.map((i) => [i.model.id, i]));
  const constValues = Object.fromEntries(Object.entries(sys.constants).map(([k, c]) => [k, c.value]));

  // ---- variables
  const vars: FlatVar[] = [];
  const seen = new Set<string>([...Object.keys(sys.constants)]);
  const claim = (name: string, what: string) => {
    if (seen.has(name)) throw new ModelError('NAME_CLASH', { machine: what, item: `'${name}'` }, 'two variables or constants of the system have the same name', 'rename one of them');
    seen.add(name);
  };
  for (const inst of insts) {
    for (const [f, t] of inst.model.vars) {
      claim(f, inst.model.id);
      vars.push({ name: f, t: varType(inst, t), owner: { kind: 'machine', machine: inst.model.id, field: f, region: f in inst.model.regionTypes, indexed: !!inst.idType }, ...(sys.varDocs?.[f] ? { doc: sys.varDocs[f] } : {}) });
    }
  }
  for (const [name, ch] of Object.entries(sys.channels)) {
    claim(name, 'channel');
    const cv = channelVar(sys, name);
    vars.push({ name, t: cv.t, owner: { kind: 'channel', channel: name, indexed: cv.indexed }, ...(ch.doc ? { doc: ch.doc } : {}) });
  }
  for (const [name, v] of Object.entries(sys.envVars)) {
    claim(name, 'environment');
    vars.push({ name, t: v.t, owner: { kind: 'env' }, ...(v.doc ? { doc: v.doc } : {}) });
  }

  // ---- initial state, from XState's own initial snapshots
  const init: Record<string, Value> = {};
  for (const inst of insts) {
    const perId = inst.ids.map((id) => {
      const [snap] = initialTransition(inst.model.xstate, { ...(inst.decl.input?.(id) ?? {}), [SELF_FIELD]: id });
      return { id, regions: regionsOf(inst.model, snap.value), context: snap.context as Record<string, Value> };
    });
    for (const [f, t] of inst.model.vars) {
      const valueOf = (p: (typeof perId)[number]) => (f in inst.model.regionTypes ? p.regions[f] : p.context[f]);
      const v: Value = inst.idType ? Object.fromEntries(perId.map((p) => [p.id, valueOf(p)])) : valueOf(perId[0]);
      init[f] = v;
      if (!isMember(varType(inst, t), v)) throw new ModelError('BAD_SYSTEM', { machine: inst.model.id, item: `initial ${f}` }, `initial value ${JSON.stringify(v)} is outside ${showType(varType(inst, t))}`, 'fix the machine context');
    }
  }
  for (const [name] of Object.entries(sys.channels)) {
    const cv = channelVar(sys, name);
    init[name] = cv.indexed ? Object.fromEntries((cv.t as { key: EnumType }).key.values.map((k) => [k, []])) : [];
  }
  for (const [name, v] of Object.entries(sys.envVars)) {
    if (!isMember(v.t, v.init)) throw new ModelError('BAD_SYSTEM', { machine: '(environment)', item: name }, `initial value is outside ${showType(v.t)}`, 'fix the declaration');
    init[name] = v.init;
  }

  // ---- actions
  const actions: FlatAction[] = [];
  const deliverCount = new Map<string, number>();
  for (const s of sys.steps) if (s.deliver) deliverCount.set(`${s.deliver.machine}/${s.deliver.event}`, (deliverCount.get(`${s.deliver.machine}/${s.deliver.event}`) ?? 0) + 1);

  for (const step of sys.steps) {
    const { list, exprs } = paramsOf(step);
    const srcGuard = step.guard ? step.guard(exprs) : and();
    const updates = step.updates ? [...step.updates(exprs)] : [];
    // a mutation (a deliberately broken model, see StepDecl.mutation) may write what machines own
    if (step.mutation === undefined) checkEnvOnly(sys, updates, step.name);
    const common = { params: list, fault: !!step.fault, fairness: step.fault ? 'none' as const : step.fairness ?? 'weak', ...(step.doc ? { doc: step.doc } : {}) };
    if (!step.deliver) {
      actions.push({ name: step.name, sourceGuard: srcGuard, lets: [], guard: and(), body: updates, origin: { kind: 'env', step: step.name }, ...common });
      continue;
    }
    const d = step.deliver;
    const inst = byMachine.get(d.machine);
    if (!inst) throw new ModelError('BAD_SYSTEM', { machine: d.machine, item: `step '${step.name}'` }, 'the step delivers to a machine that is not instantiated', 'instantiate it');
    const schema = inst.model.events[d.event];
    if (!schema) throw new ModelError('UNDECLARED_EVENT', { machine: d.machine, event: d.event, item: `step '${step.name}'` }, 'the machine does not declare this event', 'declare it in the machine definition');
    const payload = d.payload ? d.payload(exprs) : {};
    const lets: [string, Expr][] = Object.keys(schema).map((f) => {
      if (!payload[f]) throw new ModelError('BAD_SYSTEM', { machine: d.machine, event: d.event, item: `step '${step.name}' payload field '${f}'` }, 'the step gives no value for a payload field', 'add it to the payload');
      return [`${step.name}_${f}`, payload[f]];
    });
    const evField = (f: string, t: Type) => bound(`${step.name}_${f}`, t);
    const to = d.to(exprs);
    const transitions = inst.model.transitions.filter((t) => t.event === d.event);
    const shared = (deliverCount.get(`${d.machine}/${d.event}`) ?? 0) > 1;
    const taken: Expr[] = [];
    for (const t of transitions) {
      const origin: ActionOrigin = { kind: 'deliver', step: step.name, machine: d.machine, event: d.event, transition: t.name, ...instanceRef(inst, to) };
      const enabled = lowerExpr(inst, enabledCondition(inst.model, t), to, evField);
      taken.push(enabled);
      const effect = transitionEffect(inst.model, t);
      const room = common.fairness === 'none' ? roomGuard(sys, inst, effect, to, evField) : [];
      actions.push({
        // A step that one transition takes is named after the step; otherwise
        // after the transition (prefixed by the step when others share the event).
        name: transitions.length === 1 && !step.ignorable ? step.name : shared ? `${step.name}${t.name}` : t.name,
        sourceGuard: srcGuard,
        lets,
        guard: and(enabled, ...room),
        ...(room.length > 0 ? { room: and(...room) } : {}),
        body: [...updates, ...lowerStmts(inst, effect, to, evField, sys)],
        origin,
        ...common,
      });
    }
    if (step.ignorable) {
      actions.push({
        name: `${step.name}Ignored`,
        sourceGuard: srcGuard,
        lets,
        guard: taken.length > 0 ? not(or(...taken)) : and(),
        // the machine takes no transition, but what the step does to the environment still happens
        body: updates,
        origin: { kind: 'ignore', step: step.name, machine: d.machine, event: d.event, ...instanceRef(inst, to) },
        ...common,
        fairness: 'none',
        doc: `${d.machine} drops ${d.event} where no transition takes it (only ${step.name}'s own updates apply)`,
      });
    }
  }

  for (const [chName, ch] of Object.entries(sys.channels)) {
    const inst = byMachine.get(ch.to)!;
    const cv = channelVar(sys, chName);
    const n = bound(inst.param, inst.idType ?? ({ kind: 'enum', values: inst.ids } as EnumType));
    const selfE = inst.idType ? n : lit(inst.ids[0], { kind: 'enum', values: inst.ids } as EnumType);
    const slot = cv.indexed ? app(cv.expr, selfE) : cv.expr;
    const params: [string, Type][] = inst.idType ? [[inst.param, inst.idType]] : [];
    const typeT = ch.msg.fields.find(([f]) => f === 'type')?.[1];
    if (!typeT || typeT.kind !== 'enum') throw new ModelError('BAD_SYSTEM', { machine: ch.to, item: `channel '${chName}'` }, "the message record needs an enumeration field 'type'", 'add it');
    const m = bound(MSG_LET, ch.msg);
    for (const evType of ch.carries ?? typeT.values) {
      const srcGuard = and(
        gt(len(slot), lit(0, { kind: 'int', lo: 0, hi: 0 })),
        ...(ch.deliverWhen ? [ch.deliverWhen(selfE)] : []),
        eq(field(head(slot), 'type'), lit(evType, typeT)));
      const consume = assign(slot, tail(slot));
      const transitions = inst.model.transitions.filter((t) => t.event === evType);
      const schema = inst.model.events[evType] ?? {};
      for (const f of Object.keys(schema)) {
        if (!ch.msg.fields.some(([k]) => k === f)) throw new ModelError('BAD_SYSTEM', { machine: ch.to, event: evType, item: `payload field '${f}'` }, `the channel '${chName}' messages have no such field`, 'add the field to the message type');
      }
      const evField = (f: string) => field(m, f);
      const enabled: Expr[] = [];
      const fair = ch.fairness ?? 'weak';
      for (const t of transitions) {
        const g = lowerExpr(inst, enabledCondition(inst.model, t), selfE, evField);
        enabled.push(g);
        const effect = transitionEffect(inst.model, t);
        const room = fair === 'none' ? roomGuard(sys, inst, effect, selfE, evField) : [];
        actions.push({
          name: t.name, params, sourceGuard: srcGuard, lets: [[MSG_LET, head(slot)]], guard: and(g, ...room),
          ...(room.length > 0 ? { room: and(...room) } : {}),
          body: [consume, ...lowerStmts(inst, effect, selfE, evField, sys)],
          fault: false, fairness: fair,
          origin: { kind: 'receive', channel: chName, machine: ch.to, event: evType, transition: t.name, ...instanceRef(inst, selfE) },
        });
      }
      actions.push({
        name: `Ignore${pascal(evType)}`, params, sourceGuard: srcGuard, lets: [[MSG_LET, head(slot)]],
        guard: enabled.length ? not(or(...enabled)) : and(),
        body: [consume], fault: false, fairness: fair,
        origin: { kind: 'ignore', channel: chName, machine: ch.to, event: evType, ...instanceRef(inst, selfE) },
        doc: `${ch.to} drops a ${evType} message that no transition takes`,
      });
    }
  }

  const names = new Set<string>();
  for (const a of actions) {
    if (names.has(a.name)) throw new ModelError('NAME_CLASH', { machine: a.origin.machine ?? '(system)', item: `action '${a.name}'` }, 'two actions of the system have the same name', 'rename a step or a state');
    names.add(a.name);
  }
  return { name: sys.name, constants: sys.constants, constValues, vars, init, actions, sets: sys.sets ?? [], machines: insts.map((i) => i.model), decl: sys };
}

function instanceRef(inst: LoweredInstance, to: Expr): Pick<ActionOrigin, 'instanceParam' | 'instance' | 'to'> {
  if (!inst.idType) return { instance: inst.ids[0], to };
  if (to.op === 'bound') return { instanceParam: to.name, to };
  if (to.op === 'lit') return { instance: String(to.value), to };
  return { to };
}

