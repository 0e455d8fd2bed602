/**
 * One MNHA node as an XState machine: `down` or `up`, and while up two
 * parallel regions, SRG0 (stateless services, active/active) and SRG1
 * (services with control-plane state, active/backup). Every guard and action
 * is built from the DSL, so the same machine runs in XState, is explored by
 * the checker and is printed as TLA+.
 *
 * The protocol it states is written out in `models/mnha/PROTOCOL.md`, which
 * `src/impl` follows too; the decisions MNHA.md leaves open are marked
 * "Decision" there and below.
 *
 * Shape of every SRG1 transition: note what was learnt, decide, announce the
 * new state to the peer (one STATE message, only while the node sees the
 * ICL), and settle whether to probe. Announcing sits on the transition rather
 * than on state entry because a STATE that asks for an answer is answered by
 * the same message that announces a change.
 */
import { setup } from 'xstate';
import * as x from '../../src/dsl/index.js';
import { dslFor, type MachineDefinition, SELF_FIELD } from '../../src/model/index.js';
import { AskStates, Flags, LastPacket, Nodes, PeerViews, Prefs, SaStates, SessionStates, Srg1States, msgType } from './domains.js';
import { constantsOf, HasBackupRouteT, IclLossT, IdT, type MnhaParams, PrioT, sessionsDomain } from './params.js';

/** The SRG1 states, as the node machine names them. */
const SRG1 = ['hold', 'active', 'backup', 'ineligible'] as const;
type Srg1 = (typeof SRG1)[number];

