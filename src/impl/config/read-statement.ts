/**
 * Reading one `set` line into the draft. Only the statements that configure
 * MNHA are interpreted (`chassis high-availability`, the IKE gateways and
 * IPsec VPNs it refers to, `lo0` addresses); any other `set` line is counted
 * and left alone, since a real configuration has hundreds of them.
 */
import { configError, type ConfigError, type ConfigErrorCode, type SourceLine } from './config-errors.js';
import type { ConfigDraft, GatewayDraft, Located, SrgDraft, VpnDraft } from './config-draft.js';
import type { DeploymentType, MonitorKind } from './config-types.js';
import { isAddress, isPrefix, tokenize, unbalancedQuote } from './set-line-tokens.js';

/** A fault found while reading one line; caught by `readStatement`, never escapes this module. */
class LineFault {
  constructor(
    readonly code: ConfigErrorCode,
    readonly problem: string,
    readonly hint: string,
  ) {}
}

/** Walks the words of one line, turning a missing or malformed word into a LineFault. */
class Words {
  private index = 0;
  constructor(private readonly words: readonly string[]) {}

  /** The next word, consumed, or undefined at the end. */
  next(): string | undefined {
    const word = this.words[this.index];
    if (word !== undefined) this.index += 1;
    return word;
  }

  /** The next word, not consumed. */
  peek(): string | undefined {
    return this.words[this.index];
  }

  /** True when every word has been consumed. */
  done(): boolean {
    return this.index >= this.words.length;
  }

  /** The value of `keyword`, which must follow. */
  value(keyword: string): string {
    const word = this.next();
    if (word === undefined) {
      throw new LineFault('missing-value', `"${keyword}" needs a value`, `write "${keyword} <value>"`);
    }
    return word;
  }

  /** The non-negative integer value of `keyword`. */
  integer(keyword: string): number {
    const word = this.value(keyword);
    if (!/^\d+$/.test(word)) {
      throw new LineFault('invalid-number', `"${keyword}" needs a whole number, not "${word}"`, `write "${keyword} <number>"`);
    }
    return Number(word);
  }

  /** The address value of `keyword` (no prefix length). */
  address(keyword: string): string {
    const word = this.value(keyword);
    if (!isAddress(word)) {
      throw new LineFault('invalid-address', `"${word}" is not an IP address`, `give "${keyword}" an address such as 192.0.2.1`);
    }
    return word;
  }

  /** Faults on any word left over. */
  end(context: string): void {
    const extra = this.peek();
    if (extra !== undefined) {
      throw new LineFault('unknown-statement', `unexpected "${extra}" after ${context}`, 'remove the extra words or check the statement spelling');
    }
  }
}

function unknown(word: string | undefined, where: string): LineFault {
  return word === undefined
    ? new LineFault('missing-value', `incomplete statement under ${where}`, 'complete the statement')
    : new LineFault('unknown-statement', `"${word}" is not a statement this reader knows under ${where}`, 'check the spelling against MNHA.md section 9');
}

/** Sets a single-valued field once; setting it again to a different value is a conflict. */
function setOnce<T>(current: Located<T> | undefined, value: T, line: SourceLine, what: string): Located<T> {
  if (current !== undefined && current.value !== value) {
    throw new LineFault(
      'conflicting-value',
      `${what} is set to ${String(value)} here but to ${String(current.value)} on line ${current.line.number}`,
      `keep one ${what}`,
    );
  }
  return current ?? { value, line };
}

/**
 * Reads one line into `draft`. Returns the error found on the line, or null.
 * Blank lines and `#` comments are skipped.
 */
