/**
 * Reference semantics of a system through XState itself: each step builds
 * the receiving instance's snapshot from the flat variables, lets XState's
 * pure `transition()` choose and run the transition, and writes the result
 * back. This is what the interpreted and compiled semantics are tested
 * against; it is slow and meant to be.
 */
import { type AnyStateMachine, transition } from 'xstate';
import { type Expr, type Value, EvalError, evaluate, execute, isMember, lit, showType } from '../dsl/index.js';
import type { ActionLabel, FlatAction, FlatModel, State } from './flat-model.js';
import { applyAction, paramTuples } from './interpret.js';
import type { MachineModel } from './machine-model.js';
import type { ModelInterface } from './model-interface.js';
import { regionsOf, stateValueOf } from './statechart.js';
import { type EmittedSend, SELF_FIELD, SEND_EVENT } from './xstate-dsl.js';

interface Group {
  readonly key: string;
  readonly actions: FlatAction[];
}

function groupKey(a: FlatAction): string {
  const o = a.origin;
  if (o.kind === 'env') return `env/${a.name}`;
  if (o.kind === 'deliver' || (o.kind === 'ignore' && o.step !== undefined)) return `deliver/${o.step}`;
  return `receive/${o.channel}/${o.event}`;
}

/** The snapshot of one instance, rebuilt from the flat state. */
export function snapshotOf(m: MachineModel, s: State, id: string, indexed: boolean) {
  const read = (f: string): Value => (indexed ? (s[f] as Record<string, Value>)[id] : s[f]);
  const value = stateValueOf(m, (rv) => read(rv) as string);
  const context: Record<string, unknown> = { [SELF_FIELD]: id };
  for (const f of Object.keys(m.context)) context[f] = read(f);
  return (m.xstate as AnyStateMachine).resolveState({ value: value as never, context });
}

