import { describe, expect, it } from 'vitest';
import { readSetLines, type ConfigResult } from '../../../src/impl/index.js';
import { MNHA_EXAMPLE_N1, n1With } from './mnha-example.js';

const HA = 'set chassis high-availability';
const SRG1 = `${HA} services-redundancy-group 1`;

function accepted(result: ConfigResult): Extract<ConfigResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the configuration to be accepted: ${result.errors.map((e) => e.message).join('; ')}`);
  return result;
}

describe('the reader gaps of issue 13', () => {
  it('accepts the bare SRG statements the documentation writes', () => {
    const r = accepted(readSetLines(n1With({}, [`${HA} services-redundancy-group 0`, `${HA} services-redundancy-group 1`])));
    expect(r.config.srg1.peerId).toBe(2);
  });

  it('keeps floating-ip, probe timing, install-on-failure-route, process-packet-on-backup and deployment-type', () => {
    const r = accepted(readSetLines(n1With({}, [
      `${SRG1} floating-ip 198.51.100.10`,
      `${SRG1} activeness-probe minimum-interval 1000`,
      `${SRG1} activeness-probe multiplier 3`,
      `${SRG1} install-on-failure-route 10.39.1.3 routing-instance default`,
      `${SRG1} process-packet-on-backup`,
      `${SRG1} deployment-type hybrid`,
    ])));
    const s = r.config.srg1;
    expect(s.floatingIp).toBe('198.51.100.10');
    expect(s.probeTiming).toEqual({ 'minimum-interval': 1000, multiplier: 3 });
    expect(s.installOnFailureRoute).toBe('10.39.1.3');
    expect(s.processPacketOnBackup).toBe(true);
    expect(s.deploymentType).toBe('hybrid');
    expect(r.sources['srg1.floating-ip']).toBe(16);
    expect(r.sources['srg1.process-packet-on-backup']).toBe(20);
  });

  it('reads the top-level high-availability spelling as the chassis one', () => {
    const lines = MNHA_EXAMPLE_N1.map((line) => line.replace('set chassis high-availability', 'set high-availability'));
    const r = accepted(readSetLines(lines));
    expect(r.config.localId).toBe(1);
    expect(r.config.srg1.activenessPriority).toBe(200);
    expect(r.sources['srg1.preemption']).toBe(7);
  });

  it('turns off what a deactivate line names, wherever it sits, and says so', () => {
    const r = accepted(readSetLines(n1With({}, [`deactivate chassis high-availability services-redundancy-group 1 preemption`])));
    expect(r.config.srg1.preemption).toBe(false);
    expect(r.notes).toEqual([{ line: 7, message: 'line 7 is deactivated (line 16): the statement is off and not read' }]);
  });

  it('says once, at the first such line, that configuration groups are not expanded', () => {
    // lines 16 to 18: a group holding an HA statement, and two places that apply groups
    const r = accepted(readSetLines(n1With({}, [
      'set groups HA_COMMON chassis high-availability services-redundancy-group 1 preemption',
      'set apply-groups HA_COMMON',
      'set interfaces apply-groups-except HA_COMMON',
    ])));
    expect(r.notes).toEqual([{
      line: 16, code: 'groups-not-expanded',
      message: 'configuration groups are not expanded (groups or apply-groups: 3 lines from this one): a statement inherited from a group is not read; give "show configuration | display inheritance | display set" to have it read',
    }]);
    expect(r.ignoredLines).toBe(3);
    expect(accepted(readSetLines(n1With())).notes).toEqual([]);
  });

  it('reads the output of show configuration | display set, prompt, banner and comments included', () => {
    const text = [
      'admin@srx-a> show configuration | display set',
      '## Last commit: 2026-01-05 10:00:00 UTC by admin',
      '/* the trust side */',
      '{master:0}',
      'set version 23.4R1.9',
      ...MNHA_EXAMPLE_N1,
      '',
    ].join('\r\n');
    const r = accepted(readSetLines(text));
    expect(r.ignoredLines).toBe(1);
    expect(r.sources['local-id']).toBe(6);
  });

  it('accepts SRG2 and above with a note that the model checks SRG1 only', () => {
    const r = accepted(readSetLines(n1With({}, [`${HA} services-redundancy-group 2 peer-id 2`, `${HA} services-redundancy-group 2 activeness-priority 50`])));
    expect(r.config.otherSrgs).toEqual([2]);
    expect(r.notes.map((n) => n.line)).toEqual([16]);
    expect(r.notes[0]?.message).toContain('model checks SRG1 only');
  });

  it('refuses an SRG2 statement that belongs to SRG0', () => {
    const r = readSetLines(n1With({}, [`${HA} services-redundancy-group 2 shutdown-on-failure ge-0/0/4`]));
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.line])).toEqual([['statement-not-valid-for-srg', 16]]);
  });

  it('names the column of an unbalanced quote instead of reading the quote into the value', () => {
    const r = readSetLines(n1With({}, [`${SRG1} activeness-probe dest-ip "192.0.2.1`]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toBe(`line 16 ("${SRG1} activeness-probe dest-ip "192.0.2.1"): the double quote at column 84 is never closed`);
  });

  it('keeps the policy conditions on signal routes, and BFD monitor options', () => {
    const r = accepted(readSetLines(n1With({}, [
      'set policy-options condition ACTIVE_ROUTE_EXISTS if-route-exists 10.39.1.1/32 table inet.0',
      `${SRG1} monitor bfd-liveliness 192.0.2.9 src-ip 192.0.2.10 session-type singlehop interface ge-0/0/1.0 weight 100`,
    ])));
    expect(r.sources['policy.10.39.1.1']).toBe(16);
    expect(r.config.srg1.monitoring.monitors).toEqual([{ kind: 'bfd-liveliness', target: '192.0.2.9', weight: 100 }]);
  });

  it('still refuses an unknown statement under high-availability, in either spelling', () => {
    const r = readSetLines(n1With({}, ['set high-availability services-redundancy-group 1 activeness-probe dest-ip 192.0.2.1 interval-ish 5']));
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.line])).toEqual([['unknown-statement', 16]]);
  });
});
