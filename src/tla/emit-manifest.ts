/**
 * `specs/manifest.json`: for each scenario its MC module and config, the
 * verdict it expects of every property, and the number of distinct states
 * the built-in explorer finds, which TLC must find too. Deterministic: no
 * dates, keys in a fixed order.
 */
import type { Expectation } from '../model/index.js';

/** One property of a scenario in the manifest. */
export interface ManifestProperty {
  readonly name: string;
  readonly kind: 'invariant' | 'liveness' | 'action';
  readonly expected: Expectation;
}

/** One scenario in the manifest. */
export interface ManifestScenario {
  readonly name: string;
  readonly title: string;
  /** The MC module, relative to the manifest. */
  readonly module: string;
  /** The TLC configuration, relative to the manifest. */
  readonly config: string;
  readonly checkDeadlock: boolean;
  /** Distinct states the built-in explorer finds. */
  readonly distinctStates: number;
  readonly properties: readonly ManifestProperty[];
}

/** The whole manifest. */
export interface SpecManifest {
  readonly generatedBy: string;
  /** The main module every scenario extends. */
  readonly module: string;
  readonly scenarios: readonly ManifestScenario[];
}

/** The manifest as the file holds it: two-space JSON and a final newline. */
export function formatManifest(m: SpecManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
