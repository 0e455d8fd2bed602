/**
 * The model families `ha-verify export` writes to `specs/`: one main module
 * per model with its scenarios. Today there is one, MNHA. The families live
 * with the models so that the TLA+ layer (src/tla) does not depend on them.
 */
import type { SpecFamily } from '../src/tla/generate-specs.js';
import { SCENARIOS } from './mnha/scenarios/index.js';

/** The MNHA model and its scenarios (`models/mnha`). */
export const MNHA_FAMILY: SpecFamily = { source: 'models/mnha', scenarios: SCENARIOS };

/** Every family, in the order they are exported. */
export const SPEC_FAMILIES: readonly SpecFamily[] = [MNHA_FAMILY];
