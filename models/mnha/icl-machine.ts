/**
 * The interchassis link as an XState machine: up or down. What a cut does to
 * messages in flight (they are lost) is a system step, since the messages
 * live in the system's channels.
 */
import { setup } from 'xstate';
import type { MachineDefinition } from '../../src/model/index.js';

/** Builds the ICL machine. */
export function iclMachine(): MachineDefinition {
  const machine = setup({}).createMachine({
    id: 'icl',
    initial: 'up',
    states: {
      up: { on: { CUT: 'down' } },
      down: { on: { RESTORE: 'up' } },
    },
  });
  return { machine, context: {}, events: { CUT: {}, RESTORE: {} } };
}
