/**
 * Reading a trace file (and, optionally, a replay result file) into a view,
 * and where its page goes by default.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readItfTraceFile } from '../trace/index.js';
import type { ViewResult } from './meta.js';
import { type PropertyModelResolver, mnhaPropertyModel } from './property-model.js';
import { type PropertyText, propertyTextOf } from './property-text.js';
import { type TraceView, buildTraceView } from './view-model.js';

/** Options of {@link loadTraceView}. */
export interface LoadOptions {
  /** A JSON file holding a replay result (see `ReplayResult`), shown instead of `#meta.replay`. */
  readonly replayPath?: string;
  /** A replay result itself (as `replay` returns it), shown instead of `#meta.replay`; `replayPath` wins. */
  readonly replay?: unknown;
  /** The TLA+ spec to read the property's description and formula from; default the repository's `specs/MNHA.tla`. */
  readonly specPath?: string;
  /** Finds the model of the trace's property, to evaluate it per step; default the MNHA scenarios of this repository. */
  readonly resolveProperty?: PropertyModelResolver;
}

/** The generated spec next to the sources, found from this file so that any working folder works. */
const DEFAULT_SPEC = fileURLToPath(new URL('../../specs/MNHA.tla', import.meta.url));

/** The property text of `property` in the spec at `specPath`; none when the file or the definition is missing (traces of other models). */
async function propertyTextFrom(specPath: string, property: string | undefined): Promise<PropertyText | undefined> {
  if (property === undefined) return undefined;
  try {
    return propertyTextOf(await readFile(specPath, 'utf8'), property);
  } catch {
    return undefined;
  }
}

/**
 * Reads and validates a `*.itf.json` file (states need not record their
 * actions, so traces of other tools can be viewed) and builds its view.
 * Fails with the trace reader's error (`ITF_READ_FAILED`, `ITF_NOT_JSON`,
 * `ITF_MALFORMED`), or `VIEW_BAD_META` / `VIEW_BAD_REPLAY`, each naming the
 * file and what is wrong.
 */
export async function loadTraceView(path: string, options: LoadOptions = {}): Promise<ViewResult<TraceView>> {
  const trace = await readItfTraceFile(path, { requireActions: false });
  if (!trace.ok) return trace;
  let replay: unknown = options.replay;
  if (options.replayPath !== undefined) {
    const where = options.replayPath;
    let text: string;
    try {
      text = await readFile(where, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      return { ok: false, error: { code: 'VIEW_BAD_REPLAY', message: `cannot read replay result ${where}: ${code}`, hint: 'check the path of --replay' } };
    }
    try {
      replay = JSON.parse(text);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'VIEW_BAD_REPLAY', message: `replay result ${where} is not JSON (${reason})`, hint: 'pass the JSON file that replay wrote' } };
    }
  }
  if (options.replayPath !== undefined) {
    const picked = pickReplayResult(replay, path, options.replayPath);
    if (!picked.ok) return picked;
    replay = picked.value;
  }
  const meta = (trace.value as { '#meta'?: { property?: unknown } })['#meta'];
  const propertyText = await propertyTextFrom(options.specPath ?? DEFAULT_SPEC, typeof meta?.property === 'string' ? meta.property : undefined);
  const scenario = (meta as { scenario?: unknown } | undefined)?.scenario;
  const propertyModel =
    typeof scenario === 'string' && typeof meta?.property === 'string' ? (options.resolveProperty ?? mnhaPropertyModel)(scenario, meta.property) : undefined;
  const view = buildTraceView(trace.value, {
    source: path,
    ...(replay !== undefined ? { replay } : {}),
    ...(propertyText ? { propertyText } : {}),
    ...(propertyModel ? { propertyModel } : {}),
  });
  if (view.ok) return view;
  const file = view.error.code === 'VIEW_BAD_REPLAY' && options.replayPath !== undefined ? options.replayPath : path;
  return { ok: false, error: { ...view.error, message: `${file}: ${view.error.message}` } };
}

/**
 * The replay result of `tracePath` in what a `--replay` file holds: one
 * result as is, or, from what `replay --json` prints (`{"ok", "traces":
 * [{"trace", "result", ...}]}`), the entry of that trace (the same path
 * once resolved), else the only entry. Anything else is left to the
 * replay-result check, which names what is wrong.
 */
export function pickReplayResult(doc: unknown, tracePath: string, where: string): ViewResult<unknown> {
  if (typeof doc !== 'object' || doc === null || 'outcome' in doc || !Array.isArray((doc as { traces?: unknown }).traces)) return { ok: true, value: doc };
  const entries = (doc as { traces: unknown[] }).traces.filter((e): e is { trace: unknown; result: unknown } => typeof e === 'object' && e !== null && 'result' in e);
  const same = entries.filter((e) => typeof e.trace === 'string' && resolve(e.trace) === resolve(tracePath));
  const chosen = same.length === 1 ? same[0] : entries.length === 1 ? entries[0] : undefined;
  if (chosen !== undefined) return { ok: true, value: chosen.result };
  return {
    ok: false,
    error: {
      code: 'VIEW_BAD_REPLAY',
      message: `${where}: replay output of ${entries.length} traces, none of them ${tracePath}`,
      hint: "replay this trace ('ha-verify replay TRACE --json'), or pass the file of its own replay result",
    },
  };
}

/**
 * Where `ha-verify view` writes a trace's page when not told: next to the
 * reports, `reports/<scenario>/<property>.html` when the trace names both,
 * else `reports/view/<file name without .itf.json>.html` (relative to `cwd`).
 * Names are reduced to letters, digits, `_`, `-` and single dots, so that
 * they stay one path segment each.
 */
export function defaultViewerPath(view: TraceView, tracePath: string, cwd = '.'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/\.{2,}/g, '_').replace(/^\./, '_') || '_';
  const { scenario, property } = view.info;
  if (scenario !== undefined && property !== undefined) return join(cwd, 'reports', safe(scenario), `${safe(property)}.html`);
  const name = basename(tracePath).replace(/\.itf\.json$|\.json$/i, '');
  return join(cwd, 'reports', 'view', `${safe(name)}.html`);
}
