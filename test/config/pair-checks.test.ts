import { describe, expect, it } from 'vitest';
import { checkPair } from '../../src/config/pair-checks.js';
import { documentedPair, replacing } from './helpers.js';

const HA = 'set chassis high-availability';
const SRG1 = `${HA} services-redundancy-group 1`;
const codes = (pair: ReturnType<typeof documentedPair>) => checkPair(pair).map((i) => `${i.severity} ${i.code}`);

describe('the pair checks', () => {
  it('find nothing to say about the documented pair', () => {
    expect(checkPair(documentedPair())).toEqual([]);
  });

  it('refuse the same local-id on both nodes, naming both files and lines, and check nothing else', () => {
    // n2 claims n1's id and names 2 as its peer, as a copied configuration would
    const pair = documentedPair((l, n) => (n === 'n2' ? replacing(l, 'high-availability local-id 2', `${HA} local-id 1 local-ip 192.0.2.2`).map((x) => x.replace(/peer-id 1\b/, 'peer-id 2')) : l));
    expect(checkPair(pair)).toEqual([{
      severity: 'error', code: 'same-local-id',
      message: "a.set line 7 and b.set line 7: both nodes have local-id 1; give each node its own local-id (1..10) and the other's as peer-id",
      lines: [{ file: 'a.set', line: 7 }, { file: 'b.set', line: 7 }],
    }]);
  });

  // Each case: an edit of the documented pair and the issues it must raise (severity and code), in order.
  const CASES: readonly { name: string; edit: Parameters<typeof documentedPair>[0]; expected: string[]; says?: string }[] = [
    { name: 'a peer-id that is not the other node', edit: (l, n) => (n === 'n2' ? l.map((x) => x.replace(/peer-id 1\b/, 'peer-id 3')) : l), expected: ['error peer-is-not-the-other-node'], says: 'b.set line 8 and a.set line 7: peer-id 3' },
    { name: 'a peer-ip that is not the peer\'s local-ip', edit: (l, n) => (n === 'n1' ? l.map((x) => x.replace('peer-ip 192.0.2.2', 'peer-ip 192.0.2.9')) : l), expected: ['error peer-ip-is-not-local-ip'], says: 'a.set line 8 and b.set line 7: peer-ip 192.0.2.9' },
    { name: 'no local-ip', edit: (l, n) => (n === 'n2' ? l.map((x) => x.replace(' local-ip 192.0.2.2', '')) : l), expected: ['warning local-ip-missing'] },
    { name: 'the ICL interface on one node', edit: (l, n) => (n === 'n2' ? replacing(l, 'interface ge-0/0/2.0', null) : l), expected: ['warning icl-interface-on-one-node'] },
    { name: 'different floating IPs', edit: (l, n) => (n === 'n2' ? l.map((x) => x.replace(/198\.51\.100\.10\b/g, '198.51.100.11')) : l), expected: ['error floating-ip-differs'], says: 'a.set line 17 and b.set line 17: the floating IP differs (198.51.100.10 and 198.51.100.11)' },
    { name: 'different probe destinations', edit: (l, n) => (n === 'n2' ? l.map((x) => x.replace('dest-ip 203.0.113.1 ', 'dest-ip 203.0.113.2 ')) : l), expected: ['error probe-destination-differs'] },
    { name: 'an SRG on one node only', edit: (l, n) => (n === 'n1' ? [...l, `${HA} services-redundancy-group 2 peer-id 2`] : l), expected: ['error srg-list-differs'], says: '(0, 1, 2 and 0, 1)' },
    { name: 'different deployment types', edit: (l, n) => (n === 'n2' ? l.map((x) => x.replace('deployment-type routing', 'deployment-type hybrid')) : l), expected: ['error deployment-type-differs', 'warning deployment-not-routing'] },
    { name: 'a floating IP not on lo0', edit: (l) => replacing(l, 'interfaces lo0', null), expected: ['warning floating-ip-not-on-lo0', 'warning floating-ip-not-on-lo0'] },
    { name: 'equal priorities', edit: (l) => l.map((x) => x.replace(/activeness-priority \d+/, 'activeness-priority 150')), expected: ['warning equal-priorities', 'warning preemption-without-priorities'], says: 'the node with the lower local-id (n1) backs off' },
    { name: 'a priority on one node only', edit: (l, n) => (n === 'n2' ? replacing(l, 'activeness-priority', null) : l), expected: ['warning priority-on-one-node', 'warning preemption-without-priorities'] },
    { name: 'no active-signal-route', edit: (l, n) => (n === 'n1' ? replacing(l, 'active-signal-route', null) : l), expected: ['error active-signal-route-missing'] },
    { name: 'a signal route no policy tests', edit: (l, n) => (n === 'n1' ? replacing(l, 'if-route-exists 203.0.113.202', null) : l), expected: ['warning signal-route-not-in-policy'], says: 'a.set line 19: no routing policy in this file tests 203.0.113.202' },
    {
      name: 'HA link encryption on one node', expected: ['error ha-link-encryption-on-one-node'],
      edit: (l, n) => (n === 'n1' ? [...l, `${HA} peer-id 2 vpn-profile ICL_VPN`, 'set security ike gateway ICL_GW version v2-only', 'set security ipsec vpn ICL_VPN ike gateway ICL_GW', 'set security ipsec vpn ICL_VPN ha-link-encryption'] : l),
    },
    { name: 'IPsec on SRG1 on one node', edit: (l, n) => (n === 'n2' ? [...l, `${SRG1} managed-services ipsec`] : l), expected: ['error ipsec-on-one-node'] },
  ];
  for (const c of CASES) {
    it(`raise ${c.expected.join(', ')} for ${c.name}`, () => {
      const pair = documentedPair(c.edit);
      expect(codes(pair)).toEqual(c.expected);
      if (c.says !== undefined) expect(checkPair(pair)[0]?.message).toContain(c.says);
    });
  }
});
