/**
 * Writing a generated `specs/` folder and comparing it with what is there.
 * Each file is written whole (a temporary file in the same folder, then a
 * rename), and only files that changed are touched. Files the exporter
 * generates but no longer produces (an `MC_*` of a removed scenario) are
 * removed; any other file in the folder is left alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { TlaResult } from './errors.js';
import { firstDifference } from './generate-specs.js';

/** How one file of the folder differs from what the export produces. */
export interface SpecDifference {
  readonly file: string;
  /** `missing`: not in the folder; `changed`: different text; `extra`: generated once, produced no more. */
  readonly status: 'missing' | 'changed' | 'extra';
  /** For `changed`, the first line that differs (1-based). */
  readonly line?: number;
}

/** Whether a file name is one the exporter writes (and so may remove). */
function looksGenerated(name: string, expected: ReadonlyMap<string, string>): boolean {
  return expected.has(name) || /^MC_[A-Za-z0-9_]+\.(tla|cfg)$/.test(name);
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

function ioError<T>(e: unknown, what: string): TlaResult<T> {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return { ok: false, error: { code: 'TLA_IO', message: `cannot ${what}: ${code}`, hint: 'check the folder and its permissions' } };
}

/** Compares `dir` with the files the export produces; empty when it is up to date. */
export async function compareSpecs(dir: string, files: ReadonlyMap<string, string>): Promise<TlaResult<SpecDifference[]>> {
  try {
    const out: SpecDifference[] = [];
    for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const have = await readOrUndefined(join(dir, name));
      if (have === undefined) out.push({ file: name, status: 'missing' });
      else if (have !== content) out.push({ file: name, status: 'changed', line: firstDifference(have, content)?.line ?? 1 });
    }
    for (const name of (await listDir(dir)).sort()) {
      if (!files.has(name) && looksGenerated(name, files)) out.push({ file: name, status: 'extra' });
    }
    return { ok: true, value: out };
  } catch (e) {
    return ioError(e, `read ${dir}`);
  }
}

/** Writes the files into `dir` (only those that changed) and removes generated files no longer produced. */
export async function writeSpecs(dir: string, files: ReadonlyMap<string, string>): Promise<TlaResult<SpecDifference[]>> {
  const diff = await compareSpecs(dir, files);
  if (!diff.ok) return diff;
  try {
    await mkdir(dir, { recursive: true });
    for (const d of diff.value) {
      const path = join(dir, d.file);
      if (d.status === 'extra') {
        await rm(path, { force: true });
        continue;
      }
      const tmp = join(dir, `.${d.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        await writeFile(tmp, files.get(d.file)!, { encoding: 'utf8', flag: 'wx' });
        await rename(tmp, path);
      } catch (e) {
        await rm(tmp, { force: true }).catch(() => undefined);
        throw e;
      }
    }
    return diff;
  } catch (e) {
    return ioError(e, `write ${dir}`);
  }
}
