/**
 * Properties of a system: invariants (state predicates that must hold in
 * every reachable state) and liveness properties (temporal formulas checked
 * under the fairness the actions declare, assuming fault steps eventually
 * stop). Each names the verdict a scenario expects.
 */
import type { Expr, Temporal } from '../dsl/index.js';

/** A safety property: a predicate over one state. */
export interface InvariantProperty {
  readonly kind: 'invariant';
  readonly name: string;
  readonly doc: string;
  readonly expr: Expr;
}

/** A liveness property: a temporal formula. */
export interface LivenessProperty {
  readonly kind: 'liveness';
  readonly name: string;
  readonly doc: string;
  readonly formula: Temporal;
  /** The fairness it relies on, in words (the actions' own fairness is what is checked). */
  readonly fairness: string;
}

/** Any property. */
export type Property = InvariantProperty | LivenessProperty;

/** What a scenario expects of a property. */
export type Expectation = 'holds' | 'violated';
