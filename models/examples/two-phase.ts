/**
 * The two-phase commit protocol of Lamport's `TwoPhase.tla` (tlaplus/Examples),
 * written as XState machines: one transaction manager and a set of resource
 * managers exchanging messages through a set that only grows. With three
 * resource managers TLC reports 288 distinct states for the original spec,
 * which makes it a known answer for our own searches.
 */
import { setup } from 'xstate';
import * as x from '../../src/dsl/index.js';
import { dslFor, type SystemDecl } from '../../src/model/index.js';

/** The two-phase commit system over `rmCount` resource managers. */
export function twoPhaseSystem(rmCount = 3): SystemDecl {
  const RM = x.enumT(Array.from({ length: rmCount }, (_, i) => `r${i + 1}`), 'RM');
  const MsgType = x.enumT(['Prepared', 'Commit', 'Abort']);
  const Msg = x.recordT({ type: MsgType, rm: RM });
  const Msgs = x.setT(Msg);
  const msgs = x.variable('msgs', Msgs);
  const msgOf = (type: string, rm?: x.Expr) => x.record({ type: x.str(type, MsgType), rm: rm ?? x.str('r1', RM) }, Msg);
  const add = (m: x.Expr) => [x.assign(msgs, x.union(msgs, x.setOf(Msg, m)))];
  const dsl = dslFor({});

  const tmCtx = x.contextOf({ tmPrepared: x.setT(RM) });
  const tmEv = x.eventOf({ rm: RM });
  const tm = setup({
    guards: {
      allPrepared: dsl.guard(x.eq(tmCtx.tmPrepared, x.lit(RM.values, x.setT(RM)))),
    },
    actions: {
      notePrepared: dsl.action(x.assign(tmCtx.tmPrepared, x.union(tmCtx.tmPrepared, x.setOf(RM, tmEv.rm)))),
    },
  }).createMachine({
    id: 'tmState',
    context: { tmPrepared: [] },
    initial: 'init',
    states: {
      init: {
        on: {
          RCV_PREPARED: { actions: 'notePrepared' },
          COMMIT: { guard: 'allPrepared', target: 'committed' },
          ABORT: { target: 'aborted' },
        },
      },
      committed: {},
      aborted: {},
    },
  });

  const rm = setup({}).createMachine({
    id: 'rmState',
    initial: 'working',
    on: { RCV_COMMIT: '.committed', RCV_ABORT: '.aborted' },
    states: {
      working: { on: { PREPARE: 'prepared', CHOOSE_TO_ABORT: 'aborted' } },
      prepared: {},
      committed: {},
      aborted: {},
    },
  });

  const r = (p: Readonly<Record<string, x.Expr>>) => p.rm;
  return {
    name: 'TwoPhase',
    constants: {},
    sets: [RM],
    instances: [
      { def: { machine: rm, context: {}, events: { PREPARE: {}, CHOOSE_TO_ABORT: {}, RCV_COMMIT: {}, RCV_ABORT: {} } }, ids: RM, param: 'rm' },
      { def: { machine: tm, context: { tmPrepared: x.setT(RM) }, events: { RCV_PREPARED: { rm: RM }, COMMIT: {}, ABORT: {} } }, ids: 'tm' },
    ],
    envVars: { msgs: { t: Msgs, init: [], doc: 'messages sent so far; never removed' } },
    channels: {},
    steps: [
      { name: 'TMRcvPrepared', params: { rm: RM }, guard: (p) => x.isIn(msgOf('Prepared', p.rm), msgs),
        deliver: { machine: 'tmState', to: () => x.str('tm', x.enumT(['tm'])), event: 'RCV_PREPARED', payload: (p) => ({ rm: p.rm }) } },
      { name: 'TMCommit', deliver: { machine: 'tmState', to: () => x.str('tm', x.enumT(['tm'])), event: 'COMMIT' }, updates: () => add(msgOf('Commit')) },
      { name: 'TMAbort', deliver: { machine: 'tmState', to: () => x.str('tm', x.enumT(['tm'])), event: 'ABORT' }, updates: () => add(msgOf('Abort')) },
      { name: 'RMPrepare', params: { rm: RM }, deliver: { machine: 'rmState', to: r, event: 'PREPARE' }, updates: (p) => add(msgOf('Prepared', p.rm)) },
      { name: 'RMChooseToAbort', params: { rm: RM }, deliver: { machine: 'rmState', to: r, event: 'CHOOSE_TO_ABORT' } },
      { name: 'RMRcvCommitMsg', params: { rm: RM }, guard: () => x.isIn(msgOf('Commit'), msgs), deliver: { machine: 'rmState', to: r, event: 'RCV_COMMIT' } },
      { name: 'RMRcvAbortMsg', params: { rm: RM }, guard: () => x.isIn(msgOf('Abort'), msgs), deliver: { machine: 'rmState', to: r, event: 'RCV_ABORT' } },
    ],
  };
}
