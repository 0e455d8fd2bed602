import { mnhaScenario } from '../scenario-kit.js';

/** Route advertisements reach the routers late; the router behaves. */
export const asyncRoutesScenario = mnhaScenario({
  name: 'async-routes',
  title: 'route advertisements reach the routers late',
  description:
    "The routers' view of each node's preference lags the node's signal routes. The probe router behaves, "
    + 'but it answers along a path chosen from stale routes. What the model finds here is a result about the protocol.',
  params: { routeConvergence: 'async' },
  violated: [],
});
