/**
 * A scenario: one parameter set of a model, the properties it checks and the
 * verdict it expects of each. Scenarios are what `check` and `verify` run.
 */
import type { Expectation, Property } from './properties.js';
import type { SystemDecl } from './system.js';

/** What a scenario builds. */
export interface ScenarioModel {
  readonly system: SystemDecl;
  readonly properties: readonly Property[];
}

/** A named scenario with its expectations. */
export interface Scenario {
  readonly name: string;
  /** One line for listings. */
  readonly title: string;
  /** What the scenario asks, and why its expectations are what they are. */
  readonly description: string;
  /** Parameters in plain data, for reports. */
  readonly params: Readonly<Record<string, unknown>>;
  build(): ScenarioModel;
  /** Expected verdict of every property the scenario checks. */
  readonly expect: Readonly<Record<string, Expectation>>;
  /** Whether a state with no enabled action is an error. */
  readonly checkDeadlock: boolean;
  /**
   * Why no state can be deadlocked by construction, when none can (for
   * example an environment that always offers a step): the deadlock verdict
   * is then reported structural, not counted as evidence.
   */
  readonly deadlockStructural?: string;
  /** Extra facts written into every trace's `#meta` (e.g. the routers' tie-break, for the viewer). */
  readonly traceMeta?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The scenario checking only the named properties (`Deadlock` names the
 * deadlock check): the same model, fewer verdicts, so a run asked about an
 * action property does not pay for TLC's liveness check. Throws a RangeError
 * naming an unknown property.
 */
export function restrictProperties(sc: Scenario, names: readonly string[]): Scenario {
  const known = sc.build().properties.map((p) => p.name);
  for (const n of names) {
    if (n !== 'Deadlock' && !known.includes(n)) throw new RangeError(`scenario ${sc.name} has no property '${n}' (it has ${[...known, 'Deadlock'].join(', ')})`);
  }
  const keep = new Set(names);
  return {
    ...sc,
    build() {
      const m = sc.build();
      return { ...m, properties: m.properties.filter((p) => keep.has(p.name)) };
    },
    expect: Object.fromEntries(Object.entries(sc.expect).filter(([n]) => keep.has(n))),
    checkDeadlock: sc.checkDeadlock && keep.has('Deadlock'),
  };
}
