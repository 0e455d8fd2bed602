import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { type ItfTrace, parseItfTrace } from '../../src/trace/index.js';
import { type TraceView, buildTraceView, type ViewOptions } from '../../src/viewer/index.js';

/** Absolute path of a fixture of the viewer tests. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** The hand-written router-fault split-brain trace. */
export const SPLIT_BRAIN = 'router-fault-split-brain.itf.json';

/** A fixture trace, parsed and validated (states need not record actions). */
export function loadFixture(name: string): ItfTrace {
  const r = parseItfTrace(readFileSync(fixturePath(name), 'utf8'), { requireActions: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The view of a fixture trace; throws if it cannot be built. */
export function viewOf(trace: ItfTrace, options: ViewOptions = {}): TraceView {
  const r = buildTraceView(trace, options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A deep copy of a trace with its top-level `#meta` changed. */
export function withMeta(trace: ItfTrace, meta: Record<string, unknown>): ItfTrace {
  const copy = JSON.parse(JSON.stringify(trace)) as { '#meta'?: Record<string, unknown> };
  copy['#meta'] = { ...(copy['#meta'] ?? {}), ...meta };
  return copy as unknown as ItfTrace;
}
