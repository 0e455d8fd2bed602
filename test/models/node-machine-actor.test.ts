/**
 * The MNHA node machine run as an ordinary XState actor, driven by scripts
 * that follow MNHA.md. A small harness plays the ICL: messages a node sends
 * (emitted `ha-verify.send` events) are delivered to its peer while the
 * script says the link is up.
 */
import { describe, expect, it } from 'vitest';
import { type Actor, type AnyStateMachine, createActor } from 'xstate';
import { nodeMachine } from '../../models/mnha/node-machine.js';
import { DEFAULT_PARAMS, type MnhaParams } from '../../models/mnha/params.js';
import { SEND_EVENT } from '../../src/model/index.js';

interface Pair {
  n1: Actor<AnyStateMachine>;
  n2: Actor<AnyStateMachine>;
  /** Messages in flight, per receiver. */
  inflight: { n1: Record<string, unknown>[]; n2: Record<string, unknown>[] };
  icl: boolean;
}

function boot(params: Partial<MnhaParams> = {}): Pair {
  const p = { ...DEFAULT_PARAMS, ...params };
  const machine = nodeMachine(p).machine;
  const pair = { inflight: { n1: [], n2: [] }, icl: true } as unknown as Pair;
  for (const id of ['n1', 'n2'] as const) {
    const actor = createActor(machine, { input: { $id: id } });
    actor.on(SEND_EVENT, (e: { to: string; msg: Record<string, unknown> }) => {
      if (pair.icl) pair.inflight[e.to as 'n1' | 'n2'].push(e.msg);
    });
    actor.start();
    pair[id] = actor;
  }
  return pair;
}

/** Delivers every message in flight, in order, until none is left. */
function deliverAll(pair: Pair): void {
  for (let guard = 0; guard < 20; guard++) {
    let moved = false;
    for (const to of ['n1', 'n2'] as const) {
      const msg = pair.inflight[to].shift();
      if (msg) { moved = true; pair[to].send(msg as { type: string }); }
    }
    if (!moved) return;
  }
  throw new Error('messages keep flowing');
}

const srg1 = (a: Actor<AnyStateMachine>) => (a.getSnapshot().value as { up?: { srg1?: string } }).up?.srg1;
const srg0 = (a: Actor<AnyStateMachine>) => (a.getSnapshot().value as { up?: { srg0?: string } }).up?.srg0;
const ctx = (a: Actor<AnyStateMachine>) => a.getSnapshot().context as Record<string, unknown>;

/** Both nodes see the ICL and exchange states; the router answers n1's probe. */
function electN1(pair: Pair): void {
  pair.n1.send({ type: 'ICL_UP', latest: {} });
  pair.n2.send({ type: 'ICL_UP', latest: {} });
  deliverAll(pair);
  pair.n1.send({ type: 'PROBE_REPLY' });
  deliverAll(pair);
}

