/**
 * The model families `ha-verify export` writes to `specs/`: one main module
 * per model with its scenarios. Today there is one, MNHA.
 */
import { SCENARIOS } from '../../models/mnha/scenarios/index.js';
import type { SpecFamily } from './generate-specs.js';

/** The MNHA model and its scenarios (`models/mnha`). */
export const MNHA_FAMILY: SpecFamily = { source: 'models/mnha', scenarios: SCENARIOS };

/** Every family, in the order they are exported. */
export const SPEC_FAMILIES: readonly SpecFamily[] = [MNHA_FAMILY];
