import { mnhaScenario } from '../scenario-kit.js';

/**
 * The benchmark's scalable scenario: more sessions and more faults make the
 * state space grow (2 sessions with ICL, crash and SRG0 monitor faults: over
 * a million distinct states). Not part of `verify`; `npm run bench` uses it.
 */
export function scaleScenario(sessions = 2) {
  return mnhaScenario({
    name: `scale-${sessions}`,
    title: `benchmark: ${sessions} sessions, ICL, crash and SRG0 monitor faults`,
    description: 'A larger state space for measuring the explorer.',
    params: { sessions, faults: ['icl', 'crash', 'srg0Monitor'] },
  });
}
