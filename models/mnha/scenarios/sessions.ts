import { mnhaScenario } from '../scenario-kit.js';

/** Two SRG0 sessions moving between nodes by packets, with SRG0 isolation. */
export const sessionsScenario = mnhaScenario({
  name: 'sessions',
  title: 'two SRG0 sessions, packet-driven moves, SRG0 isolation',
  description:
    'Packets of two sessions reach either node; the node that sees a packet makes the session active and tells its peer. '
    + 'SRG0 monitors may fail (isolation, shut-on-failure interfaces) and the ICL may go down.',
  params: { sessions: 2, faults: ['icl', 'srg0Monitor'] },
});
