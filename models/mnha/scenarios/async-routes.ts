import { mnhaScenario } from '../scenario-kit.js';

/** Route advertisements reach the routers late; the router behaves. */
export const asyncRoutesScenario = mnhaScenario({
  name: 'async-routes',
  title: 'route advertisements reach the routers late',
  description:
    "The routers' view of each node's preference lags the node's signal routes. The probe router behaves, "
    + 'but it answers along a path chosen from stale routes. Finding: a split brain with a well-behaved router. '
    + "The router answers n2's probe and n2 becomes active, raising its preference to high; before that "
    + "advertisement reaches the router, the router still sees n2 at low, learns n1's low and, on the tie, "
    + "prefers n1, so it answers n1's probe too. Both nodes are active until the ICL exchange resolves it.",
  params: { routeConvergence: 'async' },
  violated: ['NoSplitBrain', 'SplitBrainOnlyWithRouterFault', 'AvailableDuringIclOutage'],
});
