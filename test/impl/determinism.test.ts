/**
 * The same script on a fresh network gives byte-identical observations,
 * in the clock-driven mode (lossy ICL from a seed included) and step by
 * step; data-driven stimuli and method calls are the same run.
 */
import { describe, expect, it } from 'vitest';
import { runScript, runSteps, type ScriptEntry, type Stimulus } from '../../src/impl/index.js';
import { network } from './helpers.js';

const SCRIPT: readonly ScriptEntry[] = [
  { at: 700, stimulus: { kind: 'packet', node: 'n1', session: 's1' } },
  { at: 900, stimulus: { kind: 'packet', node: 'n2', session: 's1' } },
  { at: 1000, stimulus: { kind: 'setRouterMisbehaving', on: true } },
  { at: 1100, stimulus: { kind: 'cutIcl' } },
  { at: 1900, stimulus: { kind: 'packet', node: 'n1', session: 's1' } },
  { at: 2500, stimulus: { kind: 'restoreIcl' } },
  { at: 3500, stimulus: { kind: 'setRouterMisbehaving', on: false } },
  { at: 3600, stimulus: { kind: 'failMonitor', node: 'n2', srg: 1 } },
  { at: 4200, stimulus: { kind: 'recoverMonitor', node: 'n2', srg: 1 } },
  { at: 4300, stimulus: { kind: 'crash', node: 'n2' } },
  { at: 5200, stimulus: { kind: 'reboot', node: 'n2' } },
  { at: 5300, stimulus: { kind: 'failMonitor', node: 'n1', srg: 0 } },
  { at: 5800, stimulus: { kind: 'recoverMonitor', node: 'n1', srg: 0 } },
  { at: 6500, stimulus: { kind: 'manualFailover', node: 'n2' } },
  { at: 7000, stimulus: { kind: 'manualFailover', node: 'n1' } },
];

function clockRun(): string {
  const net = network({ n1: { vpns: ['V'], shutdownOnFailure: ['ge-0/0/3'] }, n2: { vpns: ['V'] }, iclLoss: { rate: 0.2, seed: 42 } });
  const steps = runScript(net, SCRIPT, { untilMs: 9000 });
  return JSON.stringify({ steps, final: net.observe() });
}

const STEPS: readonly Stimulus[] = [
  { kind: 'detectIclUp', node: 'n1' },
  { kind: 'deliverNext', to: 'n2' },
  { kind: 'deliverNext', to: 'n1' },
  { kind: 'probe', node: 'n2' },
  { kind: 'probe', node: 'n1' },
  { kind: 'deliverNext', to: 'n2' },
  { kind: 'cutIcl' },
  { kind: 'detectIclLoss', node: 'n1' },
  { kind: 'detectIclLoss', node: 'n2' },
  { kind: 'setRouterMisbehaving', on: true },
  { kind: 'probe', node: 'n2' },
  { kind: 'probe', node: 'n1' },
  { kind: 'restoreIcl' },
  { kind: 'detectIclUp', node: 'n2' },
  { kind: 'deliverNext', to: 'n1' },
  { kind: 'deliverNext', to: 'n2' },
  { kind: 'packet', node: 'n1', session: 's1' },
  { kind: 'completeColdSync', node: 'n1' },
  { kind: 'negotiateIke', node: 'n2' },
  { kind: 'preempt', node: 'n2' },
  { kind: 'strayProbeReply', node: 'n1' },
  { kind: 'heartbeat', node: 'n1' },
  { kind: 'crash', node: 'n1' },
  { kind: 'reboot', node: 'n1' },
];

describe('determinism', () => {
  it('a clock-driven script run twice gives byte-identical observations', () => {
    const first = clockRun();
    const second = clockRun();
    expect(second).toBe(first);
    // the run did something: every scheduled stimulus happened
    expect((JSON.parse(first) as { steps: unknown[] }).steps).toHaveLength(SCRIPT.length);
  });

  it('a step-by-step run twice gives byte-identical observations', () => {
    const run = (): string => JSON.stringify(runSteps(network({ n1: { vpns: ['V'] }, n2: { vpns: ['V'] } }), STEPS));
    expect(run()).toBe(run());
  });

  it('stimuli given as data and the same method calls give the same run', () => {
    const data = network();
    const byData = runSteps(data, STEPS.slice(0, 6)).map((step) => JSON.stringify(step.observation));
    const methods = network();
    const calls = [
      () => methods.detectIclUp('n1'),
      () => methods.deliverNext('n2'),
      () => methods.deliverNext('n1'),
      () => methods.probe('n2'),
      () => methods.probe('n1'),
      () => methods.deliverNext('n2'),
    ];
    const byMethods = calls.map((call) => {
      call();
      return JSON.stringify(methods.observe());
    });
    expect(byMethods).toEqual(byData);
  });

  it('observations are plain JSON data with a fixed key order', () => {
    const net = network({ n1: { vpns: ['V'] }, n2: { vpns: ['V'] } });
    net.runUntilQuiet();
    net.crash('n2');
    const o = net.observe();
    expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    expect(Object.keys(o)).toEqual(['time', 'icl', 'nodes', 'routers', 'probeResponder', 'tunnels']);
    const n1 = o.nodes.n1;
    expect(Object.keys(n1)).toEqual(['alive', 'localId', 'boots', 'icl', 'srg0', 'srg1', 'sessions', 'ipsec']);
    if (n1.alive) {
      expect(Object.keys(n1.srg1)).toEqual(['state', 'signalRoutes', 'advertised', 'probing', 'forwarding', 'failedMonitors', 'ask']);
    }
    expect(Object.keys(o.nodes.n2)).toEqual(['alive', 'localId', 'boots']);
  });
});
