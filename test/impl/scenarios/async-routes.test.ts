/**
 * MNHA.md section 2, scenario option `routeConvergence: "async"`: a router's
 * view of a node's preference lags the node's signal routes until the
 * routes converge; the probe answer follows the router's (stale) view.
 */
import { describe, expect, it } from 'vitest';
import { bootInContact, network, srg1 } from '../helpers.js';

describe('asynchronous route convergence', () => {
  it('until the crashed node is withdrawn at the probe router, the answer is routed to it and lost', () => {
    const net = network({ routeConvergence: 'async' });
    bootInContact(net);
    // n1's high and n2's medium have not reached the routers yet: both still seen low, tie to n1
    expect(net.observe().routers.r2.learned).toEqual({ n1: 'low', n2: 'low' });
    expect(net.convergeRoutes('n1')).toBe('converged');
    expect(net.convergeRoutes('n2')).toBe('converged');
    expect(net.convergeRoutes('n2')).toBe('unchanged');

    net.crash('n1');
    net.detectIclLoss('n2');
    expect(net.observe().routers.r2.learned).toEqual({ n1: 'high', n2: 'medium' });
    expect(net.probe('n2')).toBe('unanswered');
    expect(srg1(net, 'n2').state).toBe('backup');

    expect(net.convergeRoutes('n1', 'r2')).toBe('converged');
    expect(net.observe().routers.r1.learned.n1).toBe('high'); // r1 not converged yet
    expect(net.probe('n2')).toBe('answered');
    expect(srg1(net, 'n2').state).toBe('active');
  });

  it('on the clock, routes converge after the route delay', () => {
    const net = network({ routeConvergence: 'async' });
    net.runUntilQuiet();
    const o = net.observe();
    expect(o.routers.r1.learned).toEqual({ n1: 'high', n2: 'medium' });
    expect(o.routers.r2.learned).toEqual({ n1: 'high', n2: 'medium' });
  });
});