export function readStatement(line: SourceLine, draft: ConfigDraft): ConfigError | null {
  const quote = unbalancedQuote(line.text);
  if (quote !== null) {
    // Read on, the quote would swallow the rest of the line into one value: refuse the line instead.
    return configError('unbalanced-quote', line, `the double quote at column ${quote} is never closed`, 'close the quoted value or remove the stray quote');
  }
  const words = tokenize(line.text);
  if (words.length === 0 || (words[0] ?? '').startsWith('#')) return null;
  try {
    if (words[0] !== 'set') {
      throw new LineFault('not-a-set-line', `expected a "set" statement, found "${words[0]}"`, 'give the configuration as "show configuration | display set" prints it');
    }
    const w = new Words(haPath(words.slice(1)));
    const [a, b] = [w.next(), w.next()];
    if (a === 'chassis' && b === 'high-availability') readHa(w, line, draft);
    else if (a === 'security' && b === 'ike' && w.peek() === 'gateway') readGateway(w, line, draft);
    else if (a === 'security' && b === 'ipsec' && w.peek() === 'vpn') readVpn(w, line, draft);
    else if (a === 'interfaces' && b === 'lo0') readLo0(w, line, draft);
    else if (a === 'policy-options') readPolicy([b ?? '', ...rest(w)], line, draft);
    else draft.ignoredLines += 1;
    return null;
  } catch (fault) {
    if (fault instanceof LineFault) return configError(fault.code, line, fault.problem, fault.hint);
    throw fault;
  }
}

/**
 * The words of a statement with the MNHA hierarchy spelt one way: later
 * releases write `high-availability` at the top level where earlier ones
 * write `chassis high-availability`; both mean the same statements.
 */
export function haPath(words: readonly string[]): string[] {
  return words[0] === 'high-availability' ? ['chassis', ...words] : [...words];
}

function rest(w: Words): string[] {
  const out: string[] = [];
  for (let word = w.next(); word !== undefined; word = w.next()) out.push(word);
  return out;
}

/**
 * `policy-options ... if-route-exists PREFIX`: a routing policy condition
 * on a route. The signal routes only change the advertised preference if a
 * policy tests them, so their presence is kept for the pair checks.
 */
function readPolicy(words: readonly string[], line: SourceLine, draft: ConfigDraft): void {
  const at = words.indexOf('if-route-exists');
  const value = at < 0 ? undefined : words[at + 1];
  // `if-route-exists address-family inet PREFIX` in later releases
  const prefix = value === 'address-family' ? words[at + 3] : value;
  if (prefix !== undefined && isPrefix(prefix)) draft.policyRoutes.push({ value: prefix, line });
  else draft.ignoredLines += 1;
}

function readHa(w: Words, line: SourceLine, draft: ConfigDraft): void {
  const statement = w.next();
  switch (statement) {
    case 'local-id': {
      if (w.peek() !== 'local-ip') draft.localId = setOnce(draft.localId, w.integer('local-id'), line, 'local-id');
      if (w.peek() === 'local-ip') {
        w.next();
        draft.localIp = setOnce(draft.localIp, w.address('local-ip'), line, 'local-ip');
      }
      w.end('local-id');
      return;
    }
    case 'peer-id':
      return readPeer(w, line, draft);
    case 'services-redundancy-group':
      return readSrg(w, line, draft);
    default:
      throw unknown(statement, 'chassis high-availability');
  }
}

function readPeer(w: Words, line: SourceLine, draft: ConfigDraft): void {
  const id = w.integer('peer-id');
  const peer = draft.peers.get(id) ?? { id: { value: id, line } };
  draft.peers.set(id, peer);
  while (!w.done()) {
    const keyword = w.next();
    switch (keyword) {
      case 'peer-ip':
        peer.ip = setOnce(peer.ip, w.address('peer-ip'), line, 'peer-ip');
        break;
      case 'interface':
        peer.iface = setOnce(peer.iface, w.value('interface'), line, 'interface');
        break;
      case 'vpn-profile':
        peer.vpnProfile = setOnce(peer.vpnProfile, w.value('vpn-profile'), line, 'vpn-profile');
        break;
      case 'liveness-detection': {
        const option = w.next();
        if (option !== 'minimum-interval' && option !== 'multiplier') throw unknown(option, 'peer-id liveness-detection');
        const value = w.integer(option);
        if (value < 1) throw new LineFault('invalid-number', `liveness-detection ${option} must be at least 1`, `give ${option} a positive value`);
        if (option === 'minimum-interval') peer.minimumInterval = setOnce(peer.minimumInterval, value, line, option);
        else peer.multiplier = setOnce(peer.multiplier, value, line, option);
        break;
      }
      default:
        throw unknown(keyword, `peer-id ${id}`);
    }
  }
}

const SRG1_ONLY = new Set([
  'activeness-priority', 'preemption', 'activeness-probe', 'active-signal-route', 'backup-signal-route', 'managed-services',
  'floating-ip', 'install-on-failure-route', 'process-packet-on-backup',
]);
/** Activeness-probe timing keywords: kept as configured, not modelled (the model has no clock). */
const PROBE_TIMING = new Set(['minimum-interval', 'multiplier', 'interval', 'threshold']);
const SRG0_ONLY = new Set(['shutdown-on-failure']);

