/** Progress lines on stderr for TLC runs, from the TLC engine's events. */
import type { TlcEngineEvent } from '../tla/index.js';
import { num } from './format.js';

/** The line for one event of the TLC engine on `scenario`. */
export function tlcProgressLine(scenario: string, e: TlcEngineEvent): string {
  const who = `${scenario} (TLC run ${e.run})`;
  switch (e.kind) {
    case 'run-started':
      if (e.environment !== undefined) return `${who}: checking ${e.checking} ${e.checking === 1 ? 'property' : 'properties'} under the stated environment ${e.environment} (Spec${e.environment})`;
      return e.without.length === 0
        ? `${who}: checking ${e.checking} properties`
        : `${who}: checking the other ${e.checking} properties (without ${e.without.join(', ')}, found violated)`;
    case 'progress': {
      const p = e.progress;
      const rate = p.distinct !== undefined ? `, ${num(p.distinct / Math.max(0.001, e.elapsedMs / 1000))} states/s` : '';
      const queued = p.leftOnQueue !== undefined ? `, ${num(p.leftOnQueue)} queued` : '';
      return `${who}: ${num(p.distinct ?? 0)} distinct states${queued}, depth ${p.depth}${rate}`;
    }
    case 'temporal-check':
      return `${who}: every state explored; checking the liveness properties`;
    case 'violation':
      return `${who}: ${e.properties.join(', ')} violated`;
  }
}

/** Prints {@link tlcProgressLine} on stderr. */
export function printTlcProgress(scenario: string, e: TlcEngineEvent): void {
  process.stderr.write(tlcProgressLine(scenario, e) + '\n');
}
