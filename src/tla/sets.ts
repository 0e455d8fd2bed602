/**
 * Which named enumerations a main module declares as CONSTANTS (given values
 * per scenario by the MC files) and which it defines.
 *
 * A set is a constant when it is what a scenario scales: the ids of an
 * instanced machine (`Nodes`), the domain of an action parameter
 * (`Sessions` in `Packet(n, s)`), or the key domain of a variable or
 * constant function; or when the caller says so (the exporter adds every
 * set whose values differ between the scenarios of one model, such as
 * `SessionOrNone`). Every other set is defined by its values
 * (`Srg1States == {"hold", ...}`). The rule reads only the model's shape,
 * so every scenario of a model gets the same module text.
 */
import type { EnumType, Type } from '../dsl/index.js';
import type { FlatModel } from '../model/index.js';
import { TlaEmitError } from './errors.js';

/** A named set of the module. */
export interface PlannedSet {
  readonly name: string;
  readonly values: readonly string[];
  /** Declared as a CONSTANT (true) or defined by its values. */
  readonly constant: boolean;
  /** Why it is a constant, for the declaration's comment. */
  readonly why?: string;
}

/** Calls `visit` with every named enumeration inside a type. */
export function namedEnumsOf(t: Type, visit: (e: EnumType) => void): void {
  switch (t.kind) {
    case 'enum': if (t.name) visit(t); return;
    case 'record': for (const [, ft] of t.fields) namedEnumsOf(ft, visit); return;
    case 'fun': namedEnumsOf(t.key, visit); namedEnumsOf(t.value, visit); return;
    case 'seq': case 'set': namedEnumsOf(t.elem, visit); return;
    default: return;
  }
}

function keyDomains(t: Type, visit: (e: EnumType) => void): void {
  switch (t.kind) {
    case 'fun': if (t.key.kind === 'enum' && t.key.name) visit(t.key); keyDomains(t.value, visit); return;
    case 'record': for (const [, ft] of t.fields) keyDomains(ft, visit); return;
    case 'seq': case 'set': keyDomains(t.elem, visit); return;
    default: return;
  }
}

/** The reasons the shape of `fm` makes sets constants, by set name (the first reason found). */
export function structuralConstantSets(fm: FlatModel): Map<string, string> {
  const why = new Map<string, string>();
  const note = (name: string | undefined, reason: string) => {
    if (name && !why.has(name)) why.set(name, reason);
  };
  for (const inst of fm.decl.instances) {
    if (typeof inst.ids !== 'string') note(inst.ids.name, `ids of the ${inst.def.machine.id} instances`);
  }
  for (const a of fm.actions) {
    for (const [p, t] of a.params) if (t.kind === 'enum') note(t.name, `values of parameter ${p} of ${a.name}`);
  }
  for (const v of fm.vars) keyDomains(v.t, (e) => note(e.name, `keys of ${v.name}`));
  for (const [c, d] of Object.entries(fm.constants)) keyDomains(d.t, (e) => note(e.name, `keys of ${c}`));
  return why;
}

/**
 * Plans the named sets of a module: every set of `fm.sets`, then every
 * other named enumeration found in `types`, in order of first appearance.
 * `extraConstants` names sets to declare as constants whatever their shape.
 */
export function planSets(fm: FlatModel, types: Iterable<Type>, extraConstants: ReadonlySet<string>): PlannedSet[] {
  const found = new Map<string, EnumType>();
  const add = (e: EnumType) => {
    const name = e.name!;
    const prev = found.get(name);
    if (!prev) found.set(name, e);
    else if (prev.values.length !== e.values.length || prev.values.some((v, i) => v !== e.values[i])) {
      throw new TlaEmitError('TLA_NAME_CLASH', `two different sets are both named '${name}' ({${prev.values.join(', ')}} and {${e.values.join(', ')}})`, 'give each enumeration its own name in the model');
    }
  };
  for (const s of fm.sets) if (s.name) add(s);
  for (const t of types) namedEnumsOf(t, add);
  const structural = structuralConstantSets(fm);
  return [...found.values()].map((e) => {
    const why = structural.get(e.name!) ?? (extraConstants.has(e.name!) ? 'values differ between scenarios' : undefined);
    return { name: e.name!, values: e.values, constant: why !== undefined, ...(why ? { why } : {}) };
  });
}
