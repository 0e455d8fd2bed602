/**
 * The check across the two nodes of a pair: each node's peer must be the
 * other node. A single node's lines cannot show this, so it is its own step.
 */
import { configError, type ConfigError } from './config-errors.js';
import type { MnhaConfig } from './config-types.js';

/** The answer of `validatePair`. */
export type PairResult =
  | { readonly ok: true; readonly n1: MnhaConfig; readonly n2: MnhaConfig }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/** Checks that `n1` and `n2` name each other as peers. */
export function validatePair(n1: MnhaConfig, n2: MnhaConfig): PairResult {
  const errors: ConfigError[] = [];
  const check = (self: string, config: MnhaConfig, other: string, otherConfig: MnhaConfig): void => {
    if (config.peer.id !== otherConfig.localId) {
      errors.push(
        configError(
          'pair-ids-mismatch',
          null,
          `${self}'s peer-id is ${config.peer.id} but ${other}'s local-id is ${otherConfig.localId}`,
          `set ${self}'s peer-id to ${otherConfig.localId}, or ${other}'s local-id to ${config.peer.id}`,
        ),
      );
    }
  };
  check('n1', n1, 'n2', n2);
  check('n2', n2, 'n1', n1);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, n1, n2 };
}
