import { mnhaScenario } from '../scenario-kit.js';

/** The original documentation's reading: routers converged, the router behaves. */
export const defaultScenario = mnhaScenario({
  name: 'default',
  title: 'documented behaviour: routers converged, probe router behaves',
  description:
    'ICL loss (the active node withdraws its active-signal-route), node crash and reboot, SRG1 monitor failure and recovery. '
    + 'With a well-behaved probe router no split brain is reachable.',
  params: {},
});
