/**
 * Writing viewer pages and the report index to files, for `ha-verify view`
 * and `ha-verify verify`. Every file is written whole or not at all (a
 * temporary file in the same folder, renamed once complete).
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

import { htmlOfView } from './html.js';
import { type IndexEntry, type IndexKept, type IndexOptions, type IndexVerdict, renderIndexHtml } from './index-html.js';
import { loadTraceView } from './load.js';
import type { ViewResult } from './meta.js';
import type { PropertyModelResolver } from './property-model.js';

/**
 * Writes `text` to `path` whole or not at all, creating the folder. Throws
 * the file system's error (with its `code`) when it cannot.
 */
export async function writeFileWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

function writeFailed(path: string, e: unknown): ViewResult<never> {
  const code = (e as NodeJS.ErrnoException).code ?? String(e);
  return { ok: false, error: { code: 'ITF_WRITE_FAILED', message: `cannot write ${path}: ${code}`, hint: 'check that the folder is writable' } };
}

/**
 * Reads the trace at `tracePath` and writes its viewer page to `outPath`.
 * `options.replay` is a replay result (as `replay` returns it) to show;
 * `options.resolveProperty` finds the model of its property (default: the
 * scenario the trace names).
 * Resolves to the path written, or to the error (malformed trace, bad
 * replay result, unwritable file) with nothing written; never throws.
 */
export async function writeTraceHtml(
  tracePath: string,
  outPath: string,
  options: { readonly replay?: unknown; readonly resolveProperty?: PropertyModelResolver } = {},
): Promise<ViewResult<string>> {
  const view = await loadTraceView(tracePath, {
    ...(options.replay !== undefined ? { replay: options.replay } : {}),
    ...(options.resolveProperty !== undefined ? { resolveProperty: options.resolveProperty } : {}),
  });
  if (!view.ok) return view;
  try {
    await writeFileWhole(outPath, htmlOfView(view.value));
    return { ok: true, value: outPath };
  } catch (e) {
    return writeFailed(outPath, e);
  }
}

/** One row of a `verify` run, as `ha-verify verify` keeps it (paths relative to the working folder). */
export interface VerifyRow {
  readonly scenario: string;
  readonly property: string;
  readonly kind?: string;
  readonly expected?: string;
  readonly verdict: string;
  readonly asExpected?: boolean;
  /** The counterexample's `*.itf.json`. */
  readonly trace?: string;
  /** One line saying what the replay of the trace gave. */
  readonly replay?: string;
  /** The counterexample's viewer page. */
  readonly viewer?: string;
}

function linkFrom(dir: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  return relative(dir, path).split(sep).join('/');
}

/**
 * The index entries of `verify` rows: one per scenario in the order they
 * come, with links relative to `reportsDir` (where the index goes).
 */
export function indexEntriesOf(rows: readonly VerifyRow[], reportsDir: string): IndexEntry[] {
  const byScenario = new Map<string, IndexVerdict[]>();
  for (const r of rows) {
    const verdicts = byScenario.get(r.scenario) ?? [];
    byScenario.set(r.scenario, verdicts);
    const expected = r.expected === 'holds' || r.expected === 'violated' ? r.expected : undefined;
    const viewer = linkFrom(reportsDir, r.viewer);
    const trace = linkFrom(reportsDir, r.trace);
    verdicts.push({
      property: r.property,
      verdict: r.verdict,
      ...(r.kind !== undefined ? { kind: r.kind } : {}),
      ...(expected !== undefined ? { expected } : {}),
      ...(viewer !== undefined ? { viewer } : {}),
      ...(trace !== undefined ? { trace } : {}),
      ...(r.replay !== undefined ? { note: `replay: ${r.replay}` } : {}),
    });
  }
  return [...byScenario].map(([scenario, verdicts]) => ({ scenario, verdicts }));
}

/** A kept trace of a manifest and what its replay gave, as `verify` reports it. */
export interface KeptRow {
  /** The trace as the manifest names it (relative to the manifest's folder). */
  readonly trace: string;
  readonly expect: string;
  readonly ok: boolean;
  readonly verdict: string;
  /** Its replay result, shown on its page (the implementation beside the model). */
  readonly result?: unknown;
}

/**
 * Writes a viewer page for every kept trace of the manifest at
 * `manifestPath` (under `reportsDir/kept/`) and gives the index rows that
 * link them. A trace whose page cannot be written is listed without one.
 */
export async function keptIndexRows(kept: readonly KeptRow[], manifestPath: string, reportsDir: string): Promise<IndexKept[]> {
  const out: IndexKept[] = [];
  for (const k of kept) {
    const trace = join(dirname(manifestPath), k.trace);
    const page = join(reportsDir, 'kept', `${k.trace.replace(/\.itf\.json$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/\.{2,}/g, '_')}.html`);
    const written = (await exists(trace)) ? await writeTraceHtml(trace, page, k.result !== undefined ? { replay: k.result } : {}) : undefined;
    out.push({
      name: k.trace, expect: k.expect, ok: k.ok, verdict: k.verdict,
      ...(written?.ok ? { viewer: linkFrom(reportsDir, page) as string } : {}),
      ...((await exists(trace)) ? { trace: linkFrom(reportsDir, trace) as string } : {}),
    });
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `reportsDir/index.html` for the rows of a `verify` run, linking
 * each counterexample to its viewer page (when that page exists) and its
 * trace. Resolves to the path written or the error; never throws.
 */
export async function writeIndexHtml(rows: readonly VerifyRow[], reportsDir: string, options: IndexOptions = {}): Promise<ViewResult<string>> {
  const present: VerifyRow[] = [];
  for (const r of rows) {
    present.push(r.viewer !== undefined && !(await exists(r.viewer)) ? { ...r, viewer: undefined } : r);
  }
  const out = join(reportsDir, 'index.html');
  try {
    await writeFileWhole(out, renderIndexHtml(indexEntriesOf(present, reportsDir), options));
    return { ok: true, value: out };
  } catch (e) {
    return writeFailed(out, e);
  }
}
