/**
 * The typed configuration of one MNHA node: what the Junos `set` lines of
 * MNHA.md section 9 say once read and checked. Every field is plain data so
 * that a configuration can be printed, compared and stored with a trace.
 */

/** Kinds of monitored object an SRG can watch. */
export type MonitorKind = 'interface' | 'ip' | 'bfd-liveliness';

/** One monitored object and the weight its failure adds toward the SRG threshold. */
export interface MonitorConfig {
  readonly kind: MonitorKind;
  /** Interface name or IP address. */
  readonly target: string;
  readonly weight: number;
}

/** Weighted monitoring of one SRG: it fails when the failed weights reach `threshold`. */
export interface MonitoringConfig {
  readonly threshold: number;
  readonly monitors: readonly MonitorConfig[];
}

/** BFD-style liveness of the ICL (`peer-id N liveness-detection ...`). */
export interface LivenessConfig {
  readonly minimumIntervalMs: number | null;
  readonly multiplier: number | null;
}

/** The one peer node of a two-node MNHA pair. */
export interface PeerConfig {
  readonly id: number;
  readonly ip: string;
  /** ICL interface (`peer-id N interface lo0.0`), when given. */
  readonly interface: string | null;
  /** Name of the IPsec VPN that encrypts the ICL, when HA link encryption is on. */
  readonly vpnProfile: string | null;
  readonly liveness: LivenessConfig;
}

/** SRG0: stateless services, active on both nodes. */
export interface Srg0Config {
  readonly peerId: number;
  /** Interfaces brought down while SRG0 is isolated. */
  readonly shutdownOnFailure: readonly string[];
  readonly monitoring: MonitoringConfig;
}

/** Deployment types Junos offers for an SRG; the model only reasons about `routing`. */
export type DeploymentType = 'routing' | 'switching' | 'hybrid';

/** SRG1: services with control-plane state, active on one node. */
export interface Srg1Config {
  readonly peerId: number;
  readonly deploymentType: DeploymentType;
  /** 1..254, or null when unset (the default). */
  readonly activenessPriority: number | null;
  readonly preemption: boolean;
  readonly probe: { readonly destIp: string; readonly srcIp: string | null };
  readonly activeSignalRoute: string | null;
  readonly backupSignalRoute: string | null;
  readonly monitoring: MonitoringConfig;
  /** True with `managed-services ipsec`: the SRG carries IPsec VPNs. */
  readonly ipsec: boolean;
  /** The VPNs this SRG carries (every VPN that is not the HA link's), sorted. */
  readonly vpns: readonly string[];
  /** `floating-ip`, when configured on the SRG. */
  readonly floatingIp: string | null;
  /** Activeness-probe timing as configured (`minimum-interval`, `multiplier`...); the model abstracts time away. */
  readonly probeTiming: Readonly<Record<string, number>>;
  /** `install-on-failure-route`: a route installed while the SRG has failed on this node. */
  readonly installOnFailureRoute: string | null;
  /** `process-packet-on-backup`: the backup forwards the SRG's packets it receives. */
  readonly processPacketOnBackup: boolean;
}

/** HA link encryption: the ICL runs inside this IKEv2 VPN. */
export interface HaLinkConfig {
  readonly vpn: string;
  readonly gateway: string;
}

/** The complete, checked MNHA configuration of one node. */
export interface MnhaConfig {
  readonly localId: number;
  readonly localIp: string | null;
  readonly peer: PeerConfig;
  readonly srg0: Srg0Config;
  readonly srg1: Srg1Config;
  /** Addresses on `lo0`: the floating IP(s), in configuration order. */
  readonly floatingIps: readonly string[];
  readonly haLink: HaLinkConfig | null;
  /** Services redundancy groups above 1, read and checked like SRG1; the model checks SRG1 only. */
  readonly otherSrgs: readonly number[];
}

/** Defaults Junos applies when a value is not configured. */
export const CONFIG_DEFAULTS = {
  /** SRG failure threshold when `monitor srg-threshold` is absent. */
  threshold: 255,
  /** Monitor weight when `weight` is absent: one failure fails the SRG. */
  weight: 255,
} as const;

/** Ranges the reader enforces (MNHA.md section 9, "Known constraints"). */
export const CONFIG_RANGES = {
  id: { min: 1, max: 10 },
  activenessPriority: { min: 1, max: 254 },
  monitorValue: { min: 1, max: 255 },
} as const;
