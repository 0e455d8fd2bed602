/**
 * The flattened model: named variables with finite domains (the TLA+
 * VARIABLES), one initial state, and actions with guards and sequential
 * bodies over those variables. This is what the explorer compiles and what
 * the TLA+ emitter prints.
 */
import type { EnumType, Expr, Stmt, Type, Value } from '../dsl/index.js';
import type { MachineModel } from './machine-model.js';
import type { ConstDecl, Fairness, SystemDecl } from './system.js';

/** A system state: every variable's value, by name. */
export type State = Readonly<Record<string, Value>>;

/** Who owns a variable. */
export type VarOwner =
  | { readonly kind: 'machine'; readonly machine: string; readonly field: string; readonly region: boolean; readonly indexed: boolean }
  | { readonly kind: 'env' }
  | { readonly kind: 'channel'; readonly channel: string; readonly indexed: boolean };

/** A state variable. */
export interface FlatVar {
  readonly name: string;
  readonly t: Type;
  readonly owner: VarOwner;
  readonly doc?: string;
}

/** Where an action comes from, for traces, replay and documentation. */
export interface ActionOrigin {
  readonly kind: 'env' | 'deliver' | 'receive' | 'ignore';
  readonly step?: string;
  readonly machine?: string;
  readonly event?: string;
  readonly transition?: string;
  readonly channel?: string;
  /** The parameter naming the instance that handles the event. */
  readonly instanceParam?: string;
  /** For a singleton machine, its id. */
  readonly instance?: string;
  /** The instance the event goes to, as a system-level expression over the parameters. */
  readonly to?: Expr;
}

/** One action schema (a TLA+ action with parameters). */
export interface FlatAction {
  readonly name: string;
  readonly params: readonly (readonly [string, Type])[];
  /** Checked first; may read only state and parameters. */
  readonly sourceGuard: Expr;
  /** Names bound in the state before the step (a message, an event's payload). */
  readonly lets: readonly (readonly [string, Expr])[];
  /** Checked after the lets are bound (includes `room`). */
  readonly guard: Expr;
  /**
   * The part of `guard` that keeps the action's sends within the channels'
   * capacity, kept apart for semantics (XState's) that choose the
   * transition first and must then see whether it can be taken.
   */
  readonly room?: Expr;
  /** Statements run in order; later ones see earlier assignments. */
  readonly body: readonly Stmt[];
  readonly fault: boolean;
  readonly fairness: Fairness;
  readonly origin: ActionOrigin;
  readonly doc?: string;
}

/** The flattened system. */
export interface FlatModel {
  readonly name: string;
  readonly constants: Readonly<Record<string, ConstDecl>>;
  readonly constValues: Readonly<Record<string, Value>>;
  readonly vars: readonly FlatVar[];
  readonly init: State;
  readonly actions: readonly FlatAction[];
  readonly sets: readonly EnumType[];
  readonly machines: readonly MachineModel[];
  readonly decl: SystemDecl;
}

/** An action with concrete parameter values: one step of a trace. */
export interface ActionLabel {
  readonly name: string;
  readonly params: Readonly<Record<string, Value>>;
}
