/**
 * Writes the `set` lines of a node from a few options, so that tests, replay
 * and scenarios build configurations through the same reader users go
 * through (and so are checked the same way).
 */
import type { ConfigResult } from './config-errors.js';
import type { MonitorKind } from './config-types.js';
import { readSetLines } from './read-set-lines.js';

/** A monitor to configure; the weight defaults to Junos's (one failure fails the SRG). */
export interface MonitorOption {
  readonly kind: MonitorKind;
  readonly target: string;
  readonly weight?: number;
}

/** The options a node configuration is written from. Only the ids are required. */
export interface NodeConfigOptions {
  readonly localId: number;
  readonly peerId: number;
  /** Default 10.0.0.<localId>. */
  readonly localIp?: string;
  /** Default 10.0.0.<peerId>. */
  readonly peerIp?: string;
  readonly activenessPriority?: number;
  readonly preemption?: boolean;
  /** Whether SRG1 has a backup-signal-route (default true); without one the backup advertises low. */
  readonly backupSignalRoute?: boolean;
  /** Default 192.0.2.1. */
  readonly probeDestIp?: string;
  /** The floating IP on lo0 and the probe source. Default 198.51.100.10. */
  readonly floatingIp?: string;
  readonly shutdownOnFailure?: readonly string[];
  readonly srg0Monitors?: readonly MonitorOption[];
  readonly srg0Threshold?: number;
  readonly srg1Monitors?: readonly MonitorOption[];
  readonly srg1Threshold?: number;
  /** IPsec VPNs carried by SRG1 (`managed-services ipsec`). */
  readonly vpns?: readonly string[];
  /** Encrypt the ICL with an IKEv2 VPN named L3HA_IPSEC_VPN. */
  readonly haLinkEncryption?: boolean;
  readonly liveness?: { readonly minimumIntervalMs: number; readonly multiplier: number };
}

const HA = 'set chassis high-availability';

/** The `set` lines for `options`, in the order an operator would write them. */
export function renderSetLines(options: NodeConfigOptions): string[] {
  const o = options;
  const srg0 = `${HA} services-redundancy-group 0`;
  const srg1 = `${HA} services-redundancy-group 1`;
  const floating = o.floatingIp ?? '198.51.100.10';
  const lines = [
    `${HA} local-id ${o.localId} local-ip ${o.localIp ?? `10.0.0.${o.localId}`}`,
    `${HA} peer-id ${o.peerId} peer-ip ${o.peerIp ?? `10.0.0.${o.peerId}`}`,
    `${HA} peer-id ${o.peerId} interface lo0.0`,
  ];
  if (o.liveness) {
    lines.push(`${HA} peer-id ${o.peerId} liveness-detection minimum-interval ${o.liveness.minimumIntervalMs}`);
    lines.push(`${HA} peer-id ${o.peerId} liveness-detection multiplier ${o.liveness.multiplier}`);
  }
  if (o.haLinkEncryption) lines.push(`${HA} peer-id ${o.peerId} vpn-profile L3HA_IPSEC_VPN`);
  lines.push(`${srg0} peer-id ${o.peerId}`);
  for (const name of o.shutdownOnFailure ?? []) lines.push(`${srg0} shutdown-on-failure ${name}`);
  if (o.srg0Threshold !== undefined) lines.push(`${srg0} monitor srg-threshold ${o.srg0Threshold}`);
  for (const m of o.srg0Monitors ?? []) lines.push(`${srg0} monitor ${m.kind} ${m.target}${m.weight === undefined ? '' : ` weight ${m.weight}`}`);
  lines.push(`${srg1} deployment-type routing`, `${srg1} peer-id ${o.peerId}`);
  if (o.activenessPriority !== undefined) lines.push(`${srg1} activeness-priority ${o.activenessPriority}`);
  if (o.preemption) lines.push(`${srg1} preemption`);
  lines.push(
    `${srg1} activeness-probe dest-ip ${o.probeDestIp ?? '192.0.2.1'} src-ip ${floating}`,
    `${srg1} active-signal-route 10.39.1.1`,
  );
  if (o.backupSignalRoute ?? true) lines.push(`${srg1} backup-signal-route 10.39.1.2`);
  if (o.srg1Threshold !== undefined) lines.push(`${srg1} monitor srg-threshold ${o.srg1Threshold}`);
  for (const m of o.srg1Monitors ?? []) lines.push(`${srg1} monitor ${m.kind} ${m.target}${m.weight === undefined ? '' : ` weight ${m.weight}`}`);
  lines.push(`set interfaces lo0 unit 0 family inet address ${floating}/32`);
  if ((o.vpns ?? []).length > 0) {
    lines.push(`${srg1} managed-services ipsec`);
    for (const vpn of o.vpns ?? []) {
      lines.push(`set security ike gateway ${vpn}_GW local-address ${floating}`, `set security ike gateway ${vpn}_GW version v2-only`, `set security ipsec vpn ${vpn} ike gateway ${vpn}_GW`);
    }
  }
  if (o.haLinkEncryption) {
    lines.push(
      'set security ike gateway ICL_GW version v2-only',
      'set security ipsec vpn L3HA_IPSEC_VPN ike gateway ICL_GW',
      'set security ipsec vpn L3HA_IPSEC_VPN ha-link-encryption',
    );
  }
  return lines;
}

/** Reads the configuration `renderSetLines(options)` writes. */
export function nodeConfig(options: NodeConfigOptions): ConfigResult {
  return readSetLines(renderSetLines(options));
}
