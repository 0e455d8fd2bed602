/**
 * Where the property column's model comes from: the MNHA scenario the trace
 * names in `#meta.scenario`, built as `check` builds it (same parameters,
 * same property expressions), so the page evaluates exactly what the
 * checker checked. A trace of a scenario this repository does not define
 * (a sweep's combination, another model) gets no column.
 */
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { mnhaProperties } from '../../models/mnha/properties.js';
import { mnhaSystem } from '../../models/mnha/system.js';
import { lowerSystem } from '../model/index.js';
import type { PropertyModel } from './property-eval.js';

/** Finds the model of a property by scenario and property name. */
export type PropertyModelResolver = (scenario: string, property: string) => PropertyModel | undefined;

/**
 * The model of `property` in the MNHA scenario `scenario`, with the
 * vocabulary's named quantities (`ActiveCount`, `IclUpBothWays`) so that
 * the page names them as the model does; undefined when either is unknown.
 */
export function mnhaPropertyModel(scenario: string, property: string): PropertyModel | undefined {
  const sc = findScenario(scenario);
  return sc === undefined ? undefined : mnhaPropertyModelOf(sc.params as unknown as MnhaParams, property);
}

/**
 * The model of `property` under the MNHA parameters `params`: for traces of
 * a parameter set that is no named scenario (a sweep's combination), whose
 * writer knows the parameters.
 */
export function mnhaPropertyModelOf(params: MnhaParams, property: string): PropertyModel | undefined {
  const sys = mnhaSystem(params);
  const prop = mnhaProperties(sys).find((p) => p.name === property);
  if (prop === undefined) return undefined;
  const fm = lowerSystem(sys.decl);
  return {
    property: prop,
    types: Object.fromEntries(fm.vars.map((v) => [v.name, v.t])),
    consts: fm.constValues,
    names: [['ActiveCount', sys.voc.ActiveCount], ['IclUpBothWays', sys.voc.IclUpBothWays]],
  };
}
