import { mnhaScenario } from '../scenario-kit.js';

/** Route advertisements reach the routers late; the router behaves. */
export const asyncRoutesScenario = mnhaScenario({
  name: 'async-routes',
  title: 'route advertisements reach the routers late',
  description:
    "The routers' view of each node's preference lags the node's signal routes. The probe router behaves, "
    + 'but it answers along a path chosen from stale routes. Finding: a split brain with a well-behaved router. '
    + 'n1 fails its SRG1 monitor and tells n2, which takes over without probing; n1 recovers at once and probes '
    + "before n2's new high preference has reached the router, whose stale tie-break still prefers n1, so n1 is answered too. "
    + 'Both are active until the ICL exchange resolves it.',
  params: { routeConvergence: 'async' },
  violated: ['NoSplitBrain', 'SplitBrainOnlyWithRouterFault'],
});
