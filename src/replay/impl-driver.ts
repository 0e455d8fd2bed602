/**
 * The implementation as replay drives it: a network set up like the
 * scenario, replay's record of environment-only steps, and the refinement
 * mapping of its state. Trace replay, conformance and the lock-step
 * model-based tests share it.
 */
import type { Value } from '../dsl/index.js';
import type { MnhaNetwork } from '../impl/index.js';
import type { FlatAction } from '../model/index.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { type ImplOptions, networkFor, sessionIds } from './impl-setup.js';
import { abstractState, type ReplayEnvironment } from './refinement.js';
import { type AppliedStimulus, applyAction } from './stimuli.js';

/** One implementation run under replay. */
export class ImplDriver {
  readonly net: MnhaNetwork;
  private readonly env: ReplayEnvironment;

  /** A fresh run of the scenario, or, given `from`, a fork of that run as it stands. */
  constructor(readonly params: MnhaParams, options: ImplOptions = {}, from?: ImplDriver) {
    if (from !== undefined) {
      this.net = from.net.fork();
      this.env = { probeLoss: from.env.probeLoss, lastPacket: { ...from.env.lastPacket } };
      return;
    }
    this.net = networkFor(params, options);
    this.env = { probeLoss: false, lastPacket: Object.fromEntries(sessionIds(params).map((s) => [s, 'none' as const])) };
  }

  /** Applies the stimulus of a model action with its parameters. */
  apply(action: FlatAction, picks: Readonly<Record<string, Value>>): AppliedStimulus {
    return applyAction({ net: this.net, env: this.env }, action.origin, picks);
  }

  /** The implementation's state read as the model's variables. */
  state(): Record<string, Value> {
    return abstractState(this.net.observe(), this.params, this.env);
  }
}
