/**
 * Keeping no Java behind. TLC runs in a process group of its own (spawned
 * detached) so that it, and anything it starts, can be ended at once. The
 * price is that the terminal's Ctrl-C no longer reaches it directly, so
 * while it runs, ha-verify's own end (exit, SIGINT, SIGTERM, SIGHUP) takes
 * the group along.
 */
import type { ChildProcess } from 'node:child_process';

import { removeTempDirsNow } from './temp-dirs.js';

/** Sends `signal` to the child's whole process group (to the child alone on Windows). */
export function killProcessGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform !== 'win32') {
    try {
      process.kill(-pid, signal);
      return;
    } catch {
      // The group is gone already, or was never made: fall back on the child.
    }
  }
  try {
    child.kill(signal);
  } catch {
    // Already ended.
  }
}

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Until the returned function is called, ends the child's group when this
 * process exits or receives SIGINT, SIGTERM or SIGHUP. A signal nobody else
 * listens to is then raised again, so this process still ends as it would
 * have without the guard; the group is killed and the runs' temporary
 * folders removed first, since nothing runs after that.
 */
export function guardProcessGroup(child: ChildProcess): () => void {
  const onExit = (): void => killProcessGroup(child, 'SIGKILL');
  const handlers = new Map<NodeJS.Signals, () => void>();
  const release = (): void => {
    process.off('exit', onExit);
    for (const [sig, h] of handlers) process.off(sig, h);
    handlers.clear();
  };
  for (const sig of FORWARDED) {
    const h = (): void => {
      if (process.listenerCount(sig) === 1) {
        killProcessGroup(child, 'SIGKILL');
        removeTempDirsNow();
        release();
        process.kill(process.pid, sig);
        return;
      }
      killProcessGroup(child, 'SIGTERM');
    };
    handlers.set(sig, h);
    process.on(sig, h);
  }
  process.on('exit', onExit);
  return release;
}
