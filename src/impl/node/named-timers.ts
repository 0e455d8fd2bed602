/**
 * A node's one-shot timers, by name, over its clock port: setting a timer
 * replaces the pending one of the same name, so a daemon never has two
 * heartbeat (or probe, or ...) timers running.
 */
import type { Clock, TimerHandle } from './ports.js';

/** Named one-shot timers. */
export class NamedTimers<Name extends string> {
  private readonly handles = new Map<Name, TimerHandle>();

  constructor(private readonly clock: Clock) {}

  /** Starts (or restarts) timer `name`: `callback` runs after `delayMs` unless cleared first. */
  set(name: Name, delayMs: number, callback: () => void): void {
    this.clear(name);
    const handle = this.clock.setTimeout(delayMs, () => {
      this.handles.delete(name);
      callback();
    }, name);
    this.handles.set(name, handle);
  }

  /** True while timer `name` is pending. */
  pending(name: Name): boolean {
    return this.handles.has(name);
  }

  /** Cancels timer `name` if pending. */
  clear(name: Name): void {
    const handle = this.handles.get(name);
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.handles.delete(name);
  }

  /** Cancels every pending timer. */
  clearAll(): void {
    for (const name of [...this.handles.keys()]) this.clear(name);
  }
}
