import { mnhaScenario } from '../scenario-kit.js';

/** The documented split brain: the probe router may answer both nodes. */
export const routerFaultScenario = mnhaScenario({
  name: 'router-fault',
  title: 'the probe router may answer probes off its preferred path',
  description:
    'As default, plus a router fault. With the ICL down and the router answering both nodes, both become active: '
    + 'NoSplitBrain is expected to be violated, and every split brain must follow an off-path probe answer. Both nodes '
    + 'have activeness-priority 150: equal priorities decide nothing, so the split brain resolves by local id.',
  params: { faults: ['icl', 'crash', 'srg1Monitor', 'router'], priority: { n1: 150, n2: 150 } },
  violated: ['NoSplitBrain', 'AvailableDuringIclOutage'],
});
