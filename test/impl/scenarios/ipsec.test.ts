/**
 * MNHA.md section 7: IKE runs only on the active node; SAs are synchronised
 * to the backup. Synchronised before a failover, the tunnel carries on; not
 * synchronised, the new active node negotiates again (a tunnel flap).
 * SPIs are written "<local id>.<boot>.<n>" by the node that negotiated them.
 */
import { describe, expect, it } from 'vitest';
import { network, srg1, up } from '../helpers.js';
import type { MnhaNetwork } from '../../../src/impl/index.js';

const VPN = { vpns: ['SITE_VPN'] };

/** Boots in contact and lets n1 win the probe; returns with n1's messages (state, sa-sync) still in flight. */
function n1BecomesActive(net: MnhaNetwork): void {
  net.detectIclUp('n1');
  net.deliverAll();
  net.completeColdSync('n1');
  net.completeColdSync('n2');
  net.deliverAll();
  expect(net.probe('n1')).toBe('answered');
}

describe('SA sync before a failover keeps the tunnel', () => {
  it('the active node negotiates and syncs; after its crash the backup carries on with the same SA', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1BecomesActive(net);
    expect(up(net.observe(), 'n1').ipsec).toEqual({ sas: [{ vpn: 'SITE_VPN', spi: '1.1.1' }], negotiations: 1 });
    expect(net.observe().icl.inFlight.toN2.map((m) => m.kind)).toEqual(['state', 'sa-sync']);
    net.deliverAll();
    // SAs are shown on both nodes
    expect(up(net.observe(), 'n2').ipsec).toEqual({ sas: [{ vpn: 'SITE_VPN', spi: '1.1.1' }], negotiations: 0 });

    net.crash('n1');
    net.detectIclLoss('n2');
    net.probe('n2');
    expect(srg1(net, 'n2').state).toBe('active');
    // no new negotiation: same SPI at the remote end, no flap
    expect(up(net.observe(), 'n2').ipsec.negotiations).toBe(0);
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1', negotiations: 1, flaps: 0 }]);
  });

  it('without the sync, the new active node negotiates again: the tunnel flaps', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1BecomesActive(net);
    net.deliverNext('n2'); // the state notification only; the sa-sync is still in flight...
    net.crash('n1'); // ...and lost with the crash
    expect(up(net.observe(), 'n2').ipsec.sas).toEqual([]);
    net.detectIclLoss('n2');
    net.probe('n2');
    expect(up(net.observe(), 'n2').ipsec).toEqual({ sas: [{ vpn: 'SITE_VPN', spi: '2.1.1' }], negotiations: 1 });
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: '2.1.1', negotiations: 2, flaps: 1 }]);
  });

  it('SAs are deleted only on the active node, and the deletion is synced', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1BecomesActive(net);
    net.deliverAll();
    expect(net.deleteSa('n2', 'SITE_VPN')).toBe('not-active');
    expect(net.deleteSa('n1', 'SITE_VPN')).toBe('deleted');
    expect(net.deleteSa('n1', 'SITE_VPN')).toBe('no-sa');
    expect(net.observe().tunnels).toEqual([{ vpn: 'SITE_VPN', spi: null, negotiations: 1, flaps: 0 }]);
    net.deliverAll();
    expect(up(net.observe(), 'n2').ipsec.sas).toEqual([]);
  });

  it('a rebooted node gets the SAs back through its cold sync', () => {
    const net = network({ n1: VPN, n2: VPN });
    n1BecomesActive(net);
    net.deliverAll();
    net.crash('n2');
    net.reboot('n2');
    expect(up(net.observe(), 'n2').ipsec.sas).toEqual([]);
    net.completeColdSync('n2');
    expect(up(net.observe(), 'n2').ipsec.sas).toEqual([{ vpn: 'SITE_VPN', spi: '1.1.1' }]);
  });
});
