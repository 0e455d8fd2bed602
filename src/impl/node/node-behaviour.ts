/**
 * How a node behaves beyond its Junos configuration: the release-dependent
 * reaction to ICL loss and the daemon's timers.
 */
import type { IclLossAtActive } from '../domain.js';
import type { MnhaConfig } from '../config/config-types.js';

/** The node's timers, in milliseconds of the clock it is given. */
export interface NodeTiming {
  /** Period of heartbeats on the ICL. */
  readonly heartbeatIntervalMs: number;
  /** Silence on the ICL after which the node decides the ICL is down. */
  readonly heartbeatTimeoutMs: number;
  /** Period of activeness probes while probing. */
  readonly probeIntervalMs: number;
  /** Time a cold sync takes (from SRG0 entering coldSync, or the ICL coming back). */
  readonly coldSyncMs: number;
}

/** Release-dependent behaviour and timers. */
export interface NodeBehaviour {
  readonly iclLossAtActive: IclLossAtActive;
  readonly timing: NodeTiming;
}

/** Timers used when neither the configuration nor the caller sets them. */
export const DEFAULT_TIMING: NodeTiming = {
  heartbeatIntervalMs: 100,
  heartbeatTimeoutMs: 300,
  probeIntervalMs: 200,
  coldSyncMs: 500,
};

/**
 * The timers of a node: `liveness-detection minimum-interval` and
 * `multiplier` from the configuration set the heartbeat period and timeout,
 * then `overrides` apply.
 */
export function timingFor(config: MnhaConfig, overrides: Partial<NodeTiming> = {}): NodeTiming {
  const interval = config.peer.liveness.minimumIntervalMs ?? DEFAULT_TIMING.heartbeatIntervalMs;
  const multiplier = config.peer.liveness.multiplier ?? DEFAULT_TIMING.heartbeatTimeoutMs / DEFAULT_TIMING.heartbeatIntervalMs;
  return {
    heartbeatIntervalMs: interval,
    heartbeatTimeoutMs: interval * multiplier,
    probeIntervalMs: DEFAULT_TIMING.probeIntervalMs,
    coldSyncMs: DEFAULT_TIMING.coldSyncMs,
    ...overrides,
  };
}
