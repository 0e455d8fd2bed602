/**
 * A system: machine instances, bounded message channels between them,
 * environment variables, and the steps the environment may take (inject a
 * fault, fire a timer, deliver an event), all under named constants (the
 * scenario parameters). Every step delivers at most one event to at most one
 * machine instance; machines talk to each other only through channels.
 */
import { type EnumType, type Expr, type RecordType, type Stmt, type Type, type Value, defaultValue, lit, record } from '../dsl/index.js';
import type { MachineDefinition } from './read-machine.js';

/** How a machine is instantiated. */
export interface InstanceDecl {
  readonly def: MachineDefinition;
  /**
   * Either a set of instance ids (the machine's variables become functions
   * over it, as `srg1[n]`) or the single instance's id (plain variables).
   */
  readonly ids: EnumType | string;
  /** Name of the action parameter that ranges over the ids (default: `i`), e.g. `n`. */
  readonly param?: string;
  /** Input given to XState for each instance (merged with `$id`). */
  readonly input?: (id: string) => Record<string, unknown>;
}

/** A bounded FIFO channel into the instances of one machine. */
export interface ChannelDecl {
  /** The receiving machine's id. */
  readonly to: string;
  /** Message records; the field `type` (an enumeration) is the event type delivered. */
  readonly msg: RecordType;
  /**
   * Most messages held per receiver: a bound of the search, not a behaviour
   * of the network, whose channels never refuse or replace a message. Two
   * rules keep the bound honest:
   * - an unfair step (a fault, an operator or traffic event) is taken only
   *   while its messages fit with `reserve` places to spare (its action
   *   carries the guard), so the environment is what the bound restricts;
   * - a fair step (the protocol's own reaction) is never held back by the
   *   bound: if its message does not fit, the channel's `overflow` flag is
   *   set, and a property over that flag reports the run inconclusive.
   */
  readonly capacity: number;
  /** The model constant that holds `capacity`, so that one spec serves every capacity. */
  readonly capacityName?: string;
  /** Places an unfair step leaves free for the protocol's answers (default 0). */
  readonly reserve?: number;
  /** Environment variable (boolean) set when a fair step's message did not fit. */
  readonly overflow?: string;
  /** When the receiver takes messages off the channel (e.g. only while it sees the link up). Default: always. */
  readonly deliverWhen?: (to: Expr) => Expr;
  /** The message types this channel carries (default: every value of `type`). */
  readonly carries?: readonly string[];
  /** When a send to `to` enters the channel at all (e.g. only while the link is up). Default: always. */
  readonly accepts?: (to: Expr) => Expr;
  /** Deliveries are steps of the protocol: weakly fair by default. */
  readonly fairness?: Fairness;
  readonly doc?: string;
}

/** Fairness of a step. */
export type Fairness = 'weak' | 'strong' | 'none';

/** A step the environment (or a timer) may take. */
export interface StepDecl {
  readonly name: string;
  /** Parameters ranging over finite domains, e.g. `{ n: Nodes }`. */
  readonly params?: Readonly<Record<string, EnumType | Type>>;
  /** System-level enabling condition over the parameters (as `bound` names). */
  readonly guard?: (p: Readonly<Record<string, Expr>>) => Expr;
  /** An event delivered to one instance of a machine. */
  readonly deliver?: {
    readonly machine: string;
    readonly to: (p: Readonly<Record<string, Expr>>) => Expr;
    readonly event: string;
    readonly payload?: (p: Readonly<Record<string, Expr>>) => Readonly<Record<string, Expr>>;
  };
  /** Updates of environment and channel variables, evaluated in the state before the step. */
  readonly updates?: (p: Readonly<Record<string, Expr>>) => readonly Stmt[];
  /** A fault: never fair, and liveness is checked assuming faults eventually stop. */
  readonly fault?: boolean;
  /**
   * The event may reach the machine when no transition takes it; it is then
   * dropped (an action named `<Step>Ignored`, never fair, that changes only
   * what the step's `updates` change), so that replay can show the
   * implementation drops it too. Without it, the step is simply not enabled
   * where no transition takes its event. Updates that belong to the
   * transition alone must say so in their own condition.
   */
  readonly ignorable?: boolean;
  /** Fairness of a non-fault step (default weak). */
  readonly fairness?: Fairness;
  /**
   * Marks a step of a deliberately broken model, with what it breaks: such a
   * step may assign variables that belong to machines (a model never does;
   * it delivers events). Tests use it to show that a property restating the
   * machine fails once the machine does something else.
   */
  readonly mutation?: string;
  readonly doc?: string;
}

/** An environment variable (not owned by any machine). */
export interface EnvVarDecl {
  readonly t: Type;
  readonly init: Value;
  readonly doc?: string;
}

/** A model constant: a scenario parameter, printed as a TLA+ CONSTANT. */
export interface ConstDecl {
  readonly t: Type;
  readonly value: Value;
  readonly doc?: string;
}

/** The whole system, before it is flattened. */
export interface SystemDecl {
  readonly name: string;
  readonly constants: Readonly<Record<string, ConstDecl>>;
  readonly instances: readonly InstanceDecl[];
  readonly envVars: Readonly<Record<string, EnvVarDecl>>;
  readonly channels: Readonly<Record<string, ChannelDecl>>;
  readonly steps: readonly StepDecl[];
  /** Named enumerations printed as definitions (e.g. `Nodes`, `Srg1States`). */
  readonly sets?: readonly EnumType[];
  /** Documentation for variables owned by machines, keyed by variable name. */
  readonly varDocs?: Readonly<Record<string, string>>;
}

/**
 * A message of a channel's record type: `type` is the event delivered, the
 * given fields are set and every other field takes its domain's first value,
 * so that equal messages are equal values.
 */
export function message(msgT: RecordType, type: string, fields: Readonly<Record<string, Expr>> = {}): Expr {
  const all: Record<string, Expr> = {};
  for (const [f, ft] of msgT.fields) {
    if (f === 'type') all[f] = lit(type, ft);
    else all[f] = fields[f] ?? lit(defaultValue(ft), ft);
  }
  for (const f of Object.keys(fields)) {
    if (!msgT.fields.some(([k]) => k === f)) throw new TypeError(`message ${type}: no field ${f} in the channel's message type`);
  }
  return record(all, msgT);
}
