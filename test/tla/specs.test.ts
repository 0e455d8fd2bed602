/**
 * The exported specs: deterministic (two exports are byte-identical), every
 * module clean under the TLA+ grammar, one main module for every scenario,
 * and the committed `specs/` folder up to date with the models (what CI's
 * `ha-verify export --check` enforces).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { MNHA_FAMILY } from '../../models/spec-families.js';
import { type GeneratedSpecs, generateSpecs, prepareFamily, varyingSets } from '../../src/tla/generate-specs.js';
import { printMainModule } from '../../src/tla/emit-main.js';
import { checkTlaSyntax } from '../../src/tla/syntax.js';
import { compareSpecs, writeSpecs } from '../../src/tla/write-specs.js';

const SPECS = fileURLToPath(new URL('../../specs/', import.meta.url));

async function generate(): Promise<GeneratedSpecs> {
  const r = await generateSpecs(MNHA_FAMILY);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('exported specs', () => {
  let first: GeneratedSpecs;
  beforeAll(async () => {
    first = await generate();
  }, 120_000);

  it('are byte-identical from one export to the next', async () => {
    const second = await generate();
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, text] of first.files) expect(second.files.get(name), name).toBe(text);
  }, 120_000);

  it('parse with the TLA+ grammar with no error or missing node', async () => {
    const modules = [...first.files].filter(([n]) => n.endsWith('.tla'));
    expect(modules.length).toBe(1 + MNHA_FAMILY.scenarios.length);
    for (const [name, text] of modules) {
      const r = await checkTlaSyntax(text);
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(r.value.problems, name).toEqual([]);
    }
  });

  it('have one main module that every scenario prints the same', () => {
    const p = prepareFamily(MNHA_FAMILY);
    if (!p.ok) throw new Error(p.error.message);
    const texts = new Set(p.value.modules.map(printMainModule));
    expect(texts.size).toBe(1);
    expect([...texts][0]).toBe(first.files.get('MNHA.tla'));
    // Only the session sets differ between scenarios; they are CONSTANTS of MNHA.tla.
    expect([...varyingSets(p.value.built.map((b) => b.fm))].sort()).toEqual(['Sessions']);
  });

  it('list every scenario in the manifest with its files, expectations and state count', () => {
    const m = first.manifest;
    expect(m.module).toBe('MNHA.tla');
    expect(m.scenarios.map((s) => s.name)).toEqual(MNHA_FAMILY.scenarios.map((s) => s.name));
    for (const s of m.scenarios) {
      expect(first.files.has(s.module)).toBe(true);
      expect(first.files.has(s.config)).toBe(true);
      expect(s.distinctStates).toBeGreaterThan(0);
      const sc = MNHA_FAMILY.scenarios.find((x) => x.name === s.name)!;
      expect(Object.fromEntries(s.properties.map((p) => [p.name, p.expected]))).toEqual(sc.expect);
    }
  });

  it('are what the committed specs/ folder holds (run `ha-verify export` when this fails)', async () => {
    const diff = await compareSpecs(SPECS, first.files);
    if (!diff.ok) throw new Error(diff.error.message);
    expect(diff.value).toEqual([]);
  });

  it('are written whole and found up to date afterwards; a stale file is named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specs-'));
    try {
      const w = await writeSpecs(dir, first.files);
      expect(w.ok && w.value.every((d) => d.status === 'missing')).toBe(true);
      expect(await compareSpecs(dir, first.files)).toEqual({ ok: true, value: [] });
      await writeFile(join(dir, 'MC_default.cfg'), 'stale\n');
      await writeFile(join(dir, 'MC_gone.tla'), '---- MODULE MC_gone ----\n====\n');
      const d = await compareSpecs(dir, first.files);
      expect(d).toEqual({ ok: true, value: [{ file: 'MC_default.cfg', status: 'changed', line: 1 }, { file: 'MC_gone.tla', status: 'extra' }] });
      await writeSpecs(dir, first.files);
      expect(await compareSpecs(dir, first.files)).toEqual({ ok: true, value: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
