import { mnhaScenario } from '../scenario-kit.js';

/** As default, without the protection against stale state messages: the documentation's reading, literally. */
export const staleNoticesScenario = mnhaScenario({
  name: 'stale-notices',
  title: 'no stale-notice protection: a split brain with a behaving router',
  description:
    'As default, but a node coming back from ineligible claims activeness as soon as it can (waitForAnswer off), as the '
    + 'documentation reads. Finding: n1 goes ineligible and recovers before n2 has read its "ineligible"; n1 then wins a probe '
    + '(both advertise low, the tie goes to n1) while n2, reading the stale "ineligible", takes over as the only candidate. '
    + 'Two active nodes, the router behaving and the routes converged. Waiting for the peer\'s answer removes it (default).',
  // a larger bound: without the protection more messages pile up before the nodes catch up
  params: { waitForAnswer: false, iclCapacity: 5 },
  violated: ['NoSplitBrain', 'SplitBrainOnlyWithRouterFault', 'AvailableDuringIclOutage'],
});