function readSrg(w: Words, line: SourceLine, draft: ConfigDraft): void {
  const id = w.integer('services-redundancy-group');
  // SRG2 and above are active/backup groups like SRG1, each independent (MNHA.md section 1): read alike.
  if (id > 255) {
    throw new LineFault('srg-unsupported', `services-redundancy-group ${id} is outside 0..255`, 'number the SRGs from 0');
  }
  const srg: SrgDraft = draft.srgs.get(id) ?? { id, firstLine: line, shutdownOnFailure: [], monitors: [], probeTiming: new Map() };
  draft.srgs.set(id, srg);
  const statement = w.next();
  if (statement !== undefined && ((id === 0 && SRG1_ONLY.has(statement)) || (id >= 1 && SRG0_ONLY.has(statement)))) {
    throw new LineFault('statement-not-valid-for-srg', `"${statement}" does not apply to services-redundancy-group ${id}`, `move "${statement}" to services-redundancy-group ${id === 0 ? 1 : 0}`);
  }
  switch (statement) {
    case undefined:
      // the bare statement (`set ... services-redundancy-group 1`) creates the group; Junos prints it so
      return;
    case 'peer-id':
      srg.peerId = setOnce(srg.peerId, w.integer('peer-id'), line, `services-redundancy-group ${id} peer-id`);
      break;
    case 'deployment-type': {
      const value = w.value('deployment-type');
      if (value !== 'routing' && value !== 'switching' && value !== 'hybrid') {
        throw new LineFault('unknown-statement', `deployment-type "${value}" is not routing, switching or hybrid`, 'use deployment-type routing');
      }
      srg.deploymentType = setOnce(srg.deploymentType, value as DeploymentType, line, 'deployment-type');
      break;
    }
    case 'activeness-priority':
      srg.priority = setOnce(srg.priority, w.integer('activeness-priority'), line, 'activeness-priority');
      break;
    case 'preemption':
      srg.preemption = line;
      break;
    case 'activeness-probe':
      if (w.done()) throw new LineFault('missing-value', '"activeness-probe" needs dest-ip and src-ip', 'write "activeness-probe dest-ip <ip> src-ip <floating ip>"');
      while (!w.done()) {
        const keyword = w.next();
        if (keyword === 'dest-ip') srg.probeDest = setOnce(srg.probeDest, w.address('dest-ip'), line, 'activeness-probe dest-ip');
        else if (keyword === 'src-ip') srg.probeSrc = setOnce(srg.probeSrc, w.address('src-ip'), line, 'activeness-probe src-ip');
        else if (keyword !== undefined && PROBE_TIMING.has(keyword)) {
          const value = w.integer(keyword);
          if (value < 1) throw new LineFault('invalid-number', `activeness-probe ${keyword} must be at least 1`, `give ${keyword} a positive value`);
          srg.probeTiming.set(keyword, setOnce(srg.probeTiming.get(keyword), value, line, `activeness-probe ${keyword}`));
        } else throw unknown(keyword, 'activeness-probe');
      }
      break;
    case 'floating-ip': {
      const value = w.value('floating-ip');
      if (!isPrefix(value)) throw new LineFault('invalid-address', `"${value}" is not an IP address`, 'give "floating-ip" an address such as 198.51.100.10');
      srg.floatingIp = setOnce(srg.floatingIp, value.split('/')[0] ?? value, line, 'floating-ip');
      break;
    }
    case 'install-on-failure-route': {
      const value = w.value('install-on-failure-route');
      if (!isPrefix(value)) throw new LineFault('invalid-address', `"${value}" is not a route prefix`, 'give "install-on-failure-route" a prefix such as 10.39.1.3');
      if (w.peek() === 'routing-instance') {
        w.next();
        w.value('routing-instance');
      }
      srg.installOnFailureRoute = setOnce(srg.installOnFailureRoute, value, line, 'install-on-failure-route');
      break;
    }
    case 'process-packet-on-backup':
      srg.processPacketOnBackup = line;
      break;
    case 'active-signal-route':
    case 'backup-signal-route': {
      const value = w.value(statement);
      if (value === 'routing-instance') {
        w.value('routing-instance'); // where the route lives does not change the preference it gives
        break;
      }
      if (!isPrefix(value)) throw new LineFault('invalid-address', `"${value}" is not a route prefix`, `give "${statement}" a prefix such as 10.39.1.1`);
      if (w.peek() === 'routing-instance') {
        w.next();
        w.value('routing-instance');
      }
      if (statement === 'active-signal-route') srg.activeSignalRoute = setOnce(srg.activeSignalRoute, value, line, statement);
      else srg.backupSignalRoute = setOnce(srg.backupSignalRoute, value, line, statement);
      break;
    }
    case 'shutdown-on-failure':
      srg.shutdownOnFailure.push({ value: w.value('shutdown-on-failure'), line });
      break;
    case 'monitor':
      readMonitor(w, line, srg);
      break;
    case 'managed-services': {
      const service = w.value('managed-services');
      if (service !== 'ipsec') throw unknown(service, 'managed-services');
      srg.ipsec = line;
      break;
    }
    default:
      throw unknown(statement, `services-redundancy-group ${id}`);
  }
  w.end(statement ?? 'services-redundancy-group');
}

