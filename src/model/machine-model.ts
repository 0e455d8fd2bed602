/**
 * The project's representation of one XState machine: its state tree, the
 * flat variables that encode a configuration, and its transitions with the
 * DSL guards and statements read back out of the implementations.
 */
import type { AnyStateMachine } from 'xstate';
import type { EnumType, Expr, Stmt, Type } from '../dsl/index.js';

/** Value of a region variable while its region is not active. */
export const OFF = 'off';

/** One state node of the tree. */
export interface StateInfo {
  /** Dotted path from the root; '' for the root. */
  readonly id: string;
  readonly key: string;
  readonly type: 'atomic' | 'compound' | 'parallel';
  readonly parent: StateInfo | undefined;
  readonly children: StateInfo[];
  /** Initial child of a compound state. */
  initial: StateInfo | undefined;
  /** Entry statements, one list per action, in order. */
  readonly entry: readonly (readonly Stmt[])[];
  /** Exit statements, one list per action, in order. */
  readonly exit: readonly (readonly Stmt[])[];
  /** Document order (root is 0). */
  readonly order: number;
  /** For a compound state: the variable holding its active child. */
  readonly regionVar: string | undefined;
}

/** One transition of the machine, as written. */
export interface TransitionInfo {
  /** Readable name, unique in the machine, e.g. `HoldOnProbeReply`. */
  readonly name: string;
  readonly event: string;
  readonly source: StateInfo;
  /** Position among the source's transitions for this event (document order). */
  readonly index: number;
  readonly targets: readonly StateInfo[];
  readonly reenter: boolean;
  /** The guard's name and expression (machine level), if any. */
  readonly guard: { readonly name: string; readonly expr: Expr } | undefined;
  /** Transition actions: one statement list per action, in order. */
  readonly actions: readonly (readonly Stmt[])[];
  /** Names of the actions, for documentation. */
  readonly actionNames: readonly string[];
}

/** A machine read into the model representation. */
export interface MachineModel {
  readonly id: string;
  readonly xstate: AnyStateMachine;
  readonly root: StateInfo;
  /** Every state node, in document order. */
  readonly states: readonly StateInfo[];
  readonly transitions: readonly TransitionInfo[];
  /** Context fields and their domains (machine-level variables). */
  readonly context: Readonly<Record<string, Type>>;
  /** Payload schema of every event the machine handles. */
  readonly events: Readonly<Record<string, Readonly<Record<string, Type>>>>;
  /** The variables of one instance: region variables first, then context fields. */
  readonly vars: readonly (readonly [string, Type])[];
  /** Domains of the region variables. */
  readonly regionTypes: Readonly<Record<string, EnumType>>;
}
