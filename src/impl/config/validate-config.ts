/**
 * The whole-configuration checks of one node (MNHA.md section 9, "Known
 * constraints"), turning a draft into a typed configuration. Each check
 * names the line at fault and says what to do.
 */
import { configError, type ConfigError, type ConfigNote, type ConfigSources } from './config-errors.js';
import type { ConfigDraft, Located, PeerDraft, SrgDraft } from './config-draft.js';
import {
  CONFIG_DEFAULTS,
  CONFIG_RANGES,
  type HaLinkConfig,
  type MnhaConfig,
  type MonitoringConfig,
  type Srg0Config,
  type Srg1Config,
} from './config-types.js';
import { addressOf } from './set-line-tokens.js';

/** The answer of `validateDraft`: a configuration, or the errors that prevent one. */
export type DraftVerdict =
  | { readonly ok: true; readonly config: MnhaConfig; readonly notes: readonly ConfigNote[] }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

function inRange(value: number, range: { readonly min: number; readonly max: number }): boolean {
  return value >= range.min && value <= range.max;
}

function checkId(id: Located<number>, what: string, errors: ConfigError[]): void {
  const { min, max } = CONFIG_RANGES.id;
  if (!inRange(id.value, CONFIG_RANGES.id)) {
    errors.push(configError('id-out-of-range', id.line, `${what} ${id.value} is outside ${min}..${max}`, `use a ${what} between ${min} and ${max}`));
  }
}

function monitoring(srg: SrgDraft, errors: ConfigError[]): MonitoringConfig {
  const { min, max } = CONFIG_RANGES.monitorValue;
  if (srg.threshold !== undefined && !inRange(srg.threshold.value, CONFIG_RANGES.monitorValue)) {
    errors.push(configError('monitor-value-out-of-range', srg.threshold.line, `srg-threshold ${srg.threshold.value} is outside ${min}..${max}`, `use a threshold between ${min} and ${max}`));
  }
  for (const monitor of srg.monitors) {
    const weight = monitor.value.weight;
    if (weight !== null && !inRange(weight, CONFIG_RANGES.monitorValue)) {
      errors.push(configError('monitor-value-out-of-range', monitor.line, `monitor weight ${weight} is outside ${min}..${max}`, `use a weight between ${min} and ${max}`));
    }
  }
  return {
    threshold: srg.threshold?.value ?? CONFIG_DEFAULTS.threshold,
    monitors: srg.monitors.map(({ value }) => ({ kind: value.kind, target: value.target, weight: value.weight ?? CONFIG_DEFAULTS.weight })),
  };
}

function checkSrgPeer(srg: SrgDraft, peer: PeerDraft | undefined, errors: ConfigError[]): void {
  if (srg.peerId === undefined) {
    errors.push(configError('srg-without-peer', srg.firstLine, `services-redundancy-group ${srg.id} has no peer-id`, `add "set chassis high-availability services-redundancy-group ${srg.id} peer-id <peer id>"`));
  } else if (peer !== undefined && srg.peerId.value !== peer.id.value) {
    errors.push(configError('srg-unknown-peer', srg.peerId.line, `services-redundancy-group ${srg.id} names peer-id ${srg.peerId.value}, but the peer is ${peer.id.value}`, `use peer-id ${peer.id.value}`));
  }
}

function checkHaLink(draft: ConfigDraft, peer: PeerDraft | undefined, errors: ConfigError[]): HaLinkConfig | null {
  const profile = peer?.vpnProfile;
  let haLink: HaLinkConfig | null = null;
  if (profile !== undefined) {
    const vpn = draft.vpns.get(profile.value);
    if (vpn?.haLink === undefined) {
      errors.push(configError('ha-link-vpn-mismatch', profile.line, `vpn-profile ${profile.value} names no VPN marked ha-link-encryption`, `add "set security ipsec vpn ${profile.value} ha-link-encryption" or correct the name`));
    }
  }
  for (const vpn of draft.vpns.values()) {
    if (vpn.haLink === undefined) continue;
    if (profile?.value !== vpn.name) {
      const expected = profile === undefined ? 'the peer has no vpn-profile' : `the peer's vpn-profile is ${profile.value}`;
      errors.push(configError('ha-link-vpn-mismatch', vpn.haLink, `VPN ${vpn.name} is marked ha-link-encryption but ${expected}`, `set "peer-id <id> vpn-profile ${vpn.name}" or rename the VPN`));
    }
    if (vpn.gateway === undefined) {
      errors.push(configError('ha-link-vpn-without-gateway', vpn.haLink, `VPN ${vpn.name} encrypts the HA link but names no IKE gateway`, `add "set security ipsec vpn ${vpn.name} ike gateway <gateway>"`));
      continue;
    }
    const gateway = draft.gateways.get(vpn.gateway.value);
    if (gateway?.version?.value !== 'v2-only') {
      const at = gateway?.version?.line ?? vpn.gateway.line;
      const found = gateway?.version === undefined ? 'has no "version v2-only"' : `is version ${gateway.version.value}`;
      errors.push(configError('ha-link-gateway-not-ikev2', at, `IKE gateway ${vpn.gateway.value} of HA link VPN ${vpn.name} ${found}; HA link encryption needs IKEv2 only`, `add "set security ike gateway ${vpn.gateway.value} version v2-only"`));
    }
    if (profile?.value === vpn.name) haLink = { vpn: vpn.name, gateway: vpn.gateway.value };
  }
  return haLink;
}

