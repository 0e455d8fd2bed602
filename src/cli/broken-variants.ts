/**
 * The broken variants of the implementation, as the project keeps them
 * (test/impl/fixtures/broken-nodes.ts), loaded for `mutants` and `verify`.
 * They live with the tests because they are test fixtures; a copy of the
 * toolkit without its tests has none, and says so in one line.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VariantUnderTest } from '../variants/check-variant.js';
import { UsageError } from './command.js';

const FIXTURES = new URL('../../test/impl/fixtures/broken-nodes.ts', import.meta.url);

/** Every broken variant and the address of their module, or an error message when the fixtures are not there. */
export async function loadVariants(): Promise<{ ok: true; variants: readonly VariantUnderTest[]; module: string } | { ok: false; message: string }> {
  if (!existsSync(fileURLToPath(FIXTURES))) {
    return { ok: false, message: `no broken variants: ${fileURLToPath(FIXTURES)} is missing (they are kept with the tests)` };
  }
  const mod = (await import(FIXTURES.href)) as { BROKEN_VARIANTS: readonly VariantUnderTest[] };
  return { ok: true, variants: mod.BROKEN_VARIANTS, module: FIXTURES.href };
}

/** The variants named in a comma list, or a usage error naming the known ones. */
export function selectVariants(all: readonly VariantUnderTest[], names: string | undefined): readonly VariantUnderTest[] {
  if (names === undefined) return all;
  return names.split(',').map((name) => {
    const v = all.find((x) => x.name === name.trim());
    if (v === undefined) throw new UsageError(`unknown variant '${name}' (one of: ${all.map((x) => x.name).join(', ')})`);
    return v;
  });
}
