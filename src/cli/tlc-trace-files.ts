/**
 * Writes the counterexamples TLC found as ITF files, where the built-in
 * engine writes its own (`<out>/<scenario>/<property>.itf.json`), so that
 * `view` and `replay` take them. Beside the built-in engine's (`--engine
 * both`) they get a `.tlc` mark. A property that now holds loses the stale
 * file of an earlier run, as with the built-in engine.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { TlcCheckReport } from '../tla/index.js';
import { writeItfTraceFile } from '../trace/index.js';

/** What was written: property name to file, and what could not be. */
export interface WrittenTraces {
  readonly files: ReadonlyMap<string, string>;
  /** One line per trace that could not be written. */
  readonly errors: readonly string[];
}

/** The file of a property's TLC trace: `<out>/<scenario>/<property><mark>.itf.json`. */
export function tlcTracePath(outDir: string, scenario: string, property: string, mark: '' | '.tlc'): string {
  return join(outDir, scenario, `${property}${mark}.itf.json`);
}

/** Writes every trace of `report` under `outDir` (see the module comment). */
export async function writeTlcTraces(report: TlcCheckReport, outDir: string, mark: '' | '.tlc'): Promise<WrittenTraces> {
  const files = new Map<string, string>();
  const errors: string[] = [];
  const withTrace = report.properties.filter((p) => p.trace !== undefined);
  if (withTrace.length > 0) {
    try {
      await mkdir(join(outDir, report.scenario), { recursive: true });
    } catch (e) {
      return { files, errors: [`cannot create ${join(outDir, report.scenario)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`] };
    }
  }
  for (const p of withTrace) {
    const file = tlcTracePath(outDir, report.scenario, p.name, mark);
    const w = await writeItfTraceFile(file, p.trace!);
    if (w.ok) files.set(p.name, file);
    else errors.push(w.error.message);
  }
  if (report.complete) {
    for (const p of report.properties) {
      if (p.verdict === 'holds') await rm(tlcTracePath(outDir, report.scenario, p.name, mark), { force: true });
    }
  }
  return { files, errors };
}