/** The XState-driven semantics of a flat model's system, as a `ModelInterface`. */
export function xstateModel(fm: FlatModel): ModelInterface {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const a of fm.actions) {
    const k = groupKey(a);
    let g = byKey.get(k);
    if (!g) { g = { key: k, actions: [] }; byKey.set(k, g); groups.push(g); }
    g.actions.push(a);
  }
  const machines = new Map(fm.machines.map((m) => [m.id, m]));
  const indexedMachine = new Map(fm.vars.filter((v) => v.owner.kind === 'machine').map((v) => [(v.owner as { machine: string }).machine, (v.owner as { indexed: boolean }).indexed]));
  const byName = new Map(fm.actions.map((a) => [a.name, a]));
  const tuples = new Map(groups.map((g) => [g.key, paramTuples(g.actions[0].params)]));
  const env = (s: State, bound: Record<string, Value>) => ({ readVar: (n: string) => s[n], consts: fm.constValues, bound });

  /** Source guard, lets, receiving instance and the XState event; undefined when the source is not enabled. */
  function prepare(a: FlatAction, s: State, params: Readonly<Record<string, Value>>) {
    const bound: Record<string, Value> = { ...params };
    if (evaluate(a.sourceGuard, env(s, bound)) !== true) return undefined;
    for (const [n, e] of a.lets) bound[n] = evaluate(e, env(s, bound));
    const o = a.origin;
    const m = machines.get(o.machine!)!;
    const id = String(evaluate(o.to as Expr, env(s, bound)));
    let event: Record<string, unknown>;
    if (o.kind === 'deliver') {
      event = { type: o.event };
      for (const f of Object.keys(m.events[o.event!])) event[f] = bound[`${o.step}_${f}`];
    } else {
      event = { ...(bound.m as Record<string, unknown>) };
    }
    return { bound, m, id, event: event as { type: string } };
  }

  function selected(m: MachineModel, snap: ReturnType<typeof snapshotOf>, event: { type: string }): string | undefined {
    const data = (m.xstate as AnyStateMachine).getTransitionData(snap as never, event as never);
    if (data.length === 0) return undefined;
    if (data.length > 1) throw new EvalError(`${m.id}: XState selected ${data.length} transitions for ${event.type}`);
    const td = data[0] as unknown as { source: { path: string[] }; eventType: string };
    const src = td.source.path.join('.');
    const cands = m.transitions.filter((t) => t.source.id === src && t.event === td.eventType);
    const node = src === '' ? (m.xstate as AnyStateMachine).root : (m.xstate as AnyStateMachine).getStateNodeById(`${m.id}.${src}`);
    const idx = (node.transitions.get(td.eventType) ?? []).indexOf(data[0] as never);
    return cands.find((t) => t.index === idx)?.name;
  }

  return {
    initStates: () => [fm.init],
    actions(s) {
      const out: ActionLabel[] = [];
      for (const g of groups) {
        const first = g.actions[0];
        for (const params of tuples.get(g.key)!) {
          if (first.origin.kind === 'env') {
            if (evaluate(first.sourceGuard, env(s, { ...params })) === true) out.push({ name: first.name, params });
            continue;
          }
          const p = prepare(first, s, params);
          if (!p) continue;
          const tname = selected(p.m, snapshotOf(p.m, s, p.id, indexedMachine.get(p.m.id)!), p.event);
          const a = tname !== undefined
            ? g.actions.find((x) => x.origin.transition === tname)
            : g.actions.find((x) => x.origin.kind === 'ignore');
          // a transition whose messages would not fit waits (see ChannelDecl.capacity)
          if (a && (a.room === undefined || evaluate(a.room, env(s, p.bound)) === true)) out.push({ name: a.name, params });
        }
      }
      // Deterministic order: the flat model's action order, then parameters.
      const order = new Map(fm.actions.map((a, i) => [a.name, i]));
      return out.sort((x, y) => order.get(x.name)! - order.get(y.name)!);
    },
    next(s, label) {
      const a = byName.get(label.name);
      if (!a) throw new EvalError(`unknown action ${label.name}`);
      if (a.origin.kind === 'env') return applyAction(fm, a, s, label.params);
      const p = prepare(a, s, label.params);
      if (!p) throw new EvalError(`${a.name} is not enabled`);
      const work: Record<string, Value> = { ...s };
      const write = { writeVar: (n: string, v: Value) => { work[n] = v; } };
      // 1. the step's own updates (environment and channel variables; also when the machine drops the
      // step's event) or the consumed message
      if (a.origin.kind === 'deliver' || a.origin.step !== undefined) {
        const step = fm.decl.steps.find((x) => x.name === a.origin.step)!;
        const bexprs = Object.fromEntries(a.params.map(([n, t]) => [n, { op: 'bound', t, name: n } as Expr]));
        execute(step.updates ? step.updates(bexprs) : [], { readVar: (n) => work[n], consts: fm.constValues, bound: p.bound }, write);
      } else {
        execute([a.body[0]], { readVar: (n) => work[n], consts: fm.constValues, bound: p.bound }, write);
      }
      if (a.origin.kind === 'ignore') return work;
      // 2. the machine transition, by XState
      const indexed = indexedMachine.get(p.m.id)!;
      const snap = snapshotOf(p.m, s, p.id, indexed);
      const [nextSnap, execs] = transition(p.m.xstate as AnyStateMachine, snap as never, p.event as never);
      const regions = regionsOf(p.m, nextSnap.value);
      const ctx = nextSnap.context as Record<string, Value>;
      for (const [f, t] of p.m.vars) {
        const v = f in regions ? regions[f] : ctx[f];
        if (!isMember(t, v)) throw new EvalError(`${p.m.id}.${f} = ${JSON.stringify(v)} is outside ${showType(t)}`);
        work[f] = indexed ? { ...(work[f] as Record<string, Value>), [p.id]: v } : v;
      }
      // 3. messages, in the order they were emitted
      for (const ex of execs as unknown as { type: string; params?: { event?: EmittedSend } }[]) {
        const ev = ex.params?.event;
        if (ex.type !== 'xstate.emit' || !ev || ev.type !== SEND_EVENT) continue;
        const ch = fm.decl.channels[ev.channel];
        const chVal = work[ev.channel];
        const recvIndexed = !Array.isArray(chVal);
        const slot = (recvIndexed ? (chVal as Record<string, Value>)[String(ev.to)] : chVal) as Value[];
        const toT = { kind: 'enum', values: [String(ev.to)] } as const;
        const accepts = ch.accepts ? evaluate(ch.accepts(lit(ev.to, toT)), { readVar: (n) => work[n], consts: fm.constValues }) === true : true;
        if (!accepts) continue;
        if (slot.length >= ch.capacity) {
          // a fair step's message that does not fit: the run is inconclusive (see ChannelDecl.capacity)
          if (ch.overflow === undefined) continue;
          work[ch.overflow] = true;
          continue;
        }
        const nextSlot = [...slot, ev.msg];
        work[ev.channel] = recvIndexed ? { ...(chVal as Record<string, Value>), [String(ev.to)]: nextSlot } : nextSlot;
      }
      return work;
    },
  };
}