function readMonitor(w: Words, line: SourceLine, srg: SrgDraft): void {
  const kind = w.next();
  if (kind === 'srg-threshold') {
    srg.threshold = setOnce(srg.threshold, w.integer('srg-threshold'), line, 'srg-threshold');
    return;
  }
  if (kind !== 'interface' && kind !== 'ip' && kind !== 'bfd-liveliness') throw unknown(kind, 'monitor');
  const target = kind === 'interface' ? w.value(kind) : w.address(kind);
  let weight: number | null = null;
  // BFD and IP monitors take where the session runs from; none of it changes what a failure does
  const where = new Set(['src-ip', 'session-type', 'interface', 'routing-instance', 'minimum-interval', 'multiplier', 'next-hop']);
  while (!w.done()) {
    const keyword = w.next() as string;
    if (keyword === 'weight') weight = w.integer('weight');
    else if (where.has(keyword)) w.value(keyword);
    else throw unknown(keyword, `monitor ${kind} ${target}`);
  }
  srg.monitors.push({ value: { kind: kind as MonitorKind, target, weight }, line });
}

function readGateway(w: Words, line: SourceLine, draft: ConfigDraft): void {
  w.next(); // 'gateway'
  const name = w.value('gateway');
  const gateway: GatewayDraft = draft.gateways.get(name) ?? { name, firstLine: line };
  draft.gateways.set(name, gateway);
  const statement = w.next();
  if (statement === 'version') gateway.version = setOnce(gateway.version, w.value('version'), line, `gateway ${name} version`);
  else if (statement === 'local-address') gateway.localAddress = setOnce(gateway.localAddress, w.address('local-address'), line, `gateway ${name} local-address`);
  // other gateway statements (policy, address, interface...) do not configure MNHA
}

function readVpn(w: Words, line: SourceLine, draft: ConfigDraft): void {
  w.next(); // 'vpn'
  const name = w.value('vpn');
  const vpn: VpnDraft = draft.vpns.get(name) ?? { name, firstLine: line };
  draft.vpns.set(name, vpn);
  const statement = w.next();
  if (statement === 'ha-link-encryption') vpn.haLink = line;
  else if (statement === 'ike' && w.peek() === 'gateway') {
    w.next();
    vpn.gateway = setOnce(vpn.gateway, w.value('gateway'), line, `vpn ${name} ike gateway`);
  }
  // other VPN statements (policy, bind-interface...) do not configure MNHA
}

function readLo0(w: Words, line: SourceLine, draft: ConfigDraft): void {
  // set interfaces lo0 unit 0 family inet address 198.51.100.10/32
  const words: string[] = [];
  for (let word = w.next(); word !== undefined; word = w.next()) words.push(word);
  const at = words.indexOf('address');
  if (at < 0) {
    draft.ignoredLines += 1;
    return;
  }
  const value = words[at + 1];
  if (value === undefined) throw new LineFault('missing-value', '"address" needs a value', 'write "address <ip>/32"');
  if (!isPrefix(value)) throw new LineFault('invalid-address', `"${value}" is not an address`, 'give lo0 an address such as 198.51.100.10/32');
  draft.lo0.push({ value, line });
}
