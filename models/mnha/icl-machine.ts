/**
 * The interchassis link as an XState machine: up or down, starting down
 * while the nodes boot. What a cut does to
 * messages in flight (they are lost) is a system step, since the messages
 * live in the system's channels.
 */
import { setup } from 'xstate';
import type { MachineDefinition } from '../../src/model/index.js';

/** Builds the ICL machine. */
export function iclMachine(): MachineDefinition {
  const machine = setup({}).createMachine({
    id: 'icl',
    // At boot the ICL is still being established: it comes up as a repair step.
    initial: 'down',
    states: {
      up: { on: { CUT: 'down' } },
      down: { on: { RESTORE: 'up' } },
    },
  });
  return { machine, context: {}, events: { CUT: {}, RESTORE: {} } };
}
