/** What the exported spec manifest (specs/manifest.json) says of each scenario's size. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MANIFEST = fileURLToPath(new URL('../../specs/manifest.json', import.meta.url));

/** Distinct states per scenario, as `ha-verify export` recorded them (empty when there is no manifest). */
export function scenarioSizes(): Map<string, number> {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { scenarios?: { name: string; distinctStates?: number }[] };
    return new Map((m.scenarios ?? []).filter((s) => typeof s.distinctStates === 'number').map((s) => [s.name, s.distinctStates!]));
  } catch {
    return new Map();
  }
}
