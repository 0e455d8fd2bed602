/**
 * The checks across the two nodes of a pair (issue 13): what one file
 * alone cannot show. Each finding is an error (the pair cannot work as
 * configured) or a warning, naming both files and lines.
 */
import type { MnhaConfig } from '../impl/index.js';
import { issue, type Pair, type PairIssue } from './pair-issues.js';
import type { NodeFile } from './read-node-file.js';

/** The floating IP a node uses for its probes and VPNs, and the statement that says it. */
export function floatingOf(node: NodeFile): { readonly address: string | null; readonly key: string } {
  const s = node.config.srg1;
  if (s.floatingIp !== null) return { address: s.floatingIp, key: 'srg1.floating-ip' };
  if (s.probe.srcIp !== null) return { address: s.probe.srcIp, key: 'srg1.activeness-probe' };
  return { address: node.config.floatingIps[0] ?? null, key: 'lo0' };
}

function srgIds(config: MnhaConfig): number[] {
  return [0, 1, ...config.otherSrgs];
}

function checkIds({ n1, n2 }: Pair, out: PairIssue[]): boolean {
  const a = n1.config;
  const b = n2.config;
  if (a.localId === b.localId) {
    out.push(issue('error', 'same-local-id', [{ node: n1, key: 'local-id' }, { node: n2, key: 'local-id' }],
      `both nodes have local-id ${a.localId}; give each node its own local-id (1..10) and the other's as peer-id`));
    return false;
  }
  for (const [self, other] of [[n1, n2], [n2, n1]] as const) {
    if (self.config.peer.id !== other.config.localId) {
      out.push(issue('error', 'peer-is-not-the-other-node', [{ node: self, key: 'peer-id' }, { node: other, key: 'local-id' }],
        `peer-id ${self.config.peer.id} is not the other node's local-id ${other.config.localId}; set peer-id ${other.config.localId}`));
    }
  }
  return true;
}

function checkIcl({ n1, n2 }: Pair, out: PairIssue[]): void {
  for (const [self, other] of [[n1, n2], [n2, n1]] as const) {
    const localIp = other.config.localIp;
    if (localIp === null) {
      out.push(issue('warning', 'local-ip-missing', [{ node: other, key: 'local-id' }],
        `no local-ip: the ICL's source address is left to routing, so ${self.path}'s peer-ip ${self.config.peer.ip} cannot be checked against it; add "local-id ${other.config.localId} local-ip ${self.config.peer.ip}"`));
    } else if (localIp !== self.config.peer.ip) {
      out.push(issue('error', 'peer-ip-is-not-local-ip', [{ node: self, key: 'peer-ip' }, { node: other, key: 'local-ip' }],
        `peer-ip ${self.config.peer.ip} is not the other node's local-ip ${localIp}: the ICL will not come up; make them the same address`));
    }
  }
  const [i1, i2] = [n1.config.peer.interface, n2.config.peer.interface];
  if ((i1 === null) !== (i2 === null)) {
    const without = i1 === null ? n1 : n2;
    const withIt = i1 === null ? n2 : n1;
    out.push(issue('warning', 'icl-interface-on-one-node', [{ node: withIt, key: 'peer.interface' }, { node: without, key: 'peer-id' }],
      'the ICL interface is given on one node only; give "peer-id <id> interface <ICL interface>" on both so that both bind the ICL alike'));
  }
}

function checkSame<T>(pair: Pair, out: PairIssue[], code: string, key: (n: NodeFile) => string, value: (n: NodeFile) => T, text: (a: T, b: T) => string, severity: PairIssue['severity'] = 'error'): void {
  const [a, b] = [value(pair.n1), value(pair.n2)];
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(issue(severity, code, [{ node: pair.n1, key: key(pair.n1) }, { node: pair.n2, key: key(pair.n2) }], text(a, b)));
  }
}

function checkService(pair: Pair, out: PairIssue[]): void {
  checkSame(pair, out, 'floating-ip-differs', (n) => floatingOf(n).key, (n) => floatingOf(n).address,
    (a, b) => `the floating IP differs (${a ?? 'none'} and ${b ?? 'none'}): the probe router then has a path to each node and answers both, so both can go active; use the same floating IP on lo0 of both nodes`);
  checkSame(pair, out, 'probe-destination-differs', () => 'srg1.activeness-probe', (n) => n.config.srg1.probe.destIp,
    (a, b) => `the activeness probes go to different destinations (${a} and ${b}): each node may get its own answer, so both can go active; probe the same address from both nodes`);
  checkSame(pair, out, 'srg-list-differs', () => 'srg1', (n) => srgIds(n.config),
    (a, b) => `the nodes configure different SRGs (${a.join(', ')} and ${b.join(', ')}); an SRG on one node only has no peer to fail over to`);
  checkSame(pair, out, 'deployment-type-differs', () => 'srg1.deployment-type', (n) => n.config.srg1.deploymentType,
    (a, b) => `deployment-type ${a} on one node and ${b} on the other; both nodes of an SRG use one deployment type`);
  for (const node of [pair.n1, pair.n2]) {
    const f = floatingOf(node);
    if (f.address !== null && !node.config.floatingIps.includes(f.address)) {
      const severity = node.config.srg1.ipsec ? 'error' : 'warning';
      out.push(issue(severity, 'floating-ip-not-on-lo0', [{ node, key: f.key }],
        `the floating IP ${f.address} is not an address of lo0${node.config.srg1.ipsec ? ' but SRG1 carries IPsec VPNs, whose IKE local address it is' : ''}; add "set interfaces lo0 unit 0 family inet address ${f.address}/32"`));
    }
    if (node.config.srg1.deploymentType !== 'routing') {
      out.push(issue('warning', 'deployment-not-routing', [{ node, key: 'srg1.deployment-type' }],
        `deployment-type ${node.config.srg1.deploymentType}: the model reasons about the routing deployment (signal routes and route preference), not about the virtual IPs and ARP of ${node.config.srg1.deploymentType}; its findings on routes do not apply to that part`));
    }
  }
}

