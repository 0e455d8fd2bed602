/**
 * Reads a network into an `Observation`: fresh plain objects, keys written
 * in one fixed order, so that the result is safe to keep and to compare as
 * JSON text.
 */
import type { IclMessage } from '../node/icl-messages.js';
import type { NodeName, RouterName } from '../net/names.js';
import type { MnhaNetwork } from '../net/network.js';
import type { NodeObservation, Observation, RouterObservation } from './observation.js';

/** A copy of a message with its keys in the canonical order of its kind. */
export function copyMessage(message: IclMessage): IclMessage {
  const from = { localId: message.from.localId, incarnation: message.from.incarnation };
  switch (message.kind) {
    case 'state':
      return {
        kind: 'state',
        from,
        seq: message.seq,
        ack: message.ack,
        flag: message.flag,
        srg0: message.srg0,
        srg1: message.srg1,
        activenessPriority: message.activenessPriority,
        preemption: message.preemption,
      };
    case 'heartbeat':
      return { kind: 'heartbeat', from, ack: message.ack };
    case 'session-active':
      return { kind: 'session-active', from, seq: message.seq, sessionIds: [...message.sessionIds] };
    case 'sa-sync':
      return { kind: 'sa-sync', from, seq: message.seq, vpn: message.vpn, spi: message.spi };
    case 'sa-delete':
      return { kind: 'sa-delete', from, seq: message.seq, vpn: message.vpn };
  }
}

function observeNode(net: MnhaNetwork, name: NodeName): NodeObservation {
  const inspection = net.inspectNode(name);
  const localId = net.localId(name);
  const boots = net.boots(name);
  if (inspection === null) return { alive: false, localId, boots };
  const peer = inspection.peer;
  const { srg0, srg1 } = inspection;
  return {
    alive: true,
    localId,
    boots,
    icl: {
      view: inspection.iclView,
      peer:
        peer === null
          ? null
          : { localId: peer.localId, srg0: peer.srg0, srg1: peer.srg1, activenessPriority: peer.activenessPriority, preemption: peer.preemption },
    },
    srg0: {
      state: srg0.state,
      interfaces: srg0.interfaces.map((i) => ({ name: i.name, status: i.status })),
      failedMonitors: [...srg0.failedMonitors],
    },
    srg1: {
      state: srg1.state,
      signalRoutes: { active: srg1.signalRoutes.active, backup: srg1.signalRoutes.backup },
      advertised: srg1.preference,
      probing: srg1.probing,
      forwarding: srg1.forwarding,
      failedMonitors: [...srg1.failedMonitors],
      ask: srg1.ask,
    },
    sessions: inspection.sessions.map((s) => ({ id: s.id, state: s.state, lastPacket: s.lastPacket })),
    ipsec: {
      sas: inspection.sas.map((sa) => ({ vpn: sa.vpn, spi: sa.spi, inUse: sa.inUse })),
      negotiations: inspection.ikeNegotiations,
    },
  };
}

function observeRouter(net: MnhaNetwork, router: RouterName): RouterObservation {
  return {
    preferred: net.routerPreferred(router),
    tieBreak: net.routerTieBreak(router),
    learned: { n1: net.routerView(router, 'n1'), n2: net.routerView(router, 'n2') },
  };
}

/** The observable state of `net` and its nodes, routers, responder and tunnels, now. */
export function observe(net: MnhaNetwork): Observation {
  const responder = net.responderState();
  return {
    time: net.now(),
    icl: {
      link: net.iclState(),
      inFlight: {
        toN1: net.inFlight('n1').map((e) => copyMessage(e.message)),
        toN2: net.inFlight('n2').map((e) => copyMessage(e.message)),
      },
    },
    nodes: { n1: observeNode(net, 'n1'), n2: observeNode(net, 'n2') },
    routers: { r1: observeRouter(net, 'r1'), r2: observeRouter(net, 'r2') },
    probeResponder: { router: net.probeRouter, misbehaving: responder.misbehaving, answeredOffPath: responder.answeredOffPath },
    tunnels: net.tunnels().map((t) => ({ vpn: t.vpn, spi: t.spi, negotiations: t.negotiations, flaps: t.flaps })),
  };
}

/**
 * The observation as text without what changes while nothing happens (the
 * time, heartbeats in flight): equal keys mean the system has not moved.
 */
export function settleKey(observation: Observation): string {
  const withoutHeartbeats = (queue: readonly IclMessage[]): IclMessage[] => queue.filter((m) => m.kind !== 'heartbeat');
  return JSON.stringify({
    ...observation,
    time: 0,
    icl: {
      link: observation.icl.link,
      inFlight: { toN1: withoutHeartbeats(observation.icl.inFlight.toN1), toN2: withoutHeartbeats(observation.icl.inFlight.toN2) },
    },
  });
}
