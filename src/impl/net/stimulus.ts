/**
 * Stimuli as data: every way the outside world can act on the network, one
 * object per step. Replay maps each model action to one of these; scripts
 * schedule them on the clock. `applyStimulus` calls the matching network
 * method, so data-driven and method-driven runs are the same run.
 */
import type { MonitorStatus, SrgId } from '../domain.js';
import type { MnhaNetwork } from './network.js';
import type { NodeName, RouterName } from './names.js';

/** One step of the outside world. */
export type Stimulus =
  | { readonly kind: 'cutIcl' }
  | { readonly kind: 'restoreIcl' }
  | { readonly kind: 'deliverNext'; readonly to: NodeName }
  | { readonly kind: 'dropNext'; readonly to: NodeName }
  | { readonly kind: 'detectIclLoss'; readonly node: NodeName }
  | { readonly kind: 'detectIclUp'; readonly node: NodeName }
  | { readonly kind: 'heartbeat'; readonly node: NodeName }
  | { readonly kind: 'probe'; readonly node: NodeName; readonly lose?: boolean }
  | { readonly kind: 'setRouterMisbehaving'; readonly on: boolean }
  | { readonly kind: 'convergeRoutes'; readonly node: NodeName; readonly router?: RouterName }
  | { readonly kind: 'failMonitor'; readonly node: NodeName; readonly srg: SrgId }
  | { readonly kind: 'recoverMonitor'; readonly node: NodeName; readonly srg: SrgId }
  | { readonly kind: 'setMonitor'; readonly node: NodeName; readonly srg: SrgId; readonly monitor: string; readonly status: MonitorStatus }
  | { readonly kind: 'crash'; readonly node: NodeName }
  | { readonly kind: 'reboot'; readonly node: NodeName }
  | { readonly kind: 'packet'; readonly node: NodeName; readonly session: string }
  | { readonly kind: 'routePacket'; readonly router: RouterName; readonly session: string }
  | { readonly kind: 'completeColdSync'; readonly node: NodeName }
  | { readonly kind: 'preempt'; readonly node: NodeName }
  | { readonly kind: 'negotiateIke'; readonly node: NodeName }
  | { readonly kind: 'strayProbeReply'; readonly node: NodeName }
  | { readonly kind: 'manualFailover'; readonly node: NodeName }
  | { readonly kind: 'deleteSa'; readonly node: NodeName; readonly vpn: string };

/** A stimulus and what it did, as a short word (e.g. 'answered', 'not-probing', 'empty'). */
export interface StimulusOutcome {
  readonly stimulus: Stimulus;
  readonly outcome: string;
}

/** Applies `stimulus` to `net` through the matching method. */
export function applyStimulus(net: MnhaNetwork, stimulus: Stimulus): StimulusOutcome {
  const outcome = ((): string => {
    switch (stimulus.kind) {
      case 'cutIcl':
        return net.cutIcl();
      case 'restoreIcl':
        return net.restoreIcl();
      case 'deliverNext':
        return net.deliverNext(stimulus.to).outcome;
      case 'dropNext':
        return net.dropNext(stimulus.to).outcome;
      case 'detectIclLoss':
        return net.detectIclLoss(stimulus.node);
      case 'detectIclUp':
        return net.detectIclUp(stimulus.node);
      case 'heartbeat':
        return net.heartbeat(stimulus.node);
      case 'probe':
        return net.probe(stimulus.node, { lose: stimulus.lose ?? false });
      case 'setRouterMisbehaving':
        return net.setRouterMisbehaving(stimulus.on);
      case 'convergeRoutes':
        return net.convergeRoutes(stimulus.node, stimulus.router);
      case 'failMonitor':
        return net.failMonitor(stimulus.node, stimulus.srg);
      case 'recoverMonitor':
        return net.recoverMonitor(stimulus.node, stimulus.srg);
      case 'setMonitor':
        return net.setMonitor(stimulus.node, stimulus.srg, stimulus.monitor, stimulus.status);
      case 'crash':
        return net.crash(stimulus.node);
      case 'reboot':
        return net.reboot(stimulus.node);
      case 'packet':
        return net.packet(stimulus.node, stimulus.session);
      case 'routePacket':
        return net.routePacket(stimulus.router, stimulus.session).outcome;
      case 'completeColdSync':
        return net.completeColdSync(stimulus.node);
      case 'preempt':
        return net.preempt(stimulus.node);
      case 'negotiateIke':
        return net.negotiateIke(stimulus.node);
      case 'strayProbeReply':
        return net.strayProbeReply(stimulus.node);
      case 'manualFailover':
        return net.manualFailover(stimulus.node);
      case 'deleteSa':
        return net.deleteSa(stimulus.node, stimulus.vpn);
    }
  })();
  return { stimulus, outcome };
}
