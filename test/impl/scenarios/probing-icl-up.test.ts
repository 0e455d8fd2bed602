/**
 * Probing with the ICL up (MNHA.md section 4: "Probing stops while the ICL
 * is up"; section 8, property 10: no probing while the peer is known active
 * or backup) and the backup that takes over from a peer without a claim.
 * Found by replaying the model's steps against the implementation.
 */
import { describe, expect, it } from 'vitest';
import type { MnhaNetwork } from '../../../src/impl/index.js';
import { ROLE, bootInContact, network, srg1, states } from '../helpers.js';

/** n1 active and n2 backup; the ICL is cut and both notice: n1 withdraws to hold, n2 probes. */
function cutAfterElection(net: MnhaNetwork): void {
  bootInContact(net);
  net.cutIcl();
  net.detectIclLoss('n1');
  net.detectIclLoss('n2');
  expect(srg1(net, 'n1')).toMatchObject(ROLE.holdProbing);
  expect(srg1(net, 'n2')).toMatchObject({ state: 'backup', probing: true });
  net.restoreIcl();
}

describe('probing while the ICL is up', () => {
  it('a backup that sees the ICL again stops probing before it hears its peer', () => {
    const net = network();
    cutAfterElection(net);
    net.detectIclUp('n2');
    expect(up2(net)).toEqual({ view: 'up', peer: null });
    expect(srg1(net, 'n2')).toMatchObject(ROLE.backup);
  });

  it('a node in hold stops probing once it knows its peer is backup, and the backup takes over without a probe', () => {
    const net = network();
    cutAfterElection(net);
    net.detectIclUp('n1'); // contact notices cross: n1 in hold, n2 backup
    net.detectIclUp('n2');
    net.deliverNext('n1'); // n1 (hold) reads its peer backup: no priorities, so it neither claims nor probes
    expect(srg1(net, 'n1')).toMatchObject({ state: 'hold', probing: false });
    expect(net.probe('n1')).toBe('not-probing');
    net.deliverNext('n2'); // n2 (backup) reads its peer in hold: the routers already prefer n2, it claims
    expect(srg1(net, 'n2')).toMatchObject(ROLE.active);
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'backup', n2: 'active' });
    expect(net.observe().probeResponder.answeredOffPath).toBe(false);
  });

  it('with the ICL seen and the peer not yet known, nobody probes', () => {
    const net = network();
    net.detectIclUp('n1');
    expect(srg1(net, 'n1')).toMatchObject({ state: 'hold', probing: false });
    expect(net.probe('n1')).toBe('not-probing');
    // n2 has not noticed the ICL: it still probes
    expect(srg1(net, 'n2')).toMatchObject(ROLE.holdProbing);
    net.deliverNext('n2');
    // n2 now sees the ICL and knows n1 in hold: hold against hold, no priorities, no ask: the probe decides
    expect(srg1(net, 'n2')).toMatchObject(ROLE.holdProbing);
    net.deliverNext('n1');
    expect(srg1(net, 'n1')).toMatchObject(ROLE.holdProbing);
  });

  it('a backup leaves activeness to a peer in hold that the priorities prefer', () => {
    const net = network({ n1: { activenessPriority: 200 }, n2: { activenessPriority: 100 } });
    net.detectIclUp('n1');
    net.deliverAll();
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
    net.cutIcl();
    net.detectIclLoss('n1');
    net.detectIclLoss('n2');
    net.restoreIcl();
    net.detectIclUp('n2');
    net.deliverAll();
    // n1 in hold hears a backup peer: the priorities elect n1, n2 stays backup
    expect(states(net)).toEqual({ n1: 'active', n2: 'backup' });
  });
});

describe('probe answers the node did not ask for (PROTOCOL.md "Probing")', () => {
  it('an answer to the peer\'s probe reaching a probing node is dropped', () => {
    const net = network();
    expect(srg1(net, 'n2')).toMatchObject(ROLE.holdProbing);
    expect(net.strayProbeReply('n2')).toBe('ignored');
    expect(states(net)).toEqual({ n1: 'hold', n2: 'hold' });
  });

  it('a late answer to its own probe, reaching a node that no longer probes, is dropped', () => {
    const net = network();
    expect(net.probe('n1', { lose: true })).toBe('lost');
    net.detectIclUp('n1'); // the peer is unknown: n1 stops probing
    expect(srg1(net, 'n1').probing).toBe(false);
    expect(net.strayProbeReply('n1')).toBe('ignored');
    expect(srg1(net, 'n1')).toMatchObject({ state: 'hold', probing: false });
  });

  it('an answer to the peer\'s probe does not promote a backup probing after an ICL loss either', () => {
    const net = network();
    bootInContact(net);
    net.cutIcl();
    net.detectIclLoss('n2');
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
    expect(net.strayProbeReply('n2')).toBe('ignored');
    expect(srg1(net, 'n2')).toMatchObject({ ...ROLE.backup, probing: true });
  });
});

function up2(net: MnhaNetwork): { view: string; peer: unknown } {
  const n2 = net.observe().nodes.n2;
  if (!n2.alive) throw new Error('n2 is down');
  return { view: n2.icl.view, peer: n2.icl.peer };
}
