/**
 * Weighted monitoring of one SRG: monitored objects carry weights, and the
 * SRG fails on this node when the weights of the failed objects reach the
 * threshold (MNHA.md section 5).
 */
import type { MonitorStatus } from '../domain.js';
import type { MonitorConfig, MonitoringConfig } from '../config/config-types.js';

/** Name of the stand-in monitor of an SRG configured without monitors. */
export const IMPLICIT_MONITOR = 'srg-health';

/** The name a monitor is addressed by: its kind and target, e.g. "interface ge-0/0/4". */
export function monitorName(monitor: MonitorConfig): string {
  return `${monitor.kind} ${monitor.target}`;
}

/** What `MonitorSet.set` did. */
export type MonitorChange = 'changed' | 'unchanged' | 'unknown-monitor';

/** The monitors of one SRG on one node and their current health. */
export class MonitorSet {
  private readonly weights = new Map<string, number>();
  private readonly down = new Set<string>();
  readonly threshold: number;

  /**
   * With no monitor configured the SRG still gets one, weighing the whole
   * threshold, so that "the SRG's monitor fails" (the model's single event
   * per node and SRG) has something to act on.
   */
  constructor(config: MonitoringConfig) {
    this.threshold = config.threshold;
    if (config.monitors.length === 0) this.weights.set(IMPLICIT_MONITOR, config.threshold);
    for (const monitor of config.monitors) this.weights.set(monitorName(monitor), monitor.weight);
  }

  /** A copy of the set, its health included. */
  clone(): MonitorSet {
    const copy = Object.create(MonitorSet.prototype) as MonitorSet;
    Object.assign(copy, { weights: new Map(this.weights), down: new Set(this.down), threshold: this.threshold });
    return copy;
  }

  /** Monitor names, sorted. */
  names(): string[] {
    return [...this.weights.keys()].sort();
  }

  /** Records one monitor's health. */
  set(name: string, status: MonitorStatus): MonitorChange {
    if (!this.weights.has(name)) return 'unknown-monitor';
    const wasDown = this.down.has(name);
    if (status === 'down') this.down.add(name);
    else this.down.delete(name);
    return wasDown === (status === 'down') ? 'unchanged' : 'changed';
  }

  /** Sum of the weights of the failed monitors. */
  failedWeight(): number {
    let sum = 0;
    for (const name of this.down) sum += this.weights.get(name) ?? 0;
    return sum;
  }

  /** True when the failed weight has reached the threshold: the SRG fails on this node. */
  failed(): boolean {
    return this.failedWeight() >= this.threshold;
  }

  /** Names of the failed monitors, sorted. */
  failedNames(): string[] {
    return [...this.down].sort();
  }
}
