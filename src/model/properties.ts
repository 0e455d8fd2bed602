/**
 * Properties of a system: invariants (state predicates that must hold in
 * every reachable state) and liveness properties (temporal formulas checked
 * under the fairness the actions declare, assuming fault steps eventually
 * stop). Each names the verdict a scenario expects.
 */
import { type Expr, type Temporal, boolT } from '../dsl/index.js';

/** A safety property: a predicate over one state. */
export interface InvariantProperty {
  readonly kind: 'invariant';
  readonly name: string;
  readonly doc: string;
  readonly expr: Expr;
  /** Why the property cannot fail by construction (it restates the machine), if it cannot: reported, not counted as evidence. */
  readonly structural?: string;
}

/**
 * The environment a liveness property assumes beyond "faults stop": steps
 * that, like faults, happen only finitely often and lose their fairness
 * (for example "the ICL stays down and nothing is repaired": every repair
 * step stops). Without it the model's fair repairs would end every outage,
 * and a property about behaviour during one would hold vacuously.
 */
export interface LivenessEnvironment {
  /** A TLA+ identifier: `<name>Stops` and `Spec<name>` in the export. */
  readonly name: string;
  /** The environment in words. */
  readonly doc: string;
  /** Names of the system's steps that stop (never taken on the loop, no fairness). */
  readonly stops: readonly string[];
}

/** A liveness property: a temporal formula. */
export interface LivenessProperty {
  readonly kind: 'liveness';
  readonly name: string;
  readonly doc: string;
  readonly formula: Temporal;
  /** The fairness it relies on, in words (the actions' own fairness is what is checked). */
  readonly fairness: string;
  /** The environment it assumes beyond "faults stop", if any. */
  readonly environment?: LivenessEnvironment;
  /** Why the property cannot fail by construction, if it cannot (see InvariantProperty). */
  readonly structural?: string;
}

/**
 * The premise of a state formula: the states it says something about.
 * `A => B` is about the states where A holds and B is about them;
 * `\A x \in D : B(x)` about those where some x makes B(x) about them (none
 * when D is empty); a conjunction about those where some conjunct is; any
 * other formula about every state (null). A premise no reachable state
 * satisfies makes the formula hold vacuously: it was never put to the test.
 */
export function invariantPremise(e: Expr): Expr | null {
  const and = (a: Expr, b: Expr | null): Expr => (b === null ? a : { op: 'and', t: boolT, args: [a, b] });
  switch (e.op) {
    case 'implies': return and(e.a, invariantPremise(e.b));
    case 'forall': {
      const p = invariantPremise(e.body);
      return { op: 'exists', t: boolT, bind: e.bind, dom: e.dom, body: p ?? { op: 'lit', t: boolT, value: true } };
    }
    case 'and': {
      const ps = e.args.map(invariantPremise);
      return ps.some((p) => p === null) ? null : { op: 'or', t: boolT, args: ps as Expr[] };
    }
    default: return null;
  }
}

/**
 * An action property (`[][A]_vars` in TLA+): a predicate over a state and
 * its successor (`x.primed(v)` reads the successor's `v`), which every step
 * must satisfy. A step that changes no variable satisfies it by definition
 * (TLA+'s stuttering), so the checkers test it on steps that change the state.
 */
export interface ActionProperty {
  readonly kind: 'action';
  readonly name: string;
  readonly doc: string;
  readonly expr: Expr;
  /** Why the property cannot fail by construction, if it cannot (see InvariantProperty). */
  readonly structural?: string;
}

/** Any property. */
export type Property = InvariantProperty | LivenessProperty | ActionProperty;

/** What a scenario expects of a property. */
export type Expectation = 'holds' | 'violated';
