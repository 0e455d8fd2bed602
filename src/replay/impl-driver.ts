/**
 * The implementation as replay drives it: a network set up like the
 * scenario, the ICL bridge for the model's channels, replay's record of
 * environment-only steps, and the refinement mapping of its state. Trace
 * replay and the lock-step model-based tests share it.
 */
import type { Value } from '../dsl/index.js';
import type { MnhaNetwork } from '../impl/index.js';
import type { FlatAction } from '../model/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { IclBridge } from './icl-bridge.js';
import { type ImplOptions, networkFor, sessionIds } from './impl-setup.js';
import { abstractState, type ReplayEnvironment } from './refinement.js';
import { type AppliedStimulus, applyAction } from './stimuli.js';

/** One implementation run under replay. */
export class ImplDriver {
  readonly net: MnhaNetwork;
  private readonly bridge: IclBridge;
  private readonly env: ReplayEnvironment;

  constructor(readonly params: MnhaParams, options: ImplOptions = {}) {
    this.net = networkFor(params, options);
    this.bridge = new IclBridge(this.net);
    this.env = { probeLoss: false, lastPacket: Object.fromEntries(sessionIds(params).map((s) => [s, 'none' as const])) };
  }

  /** Applies the stimulus of a model action with its parameters. */
  apply(action: FlatAction, picks: Readonly<Record<string, Value>>): AppliedStimulus {
    return applyAction({ net: this.net, bridge: this.bridge, env: this.env }, action.origin, picks);
  }

  /** The running nodes waiting for the answer to a manual-failover handover. */
  pendingHandover(): string[] {
    const o = this.net.observe();
    return (['n1', 'n2'] as const).filter((n) => {
      const node = o.nodes[n];
      return node.alive && node.srg1.pendingHandover;
    });
  }

  /** The implementation's state read as the model's variables. */
  state(): Record<string, Value> {
    return abstractState(this.net.observe(), this.params, this.env);
  }
}