describe('MNHA node machine as an XState actor', () => {
  it('boots both nodes in hold, probing, advertising low', () => {
    const pair = boot();
    for (const n of [pair.n1, pair.n2]) {
      expect(srg1(n)).toBe('hold');
      expect(srg0(n)).toBe('coldSync');
      expect(ctx(n)).toMatchObject({ probing: true, adv: 'low', activeRoute: false, backupRoute: false });
    }
  });

  it('elects by probe: the router answers n1, the ICL carries the notification, n2 becomes backup', () => {
    const pair = boot();
    electN1(pair);
    expect(srg1(pair.n1)).toBe('active');
    expect(ctx(pair.n1)).toMatchObject({ activeRoute: true, backupRoute: false, adv: 'high', probing: false });
    expect(srg1(pair.n2)).toBe('backup');
    expect(ctx(pair.n2)).toMatchObject({ activeRoute: false, backupRoute: true, adv: 'medium', probing: false, peerSrg1: 'active' });
  });

  it('elects by activeness-priority when both are in contact at boot', () => {
    const pair = boot({ priority: { n1: 100, n2: 200 } });
    pair.n1.send({ type: 'ICL_UP', latest: {} });
    pair.n2.send({ type: 'ICL_UP', latest: {} });
    deliverAll(pair);
    expect(srg1(pair.n2)).toBe('active');
    expect(srg1(pair.n1)).toBe('backup');
  });

  it('ICL loss, "withdraw" reading: the active node removes its active-signal-route and the backup takes over by probe', () => {
    const pair = boot();
    electN1(pair);
    pair.icl = false;
    pair.n1.send({ type: 'ICL_DOWN' });
    pair.n2.send({ type: 'ICL_DOWN' });
    expect(srg1(pair.n1)).toBe('hold');
    expect(ctx(pair.n1)).toMatchObject({ activeRoute: false, adv: 'low', probing: true });
    expect(ctx(pair.n2)).toMatchObject({ probing: true, backupRoute: true });
    // n1 now advertises low and n2 medium: the router answers n2.
    pair.n2.send({ type: 'PROBE_REPLY' });
    expect(srg1(pair.n2)).toBe('active');
    expect(ctx(pair.n2)).toMatchObject({ activeRoute: true, adv: 'high' });
  });

  it('ICL loss, "keep-and-probe" reading: the active node keeps its route and probes', () => {
    const pair = boot({ iclLossAtActive: 'keep-and-probe' });
    electN1(pair);
    pair.icl = false;
    pair.n1.send({ type: 'ICL_DOWN' });
    pair.n2.send({ type: 'ICL_DOWN' });
    expect(srg1(pair.n1)).toBe('active');
    expect(ctx(pair.n1)).toMatchObject({ activeRoute: true, probing: true });
    expect(srg1(pair.n2)).toBe('backup');
    expect(ctx(pair.n2)).toMatchObject({ probing: true });
  });

  it('split brain under a router fault, resolved when the ICL returns: the lower local id backs off', () => {
    const pair = boot({ iclLossAtActive: 'keep-and-probe' });
    electN1(pair);
    pair.icl = false;
    pair.n1.send({ type: 'ICL_DOWN' });
    pair.n2.send({ type: 'ICL_DOWN' });
    pair.n2.send({ type: 'PROBE_REPLY' }); // the misbehaving router answers the backup too
    expect([srg1(pair.n1), srg1(pair.n2)]).toEqual(['active', 'active']);
    pair.icl = true;
    pair.n1.send({ type: 'ICL_UP', latest: {} });
    pair.n2.send({ type: 'ICL_UP', latest: {} });
    deliverAll(pair);
    expect(srg1(pair.n1)).toBe('backup'); // local id 1 < 2
    expect(srg1(pair.n2)).toBe('active');
    expect(ctx(pair.n1)).toMatchObject({ activeRoute: false, backupRoute: true });
  });

  it('split brain resolved by activeness-priority: the lower priority backs off', () => {
    const pair = boot({ iclLossAtActive: 'keep-and-probe', priority: { n1: 200, n2: 100 } });
    pair.n1.send({ type: 'ICL_UP', latest: {} });
    pair.n2.send({ type: 'ICL_UP', latest: {} });
    deliverAll(pair); // n1 wins the priority election
    expect(srg1(pair.n1)).toBe('active');
    pair.icl = false;
    pair.n1.send({ type: 'ICL_DOWN' });
    pair.n2.send({ type: 'ICL_DOWN' });
    pair.n2.send({ type: 'PROBE_REPLY' });
    pair.icl = true;
    pair.n1.send({ type: 'ICL_UP', latest: {} });
    pair.n2.send({ type: 'ICL_UP', latest: {} });
    deliverAll(pair);
    expect(srg1(pair.n1)).toBe('active'); // priority 200 beats 100, although its local id is lower
    expect(srg1(pair.n2)).toBe('backup');
  });

  it('SRG1 monitor failure: ineligible and silent, the peer takes over, recovery goes back to backup', () => {
    const pair = boot();
    electN1(pair);
    pair.n1.send({ type: 'MON1_FAIL' });
    expect(srg1(pair.n1)).toBe('ineligible');
    expect(ctx(pair.n1)).toMatchObject({ activeRoute: false, backupRoute: false, adv: 'low', probing: false });
    deliverAll(pair);
    expect(srg1(pair.n2)).toBe('active');
    pair.n1.send({ type: 'MON1_RECOVER' });
    expect(srg1(pair.n1)).toBe('backup');
    expect(ctx(pair.n1)).toMatchObject({ backupRoute: true, adv: 'medium' });
  });

  it('SRG0 isolation shuts interfaces; recovery waits for the cold sync before coming online', () => {
    const pair = boot();
    pair.n1.send({ type: 'COLD_SYNC_DONE' });
    expect(srg0(pair.n1)).toBe('online');
    expect(ctx(pair.n1).shut).toBe(false);
    pair.n1.send({ type: 'MON0_FAIL' });
    expect(srg0(pair.n1)).toBe('isolated');
    expect(ctx(pair.n1).shut).toBe(true);
    pair.n1.send({ type: 'MON0_RECOVER' });
    expect(srg0(pair.n1)).toBe('coldSync');
    expect(ctx(pair.n1).shut).toBe(true);
    pair.n1.send({ type: 'COLD_SYNC_DONE' });
    expect(srg0(pair.n1)).toBe('online');
    expect(ctx(pair.n1).shut).toBe(false);
  });

  it('a crash loses all state and withdraws the routes; a reboot starts in hold and cold sync', () => {
    const pair = boot();
    electN1(pair);
    pair.n1.send({ type: 'CRASH' });
    expect(pair.n1.getSnapshot().value).toBe('down');
    expect(ctx(pair.n1)).toMatchObject({ activeRoute: false, adv: 'none', iclSeen: false, peerSrg1: 'unknown' });
    pair.n1.send({ type: 'BOOT' });
    expect(srg1(pair.n1)).toBe('hold');
    expect(srg0(pair.n1)).toBe('coldSync');
  });
});
