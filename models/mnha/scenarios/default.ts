import { mnhaScenario } from '../scenario-kit.js';

/** The documentation's reading, over a real ICL, with the stale-notice protection. */
export const defaultScenario = mnhaScenario({
  name: 'default',
  title: 'routers converged, probe router behaves, stale-notice protection on',
  description:
    'ICL loss (the active node withdraws its active-signal-route), node crash and reboot, SRG1 monitor failure and recovery, '
    + 'over an ICL that delivers in order and loses what is in flight when it is cut. A node coming back from ineligible '
    + 'claims nothing until its peer has answered (waitForAnswer). With a well-behaved probe router no split brain is reachable.',
  params: {},
  violated: ['AvailableDuringIclOutage'],
});
