/**
 * One MNHA node as an XState machine: `down` or `up`, and while up two
 * parallel regions, SRG0 (stateless services, active/active) and SRG1
 * (services with control-plane state, active/backup). Every guard and action
 * is built from the DSL, so the same machine runs in XState, is explored by
 * the checker and is printed as TLA+.
 *
 * The decisions MNHA.md leaves open are marked "Decision" below.
 */
import { setup } from 'xstate';
import * as x from '../../src/dsl/index.js';
import { dslFor, type MachineDefinition, SELF_FIELD } from '../../src/model/index.js';
import { LastPacket, Nodes, PeerViews, Prefs, SaStates, SessionStates, Srg1States, msgType } from './domains.js';
import { constantsOf, IclLossT, IdT, type MnhaParams, PrioT, sessionsDomain } from './params.js';

/** Builds the node machine for a parameter set. */
export function nodeMachine(p: MnhaParams): MachineDefinition {
  const Sessions = sessionsDomain(p);
  const Msg = msgType(Sessions);
  const consts = Object.fromEntries(Object.entries(constantsOf(p)).map(([k, c]) => [k, c.value]));
  const dsl = dslFor(consts);

  const contextSchema = {
    iclSeen: x.boolT,
    peerSrg1: PeerViews,
    activeRoute: x.boolT,
    backupRoute: x.boolT,
    adv: Prefs,
    probing: x.boolT,
    shut: x.boolT,
    sess: x.funT(Sessions, SessionStates),
    sa: SaStates,
  };
  const c = x.contextOf(contextSchema);
  const me = x.self(Nodes);
  const Peer = x.constant('Peer', x.funT(Nodes, Nodes));
  const peer = x.app(Peer, me);
  const LocalId = x.constant('LocalId', IdT);
  const Priority = x.constant('Priority', PrioT);
  const IclLossAtActive = x.constant('IclLossAtActive', IclLossT);

  const stateEv = x.eventOf({ srg1: Srg1States });
  const sidEv = x.eventOf({ sid: Sessions });
  const latestEv = x.eventOf({ latest: x.funT(Sessions, LastPacket) });

  const s1 = (v: string) => x.str(v, Srg1States);
  const pv = (v: string) => x.str(v, PeerViews);
  const pref = (v: string) => x.str(v, Prefs);
  const ss = (v: string) => x.str(v, SessionStates);
  const sa = (v: string) => x.str(v, SaStates);
  const announce = (state: string) => x.send('notify', peer, x.record({
    type: x.str('STATE', Msg.fields[0][1] as x.EnumType), srg1: s1(state), sid: x.lit((Msg.fields[2][1] as x.EnumType).values[0], Msg.fields[2][1]),
  }, Msg));
  const msgOf = (type: string, fields: Record<string, x.Expr>) => x.record({
    type: x.str(type, Msg.fields[0][1] as x.EnumType),
    srg1: fields.srg1 ?? s1('hold'),
    sid: fields.sid ?? x.lit((Msg.fields[2][1] as x.EnumType).values[0], Msg.fields[2][1]),
  }, Msg);

  /** Both priorities configured: the election and the split-brain resolution use them. */
  const prioritiesSet = x.and(x.gt(x.app(Priority, me), x.num(0)), x.gt(x.app(Priority, peer), x.num(0)));
  /** This node backs off in a split brain: lower priority when both are set, else lower local id. */
  const losesResolution = x.ite(prioritiesSet,
    x.lt(x.app(Priority, me), x.app(Priority, peer)),
    x.lt(x.app(LocalId, me), x.app(LocalId, peer)));

  const machine = setup({
    guards: {
      peerIsActive: dsl.guard(x.eq(stateEv.srg1, s1('active'))),
      peerIsIneligible: dsl.guard(x.eq(stateEv.srg1, s1('ineligible'))),
      peerIsInHold: dsl.guard(x.eq(stateEv.srg1, s1('hold'))),
      peerIsInHoldOrActive: dsl.guard(x.or(x.eq(stateEv.srg1, s1('hold')), x.eq(stateEv.srg1, s1('active')))),
      winsPriorityElection: dsl.guard(x.and(x.eq(stateEv.srg1, s1('hold')), prioritiesSet, x.gt(x.app(Priority, me), x.app(Priority, peer)))),
      losesSplitBrain: dsl.guard(x.and(x.eq(stateEv.srg1, s1('active')), losesResolution)),
      withdrawOnIclLoss: dsl.guard(x.eq(IclLossAtActive, x.str('withdraw', IclLossT))),
      peerKnownActive: dsl.guard(x.and(c.iclSeen, x.eq(c.peerSrg1, pv('active')))),
      losesPriorityElection: dsl.guard(x.and(x.eq(stateEv.srg1, s1('hold')), prioritiesSet, x.lt(x.app(Priority, me), x.app(Priority, peer)))),
    },
    actions: {
      // ---- SRG1 state entries: signal routes, the preference they give, probing
      enterHold: dsl.action(
        x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('low')),
        // Decision: a node in hold probes unless it knows over the ICL that a peer is active or backup.
        x.assign(c.probing, x.not(x.and(c.iclSeen, x.or(x.eq(c.peerSrg1, pv('active')), x.eq(c.peerSrg1, pv('backup')))))),
        // Every state change is announced; a newer notification replaces an older one in flight.
        announce('hold'),
      ),
      enterActive: dsl.action(
        x.assign(c.activeRoute, x.TRUE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('high')),
        // keep-and-probe: an active node without the ICL goes on probing.
        x.assign(c.probing, x.and(x.not(c.iclSeen), x.eq(IclLossAtActive, x.str('keep-and-probe', IclLossT)))),
        // SAs synchronised before the failover carry on without a new negotiation.
        x.assign(c.sa, x.ite(x.eq(c.sa, sa('synced')), sa('up'), c.sa)),
        announce('active'),
      ),
      leaveActive: dsl.action(x.assign(c.sa, x.ite(x.eq(c.sa, sa('up')), sa('synced'), c.sa))),
      enterBackup: dsl.action(
        x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.TRUE), x.assign(c.adv, pref('medium')),
        x.assign(c.probing, x.not(c.iclSeen)),
        announce('backup'),
      ),
      enterIneligible: dsl.action(
        x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('low')),
        x.assign(c.probing, x.FALSE),
        announce('ineligible'),
      ),
      // ---- ICL and peer state
      notePeer: dsl.action(x.assign(c.peerSrg1, stateEv.srg1)),
      // A node in hold stops probing once a backup peer will take over, or once
      // it knows it loses the activeness-priority election.
      // (It probes again when the peer is back in hold, e.g. after the peer's own recovery.)
      notePeerInHold: dsl.action(
        x.assign(c.peerSrg1, stateEv.srg1),
        x.assign(c.probing, x.and(x.neq(stateEv.srg1, s1('backup')),
          x.not(x.and(x.eq(stateEv.srg1, s1('hold')), prioritiesSet, x.lt(x.app(Priority, me), x.app(Priority, peer)))))),
      ),
      noteIclDown: dsl.action(x.assign(c.iclSeen, x.FALSE), x.assign(c.peerSrg1, pv('unknown'))),
      startProbing: dsl.action(x.assign(c.probing, x.TRUE)),
      stopProbing: dsl.action(x.assign(c.probing, x.FALSE)),
      // Decision: on seeing the ICL come back, each node reconciles its sessions
      // (cold sync: a session stays active only where the latest packet was seen).
      noteIclUp: dsl.action(
        x.assign(c.iclSeen, x.TRUE),
        x.assign(c.sess, x.funOf('s', Sessions, (s) => x.ite(
          x.and(x.eq(x.app(c.sess, s), ss('active')), x.neq(x.app(latestEv.latest, s), me)),
          ss('warm'), x.app(c.sess, s)), SessionStates)),
      ),
      announceHold: dsl.action(announce('hold')),
      announceActive: dsl.action(announce('active')),
      announceBackup: dsl.action(announce('backup')),
      announceIneligible: dsl.action(announce('ineligible')),
      // ---- IPsec
      negotiateIke: dsl.action(x.assign(c.sa, sa('up')), x.send('inbox', peer, msgOf('SA_SYNC', {}))),
      deleteSa: dsl.action(x.assign(c.sa, sa('none')), x.send('inbox', peer, msgOf('SA_DELETE', {}))),
      storeSyncedSa: dsl.action(x.assign(c.sa, x.ite(x.eq(c.sa, sa('up')), sa('up'), sa('synced')))),
      dropSyncedSa: dsl.action(x.assign(c.sa, x.ite(x.eq(c.sa, sa('up')), sa('up'), sa('none')))),
      // ---- SRG0
      shutInterfaces: dsl.action(x.assign(c.shut, x.TRUE)),
      openInterfaces: dsl.action(x.assign(c.shut, x.FALSE)),
      packetArrives: dsl.action(
        x.assign(x.app(c.sess, sidEv.sid), ss('active')),
        x.send('inbox', peer, msgOf('SESSION', { sid: sidEv.sid })),
      ),
      peerTookSession: dsl.action(x.assign(x.app(c.sess, sidEv.sid), ss('warm'))),
      // ---- crash: all state is lost, routes are withdrawn
      loseEverything: dsl.action(
        x.assign(c.iclSeen, x.FALSE), x.assign(c.peerSrg1, pv('unknown')),
        x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('none')),
        x.assign(c.probing, x.FALSE), x.assign(c.shut, x.TRUE),
        x.assign(c.sess, x.funOf('s', Sessions, () => ss('none'), SessionStates)),
        x.assign(c.sa, sa('none')),
      ),
    },
  }).createMachine({
    id: 'node',
    // The instance's id comes in as input, so that `self` can be read in guards and actions.
    context: ({ input }: { input?: { [SELF_FIELD]?: string } }) => ({
      [SELF_FIELD]: input?.[SELF_FIELD] ?? 'n1',
      iclSeen: false, peerSrg1: 'unknown', activeRoute: false, backupRoute: false, adv: 'low',
      probing: true, shut: true, sess: Object.fromEntries(Sessions.values.map((s) => [s, 'none'])), sa: 'none',
    }),
    initial: 'up',
    states: {
      down: {
        entry: 'loseEverything',
        on: { BOOT: 'up' },
      },
      up: {
        type: 'parallel',
        on: { CRASH: 'down' },
        states: {
          srg0: {
            initial: 'coldSync',
            on: { SESSION: { actions: 'peerTookSession' } },
            states: {
              coldSync: {
                entry: 'shutInterfaces',
                on: { COLD_SYNC_DONE: 'online', MON0_FAIL: 'isolated' },
              },
              online: {
                entry: 'openInterfaces',
                on: { MON0_FAIL: 'isolated', PACKET: { actions: 'packetArrives' } },
              },
              isolated: {
                entry: 'shutInterfaces',
                on: { MON0_RECOVER: 'coldSync' },
              },
            },
          },
          srg1: {
            initial: 'hold',
            on: { SA_SYNC: { actions: 'storeSyncedSa' }, SA_DELETE: { actions: 'dropSyncedSa' } },
            states: {
              hold: {
                entry: 'enterHold',
                on: {
                  PROBE_REPLY: 'active',
                  STATE: [
                    { guard: 'peerIsActive', target: 'backup', actions: 'notePeer' },
                    // Decision: a healthy node in hold takes over from an ineligible peer without probing.
                    { guard: 'peerIsIneligible', target: 'active', actions: 'notePeer' },
                    { guard: 'winsPriorityElection', target: 'active', actions: 'notePeer' },
                    // Decision: the loser of the priority election answers with its own hold, so the
                    // winner decides on fresh information (it may have recovered from ineligible meanwhile).
                    { guard: 'losesPriorityElection', actions: ['notePeerInHold', 'announceHold'] },
                    { actions: 'notePeerInHold' },
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'announceHold'] },
                  ICL_DOWN: { actions: ['noteIclDown', 'startProbing'] },
                  MON1_FAIL: 'ineligible',
                },
              },
              active: {
                entry: 'enterActive',
                exit: 'leaveActive',
                on: {
                  STATE: [
                    { guard: 'losesSplitBrain', target: 'backup', actions: 'notePeer' },
                    // A peer in hold is (re)electing, e.g. after a reboot this node did not notice, and an
                    // active peer that loses the split-brain resolution may not have heard this node yet: tell it.
                    { guard: 'peerIsInHoldOrActive', actions: ['notePeer', 'announceActive'] },
                    { actions: 'notePeer' },
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'stopProbing', 'announceActive'] },
                  ICL_DOWN: [
                    // Decision (withdraw): the active node removes its active-signal-route by going back to hold.
                    { guard: 'withdrawOnIclLoss', target: 'hold', actions: 'noteIclDown' },
                    { actions: ['noteIclDown', 'startProbing'] },
                  ],
                  MON1_FAIL: 'ineligible',
                  FAILOVER: 'backup',
                  // Preemption: the lower-priority active steps down first; the
                  // higher-priority backup takes over when it hears so.
                  PREEMPT: 'backup',
                  IKE_NEGOTIATE: { actions: 'negotiateIke' },
                  SA_DELETE_REQ: { actions: 'deleteSa' },
                },
              },
              backup: {
                entry: 'enterBackup',
                on: {
                  PROBE_REPLY: 'active',
                  STATE: [
                    { guard: 'peerIsActive', actions: 'notePeer' },
                    // Decision: a backup that learns over the ICL that its peer is not active takes over.
                    { target: 'active', actions: 'notePeer' },
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'stopProbing', 'announceBackup'] },
                  ICL_DOWN: { actions: ['noteIclDown', 'startProbing'] },
                  MON1_FAIL: 'ineligible',
                },
              },
              ineligible: {
                entry: 'enterIneligible',
                on: {
                  MON1_RECOVER: [
                    { guard: 'peerKnownActive', target: 'backup' },
                    // Decision: otherwise go to hold; with the ICL up the peer then elects as at boot.
                    { target: 'hold' },
                  ],
                  STATE: [
                    { guard: 'peerIsInHold', actions: ['notePeer', 'announceIneligible'] },
                    { actions: 'notePeer' },
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'announceIneligible'] },
                  ICL_DOWN: { actions: 'noteIclDown' },
                },
              },
            },
          },
        },
      },
    },
  });

  return {
    machine,
    context: contextSchema,
    events: {
      BOOT: {}, CRASH: {},
      PROBE_REPLY: {}, STATE: { srg1: Srg1States }, ICL_UP: { latest: x.funT(Sessions, LastPacket) }, ICL_DOWN: {},
      MON1_FAIL: {}, MON1_RECOVER: {}, MON0_FAIL: {}, MON0_RECOVER: {}, COLD_SYNC_DONE: {},
      PACKET: { sid: Sessions }, SESSION: { sid: Msg.fields[2][1] },
      PREEMPT: {}, FAILOVER: {}, IKE_NEGOTIATE: {}, SA_DELETE_REQ: {}, SA_SYNC: {}, SA_DELETE: {},
    },
  };
}
