/**
 * TLC's process exit codes (tlc2.output.EC.ExitStatus): TLC folds its many
 * error codes onto this small set because Linux and macOS keep only eight
 * bits of an exit status.
 *
 * | code | meaning |
 * | ---- | ------- |
 * | 0    | success |
 * | 10   | an assumption is false or failed to evaluate |
 * | 11   | deadlock reached |
 * | 12   | safety violation (an invariant) |
 * | 13   | liveness violation (a temporal or action property) |
 * | 14   | an `Assert` failed |
 * | 75   | evaluating the spec failed |
 * | 76   | evaluating an invariant failed |
 * | 77   | evaluating a liveness property failed |
 * | 150  | the spec could not be parsed (SANY), or a module is missing |
 * | 151  | the config file is wrong |
 * | 152  | the state space is too large |
 * | 153  | system error |
 * | 255  | any other error (e.g. an evaluation error TLC did not classify) |
 */

/** What a TLC exit status means. */
export type TlcExitClass =
  | { readonly kind: 'success'; readonly code: 0; readonly description: string }
  | {
      readonly kind: 'violation';
      readonly code: number;
      readonly violation: 'assumption' | 'deadlock' | 'safety' | 'liveness' | 'assert';
      readonly description: string;
    }
  | {
      readonly kind: 'evaluation-failure';
      readonly code: number;
      readonly of: 'spec' | 'safety' | 'liveness';
      readonly description: string;
    }
  | {
      readonly kind: 'error';
      readonly code: number;
      readonly error: 'spec-parse' | 'config-parse' | 'state-space-too-large' | 'system' | 'generic';
      readonly description: string;
    }
  /** An exit status TLC does not document: a crash of the JVM or of TLC. */
  | { readonly kind: 'crash'; readonly code: number; readonly description: string }
  /** The process was ended by a signal (a timeout, Ctrl-C, the OOM killer). */
  | { readonly kind: 'killed'; readonly signal: string; readonly description: string };

/**
 * Classifies how TLC's process ended: pass its exit code, or `null` and the
 * signal that ended it.
 */
export function classifyTlcExit(code: number | null, signal: string | null = null): TlcExitClass {
  if (code === null) {
    const s = signal ?? 'unknown signal';
    return { kind: 'killed', signal: s, description: `TLC was ended by ${s}` };
  }
  switch (code) {
    case 0:
      return { kind: 'success', code: 0, description: 'TLC found no error' };
    case 10:
      return { kind: 'violation', code, violation: 'assumption', description: 'an assumption is violated' };
    case 11:
      return { kind: 'violation', code, violation: 'deadlock', description: 'a deadlock was reached' };
    case 12:
      return { kind: 'violation', code, violation: 'safety', description: 'a safety property (invariant) is violated' };
    case 13:
      return { kind: 'violation', code, violation: 'liveness', description: 'a liveness (temporal or action) property is violated' };
    case 14:
      return { kind: 'violation', code, violation: 'assert', description: 'an Assert failed' };
    case 75:
      return { kind: 'evaluation-failure', code, of: 'spec', description: 'TLC failed to evaluate the spec' };
    case 76:
      return { kind: 'evaluation-failure', code, of: 'safety', description: 'TLC failed to evaluate an invariant' };
    case 77:
      return { kind: 'evaluation-failure', code, of: 'liveness', description: 'TLC failed to evaluate a liveness property' };
    case 150:
      return { kind: 'error', code, error: 'spec-parse', description: 'the spec could not be parsed or a module is missing' };
    case 151:
      return { kind: 'error', code, error: 'config-parse', description: 'the model configuration is wrong' };
    case 152:
      return { kind: 'error', code, error: 'state-space-too-large', description: 'the state space is too large' };
    case 153:
      return { kind: 'error', code, error: 'system', description: 'TLC hit a system error' };
    case 255:
      return { kind: 'error', code, error: 'generic', description: 'TLC reported an error' };
    default:
      return { kind: 'crash', code, description: `TLC exited with undocumented status ${code} (a crash?)` };
  }
}
