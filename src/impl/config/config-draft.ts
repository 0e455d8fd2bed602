/**
 * What the reader collects from the lines before checking them as a whole.
 * Every value remembers the line it came from, so that a later check can
 * name the line at fault.
 */
import type { SourceLine } from './config-errors.js';
import type { DeploymentType, MonitorKind } from './config-types.js';

/** A value and the line that set it. */
export interface Located<T> {
  readonly value: T;
  readonly line: SourceLine;
}

/** A `monitor` statement; the weight is null when not written (the default applies). */
export interface MonitorDraft {
  readonly kind: MonitorKind;
  readonly target: string;
  readonly weight: number | null;
}

/** `peer-id N ...` statements of one peer id. */
export interface PeerDraft {
  readonly id: Located<number>;
  ip?: Located<string>;
  iface?: Located<string>;
  vpnProfile?: Located<string>;
  minimumInterval?: Located<number>;
  multiplier?: Located<number>;
}

/** `services-redundancy-group N ...` statements of one SRG. */
export interface SrgDraft {
  readonly id: number;
  readonly firstLine: SourceLine;
  peerId?: Located<number>;
  deploymentType?: Located<DeploymentType>;
  priority?: Located<number>;
  preemption?: SourceLine;
  probeDest?: Located<string>;
  probeSrc?: Located<string>;
  activeSignalRoute?: Located<string>;
  backupSignalRoute?: Located<string>;
  readonly shutdownOnFailure: Located<string>[];
  threshold?: Located<number>;
  readonly monitors: Located<MonitorDraft>[];
  ipsec?: SourceLine;
  /** `floating-ip A`: the address the SRG's services use (MNHA puts it on lo0). */
  floatingIp?: Located<string>;
  /** `activeness-probe minimum-interval|multiplier|interval|threshold N`: probe timing, by keyword. */
  readonly probeTiming: Map<string, Located<number>>;
  installOnFailureRoute?: Located<string>;
  processPacketOnBackup?: SourceLine;
}

/** `security ike gateway NAME ...` statements. */
export interface GatewayDraft {
  readonly name: string;
  readonly firstLine: SourceLine;
  version?: Located<string>;
  localAddress?: Located<string>;
}

/** `security ipsec vpn NAME ...` statements. */
export interface VpnDraft {
  readonly name: string;
  readonly firstLine: SourceLine;
  gateway?: Located<string>;
  haLink?: SourceLine;
}

/** Everything read from one node's lines, before the whole-configuration checks. */
export interface ConfigDraft {
  localId?: Located<number>;
  localIp?: Located<string>;
  readonly peers: Map<number, PeerDraft>;
  readonly srgs: Map<number, SrgDraft>;
  readonly gateways: Map<string, GatewayDraft>;
  readonly vpns: Map<string, VpnDraft>;
  readonly lo0: Located<string>[];
  /** Routes a routing policy tests with `if-route-exists` (signal routes must be among them). */
  readonly policyRoutes: Located<string>[];
  ignoredLines: number;
}

/** An empty draft. */
export function emptyDraft(): ConfigDraft {
  return { peers: new Map(), srgs: new Map(), gateways: new Map(), vpns: new Map(), lo0: [], policyRoutes: [], ignoredLines: 0 };
}
