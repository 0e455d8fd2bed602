/**
 * Reads an XState v5 machine into the model representation, enforcing the
 * supported subset: atomic, compound and parallel states, guarded
 * transitions, entry/exit actions, context updates and messages, all built
 * from the DSL. Anything else is refused with an error naming the machine,
 * state, event and offending item.
 */
import type { AnyStateMachine } from 'xstate';
import { type EnumType, type Expr, type Stmt, type Type, enumT } from '../dsl/index.js';
import { ModelError } from './errors.js';
import { type MachineModel, OFF, type StateInfo, type TransitionInfo } from './machine-model.js';
import { dslTag } from './xstate-dsl.js';
import { pascal } from './names.js';

/** What a model author declares next to an XState machine. */
export interface MachineDefinition {
  readonly machine: AnyStateMachine;
  /** Domains of the context fields (every field must be declared). */
  readonly context: Readonly<Record<string, Type>>;
  /** Payload schema of each event type the machine handles. */
  readonly events: Readonly<Record<string, Readonly<Record<string, Type>>>>;
}

// XState's state node, reduced to what the reader looks at.
interface XNode {
  key: string;
  path: string[];
  type: string;
  states: Record<string, XNode>;
  initial?: { target: XNode[] };
  entry: unknown[];
  exit: unknown[];
  invoke: unknown[];
  after: unknown[];
  always?: unknown[];
  transitions: Map<string, XTransition[]>;
  config: Record<string, unknown>;
}
interface XTransition {
  target?: XNode[];
  actions: unknown[];
  guard?: unknown;
  reenter: boolean;
  eventType: string;
}


/**
 * Reads a machine. Throws `ModelError` for anything outside the supported
 * subset.
 */
