/**
 * Reading and writing `*.itf.json` files. Writing is all or nothing: the text
 * goes to a temporary file in the destination's folder, which is renamed over
 * the destination only once it is complete, so a reader (or a crash) never
 * sees half a trace.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { ItfResult, ItfTrace } from './itf-types.js';
import { type ItfValidateOptions, parseItfTrace, validateItfTrace } from './itf-validate.js';

/**
 * The text ha-verify writes for a trace: JSON, two-space indented, ending in
 * a newline. Deterministic for a given trace object.
 */
export function formatItfTrace(trace: ItfTrace): string {
  return JSON.stringify(trace, null, 2) + '\n';
}

/**
 * Reads and validates a `*.itf.json` file. Fails with `ITF_READ_FAILED` when
 * the file cannot be read, else as {@link parseItfTrace}.
 */
export async function readItfTraceFile(path: string, options: ItfValidateOptions = {}): Promise<ItfResult<ItfTrace>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return {
      ok: false,
      error: {
        code: 'ITF_READ_FAILED',
        message: `cannot read trace ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        hint: 'check the path and its permissions',
      },
    };
  }
  const r = parseItfTrace(text, options);
  if (r.ok) return r;
  return { ok: false, error: { ...r.error, message: `${path}: ${r.error.message}` } };
}

/**
 * Validates `trace` and writes it to `path` whole or not at all (temporary
 * file in the same folder, then rename). A trace that is not valid is
 * refused with `ITF_MALFORMED` and nothing is written; a write that fails
 * gives `ITF_WRITE_FAILED` and leaves neither the temporary file nor a
 * partial `path`. Succeeds with the path written.
 */
export async function writeItfTraceFile(
  path: string,
  trace: ItfTrace,
  options: ItfValidateOptions = {},
): Promise<ItfResult<string>> {
  const valid = validateItfTrace(trace, options);
  if (!valid.ok) return valid;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, formatItfTrace(trace), { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, path);
    return { ok: true, value: path };
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    return {
      ok: false,
      error: {
        code: 'ITF_WRITE_FAILED',
        message: `cannot write trace ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        hint: 'check that the folder exists and is writable',
      },
    };
  }
}