/** Checks a draft as a whole; on success returns the typed configuration. */
export function validateDraft(draft: ConfigDraft): DraftVerdict {
  const errors: ConfigError[] = [];

  if (draft.localId === undefined) {
    errors.push(configError('local-id-missing', null, 'no "set chassis high-availability local-id N" line', 'add "set chassis high-availability local-id <1..10>"'));
  } else {
    checkId(draft.localId, 'local-id', errors);
  }

  const peers = [...draft.peers.values()];
  const peer = peers[0];
  if (peer === undefined) {
    errors.push(configError('peer-missing', null, 'no "set chassis high-availability peer-id N peer-ip A" line', 'add the peer node with "peer-id <1..10> peer-ip <address>"'));
  } else {
    for (const extra of peers.slice(1)) {
      errors.push(configError('too-many-peers', extra.id.line, `a second peer-id ${extra.id.value}; a pair has one peer (${peer.id.value})`, 'configure one peer-id'));
    }
    checkId(peer.id, 'peer-id', errors);
    if (peer.ip === undefined) {
      errors.push(configError('peer-ip-missing', peer.id.line, `peer-id ${peer.id.value} has no peer-ip`, `add "set chassis high-availability peer-id ${peer.id.value} peer-ip <address>"`));
    }
    if (draft.localId !== undefined && draft.localId.value === peer.id.value) {
      errors.push(configError('ids-equal', peer.id.line, `peer-id ${peer.id.value} equals local-id (line ${draft.localId.line.number})`, 'give the two nodes different ids'));
    }
  }

  for (const id of [0, 1] as const) {
    const srg = draft.srgs.get(id);
    if (srg === undefined) {
      errors.push(configError('srg-missing', null, `no services-redundancy-group ${id}; this implementation runs SRG0 and SRG1`, `add "set chassis high-availability services-redundancy-group ${id} peer-id <peer id>"`));
    } else {
      checkSrgPeer(srg, peer, errors);
    }
  }
  const notes: ConfigNote[] = [];
  const otherSrgs = [...draft.srgs.keys()].filter((id) => id > 1).sort((a, b) => a - b);
  for (const id of otherSrgs) {
    const srg = draft.srgs.get(id) as SrgDraft;
    checkSrgPeer(srg, peer, errors);
    notes.push({ line: srg.firstLine.number, message: `services-redundancy-group ${id} is read and checked like SRG1, but the model checks SRG1 only (each SRG runs its own election; run the check on a copy with SRG${id}'s statements as SRG1 to check it)` });
  }

  const srg1 = draft.srgs.get(1);
  if (srg1 !== undefined) {
    const { min, max } = CONFIG_RANGES.activenessPriority;
    if (srg1.priority !== undefined && !inRange(srg1.priority.value, CONFIG_RANGES.activenessPriority)) {
      errors.push(configError('priority-out-of-range', srg1.priority.line, `activeness-priority ${srg1.priority.value} is outside ${min}..${max}`, `use a priority between ${min} and ${max}, or leave it unset`));
    }
    if (srg1.probeDest === undefined) {
      errors.push(configError('probe-missing', srg1.firstLine, 'services-redundancy-group 1 has no activeness-probe dest-ip', 'add "set chassis high-availability services-redundancy-group 1 activeness-probe dest-ip <ip> src-ip <floating ip>"'));
    }
    const active = srg1.activeSignalRoute;
    const backup = srg1.backupSignalRoute;
    if (active !== undefined && backup !== undefined && addressOf(active.value) === addressOf(backup.value)) {
      errors.push(configError('signal-routes-equal', backup.line, `backup-signal-route ${backup.value} is the active-signal-route (line ${active.line.number})`, 'use two different signal routes'));
    }
    if (srg1.ipsec !== undefined && draft.lo0.length === 0) {
      errors.push(configError('srg1-vpn-without-floating-ip', srg1.ipsec, 'services-redundancy-group 1 carries IPsec VPNs but lo0 has no floating IP', 'add "set interfaces lo0 unit 0 family inet address <floating ip>/32"'));
    }
  }

  const srg0Monitoring = draft.srgs.get(0) === undefined ? null : monitoring(draft.srgs.get(0) as SrgDraft, errors);
  const srg1Monitoring = srg1 === undefined ? null : monitoring(srg1, errors);
  const haLink = checkHaLink(draft, peer, errors);

  if (errors.length > 0) return { ok: false, errors };

  // Every check passed, so everything below is present.
  const localId = draft.localId as Located<number>;
  const thePeer = peer as PeerDraft;
  const srg0Draft = draft.srgs.get(0) as SrgDraft;
  const srg1Draft = srg1 as SrgDraft;
  const srg0: Srg0Config = {
    peerId: thePeer.id.value,
    shutdownOnFailure: srg0Draft.shutdownOnFailure.map((entry) => entry.value),
    monitoring: srg0Monitoring as MonitoringConfig,
  };
  const config1: Srg1Config = {
    peerId: thePeer.id.value,
    deploymentType: srg1Draft.deploymentType?.value ?? 'routing',
    activenessPriority: srg1Draft.priority?.value ?? null,
    preemption: srg1Draft.preemption !== undefined,
    probe: { destIp: (srg1Draft.probeDest as Located<string>).value, srcIp: srg1Draft.probeSrc?.value ?? null },
    activeSignalRoute: srg1Draft.activeSignalRoute?.value ?? null,
    backupSignalRoute: srg1Draft.backupSignalRoute?.value ?? null,
    monitoring: srg1Monitoring as MonitoringConfig,
    ipsec: srg1Draft.ipsec !== undefined,
    vpns:
      srg1Draft.ipsec === undefined
        ? []
        : [...draft.vpns.values()].filter((vpn) => vpn.haLink === undefined).map((vpn) => vpn.name).sort(),
    floatingIp: srg1Draft.floatingIp?.value ?? null,
    probeTiming: Object.fromEntries([...srg1Draft.probeTiming].map(([keyword, value]) => [keyword, value.value])),
    installOnFailureRoute: srg1Draft.installOnFailureRoute?.value ?? null,
    processPacketOnBackup: srg1Draft.processPacketOnBackup !== undefined,
  };
  return {
    ok: true,
    config: {
      localId: localId.value,
      localIp: draft.localIp?.value ?? null,
      peer: {
        id: thePeer.id.value,
        ip: (thePeer.ip as Located<string>).value,
        interface: thePeer.iface?.value ?? null,
        vpnProfile: thePeer.vpnProfile?.value ?? null,
        liveness: { minimumIntervalMs: thePeer.minimumInterval?.value ?? null, multiplier: thePeer.multiplier?.value ?? null },
      },
      srg0,
      srg1: config1,
      floatingIps: draft.lo0.map((entry) => addressOf(entry.value)),
      haLink,
      otherSrgs,
    },
    notes,
  };
}

