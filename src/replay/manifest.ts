/**
 * The manifest of kept traces (`traces/manifest.json`): every
 * counterexample the project keeps and what replaying it against the
 * implementation must show.
 *
 * ```json
 * { "traces": [
 *   { "trace": "router-fault/NoSplitBrain.itf.json", "expect": "reproduces", "why": "..." },
 *   { "trace": "regressions/x.itf.json", "expect": "departs", "at": { "step": 7, "variable": "srg1[n1]" }, "why": "..." }
 * ] }
 * ```
 *
 * - `reproduces`: a documented violation; the implementation follows the
 *   whole trace, so it reaches the violating state too;
 * - `follows`: any other trace the implementation must follow;
 * - `departs`: a flaw the implementation no longer has; it must part from
 *   the trace (at `at.step`, on `at.variable`, when given).
 *
 * Trace paths are relative to the manifest's folder.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { readTraceForReplay } from './read-trace.js';
import { type ReplayOptions, replayTrace } from './replay-trace.js';
import { type ReplayError, type ReplayResult, replayError } from './result.js';

/** What replay must show for a kept trace. */
export type ManifestExpectation = 'reproduces' | 'follows' | 'departs';

/** One kept trace. */
export interface ManifestEntry {
  /** Path relative to the manifest's folder. */
  readonly trace: string;
  readonly expect: ManifestExpectation;
  /** For `departs`: the step and a variable of the diff that must expose it. */
  readonly at?: { readonly step: number; readonly variable?: string };
  /** Why the trace is kept and why it must do this. */
  readonly why: string;
}

/** A manifest as read. */
export interface Manifest {
  /** Absolute path of the manifest file. */
  readonly path: string;
  readonly entries: readonly ManifestEntry[];
}

/** One kept trace replayed. */
export interface ManifestCheck {
  readonly entry: ManifestEntry;
  /** Absolute path of the trace. */
  readonly path: string;
  readonly result: ReplayResult;
  /** True when the result is what the entry expects. */
  readonly ok: boolean;
  /** One line saying why it is or is not as expected. */
  readonly verdict: string;
}

/** Every kept trace replayed. */
export interface ManifestReport {
  readonly manifest: string;
  readonly checks: readonly ManifestCheck[];
  /** True when every check is as expected. */
  readonly ok: boolean;
}

/** The manifest's default location. */
export const DEFAULT_MANIFEST = 'traces/manifest.json';

const HINT = 'fix traces/manifest.json (see src/replay/manifest.ts for its shape)';

function invalid(path: string, what: string): ReplayError {
  return replayError('MANIFEST_INVALID', `${path}: ${what}`, HINT);
}

function readEntry(path: string, raw: unknown, i: number): ManifestEntry | ReplayError {
  const where = `traces[${i}]`;
  if (typeof raw !== 'object' || raw === null) return invalid(path, `${where} is not an object`);
  const e = raw as Record<string, unknown>;
  if (typeof e.trace !== 'string' || e.trace === '') return invalid(path, `${where}.trace must be a path`);
  if (e.expect !== 'reproduces' && e.expect !== 'follows' && e.expect !== 'departs') {
    return invalid(path, `${where}.expect must be reproduces, follows or departs`);
  }
  if (typeof e.why !== 'string' || e.why === '') return invalid(path, `${where}.why must say why the trace is kept`);
  let at: ManifestEntry['at'];
  if (e.at !== undefined) {
    const a = e.at as Record<string, unknown>;
    if (e.expect !== 'departs') return invalid(path, `${where}.at is only for departs`);
    if (typeof a !== 'object' || a === null || !Number.isInteger(a.step) || (a.variable !== undefined && typeof a.variable !== 'string')) {
      return invalid(path, `${where}.at must be { step: integer, variable?: string }`);
    }
    at = { step: a.step as number, ...(typeof a.variable === 'string' ? { variable: a.variable } : {}) };
  }
  return { trace: e.trace, expect: e.expect, why: e.why, ...(at === undefined ? {} : { at }) };
}

/** Reads and checks a manifest file. */
export async function readManifest(path: string = DEFAULT_MANIFEST): Promise<Manifest | ReplayError> {
  const abs = resolve(path);
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(abs, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? `not JSON (${e.message})` : `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
    return invalid(path, why);
  }
  const traces = (doc as { traces?: unknown } | null)?.traces;
  if (!Array.isArray(traces)) return invalid(path, 'has no "traces" list');
  const entries: ManifestEntry[] = [];
  for (const [i, raw] of traces.entries()) {
    const entry = readEntry(path, raw, i);
    if ('outcome' in entry) return entry;
    entries.push(entry);
  }
  return { path: abs, entries };
}

/** The manifest entry of a trace file, if the manifest lists it. */
export function entryFor(manifest: Manifest, tracePath: string): ManifestEntry | undefined {
  const wanted = resolve(tracePath);
  return manifest.entries.find((e) => resolve(dirname(manifest.path), e.trace) === wanted);
}

/**
 * Whether `result` is what `expect` asks (for a trace not in the manifest,
 * `follows`), with one line saying why.
 */
export function judge(result: ReplayResult, entry: Pick<ManifestEntry, 'expect' | 'at'> | undefined): { ok: boolean; verdict: string } {
  const expect = entry?.expect ?? 'follows';
  if (result.outcome === 'error') return { ok: false, verdict: `cannot be replayed (${result.code})` };
  if (expect !== 'departs') {
    if (result.outcome === 'follows') {
      return { ok: true, verdict: expect === 'reproduces' ? 'reproduces the violation, as expected' : 'follows, as expected' };
    }
    return { ok: false, verdict: `expected to ${expect === 'reproduces' ? 'reproduce the violation' : 'follow'}, but departs at step ${result.step}` };
  }
  if (result.outcome === 'follows') return { ok: false, verdict: 'expected to depart, but follows the whole trace: the flaw is back' };
  if (entry?.at !== undefined && result.step !== entry.at.step) {
    return { ok: false, verdict: `departs at step ${result.step}, expected step ${entry.at.step}` };
  }
  const variable = entry?.at?.variable;
  if (variable !== undefined && !result.diff.some((d) => d.variable === variable)) {
    return { ok: false, verdict: `departs at step ${result.step} but not on ${variable}` };
  }
  return { ok: true, verdict: `departs at step ${result.step}, as expected` };
}

/**
 * Replays every trace `path`'s manifest lists and checks each does what
 * its entry says. Resolves to a report, or an error when the manifest
 * cannot be read.
 */
export async function replayManifest(path: string = DEFAULT_MANIFEST, options: ReplayOptions = {}): Promise<ManifestReport | ReplayError> {
  const manifest = await readManifest(path);
  if ('outcome' in manifest) return manifest;
  const checks: ManifestCheck[] = [];
  for (const entry of manifest.entries) {
    const tracePath = resolve(dirname(manifest.path), entry.trace);
    const read = await readTraceForReplay(tracePath);
    const result: ReplayResult = 'outcome' in read ? read : replayTrace(read, options);
    checks.push({ entry, path: tracePath, result, ...judge(result, entry) });
  }
  return { manifest: relative(process.cwd(), manifest.path) || manifest.path, checks, ok: checks.every((c) => c.ok) };
}
