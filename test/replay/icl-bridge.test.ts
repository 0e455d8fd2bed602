/** The model's two channels over the implementation's one FIFO per direction (src/replay/icl-bridge.ts). */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork } from '../../src/impl/index.js';
import { IclBridge } from '../../src/replay/icl-bridge.js';
import { network, up } from '../impl/helpers.js';

const kinds = (net: MnhaNetwork, to: 'n1' | 'n2') => net.observe().icl.inFlight[to === 'n1' ? 'toN1' : 'toN2'].map((m) => (m.kind === 'state' ? `state:${m.srg1}` : m.kind));

describe('receiving a STATE', () => {
  it('delivers the newest state notification and drops the older ones, as the model overwrites them', () => {
    const net = network();
    const bridge = new IclBridge(net);
    net.detectIclUp('n1'); // hello (hold)
    net.failMonitor('n1', 1); // ineligible
    expect(kinds(net, 'n2')).toEqual(['state:hold', 'state:ineligible']);
    expect(bridge.receive('n2', 'STATE')).toBe('delivered');
    expect(up(net.observe(), 'n2').icl.peer?.srg1).toBe('ineligible');
    // n2 answers the hello it took with the ineligible notification (hello was set on both)
    expect(kinds(net, 'n2')).toEqual([]);
  });

  it('asks the sender for a heartbeat when it sent no state (it does not see the ICL), and delivers it', () => {
    const net = network();
    const bridge = new IclBridge(net);
    net.detectIclUp('n2'); // n2 sees the ICL; n1 does not and sends nothing
    expect(kinds(net, 'n2')).toEqual([]);
    expect(bridge.receive('n2', 'STATE')).toBe('delivered-heartbeat');
    expect(up(net.observe(), 'n2').icl.peer?.srg1).toBe('hold');
  });
});

describe('receiving from the inbox', () => {
  /** n1 sees the ICL and is online; what it sent so far is dropped. */
  function onlineN1(): MnhaNetwork {
    const net = network();
    net.detectIclUp('n1');
    net.completeColdSync('n1');
    while (net.dropNext('n2').outcome === 'dropped');
    return net;
  }

  it('drops a state notification ahead of the wanted session move (its content comes at its own step)', () => {
    const net = onlineN1();
    const bridge = new IclBridge(net);
    net.failMonitor('n1', 1);
    net.packet('n1', 's1');
    expect(kinds(net, 'n2')).toEqual(['state:ineligible', 'session-active']);
    expect(bridge.receive('n2', 'SESSION')).toBe('delivered');
    expect(up(net.observe(), 'n2').sessions).toEqual([{ id: 's1', state: 'warm', lastPacket: 0 }]);
    expect(up(net.observe(), 'n2').icl.peer).toBeNull();
    // the STATE step later: nothing in flight, so n1 repeats its state
    expect(bridge.receive('n2', 'STATE')).toBe('delivered-heartbeat');
    expect(up(net.observe(), 'n2').icl.peer?.srg1).toBe('ineligible');
  });

  it('delivers a session move ahead of the wanted state early, and its own step then does nothing more', () => {
    const net = onlineN1();
    const bridge = new IclBridge(net);
    net.packet('n1', 's1');
    net.failMonitor('n1', 1);
    expect(kinds(net, 'n2')).toEqual(['session-active', 'state:ineligible']);
    expect(bridge.receive('n2', 'STATE')).toBe('delivered');
    expect(up(net.observe(), 'n2').sessions.map((s) => s.state)).toEqual(['warm']);
    expect(bridge.receive('n2', 'SESSION')).toBe('delivered-earlier');
    expect(bridge.receive('n2', 'SESSION')).toBe('empty');
  });

  it('forgets early deliveries when the ICL is cut (the model loses its messages too)', () => {
    const net = onlineN1();
    const bridge = new IclBridge(net);
    net.packet('n1', 's1');
    net.failMonitor('n1', 1);
    bridge.receive('n2', 'STATE');
    bridge.reset();
    expect(bridge.receive('n2', 'SESSION')).toBe('empty');
  });
});
