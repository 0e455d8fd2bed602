import { mnhaScenario } from '../scenario-kit.js';

/** Later releases: on ICL loss the active node keeps its route and both nodes probe. */
export const keepAndProbeScenario = mnhaScenario({
  name: 'keep-and-probe',
  title: 'on ICL loss the active node keeps its route and probes',
  description: 'As default, with the later releases\' reading of ICL loss at the active node.',
  params: { iclLossAtActive: 'keep-and-probe' },
  violated: ['AvailableDuringIclOutage'],
});
