/**
 * The supported subset of XState is enforced: every unsupported feature is
 * refused with an error naming the machine, state, event and offending item.
 */
import { describe, expect, it } from 'vitest';
import { assign, createMachine, fromPromise, setup, spawnChild } from 'xstate';
import * as x from '../../src/dsl/index.js';
import { ModelError, dslFor, readMachine } from '../../src/model/index.js';

const dsl = dslFor({});
const c = x.contextOf({ n: x.intT(0, 3) });

function refused(machine: Parameters<typeof readMachine>[0]['machine'], events: Record<string, Record<string, x.Type>> = { GO: {} }): ModelError {
  try {
    readMachine({ machine, context: { n: x.intT(0, 3) }, events });
  } catch (err) {
    if (err instanceof ModelError) return err;
    throw err;
  }
  throw new Error('the machine was accepted');
}

describe('reading a machine', () => {
  it('reads states, regions, transitions with DSL guards and actions', () => {
    const m = setup({
      guards: { small: dsl.guard(x.lt(c.n, x.num(3))) },
      actions: { inc: dsl.action(x.assign(c.n, x.add(c.n, x.num(1)))) },
    }).createMachine({ id: 'counter', context: { n: 0 }, initial: 'a', states: { a: { on: { GO: { guard: 'small', target: 'b', actions: 'inc' } } }, b: {} } });
    const model = readMachine({ machine: m, context: { n: x.intT(0, 3) }, events: { GO: {} } });
    expect(model.vars.map(([v]) => v)).toEqual(['counter', 'n']);
    expect(model.transitions).toHaveLength(1);
    expect(model.transitions[0]).toMatchObject({ name: 'AOnGo', event: 'GO', guard: { name: 'small' }, actionNames: ['inc'] });
  });

  it('refuses invoke', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { invoke: { src: fromPromise(async () => 1) } } } }));
    expect(e.code).toBe('UNSUPPORTED_INVOKE');
    expect(e.message).toBe("machine 'm', state 'a', invoke: invoked actors are not supported");
  });

  it('refuses spawn', () => {
    const e = refused(setup({ actors: { child: fromPromise(async () => 1) } }).createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { actions: spawnChild('child') } } } } }));
    expect(e.code).toBe('UNSUPPORTED_SPAWN');
    expect(e.message).toBe("machine 'm', state 'a', event 'GO', transition action spawnChild: spawned actors are not supported");
  });

  it('refuses delayed transitions (after)', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } }));
    expect(e.code).toBe('UNSUPPORTED_DELAYED');
    expect(e.message).toBe("machine 'm', state 'a', after (delayed transition): delayed transitions are not supported");
  });

  it('refuses history states', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { initial: 'x', states: { x: {}, h: { type: 'history' } } } } }));
    expect(e.code).toBe('UNSUPPORTED_HISTORY');
    expect(e.message).toBe("machine 'm', state 'a.h', history state: history states are not supported");
  });

  it('refuses eventless transitions (always)', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { always: 'b' }, b: {} } }));
    expect(e.code).toBe('UNSUPPORTED_ALWAYS');
  });

  it('refuses an inline function guard', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { guard: () => true, target: 'b' } } }, b: {} } }));
    expect(e.code).toBe('INLINE_GUARD');
    expect(e.message).toBe("machine 'm', state 'a', event 'GO', inline guard function: an inline function guard cannot be exported");
  });

  it('refuses an inline function action', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { actions: () => undefined } } } } }));
    expect(e.code).toBe('INLINE_ACTION');
    expect(e.message).toBe("machine 'm', state 'a', event 'GO', transition action inline function: an inline function action cannot be exported");
  });

  it('refuses an inline XState assign', () => {
    const e = refused(createMachine({ id: 'm', context: { n: 0 }, initial: 'a', states: { a: { on: { GO: { actions: assign({ n: 1 }) } } } } }));
    expect(e.code).toBe('INLINE_ACTION');
    expect(e.message).toContain("transition action xstate.assign");
  });

  it('refuses a named guard that is a plain function', () => {
    const m = setup({ guards: { ok: () => true } }).createMachine({ id: 'm', initial: 'a', states: { a: { on: { GO: { guard: 'ok', target: 'b' } } }, b: {} } });
    const e = refused(m);
    expect(e.code).toBe('OPAQUE_GUARD');
    expect(e.message).toBe("machine 'm', state 'a', event 'GO', guard 'ok': the guard is not built from the DSL, so it cannot be exported");
  });

  it('refuses a named action that is not a DSL action', () => {
    const m = setup({ actions: { say: () => undefined } }).createMachine({ id: 'm', initial: 'a', states: { a: { entry: 'say' } } });
    const e = refused(m);
    expect(e.code).toBe('OPAQUE_ACTION');
    expect(e.message).toBe("machine 'm', state 'a', action 'say': the action is not built from the DSL, so it cannot be exported");
  });

  it('refuses an event without a declared payload schema', () => {
    const e = refused(createMachine({ id: 'm', initial: 'a', states: { a: { on: { OTHER: 'b' } }, b: {} } }));
    expect(e.code).toBe('UNDECLARED_EVENT');
    expect(e.message).toBe("machine 'm', state 'a', event 'OTHER': the event has no declared payload schema");
  });

  it('refuses an event handled in two regions of a parallel state', () => {
    const m = createMachine({ id: 'm', type: 'parallel', states: {
      p: { initial: 'x', states: { x: { on: { GO: 'y' } }, y: {} } },
      q: { initial: 'x', states: { x: { on: { GO: 'y' } }, y: {} } },
    } });
    const e = refused(m);
    expect(e.code).toBe('PARALLEL_CONFLICT');
    expect(e.message).toBe("machine 'm', state 'p.x and q.x', event 'GO': the event is handled in two regions of a parallel state, so one step could take two transitions");
  });
});
