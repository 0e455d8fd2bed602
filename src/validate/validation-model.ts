/**
 * The model a log is validated against: the scenario's, with its search
 * bounds lifted. FaultWindow and IclCapacity bound how much the exhaustive
 * search explores; a recorded run is not bound by them, and validation
 * follows one behaviour, so it can afford the largest values the model
 * packs (more behaviours, so a weaker claim is never what passes).
 */
import { compileModel, type CompiledModel } from '../explore/compile.js';
import { lowerSystem, type Scenario } from '../model/index.js';
import { paramsOf, scenarioKey } from '../replay/prepare-trace.js';
import { type MnhaParams } from '../../models/mnha/params.js';
import { mnhaSystem } from '../../models/mnha/system.js';

/** FaultWindow during validation: the largest the model allows. */
export const VALIDATION_FAULT_WINDOW = 4;
/** IclCapacity during validation: the largest whose channel still packs into one slot with two sessions. */
export const VALIDATION_ICL_CAPACITY = 6;

/** A scenario's parameters with the search bounds lifted. */
export function validationParams(scenario: Scenario): MnhaParams {
  const p = paramsOf(scenario);
  return { ...p, faultWindow: VALIDATION_FAULT_WINDOW, iclCapacity: Math.max(p.iclCapacity, VALIDATION_ICL_CAPACITY) };
}

/**
 * What every state explaining a log must hold. `iclOverflow` marks a
 * message the model dropped because a channel met its search bound: an
 * artefact of the bound, never what a network does, so no explanation may
 * use it (a log may still say otherwise, and is then explained by nothing).
 */
export const VALIDATION_REQUIRES: Readonly<Record<string, unknown>> = { iclOverflow: false };

const compiled = new Map<string, CompiledModel>();

/** The compiled validation model of a scenario, built once per process. */
export function validationModel(scenario: Scenario): CompiledModel {
  const key = scenarioKey(scenario);
  let cm = compiled.get(key);
  if (cm === undefined) {
    cm = compileModel(lowerSystem(mnhaSystem(validationParams(scenario)).decl));
    compiled.set(key, cm);
  }
  return cm;
}
