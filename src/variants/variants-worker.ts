/**
 * A worker thread that puts broken variants through the model-based checks
 * (`checkVariant`), so that `verify` and `mutants` can run them beside other
 * work on a second core. It imports the variants and the scenarios itself:
 * only names and module addresses cross the thread boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { Scenario } from '../model/index.js';
import { type VariantUnderTest, checkVariant } from './check-variant.js';

/** What the worker is given. */
export interface VariantsWorkerData {
  /** Address (file URL) of the module exporting BROKEN_VARIANTS. */
  readonly variantsModule: string;
  readonly names: readonly string[];
  readonly scenarios: readonly string[];
  readonly manifest?: string;
}

const data = workerData as VariantsWorkerData;
const mod = (await import(data.variantsModule)) as { BROKEN_VARIANTS: readonly VariantUnderTest[] };
const scenarios: Scenario[] = data.scenarios.map((n) => findScenario(n)!);
for (const name of data.names) {
  const variant = mod.BROKEN_VARIANTS.find((v) => v.name === name)!;
  const result = await checkVariant(variant, { scenarios, ...(data.manifest === undefined ? {} : { manifest: data.manifest }) });
  parentPort!.postMessage(result);
}
parentPort!.postMessage('done');