export function readMachine(def: MachineDefinition): MachineModel {
  const m = def.machine;
  const id = m.id;
  const impl = m.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown> };
  const states: StateInfo[] = [];
  const regionTypes: Record<string, EnumType> = {};
  const xnodes = new Map<StateInfo, XNode>();

  const stateId = (n: XNode) => n.path.join('.');

  function readActions(items: readonly unknown[], where: { state: string; event?: string; what: string }): { stmts: Stmt[][]; names: string[] } {
    const stmts: Stmt[][] = [];
    const names: string[] = [];
    for (const item of items) {
      const site = { machine: id, state: where.state, event: where.event };
      if (typeof item === 'function') {
        const tag = dslTag(item);
        const type = (item as { type?: string }).type;
        if (type === 'xstate.spawnChild') {
          throw new ModelError('UNSUPPORTED_SPAWN', { ...site, item: `${where.what} spawnChild` }, 'spawned actors are not supported', 'model the child as another machine instance of the system');
        }
        if (tag?.kind === 'action') { stmts.push([...tag.stmts]); names.push('(inline DSL action)'); continue; }
        throw new ModelError('INLINE_ACTION', { ...site, item: `${where.what} ${type ?? 'inline function'}` }, 'an inline function action cannot be exported', "build the action with the DSL (dslFor(consts).action(...)) and refer to it by name from setup({ actions })");
      }
      const name = typeof item === 'string' ? item : (item as { type?: string })?.type;
      const params = typeof item === 'object' && item !== null ? (item as { params?: unknown }).params : undefined;
      if (typeof name !== 'string') {
        throw new ModelError('INLINE_ACTION', { ...site, item: where.what }, 'an action that is not a named DSL action cannot be exported', 'refer to a DSL action by name');
      }
      if (params !== undefined) {
        throw new ModelError('OPAQUE_ACTION', { ...site, item: `action '${name}'` }, 'action parameters are not supported', 'write one DSL action per parameter value');
      }
      const implementation = impl.actions[name];
      if (implementation === undefined) {
        throw new ModelError('UNKNOWN_ACTION', { ...site, item: `action '${name}'` }, 'no implementation is given in setup({ actions })', 'add the DSL action to setup({ actions })');
      }
      const tag = dslTag(implementation);
      if (!tag || tag.kind !== 'action') {
        const type = (implementation as { type?: string }).type;
        if (type === 'xstate.spawnChild') {
          throw new ModelError('UNSUPPORTED_SPAWN', { ...site, item: `action '${name}'` }, 'spawned actors are not supported', 'model the child as another machine instance of the system');
        }
        throw new ModelError('OPAQUE_ACTION', { ...site, item: `action '${name}'` }, 'the action is not built from the DSL, so it cannot be exported', 'build it with dslFor(consts).action(...)');
      }
      stmts.push([...tag.stmts]);
      names.push(name);
    }
    return { stmts, names };
  }

  function readGuard(g: unknown, state: string, event: string): { name: string; expr: Expr } | undefined {
    if (g === undefined) return undefined;
    const site = { machine: id, state, event };
    if (typeof g === 'function') {
      const tag = dslTag(g);
      if (tag?.kind === 'guard') return { name: 'inline', expr: tag.expr };
      throw new ModelError('INLINE_GUARD', { ...site, item: 'inline guard function' }, 'an inline function guard cannot be exported', 'build the guard with the DSL (dslFor(consts).guard(...)) and refer to it by name');
    }
    const name = typeof g === 'string' ? g : (g as { type?: string }).type;
    if (typeof name !== 'string') throw new ModelError('INLINE_GUARD', { ...site, item: 'guard' }, 'unrecognised guard', 'refer to a DSL guard by name');
    if (typeof g === 'object' && (g as { params?: unknown }).params !== undefined) {
      throw new ModelError('GUARD_PARAMS', { ...site, item: `guard '${name}'` }, 'guard parameters are not supported', 'write one DSL guard per parameter value');
    }
    const implementation = impl.guards[name];
    if (implementation === undefined) {
      throw new ModelError('UNKNOWN_GUARD', { ...site, item: `guard '${name}'` }, 'no implementation is given in setup({ guards })', 'add the DSL guard to setup({ guards })');
    }
    const tag = dslTag(implementation);
    if (!tag || tag.kind !== 'guard') {
      throw new ModelError('OPAQUE_GUARD', { ...site, item: `guard '${name}'` }, 'the guard is not built from the DSL, so it cannot be exported', 'build it with dslFor(consts).guard(...)');
    }
    return { name, expr: tag.expr };
  }

  function visit(n: XNode, parent: StateInfo | undefined): StateInfo {
    const sid = stateId(n);
    const site = { machine: id, state: sid || '(root)' };
    if (n.type === 'history') throw new ModelError('UNSUPPORTED_HISTORY', { ...site, item: 'history state' }, 'history states are not supported', 'store what must be remembered in the context');
    if (n.type === 'final') throw new ModelError('UNSUPPORTED_FINAL', { ...site, item: 'final state' }, 'final states are not supported', 'use an ordinary state with no outgoing transitions');
    if (n.invoke.length > 0) throw new ModelError('UNSUPPORTED_INVOKE', { ...site, item: 'invoke' }, 'invoked actors are not supported', 'model the invoked service as another machine instance of the system');
    if (n.after.length > 0 || n.config.after !== undefined) throw new ModelError('UNSUPPORTED_DELAYED', { ...site, item: 'after (delayed transition)' }, 'delayed transitions are not supported', 'model the timer as an event the environment may fire at any time');
    if ((n.always?.length ?? 0) > 0 || n.config.always !== undefined) throw new ModelError('UNSUPPORTED_ALWAYS', { ...site, item: 'always (eventless transition)' }, 'eventless transitions are not supported', 'fold the condition into the guards of the transitions that lead here');
    const keys = Object.keys(n.states);
    const type: StateInfo['type'] = n.type === 'parallel' ? 'parallel' : keys.length > 0 ? 'compound' : 'atomic';
    let regionVar: string | undefined;
    if (type === 'compound') {
      regionVar = parent === undefined ? id : n.key;
      if (regionTypes[regionVar]) throw new ModelError('NAME_CLASH', { ...site }, `two compound states would both be encoded as variable '${regionVar}'`, 'rename one of the states');
      // The root region is always active, so only nested regions need the 'off' value.
      if (parent !== undefined && keys.includes(OFF)) throw new ModelError('NAME_CLASH', { ...site, item: `child state '${OFF}'` }, `'${OFF}' is reserved for an inactive region`, 'rename the state');
      regionTypes[regionVar] = enumT(parent === undefined ? keys : [...keys, OFF]);
    }
    const entry = readActions(n.entry, { state: sid, what: 'entry' }).stmts;
    const exit = readActions(n.exit, { state: sid, what: 'exit' }).stmts;
    const info: StateInfo = { id: sid, key: n.key, type, parent, children: [], initial: undefined, entry, exit, order: states.length, regionVar };
    states.push(info);
    xnodes.set(info, n);
    for (const k of keys) info.children.push(visit(n.states[k], info));
    if (type === 'compound') {
      const initKey = n.initial?.target?.[0]?.key;
      info.initial = info.children.find((c) => c.key === initKey) ?? info.children[0];
    }
    return info;
  }

  const root = visit(m.root as unknown as XNode, undefined);
  const byId = new Map(states.map((s) => [s.id, s]));

  // Transitions, in document order of their source state.
  const transitions: TransitionInfo[] = [];
  const usedNames = new Set<string>();
  for (const s of states) {
    const n = xnodes.get(s)!;
    for (const [event, list] of n.transitions) {
      const site = { machine: id, state: s.id || '(root)', event };
      if (event.startsWith('xstate.after')) throw new ModelError('UNSUPPORTED_DELAYED', { ...site, item: 'after' }, 'delayed transitions are not supported', 'model the timer as an event the environment may fire at any time');
      if (event === '*' || event.includes('*')) throw new ModelError('UNDECLARED_EVENT', { ...site, item: 'wildcard' }, 'wildcard event descriptors are not supported', 'list the events explicitly');
      if (!def.events[event]) throw new ModelError('UNDECLARED_EVENT', site, 'the event has no declared payload schema', `declare it in the machine definition's events, e.g. ${event}: {}`);
      list.forEach((t, index) => {
        const guard = readGuard(t.guard, s.id, event);
        const { stmts, names } = readActions(t.actions, { state: s.id, event, what: 'transition action' });
        const targets = (t.target ?? []).map((x) => byId.get(x.path.join('.'))!);
        let name = `${pascal(s.key || id)}On${pascal(event)}`;
        if (list.length > 1) name += guard ? `If${pascal(guard.name)}` : 'Otherwise';
        let unique = name;
        for (let i = 2; usedNames.has(unique); i++) unique = `${name}${i}`;
        usedNames.add(unique);
        transitions.push({ name: unique, event, source: s, index, targets, reenter: t.reenter, guard, actions: stmts, actionNames: names });
      });
    }
  }

  checkParallelConflicts(id, transitions);

  const vars: [string, Type][] = [];
  for (const s of states) if (s.regionVar) vars.push([s.regionVar, regionTypes[s.regionVar]]);
  for (const [f, t] of Object.entries(def.context)) {
    if (regionTypes[f]) throw new ModelError('NAME_CLASH', { machine: id, item: `context field '${f}'` }, 'a context field has the name of a state region', 'rename the field or the state');
    vars.push([f, t]);
  }
  return { id, xstate: m, root, states, transitions, context: def.context, events: def.events, vars, regionTypes };
}