function checkPriorities({ n1, n2 }: Pair, out: PairIssue[]): void {
  const [p1, p2] = [n1.config.srg1.activenessPriority, n2.config.srg1.activenessPriority];
  const lower = n1.config.localId < n2.config.localId ? 'n1' : 'n2';
  if (p1 !== null && p1 === p2) {
    out.push(issue('warning', 'equal-priorities', [{ node: n1, key: 'srg1.activeness-priority' }, { node: n2, key: 'srg1.activeness-priority' }],
      `activeness-priority is ${p1} on both nodes, so priorities decide nothing: at boot the probe decides, and in a split brain the node with the lower local-id (${lower}) backs off, as the model does; give the node meant to be active the higher priority`));
  } else if ((p1 === null) !== (p2 === null)) {
    const unset = p1 === null ? n1 : n2;
    const set = p1 === null ? n2 : n1;
    out.push(issue('warning', 'priority-on-one-node', [{ node: set, key: 'srg1.activeness-priority' }, { node: unset, key: 'srg1' }],
      `activeness-priority is set on one node only: priorities decide only when both nodes have one, so the model (and MNHA.md section 4) falls back to the local id (${lower} backs off); set it on both`));
  }
  const [e1, e2] = [n1.config.srg1.preemption, n2.config.srg1.preemption];
  if ((e1 || e2) && (p1 === null || p2 === null || p1 === p2)) {
    const node = e1 ? n1 : n2;
    out.push(issue('warning', 'preemption-without-priorities', [{ node, key: 'srg1.preemption' }],
      'preemption needs two different activeness-priorities to prefer one node; as configured it never preempts'));
  }
}

function checkSignalRoutes({ n1, n2 }: Pair, out: PairIssue[]): void {
  for (const node of [n1, n2]) {
    const s = node.config.srg1;
    if (s.activeSignalRoute === null) {
      out.push(issue('error', 'active-signal-route-missing', [{ node, key: 'srg1' }],
        'no active-signal-route: the active node cannot raise its route preference, so the routers do not follow activeness; add "services-redundancy-group 1 active-signal-route <prefix>" and a policy that tests it (if-route-exists)'));
    }
    for (const [route, key] of [[s.activeSignalRoute, 'srg1.active-signal-route'], [s.backupSignalRoute, 'srg1.backup-signal-route']] as const) {
      if (route === null) continue;
      if (node.sources[`policy.${route.split('/')[0]}`] === undefined) {
        out.push(issue('warning', 'signal-route-not-in-policy', [{ node, key }],
          `no routing policy in this file tests ${route} (policy-options condition ... if-route-exists ${route}); without one the signal route changes no advertised preference`));
      }
    }
  }
}

function checkHaLink({ n1, n2 }: Pair, out: PairIssue[]): void {
  const [h1, h2] = [n1.config.haLink, n2.config.haLink];
  if ((h1 === null) !== (h2 === null)) {
    const withIt = h1 === null ? n2 : n1;
    const without = h1 === null ? n1 : n2;
    out.push(issue('error', 'ha-link-encryption-on-one-node', [{ node: withIt, key: 'peer.vpn-profile' }, { node: without, key: 'peer-id' }],
      'HA link encryption is configured on one node only: the ICL only carries HA traffic once the IKEv2 tunnel is up, which needs both ends; configure the vpn-profile and its VPN on both nodes'));
  }
  const [v1, v2] = [n1.config.srg1.ipsec, n2.config.srg1.ipsec];
  if (v1 !== v2) {
    const withIt = v1 ? n1 : n2;
    const without = v1 ? n2 : n1;
    out.push(issue('error', 'ipsec-on-one-node', [{ node: withIt, key: 'srg1.managed-services' }, { node: without, key: 'srg1' }],
      'SRG1 carries IPsec VPNs (managed-services ipsec) on one node only: the other cannot take the tunnels over; configure it on both'));
  }
}

/**
 * Every pair check, errors and warnings in the order found. When the two
 * nodes have the same local-id nothing else is checked: every other check
 * assumes two distinct nodes.
 */
export function checkPair(pair: Pair): PairIssue[] {
  const out: PairIssue[] = [];
  if (!checkIds(pair, out)) return out;
  checkIcl(pair, out);
  checkService(pair, out);
  checkPriorities(pair, out);
  checkSignalRoutes(pair, out);
  checkHaLink(pair, out);
  return out;
}
