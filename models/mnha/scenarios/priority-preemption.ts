import { mnhaScenario } from '../scenario-kit.js';

/** Activeness priority with preemption and manual failover. */
export const priorityPreemptionScenario = mnhaScenario({
  name: 'priority-preemption',
  title: 'activeness-priority with preemption and manual failover',
  description:
    'n2 has the higher activeness-priority (200 over 100) and preemption is on, so it takes activeness back whenever it is healthy; '
    + 'an operator may also request a manual failover. Split brains are resolved by priority, not local id.',
  params: { priority: { n1: 100, n2: 200 }, preemption: true, manualFailover: true },
  violated: ['AvailableDuringIclOutage'],
});
