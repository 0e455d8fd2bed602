/**
 * MNHA.md section 7 and PROTOCOL.md "IPsec": IKE negotiates only on the
 * active node, only without an SA in use, and when triggered
 * (`negotiateIke`; in clock-driven runs a timer after becoming active). The
 * new SA is sent to the peer (SA_SYNC), which keeps it as a synchronised
 * copy. A node that becomes active carries on with its copy; one that leaves
 * active keeps its SA as a copy. Synchronised before a failover, the tunnel
 * carries on; not synchronised, the new active node negotiates again (a
 * flap). SPIs are written "<local id>.<boot>.<n>" by the node that
 * negotiated them.
 */
import { describe, expect, it } from 'vitest';
import { bootInContact, network, srg1, states, up } from '../helpers.js';
import type { MnhaNetwork, SaObservation } from '../../../src/impl/index.js';

const VPN = { vpns: ['SITE_VPN'] };

/** The SAs a node holds. */
function sas(net: MnhaNetwork, node: 'n1' | 'n2'): readonly SaObservation[] {
  return up(net.observe(), node).ipsec.sas;
}

/** n1 active, n2 backup, nothing in flight; then n1 negotiates: its SA_SYNC is left in flight. */
function n1NegotiatesAfterElection(net: MnhaNetwork): void {
  bootInContact(net);
  expect(net.negotiateIke('n1')).toBe('negotiated');
}

describe('IKE negotiation', () => {
  it('does not happen by itself on becoming active: it waits for its trigger', () => {
    const net = network({ n1: VPN, n2: VPN });
    bootInContact(net);
    expect(srg1(net, 'n1').state).toBe('active');
    expect(up(net.observe(), 'n1').ipsec).toEqual({ sas: [], negotiations: 0 });
    expect(net.observe().tunnels).toEqual([]);
  });

  it('happens only on the active node, and only for a VPN without an SA in use', () => {
    const net = network({ n1: VPN, n2: VPN });
    // at boot both hold: nobody may negotiate
    expect(net.negotiateIke('n1')).toBe('not-active');
    bootInContact(net);
    expect(net.negotiateIke('n2')).toBe('not-active');
    expect(net.negotiateIke('n1')).toBe('negotiated');
    expect(sas(net, 'n1')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: true }]);
    expect(net.negotiateIke('n1')).toBe('sa-in-use');
    // IkeOnlyFromActive: the remote end saw one negotiation, from n1
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', negotiations: 1, flaps: 0 }]);
    expect(up(net.observe(), 'n2').ipsec.negotiations).toBe(0);
  });

  it('on the clock, the active node negotiates a delay after becoming active and the backup gets the copy', () => {
    const net = network({ n1: VPN, n2: VPN });
    net.runUntilQuiet();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    expect(sas(net, 'n1')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: true }]);
    expect(sas(net, 'n2')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: false }]);
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', negotiations: 1, flaps: 0 }]);
  });
});

describe('SA sync before a failover keeps the tunnel', () => {
  it('the active node syncs its SA; after its crash the backup carries on with the same SA', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1NegotiatesAfterElection(net);
    expect(net.observe().icl.inFlight.toN2.map((m) => m.kind)).toEqual(['sa-sync']);
    net.deliverAll();
    // SAs are shown on both nodes: in use on the active node, a copy on the backup
    expect(sas(net, 'n2')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: false }]);

    net.crash('n1');
    net.detectIclLoss('n2');
    net.probe('n2');
    expect(srg1(net, 'n2').state).toBe('active');
    // the copy is taken into use; no new negotiation: same SPI at the remote end, no flap
    expect(up(net.observe(), 'n2').ipsec).toEqual({ sas: [{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: true }], negotiations: 0 });
    expect(net.negotiateIke('n2')).toBe('sa-in-use');
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', negotiations: 1, flaps: 0 }]);
  });

  it('without the sync, the new active node negotiates again: the tunnel flaps', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1NegotiatesAfterElection(net);
    net.crash('n1'); // the SA_SYNC in flight is lost with the crash
    expect(sas(net, 'n2')).toEqual([]);
    net.detectIclLoss('n2');
    net.probe('n2');
    expect(srg1(net, 'n2').state).toBe('active');
    expect(net.negotiateIke('n2')).toBe('negotiated');
    expect(up(net.observe(), 'n2').ipsec).toEqual({ sas: [{ vpn: 'SITE_VPN', spi: '2.1.1', inUse: true }], negotiations: 1 });
    // the remote end replaced a live SA: one flap
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '2.1.1', negotiations: 2, flaps: 1 }]);
  });

  it('a manual failover hands the SA over: the old active node keeps a copy, the new one uses its copy', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1NegotiatesAfterElection(net);
    net.deliverAll();
    expect(net.manualFailover('n1')).toBe('handed-over');
    expect(sas(net, 'n1')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: false }]);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    expect(sas(net, 'n2')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: true }]);
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', negotiations: 1, flaps: 0 }]);
  });
});

describe('SA deletion', () => {
  it('happens only on the active node, for the SA it uses, and the peer drops its copy', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1NegotiatesAfterElection(net);
    net.deliverAll();
    expect(net.deleteSa('n2', 'SITE_VPN')).toBe('not-active');
    expect(net.deleteSa('n1', 'SITE_VPN')).toBe('deleted');
    expect(net.deleteSa('n1', 'SITE_VPN')).toBe('no-sa');
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: null, negotiations: 1, flaps: 0 }]);
    expect(net.observe().icl.inFlight.toN2.map((m) => m.kind)).toEqual(['sa-delete']);
    net.deliverAll();
    expect(sas(net, 'n2')).toEqual([]);
  });
});

describe('SA_SYNC on contact', () => {
  /**
   * There is no cold-sync exchange of SAs: a node that rebooted gets the SA
   * when the active node holding one notices the ICL up, right after its
   * state (PROTOCOL.md "Noticing the ICL").
   */
  it('an active node with an SA in use that notices the ICL up sends it after its state', () => {
    const net = network({ n1: VPN, n2: VPN, iclLossAtActive: 'keep-and-probe' });
    n1NegotiatesAfterElection(net);
    net.deliverAll();
    net.crash('n2');
    net.detectIclLoss('n1'); // keep-and-probe: n1 stays active
    net.reboot('n2');
    // nothing survived the crash, and completing the cold sync brings nothing back
    expect(net.completeColdSync('n2')).toBe('online');
    expect(sas(net, 'n2')).toEqual([]);

    expect(net.detectIclUp('n1')).toBe('detected');
    expect(net.observe().icl.inFlight.toN2).toMatchObject([
      { kind: 'state', srg1: 'active', flag: 'none' },
      { kind: 'sa-sync', vpn: 'SITE_VPN', spi: '1.1.1' },
    ]);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    expect(sas(net, 'n2')).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', inUse: false }]);
  });

  it('a node that is not active sends no SA on contact, even holding a copy', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1NegotiatesAfterElection(net);
    net.deliverAll();
    net.cutIcl();
    net.detectIclLoss('n2'); // n2 stays backup, with its copy
    net.detectIclLoss('n1'); // the outage lasts until both have noticed it
    net.restoreIcl();
    net.detectIclUp('n2');
    expect(net.observe().icl.inFlight.toN1.map((m) => m.kind)).toEqual(['state']);
  });
});