/** Builds the node machine for a parameter set. */
export function nodeMachine(p: MnhaParams): MachineDefinition {
  const Sessions = sessionsDomain(p);
  const Msg = msgType(Sessions);
  const MsgTypeT = Msg.fields.find(([f]) => f === 'type')![1] as x.EnumType;
  const SidsT = x.setT(Sessions);
  const consts = Object.fromEntries(Object.entries(constantsOf(p)).map(([k, c]) => [k, c.value]));
  const dsl = dslFor(consts);

  const contextSchema = {
    iclSeen: x.boolT,
    peerSrg1: PeerViews,
    awaiting: AskStates,
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
  const Preemption = x.constant('Preemption', x.boolT);
  const WaitForAnswer = x.constant('WaitForAnswer', x.boolT);
  /** This node has a backup-signal-route configured (MNHA.md section 2). */
  const hasBackupRoute = x.app(x.constant('HasBackupSignalRoute', HasBackupRouteT), me);

  const stateEv = x.eventOf({ srg1: Srg1States, flag: Flags });
  const sidEv = x.eventOf({ sid: Sessions });
  const sidsEv = x.eventOf({ sids: SidsT });
  const contactEv = x.eventOf({ latest: x.funT(Sessions, LastPacket), peerSess: x.funT(Sessions, SessionStates) });
  /** On contact: a session this node and its peer both hold active. */
  const activeOnBoth = (s: x.Expr) => x.and(x.eq(x.app(c.sess, s), x.str('active', SessionStates)), x.eq(x.app(contactEv.peerSess, s), x.str('active', SessionStates)));
  /** On contact: the sessions active on both whose latest packet was here, so the peer's copy goes warm. */
  const peerKeeps = x.filter('s', Sessions, (s) => x.and(activeOnBoth(s), x.eq(x.app(contactEv.latest, s), me)));

  const s1 = (v: string) => x.str(v, Srg1States);
  const pv = (v: string) => x.str(v, PeerViews);
  const pref = (v: string) => x.str(v, Prefs);
  const ss = (v: string) => x.str(v, SessionStates);
  const sa = (v: string) => x.str(v, SaStates);
  const flag = (v: string) => x.str(v, Flags);
  /** `view = v` for a peer view of either type (a message's Srg1States or the context's PeerViews). */
  const viewIs = (view: x.Expr, v: string) => x.eq(view, x.str(v, view.t as x.EnumType));

  // ---- messages
  const message = (type: string, fields: { srg1?: x.Expr; flag?: x.Expr; sids?: x.Expr }) => x.record({
    type: x.str(type, MsgTypeT),
    srg1: fields.srg1 ?? s1('hold'),
    flag: fields.flag ?? flag('none'),
    sids: fields.sids ?? x.setOf(Sessions),
  }, Msg);
  /** Messages go out only while the node sees the ICL; the channel itself takes them only while the link and the peer are up. */
  const tell = (msg: x.Expr) => x.when(c.iclSeen, [x.send('msgs', peer, msg)]);
  /** What a STATE message asks for: an answer, or not. */
  const asked = x.or(x.eq(stateEv.flag, flag('ask')), x.eq(stateEv.flag, flag('handover')));

  // ---- the activeness rules (MNHA.md sections 3 and 4; PROTOCOL.md "Deciding")
  /** Both priorities configured and different: they decide elections and split brains. */
  const prioritiesDecide = x.and(x.gt(x.app(Priority, me), x.num(0)), x.gt(x.app(Priority, peer), x.num(0)),
    x.neq(x.app(Priority, me), x.app(Priority, peer)));
  const prioritiesFavourMe = x.and(prioritiesDecide, x.gt(x.app(Priority, me), x.app(Priority, peer)));
  const prioritiesFavourPeer = x.and(prioritiesDecide, x.lt(x.app(Priority, me), x.app(Priority, peer)));
  /** This node backs off in a split brain: the lower priority, or (priorities unset or equal) the lower local id. */
  const losesResolution = x.ite(prioritiesDecide,
    x.lt(x.app(Priority, me), x.app(Priority, peer)),
    x.lt(x.app(LocalId, me), x.app(LocalId, peer)));
  /**
   * A node in hold claims activeness without a probe: its peer is
   * ineligible (it is the only candidate), or the priorities give it to this
   * node against a peer in hold or backup (election, section 3 step 5).
   */
  const holdClaims = (view: x.Expr) => x.or(viewIs(view, 'ineligible'),
    x.and(x.or(viewIs(view, 'hold'), viewIs(view, 'backup')), prioritiesFavourMe));
  /**
   * Decision: a backup claims activeness without a probe when its peer is
   * ineligible, in hold (the routers already prefer the backup's medium
   * preference; a backup without a backup-signal-route claims all the same,
   * as the node does not look at its routes to decide, and what the routers'
   * tie-break then makes of it is for the checker to find) unless the
   * priorities give it to the peer, or backup too and this node would win a
   * split-brain resolution.
   */
  const backupClaims = (view: x.Expr) => x.or(viewIs(view, 'ineligible'),
    x.and(viewIs(view, 'hold'), x.not(prioritiesFavourPeer)),
    x.and(viewIs(view, 'backup'), x.not(losesResolution)));
  const ask = (v: string) => x.str(v, AskStates);
  /** The message answers this node's outstanding ask (FIFO: it is the first the peer sent after reading it). */
  const isAnswer = x.eq(stateEv.flag, flag('answer'));
  /**
   * After notePeer: the message was an answer to an ask made before this
   * node changed again (askAgain became asked), so the node asks once more.
   */
  const askAgainNow = x.and(isAnswer, x.eq(c.awaiting, ask('asked')));
  const awaitingAfter = x.ite(isAnswer, x.ite(x.eq(c.awaiting, ask('askAgain')), ask('asked'), ask('idle')), c.awaiting);
  /** Still waiting for an answer once this message is read: no claim to activeness meanwhile. */
  const stillWaiting = x.neq(awaitingAfter, ask('idle'));
  const waiting = x.neq(c.awaiting, ask('idle'));

  /**
   * Whether a node in state `s` probes, from what it knows (PROTOCOL.md
   * "Probing"): without the ICL a node that is not active probes, and an
   * active one too under keep-and-probe; with the ICL, probing stops (MNHA.md
   * section 4) except in hold against a peer in hold when the priorities do
   * not decide (section 3 step 5), and never while waiting for an answer.
   */
  const probes = (s: Srg1): x.Expr => {
    switch (s) {
      case 'hold': return x.or(x.not(c.iclSeen), x.and(x.eq(c.peerSrg1, pv('hold')), x.not(prioritiesDecide), x.not(waiting)));
      case 'backup': return x.not(c.iclSeen);
      case 'active': return x.and(x.not(c.iclSeen), x.eq(IclLossAtActive, x.str('keep-and-probe', IclLossT)));
      case 'ineligible': return x.FALSE;
    }
  };

  const actions: Record<string, ReturnType<typeof dsl.action>> = {
    // ---- SRG1 state entries: signal routes and the preference they give (MNHA.md section 2)
    enterHold: dsl.action(x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('low'))),
    enterActive: dsl.action(
      x.assign(c.activeRoute, x.TRUE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('high')),
      // SAs synchronised before the failover carry on without a new negotiation (section 7)
      x.assign(c.sa, x.ite(x.eq(c.sa, sa('synced')), sa('up'), c.sa)),
    ),
    leaveActive: dsl.action(x.assign(c.sa, x.ite(x.eq(c.sa, sa('up')), sa('synced'), c.sa))),
    // a node without a backup-signal-route installs none as backup: its policy then finds no signal
    // route and it advertises the default, low, as in hold (the table of MNHA.md section 2)
    enterBackup: dsl.action(
      x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, hasBackupRoute),
      x.assign(c.adv, x.ite(hasBackupRoute, pref('medium'), pref('low'))),
    ),
    enterIneligible: dsl.action(
      x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('low')),
    ),
    // ---- what the node learns over the ICL
    notePeer: dsl.action(x.assign(c.peerSrg1, stateEv.srg1), x.assign(c.awaiting, awaitingAfter)),
    // with the ICL the answers are gone too: nothing is awaited any more
    noteIclDown: dsl.action(x.assign(c.iclSeen, x.FALSE), x.assign(c.peerSrg1, pv('unknown')), x.assign(c.awaiting, ask('idle'))),
    noteIclUp: dsl.action(x.assign(c.iclSeen, x.TRUE)),
    // Decision (MNHA.md section 6): on contact the node reads the peer's session table (the cold
    // sync's bulk transfer); of a session active on both, the copy that did not see the latest
    // packet goes warm: this node's at once, the peer's by a SESSION message.
    reconcileSessions: dsl.action(
      x.when(x.neq(peerKeeps, x.setOf(Sessions)), [tell(message('SESSION', { sids: peerKeeps }))]),
      x.assign(c.sess, x.funOf('s', Sessions, (s) => x.ite(x.and(activeOnBoth(s), x.eq(x.app(contactEv.latest, s), peer)),
        ss('warm'), x.app(c.sess, s)), SessionStates)),
    ),
    // one ask out at a time: a node that changes while waiting asks again once the pending answer is in
    askForAnswer: dsl.action(x.assign(c.awaiting, x.ite(x.eq(c.awaiting, ask('idle')), ask('asked'), ask('askAgain')))),
    handOver: dsl.action(x.when(WaitForAnswer, [x.assign(c.awaiting, ask('asked'))])),
    // ---- IPsec (section 7): IKE only from the active node, SAs synchronised to the peer
    negotiateIke: dsl.action(x.assign(c.sa, sa('up')), tell(message('SA_SYNC', {}))),
    syncSa: dsl.action(x.when(x.eq(c.sa, sa('up')), [tell(message('SA_SYNC', {}))])),
    deleteSa: dsl.action(x.assign(c.sa, sa('none')), tell(message('SA_DELETE', {}))),
    storeSyncedSa: dsl.action(x.assign(c.sa, x.ite(x.eq(c.sa, sa('up')), sa('up'), sa('synced')))),
    dropSyncedSa: dsl.action(x.assign(c.sa, x.ite(x.eq(c.sa, sa('up')), sa('up'), sa('none')))),
    // ---- SRG0
    shutInterfaces: dsl.action(x.assign(c.shut, x.TRUE)),
    openInterfaces: dsl.action(x.assign(c.shut, x.FALSE)),
    packetArrives: dsl.action(
      x.assign(x.app(c.sess, sidEv.sid), ss('active')),
      tell(message('SESSION', { sids: x.setOf(Sessions, sidEv.sid) })),
    ),
    peerTookSessions: dsl.action(x.assign(c.sess, x.funOf('s', Sessions,
      (s) => x.ite(x.isIn(s, sidsEv.sids), ss('warm'), x.app(c.sess, s)), SessionStates))),
    // ---- crash: all state is lost, routes are withdrawn
    loseEverything: dsl.action(
      x.assign(c.iclSeen, x.FALSE), x.assign(c.peerSrg1, pv('unknown')), x.assign(c.awaiting, ask('idle')),
      x.assign(c.activeRoute, x.FALSE), x.assign(c.backupRoute, x.FALSE), x.assign(c.adv, pref('none')),
      x.assign(c.probing, x.FALSE), x.assign(c.shut, x.TRUE),
      x.assign(c.sess, x.funOf('s', Sessions, () => ss('none'), SessionStates)),
      x.assign(c.sa, sa('none')),
    ),
  };
  /** A state's name as it appears in action names (`hold` → `Hold`). */
  const S = (s: Srg1): string => s[0].toUpperCase() + s.slice(1);
  for (const s of SRG1) {
    actions[`announce${S(s)}`] = dsl.action(tell(message('STATE', { srg1: s1(s) })));
    // after askForAnswer: an ask only if no other one is out (else a plain announcement, and ask again later)
    actions[`ask${S(s)}`] = dsl.action(tell(message('STATE', { srg1: s1(s), flag: x.ite(x.eq(c.awaiting, ask('asked')), flag('ask'), flag('none')) })));
    actions[`handOver${S(s)}`] = dsl.action(tell(message('STATE', { srg1: s1(s), flag: flag('handover') })));
    // a change read from a STATE message (run after notePeer): the announcement answers it if it
    // asked, and asks again if it is a stale answer
    actions[`reply${S(s)}`] = dsl.action(tell(message('STATE', { srg1: s1(s), flag: x.ite(asked, flag('answer'), x.ite(askAgainNow, flag('ask'), flag('none'))) })));
    // no change: answer only if asked, ask again only if the answer was stale
    actions[`answer${S(s)}`] = dsl.action(x.when(x.or(asked, askAgainNow), [tell(message('STATE', { srg1: s1(s), flag: x.ite(asked, flag('answer'), flag('ask')) }))]));
    actions[`settle${S(s)}`] = dsl.action(x.assign(c.probing, probes(s)));
  }
  /** A transition to `s`, announcing it (`how`: plain, as a reply to a STATE, asking, handing over). */
  const to = (s: Srg1, how: 'announce' | 'reply' | 'ask' | 'handOver', ...before: string[]) =>
    ({ target: s, actions: [...before, `${how}${S(s)}`, `settle${S(s)}`] });
  /** Staying in `s` after reading a STATE message: note it, answer if asked, settle probing. */
  const stayOnState = (s: Srg1) => ({ actions: ['notePeer', `answer${S(s)}`, `settle${S(s)}`] });

  const machine = setup({
    guards: {
      peerIsActive: dsl.guard(x.eq(stateEv.srg1, s1('active'))),
      handsOver: dsl.guard(x.eq(stateEv.flag, flag('handover'))),
      holdClaims: dsl.guard(x.and(x.not(stillWaiting), holdClaims(stateEv.srg1))),
      backupClaims: dsl.guard(x.and(x.not(stillWaiting), backupClaims(stateEv.srg1))),
      losesSplitBrain: dsl.guard(x.and(x.eq(stateEv.srg1, s1('active')), losesResolution)),
      withdrawOnIclLoss: dsl.guard(x.eq(IclLossAtActive, x.str('withdraw', IclLossT))),
      peerKnownActive: dsl.guard(x.and(c.iclSeen, x.eq(c.peerSrg1, pv('active')))),
      recoveryWaits: dsl.guard(x.and(c.iclSeen, WaitForAnswer)),
      peerKnownActiveAndWait: dsl.guard(x.and(c.iclSeen, x.eq(c.peerSrg1, pv('active')), WaitForAnswer)),
      recoveryClaims: dsl.guard(x.and(c.iclSeen, holdClaims(c.peerSrg1))),
      // with the protection on, a node with an ask out refuses a manual failover until it is answered
      canHandOver: dsl.guard(x.and(c.iclSeen, x.eq(c.peerSrg1, pv('backup')), x.or(x.not(WaitForAnswer), x.not(waiting)))),
      preemptedByPeer: dsl.guard(x.and(Preemption, c.iclSeen, x.eq(c.peerSrg1, pv('backup')), prioritiesFavourPeer)),
      saNotUp: dsl.guard(x.neq(c.sa, sa('up'))),
      saUp: dsl.guard(x.eq(c.sa, sa('up'))),
      sessionMoves: dsl.guard(x.neq(x.app(c.sess, sidEv.sid), ss('active'))),
    },
    actions,
  }).createMachine({
    id: 'node',
    // The instance's id comes in as input, so that `self` can be read in guards and actions.
    context: ({ input }: { input?: { [SELF_FIELD]?: string } }) => ({
      [SELF_FIELD]: input?.[SELF_FIELD] ?? 'n1',
      iclSeen: false, peerSrg1: 'unknown', awaiting: 'idle', activeRoute: false, backupRoute: false, adv: 'low',
      probing: true, shut: true, sess: Object.fromEntries(Sessions.values.map((s) => [s, 'none'])), sa: 'none',
    }),
    initial: 'up',
    states: {
      down: {
        entry: 'loseEverything',
        // a rebooted node starts in hold without the ICL: it probes
        on: { BOOT: { target: 'up', actions: 'settleHold' } },
      },
      up: {
        type: 'parallel',
        on: { CRASH: 'down' },
        states: {
          srg0: {
            initial: 'coldSync',
            on: { SESSION: { actions: 'peerTookSessions' } },
            states: {
              coldSync: {
                entry: 'shutInterfaces',
                on: { COLD_SYNC_DONE: 'online', MON0_FAIL: 'isolated' },
              },
              online: {
                entry: 'openInterfaces',
                on: {
                  MON0_FAIL: 'isolated',
                  // a packet of a session already active here changes nothing here (its stamp is the system's lastPacket)
                  PACKET: [{ guard: 'sessionMoves', actions: 'packetArrives' }, {}],
                },
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
                  PROBE_REPLY: to('active', 'announce'),
                  STATE: [
                    { guard: 'peerIsActive', ...to('backup', 'reply', 'notePeer') },
                    { guard: 'holdClaims', ...to('active', 'reply', 'notePeer') },
                    stayOnState('hold'),
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'announceHold', 'reconcileSessions', 'settleHold'] },
                  ICL_DOWN: { actions: ['noteIclDown', 'settleHold'] },
                  MON1_FAIL: to('ineligible', 'announce'),
                },
              },
              active: {
                entry: 'enterActive',
                exit: 'leaveActive',
                on: {
                  STATE: [
                    { guard: 'losesSplitBrain', ...to('backup', 'reply', 'notePeer') },
                    stayOnState('active'),
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'announceActive', 'syncSa', 'reconcileSessions', 'settleActive'] },
                  ICL_DOWN: [
                    // Decision (withdraw): the active node removes its active-signal-route by going back to hold.
                    { guard: 'withdrawOnIclLoss', target: 'hold', actions: ['noteIclDown', 'settleHold'] },
                    { actions: ['noteIclDown', 'settleActive'] },
                  ],
                  MON1_FAIL: to('ineligible', 'announce'),
                  // Manual failover: step down and hand activeness to the healthy backup peer.
                  FAILOVER: { guard: 'canHandOver', ...to('backup', 'handOver', 'handOver') },
                  // Preemption: the lower-priority active steps down; its higher-priority backup peer then claims.
                  PREEMPT: { guard: 'preemptedByPeer', ...to('backup', 'announce') },
                  IKE_NEGOTIATE: { guard: 'saNotUp', actions: 'negotiateIke' },
                  SA_DELETE_REQ: { guard: 'saUp', actions: 'deleteSa' },
                },
              },
              backup: {
                entry: 'enterBackup',
                on: {
                  PROBE_REPLY: to('active', 'announce'),
                  STATE: [
                    { guard: 'handsOver', ...to('active', 'reply', 'notePeer') },
                    { guard: 'backupClaims', ...to('active', 'reply', 'notePeer') },
                    stayOnState('backup'),
                  ],
                  ICL_UP: { actions: ['noteIclUp', 'announceBackup', 'reconcileSessions', 'settleBackup'] },
                  ICL_DOWN: { actions: ['noteIclDown', 'settleBackup'] },
                  MON1_FAIL: to('ineligible', 'announce'),
                },
              },
              ineligible: {
                entry: 'enterIneligible',
                on: {
                  // Decision (MNHA.md section 5): backup under a known active peer; with the ICL and the
                  // protection on, hold asking for an answer; with the ICL, elect as at boot; else hold and probe.
                  MON1_RECOVER: [
                    { guard: 'peerKnownActiveAndWait', ...to('backup', 'ask', 'askForAnswer') },
                    { guard: 'peerKnownActive', ...to('backup', 'announce') },
                    { guard: 'recoveryWaits', ...to('hold', 'ask', 'askForAnswer') },
                    { guard: 'recoveryClaims', ...to('active', 'announce') },
                    to('hold', 'announce'),
                  ],
                  STATE: stayOnState('ineligible'),
                  ICL_UP: { actions: ['noteIclUp', 'announceIneligible', 'reconcileSessions', 'settleIneligible'] },
                  ICL_DOWN: { actions: ['noteIclDown', 'settleIneligible'] },
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
      PROBE_REPLY: {}, STATE: { srg1: Srg1States, flag: Flags },
      ICL_UP: { latest: x.funT(Sessions, LastPacket), peerSess: x.funT(Sessions, SessionStates) }, ICL_DOWN: {},
      MON1_FAIL: {}, MON1_RECOVER: {}, MON0_FAIL: {}, MON0_RECOVER: {}, COLD_SYNC_DONE: {},
      PACKET: { sid: Sessions }, SESSION: { sids: SidsT },
      PREEMPT: {}, FAILOVER: {}, IKE_NEGOTIATE: {}, SA_DELETE_REQ: {}, SA_SYNC: {}, SA_DELETE: {},
    },
  };
}
