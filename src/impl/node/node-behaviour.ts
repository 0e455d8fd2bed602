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
  /** Time a cold sync takes (from SRG0 entering coldSync). */
  readonly coldSyncMs: number;
  /** Delay of the preemption timer, from seeing a healthy higher-priority backup peer. */
  readonly preemptDelayMs: number;
  /** Delay of IKE negotiation after becoming active without an SA in use. */
  readonly ikeDelayMs: number;
}

/** Release-dependent behaviour and timers. */
export interface NodeBehaviour {
  readonly iclLossAtActive: IclLossAtActive;
  /**
   * The protection against stale state notifications (models/mnha/PROTOCOL.md,
   * "Asking"): a node that leaves ineligible while it sees the ICL, or hands
   * activeness over, claims nothing until its peer has answered.
   */
  readonly waitForAnswer: boolean;
  readonly timing: NodeTiming;
}

/** Timers used when neither the configuration nor the caller sets them. */
export const DEFAULT_TIMING: NodeTiming = {
  heartbeatIntervalMs: 100,
  heartbeatTimeoutMs: 300,
  probeIntervalMs: 200,
  coldSyncMs: 500,
  preemptDelayMs: 300,
  ikeDelayMs: 50,
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
    preemptDelayMs: DEFAULT_TIMING.preemptDelayMs,
    ikeDelayMs: DEFAULT_TIMING.ikeDelayMs,
    ...overrides,
  };
}