/**
 * The line of every statement a later check may name, by key: `local-id`,
 * `local-ip`, `peer-id`, `peer-ip`, `peer.interface`, `peer.vpn-profile`,
 * `srgN` (its first line) and `srgN.<statement>` (`activeness-priority`,
 * `preemption`, `activeness-probe`, `active-signal-route`,
 * `backup-signal-route`, `managed-services`, `floating-ip`, `monitor`,
 * `deployment-type`, `install-on-failure-route`, `process-packet-on-backup`),
 * `lo0`, `vpn.NAME.ha-link-encryption`, `gateway.NAME.version`, and
 * `policy.PREFIX` (an `if-route-exists` condition).
 */
export function sourcesOf(draft: ConfigDraft): ConfigSources {
  const out: Record<string, number> = {};
  const put = (key: string, line: { number: number } | undefined): void => {
    if (line !== undefined && out[key] === undefined) out[key] = line.number;
  };
  put('local-id', draft.localId?.line);
  put('local-ip', draft.localIp?.line);
  const peer = [...draft.peers.values()][0];
  put('peer-id', peer?.id.line);
  put('peer-ip', peer?.ip?.line);
  put('peer.interface', peer?.iface?.line);
  put('peer.vpn-profile', peer?.vpnProfile?.line);
  for (const srg of draft.srgs.values()) {
    const k = `srg${srg.id}`;
    put(k, srg.firstLine);
    put(`${k}.peer-id`, srg.peerId?.line);
    put(`${k}.deployment-type`, srg.deploymentType?.line);
    put(`${k}.activeness-priority`, srg.priority?.line);
    put(`${k}.preemption`, srg.preemption);
    put(`${k}.activeness-probe`, srg.probeDest?.line);
    put(`${k}.active-signal-route`, srg.activeSignalRoute?.line);
    put(`${k}.backup-signal-route`, srg.backupSignalRoute?.line);
    put(`${k}.managed-services`, srg.ipsec);
    put(`${k}.floating-ip`, srg.floatingIp?.line);
    put(`${k}.monitor`, srg.monitors[0]?.line ?? srg.threshold?.line);
    put(`${k}.shutdown-on-failure`, srg.shutdownOnFailure[0]?.line);
    put(`${k}.install-on-failure-route`, srg.installOnFailureRoute?.line);
    put(`${k}.process-packet-on-backup`, srg.processPacketOnBackup);
  }
  put('lo0', draft.lo0[0]?.line);
  for (const vpn of draft.vpns.values()) put(`vpn.${vpn.name}.ha-link-encryption`, vpn.haLink);
  for (const gateway of draft.gateways.values()) put(`gateway.${gateway.name}.version`, gateway.version?.line ?? gateway.firstLine);
  for (const route of draft.policyRoutes) put(`policy.${addressOf(route.value)}`, route.line);
  return out;
}
