/** Progress lines on stderr for long runs, and Ctrl-C handling that keeps what was found. */
import type { Progress } from '../explore/bfs.js';
import { num } from './format.js';

/** Prints one progress line on stderr. */
export function printProgress(label: string, p: Progress): void {
  process.stderr.write(
    `${label}: ${num(p.distinct)} distinct states, ${num(p.queue)} queued, depth ${p.depth}, `
    + `${num(p.statesPerSecond)} states/s, ${Math.round(p.heapUsedBytes / 2 ** 20)} MiB heap\n`,
  );
}

/**
 * Wraps a progress callback so that it prints at most once every `everyMs`
 * (default 2 s): a fast loop calling it often still gives a readable log.
 */
export function throttled<A extends unknown[]>(print: (...args: A) => void, everyMs = 2000): (...args: A) => void {
  let last = Date.now();
  return (...args: A) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    print(...args);
  };
}

/**
 * An AbortSignal fired by the first Ctrl-C (the run stops and reports what it
 * found, marked incomplete); a second Ctrl-C exits at once.
 */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  const onSigint = () => {
    if (ac.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: stopping and reporting what was found (Ctrl-C again to quit now)\n');
    ac.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: ac.signal, dispose: () => process.off('SIGINT', onSigint) };
}
