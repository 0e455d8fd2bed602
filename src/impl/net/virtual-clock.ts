/**
 * A virtual clock with a timer queue. Time moves only when told to, and
 * timers due at the same instant fire in the order they were set, so a run
 * depends on nothing but its inputs.
 */

/** Handle of a scheduled timer. */
export type TimerId = number;

interface Timer {
  readonly id: TimerId;
  readonly at: number;
  readonly owner: string;
  /** What the timer is for ("n1 probe", "icl delivery"), for the causes of a recorded run. */
  readonly label: string;
  readonly callback: () => void;
}

/** A timer that has just fired: when, whose, what for. */
export interface FiredTimer {
  readonly at: number;
  readonly owner: string;
  readonly label: string;
}

/** Bound on timers fired by one advance: a zero-delay loop is a bug, not a long run. */
const MAX_FIRINGS_PER_ADVANCE = 1_000_000;

/** Deterministic virtual time. */
export class VirtualClock {
  private time = 0;
  private nextId = 1;
  /** Sorted by (at, id): ids grow, so equal times fire in scheduling order. */
  private timers: Timer[] = [];

  /** A clock at the same time with no timers (for forking a network). */
  forkAt(): VirtualClock {
    const copy = new VirtualClock();
    copy.time = this.time;
    return copy;
  }

  /** Current virtual time in ms. */
  now(): number {
    return this.time;
  }

  /** Calls `callback` after `delayMs` (at least 0). `owner` lets a crash cancel a device's timers together. */
  schedule(delayMs: number, callback: () => void, owner = 'world', label = owner): TimerId {
    return this.scheduleAt(this.time + Math.max(0, delayMs), callback, owner, label);
  }

  /** Calls `callback` at absolute time `at` (not before now). */
  scheduleAt(at: number, callback: () => void, owner = 'world', label = owner): TimerId {
    const timer: Timer = { id: this.nextId, at: Math.max(at, this.time), owner, label, callback };
    this.nextId += 1;
    // binary search for the first timer strictly after (at, id); ids only grow so ties go last
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.timers[mid] as Timer).at <= timer.at) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    return timer.id;
  }

  /**
   * Calls `callback` now, before any other timer due at this instant: the
   * second half of an event split in two for the recorder's sake (see
   * `MnhaNetwork`'s deliveries), which must not let anything in between.
   */
  scheduleFirst(callback: () => void, owner = 'world', label = owner): TimerId {
    const timer: Timer = { id: this.nextId, at: this.time, owner, label, callback };
    this.nextId += 1;
    this.timers.unshift(timer);
    return timer.id;
  }

  /** Cancels one timer; false when it had already fired or was cancelled. */
  cancel(id: TimerId): boolean {
    const index = this.timers.findIndex((timer) => timer.id === id);
    if (index < 0) return false;
    this.timers.splice(index, 1);
    return true;
  }

  /** Cancels every timer of `owner`; returns how many. */
  cancelOwner(owner: string): number {
    const before = this.timers.length;
    this.timers = this.timers.filter((timer) => timer.owner !== owner);
    return before - this.timers.length;
  }

  /** Number of pending timers (of `owner`, when given). */
  pending(owner?: string): number {
    return owner === undefined ? this.timers.length : this.timers.filter((timer) => timer.owner === owner).length;
  }

  /** Time of the earliest pending timer, or null. */
  nextAt(): number | null {
    return this.timers[0]?.at ?? null;
  }

  /**
   * Fires the earliest pending timer alone (time moves to its instant), so
   * that a recorder can look at the world after every single event, even
   * when several fall on the same instant. Returns it, or null when none is
   * pending or the earliest is later than `until`.
   */
  fireNext(until = Infinity): FiredTimer | null {
    const next = this.timers[0];
    if (next === undefined || next.at > until) return null;
    this.timers.shift();
    this.time = next.at;
    next.callback();
    return { at: next.at, owner: next.owner, label: next.label };
  }

  /** Moves time forward by `ms`, firing every timer due on the way; returns how many fired. */
  advance(ms: number): number {
    return this.advanceTo(this.time + Math.max(0, ms));
  }

  /** Moves time to `target`, firing due timers in order (time is each timer's own when it fires). */
  advanceTo(target: number): number {
    let fired = 0;
    for (let next = this.timers[0]; next !== undefined && next.at <= target; next = this.timers[0]) {
      this.timers.shift();
      this.time = next.at;
      next.callback();
      fired += 1;
      if (fired > MAX_FIRINGS_PER_ADVANCE) throw new Error(`virtual clock: more than ${MAX_FIRINGS_PER_ADVANCE} timers fired before ${target} ms`);
    }
    this.time = Math.max(this.time, target);
    return fired;
  }
}