function ancestors(s: StateInfo): StateInfo[] {
  const out: StateInfo[] = [];
  for (let p: StateInfo | undefined = s; p; p = p.parent) out.push(p);
  return out; // self first
}

/**
 * The exporter handles one transition per event per step. XState can select
 * several at once when handlers of an event sit in different regions of a
 * parallel state (or above and below one); such models are refused.
 */
function checkParallelConflicts(machine: string, transitions: readonly TransitionInfo[]): void {
  const handlers = new Map<string, StateInfo[]>();
  for (const t of transitions) {
    const list = handlers.get(t.event) ?? [];
    if (!list.includes(t.source)) list.push(t.source);
    handlers.set(t.event, list);
  }
  for (const [event, list] of handlers) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i], list[j]];
        const ax = ancestors(x);
        const ay = ancestors(y);
        const lca = ax.find((a) => ay.includes(a))!;
        let conflict = false;
        if (lca === x || lca === y) {
          const [hi, lo] = lca === x ? [x, y] : [y, x];
          for (let p = lo.parent; p && p !== hi.parent; p = p.parent) if (p.type === 'parallel') conflict = true;
        } else if (lca.type === 'parallel') conflict = true;
        if (conflict) {
          throw new ModelError('PARALLEL_CONFLICT', { machine, state: `${x.id || '(root)'} and ${y.id || '(root)'}`, event },
            'the event is handled in two regions of a parallel state, so one step could take two transitions',
            'handle the event in one region only, or above the parallel state');
        }
      }
    }
  }
}
