/**
 * Builds MNHA scenarios from a parameter set and the few expectations that
 * differ from "every property holds".
 */
import type { Expectation, Scenario } from '../../src/model/index.js';
import { DEFAULT_PARAMS, type MnhaParams } from './params.js';
import { mnhaProperties } from './properties.js';
import { mnhaSystem } from './system.js';

/** The names of every MNHA property, in the order they are declared. */
export function propertyNames(): string[] {
  return mnhaProperties(mnhaSystem(DEFAULT_PARAMS)).map((p) => p.name);
}

/** A scenario of the MNHA model. */
export function mnhaScenario(spec: {
  name: string;
  title: string;
  description: string;
  params: Partial<MnhaParams>;
  /** Properties expected to be violated (every other one is expected to hold). */
  violated?: readonly string[];
}): Scenario {
  const params: MnhaParams = { ...DEFAULT_PARAMS, ...spec.params };
  const names = propertyNames();
  for (const v of spec.violated ?? []) if (!names.includes(v)) throw new Error(`scenario ${spec.name}: unknown property ${v}`);
  const expect: Record<string, Expectation> = Object.fromEntries(names.map((n) => [n, spec.violated?.includes(n) ? 'violated' : 'holds']));
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    params: { ...params },
    expect,
    checkDeadlock: true,
    // Kept as a guard on the model's steps, but it cannot fail: a node that is up can always be
    // reached by a stray probe answer (StrayProbeReply), and a crashed one can always reboot.
    deadlockStructural: 'the environment always offers a step: a stray probe answer to a node that is up, a reboot to one that is down',
    traceMeta: { tieBreak: params.tieBreak, routeConvergence: params.routeConvergence, iclLossAtActive: params.iclLossAtActive },
    build() {
      const sys = mnhaSystem(params);
      return { system: sys.decl, properties: mnhaProperties(sys) };
    },
  };
}
