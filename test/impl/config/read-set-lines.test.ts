import { describe, expect, it } from 'vitest';
import { nodeConfig, readSetLines, renderSetLines, validatePair, type ConfigErrorCode, type ConfigResult } from '../../../src/impl/index.js';
import { MNHA_EXAMPLE_N1, MNHA_EXAMPLE_N2, MNHA_EXAMPLE_VERBATIM, n1With } from './mnha-example.js';

const HA = 'set chassis high-availability';

function errorsOf(result: ConfigResult): { code: ConfigErrorCode; line: number | null }[] {
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return result.errors.map((e) => ({ code: e.code, line: e.line }));
}

describe('the example configuration of MNHA.md section 9', () => {
  it('is accepted for n1 once completed, with every value read as written', () => {
    const result = readSetLines(MNHA_EXAMPLE_N1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.config;
    expect(c.localId).toBe(1);
    expect(c.peer).toEqual({ id: 2, ip: '10.0.0.2', interface: null, vpnProfile: 'L3HA_IPSEC_VPN', liveness: { minimumIntervalMs: null, multiplier: null } });
    expect(c.srg0).toEqual({ peerId: 2, shutdownOnFailure: ['ge-0/0/3'], monitoring: { threshold: 255, monitors: [] } });
    expect(c.srg1.activenessPriority).toBe(200);
    expect(c.srg1.preemption).toBe(true);
    expect(c.srg1.probe).toEqual({ destIp: '192.0.2.1', srcIp: '198.51.100.10' });
    expect(c.srg1.activeSignalRoute).toBe('10.39.1.1');
    expect(c.srg1.backupSignalRoute).toBe('10.39.1.2');
    expect(c.srg1.vpns).toEqual([]);
    expect(c.floatingIps).toEqual(['198.51.100.10']);
    expect(c.haLink).toEqual({ vpn: 'L3HA_IPSEC_VPN', gateway: 'ICL_GW' });
  });

  it('is accepted for n2, and the two nodes form a pair', () => {
    const n1 = readSetLines(MNHA_EXAMPLE_N1);
    const n2 = readSetLines(MNHA_EXAMPLE_N2);
    expect(n2.ok).toBe(true);
    if (!n1.ok || !n2.ok) return;
    expect(n2.config.localId).toBe(2);
    expect(n2.config.peer.id).toBe(1);
    expect(n2.config.peer.ip).toBe('10.0.0.1');
    expect(n2.config.srg1.activenessPriority).toBe(100);
    expect(validatePair(n1.config, n2.config).ok).toBe(true);
  });

  it('is rejected as written: the HA link VPN names no IKE gateway (line 13)', () => {
    const result = readSetLines(MNHA_EXAMPLE_VERBATIM);
    expect(errorsOf(result)).toEqual([{ code: 'ha-link-vpn-without-gateway', line: 13 }]);
  });

  it('reads a text block too, skipping blank lines, comments and statements that do not configure MNHA', () => {
    const text = ['# node n1', '', 'set security zones security-zone trust interfaces ge-0/0/1.0', ...MNHA_EXAMPLE_N1].join('\n');
    const result = readSetLines(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.ignoredLines).toBe(1);
  });
});

describe('statements beyond the example', () => {
  it('reads weighted monitors, threshold, liveness, local-ip and the SRG1 VPNs', () => {
    const result = readSetLines(
      n1With({}, [
        `${HA} local-id 1 local-ip 10.0.0.1`,
        `${HA} peer-id 2 liveness-detection minimum-interval 400`,
        `${HA} peer-id 2 liveness-detection multiplier 5`,
        `${HA} services-redundancy-group 1 monitor srg-threshold 200`,
        `${HA} services-redundancy-group 1 monitor interface ge-0/0/4 weight 100`,
        `${HA} services-redundancy-group 1 monitor ip 10.1.1.1 weight 100`,
        `${HA} services-redundancy-group 0 monitor bfd-liveliness 10.2.2.2`,
        `${HA} services-redundancy-group 1 managed-services ipsec`,
        'set security ike gateway SITE_GW version v2-only',
        'set security ipsec vpn SITE_B ike gateway SITE_GW',
        'set security ipsec vpn SITE_A ike gateway SITE_GW',
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.localIp).toBe('10.0.0.1');
    expect(result.config.peer.liveness).toEqual({ minimumIntervalMs: 400, multiplier: 5 });
    expect(result.config.srg1.monitoring).toEqual({
      threshold: 200,
      monitors: [
        { kind: 'interface', target: 'ge-0/0/4', weight: 100 },
        { kind: 'ip', target: '10.1.1.1', weight: 100 },
      ],
    });
    // no weight written: Junos's default, one failure fails the SRG
    expect(result.config.srg0.monitoring).toEqual({ threshold: 255, monitors: [{ kind: 'bfd-liveliness', target: '10.2.2.2', weight: 255 }] });
    // the HA link VPN is not an SRG1 service; the others are, sorted
    expect(result.config.srg1.ipsec).toBe(true);
    expect(result.config.srg1.vpns).toEqual(['SITE_A', 'SITE_B']);
  });

  it('renderSetLines writes configurations the reader accepts', () => {
    const options = { localId: 3, peerId: 4, activenessPriority: 10, vpns: ['B', 'A'], haLinkEncryption: true, shutdownOnFailure: ['ge-0/0/3'] };
    expect(renderSetLines(options).every((line) => line.startsWith('set '))).toBe(true);
    const result = nodeConfig(options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.localId).toBe(3);
    expect(result.config.srg1.vpns).toEqual(['A', 'B']);
    expect(result.config.haLink).toEqual({ vpn: 'L3HA_IPSEC_VPN', gateway: 'ICL_GW' });
  });
});

/**
 * One case per error: n1's completed example with one fault, the errors
 * expected (code and line, in line order), and a word the message must hold.
 * Line numbers are counted by hand on MNHA_EXAMPLE_N1 (15 lines; appended
 * lines start at 16).
 */
const CASES: readonly {
  readonly name: string;
  readonly lines: readonly string[];
  readonly expected: readonly { code: ConfigErrorCode; line: number | null }[];
  readonly mentions: string;
}[] = [
  { name: 'a line that is not a set statement', lines: n1With({}, [`delete chassis high-availability local-id 1`]), expected: [{ code: 'not-a-set-line', line: 16 }], mentions: 'delete' },
  { name: 'a misspelt statement', lines: n1With({ 6: `${HA} services-redundancy-group 1 activeness-priorty 200` }), expected: [{ code: 'unknown-statement', line: 6 }], mentions: 'activeness-priorty' },
  { name: 'a statement without its value', lines: n1With({ 6: `${HA} services-redundancy-group 1 activeness-priority` }), expected: [{ code: 'missing-value', line: 6 }], mentions: 'activeness-priority' },
  { name: 'a local id that is not a number', lines: n1With({ 1: `${HA} local-id one` }), expected: [{ code: 'invalid-number', line: 1 }], mentions: 'one' },
  { name: 'a zero liveness interval', lines: n1With({}, [`${HA} peer-id 2 liveness-detection minimum-interval 0`]), expected: [{ code: 'invalid-number', line: 16 }], mentions: 'minimum-interval' },
  { name: 'a peer-ip that is not an address', lines: n1With({ 2: `${HA} peer-id 2 peer-ip 10.0.0.256` }), expected: [{ code: 'invalid-address', line: 2 }], mentions: '10.0.0.256' },
  { name: 'an SRG number above 255', lines: n1With({}, [`${HA} services-redundancy-group 256 peer-id 2`]), expected: [{ code: 'srg-unsupported', line: 16 }], mentions: 'services-redundancy-group 256' },
  { name: 'an unbalanced quote', lines: n1With({ 2: `${HA} peer-id 2 peer-ip "10.0.0.2` }), expected: [{ code: 'unbalanced-quote', line: 2 }], mentions: 'column 49' },
  { name: 'activeness-priority on SRG0', lines: n1With({}, [`${HA} services-redundancy-group 0 activeness-priority 100`]), expected: [{ code: 'statement-not-valid-for-srg', line: 16 }], mentions: 'activeness-priority' },
  { name: 'shutdown-on-failure on SRG1', lines: n1With({}, [`${HA} services-redundancy-group 1 shutdown-on-failure ge-0/0/4`]), expected: [{ code: 'statement-not-valid-for-srg', line: 16 }], mentions: 'shutdown-on-failure' },
  { name: 'two different local ids', lines: n1With({}, [`${HA} local-id 3`]), expected: [{ code: 'conflicting-value', line: 16 }], mentions: 'line 1' },
  { name: 'no local id', lines: n1With({ 1: null }), expected: [{ code: 'local-id-missing', line: null }], mentions: 'local-id' },
  { name: 'local id 11', lines: n1With({ 1: `${HA} local-id 11` }), expected: [{ code: 'id-out-of-range', line: 1 }], mentions: '1..10' },
  { name: 'local id 0', lines: n1With({ 1: `${HA} local-id 0` }), expected: [{ code: 'id-out-of-range', line: 1 }], mentions: '1..10' },
  {
    name: 'peer id 11 (everywhere it is named)',
    lines: n1With({ 2: `${HA} peer-id 11 peer-ip 10.0.0.2`, 3: `${HA} peer-id 11 vpn-profile L3HA_IPSEC_VPN`, 4: `${HA} services-redundancy-group 0 peer-id 11`, 5: `${HA} services-redundancy-group 1 peer-id 11` }),
    expected: [{ code: 'id-out-of-range', line: 2 }],
    mentions: 'peer-id 11',
  },
  // without a peer, the HA link VPN's vpn-profile is gone too: two errors
  { name: 'no peer', lines: n1With({ 2: null, 3: null }), expected: [{ code: 'ha-link-vpn-mismatch', line: 11 }, { code: 'peer-missing', line: null }], mentions: 'peer' },
  { name: 'a second peer', lines: n1With({}, [`${HA} peer-id 3 peer-ip 10.0.0.3`]), expected: [{ code: 'too-many-peers', line: 16 }], mentions: 'peer-id 3' },
  { name: 'a peer without peer-ip', lines: n1With({ 2: `${HA} peer-id 2 interface lo0.0` }), expected: [{ code: 'peer-ip-missing', line: 2 }], mentions: 'peer-ip' },
  { name: 'equal local and peer ids', lines: n1With({ 1: `${HA} local-id 2` }), expected: [{ code: 'ids-equal', line: 2 }], mentions: 'line 1' },
  { name: 'no SRG0', lines: n1With({ 4: null, 11: null }), expected: [{ code: 'srg-missing', line: null }], mentions: 'services-redundancy-group 0' },
  { name: 'an SRG without a peer', lines: n1With({ 4: null }), expected: [{ code: 'srg-without-peer', line: 10 }], mentions: 'services-redundancy-group 0' },
  { name: 'an SRG naming another peer', lines: n1With({ 5: `${HA} services-redundancy-group 1 peer-id 3` }), expected: [{ code: 'srg-unknown-peer', line: 5 }], mentions: 'peer-id 3' },
  { name: 'activeness-priority 255', lines: n1With({ 6: `${HA} services-redundancy-group 1 activeness-priority 255` }), expected: [{ code: 'priority-out-of-range', line: 6 }], mentions: '1..254' },
  { name: 'activeness-priority 0', lines: n1With({ 6: `${HA} services-redundancy-group 1 activeness-priority 0` }), expected: [{ code: 'priority-out-of-range', line: 6 }], mentions: '1..254' },
  { name: 'SRG1 without activeness probe', lines: n1With({ 8: null }), expected: [{ code: 'probe-missing', line: 5 }], mentions: 'activeness-probe' },
  { name: 'equal signal routes', lines: n1With({ 10: `${HA} services-redundancy-group 1 backup-signal-route 10.39.1.1` }), expected: [{ code: 'signal-routes-equal', line: 10 }], mentions: 'line 9' },
  { name: 'a monitor weight of 300', lines: n1With({}, [`${HA} services-redundancy-group 1 monitor interface ge-0/0/4 weight 300`]), expected: [{ code: 'monitor-value-out-of-range', line: 16 }], mentions: '300' },
  { name: 'a threshold of 0', lines: n1With({}, [`${HA} services-redundancy-group 0 monitor srg-threshold 0`]), expected: [{ code: 'monitor-value-out-of-range', line: 16 }], mentions: 'srg-threshold' },
  // vpn-profile names another VPN: the profile names nothing encrypting, and the encrypting VPN is not the profile
  { name: "an HA link VPN whose name is not the peer's vpn-profile", lines: n1With({ 3: `${HA} peer-id 2 vpn-profile OTHER_VPN` }), expected: [{ code: 'ha-link-vpn-mismatch', line: 3 }, { code: 'ha-link-vpn-mismatch', line: 13 }], mentions: 'OTHER_VPN' },
  { name: 'a vpn-profile whose VPN is not marked ha-link-encryption', lines: n1With({ 13: null }), expected: [{ code: 'ha-link-vpn-mismatch', line: 3 }], mentions: 'L3HA_IPSEC_VPN' },
  { name: 'an HA link VPN without gateway', lines: n1With({ 14: null }), expected: [{ code: 'ha-link-vpn-without-gateway', line: 13 }], mentions: 'L3HA_IPSEC_VPN' },
  { name: 'an HA link gateway that is IKEv1', lines: n1With({ 12: 'set security ike gateway ICL_GW version v1-only' }), expected: [{ code: 'ha-link-gateway-not-ikev2', line: 12 }], mentions: 'v1-only' },
  { name: 'an HA link gateway with no version', lines: n1With({ 12: null }), expected: [{ code: 'ha-link-gateway-not-ikev2', line: 13 }], mentions: 'v2-only' },
  { name: 'a VPN on SRG1 without a floating IP', lines: n1With({ 15: null }, [`${HA} services-redundancy-group 1 managed-services ipsec`]), expected: [{ code: 'srg1-vpn-without-floating-ip', line: 15 }], mentions: 'lo0' },
];

describe('every configuration error is rejected with its code, its line and a hint', () => {
  for (const testCase of CASES) {
    it(`rejects ${testCase.name}`, () => {
      const result = readSetLines(testCase.lines);
      expect(errorsOf(result)).toEqual(testCase.expected);
      if (result.ok) return;
      for (const error of result.errors) {
        if (error.line !== null) {
          // the message names the line by number and text
          expect(error.message.startsWith(`line ${error.line} ("${testCase.lines[error.line - 1]}"): `)).toBe(true);
        }
        expect(error.message).not.toContain('\n');
        expect(error.hint.length).toBeGreaterThan(0);
      }
      expect(result.errors.map((e) => e.message).join(' ')).toContain(testCase.mentions);
    });
  }

  it('rejects a pair whose nodes do not name each other', () => {
    const n1 = readSetLines(MNHA_EXAMPLE_N1);
    const n2 = readSetLines(MNHA_EXAMPLE_N2.map((line) => line.replace('local-id 2', 'local-id 3')));
    if (!n1.ok || !n2.ok) throw new Error('both halves are valid on their own');
    const pair = validatePair(n1.config, n2.config);
    expect(pair.ok).toBe(false);
    if (pair.ok) return;
    expect(pair.errors.map((e) => e.code)).toEqual(['pair-ids-mismatch']);
    expect(pair.errors[0]?.message).toBe("n1's peer-id is 2 but n2's local-id is 3");
    expect(pair.errors[0]?.hint.length).toBeGreaterThan(0);
  });

  it('lists every error of a configuration with several faults, in line order', () => {
    const result = readSetLines(n1With({ 1: `${HA} local-id 12`, 6: `${HA} services-redundancy-group 1 activeness-priority 300` }));
    expect(errorsOf(result)).toEqual([
      { code: 'id-out-of-range', line: 1 },
      { code: 'priority-out-of-range', line: 6 },
    ]);
  });
});
