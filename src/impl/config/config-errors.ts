/**
 * Configuration errors: a stable code, a one-line message naming the
 * offending line, and what to do about it. The reader returns them as data;
 * it never throws for a bad configuration.
 */
import type { MnhaConfig } from './config-types.js';

/** Every way a configuration can be rejected. Codes are stable: tests and users match on them. */
export type ConfigErrorCode =
  // reading a line
  | 'not-a-set-line'
  | 'unbalanced-quote'
  | 'unknown-statement'
  | 'missing-value'
  | 'invalid-number'
  | 'invalid-address'
  | 'srg-unsupported'
  | 'statement-not-valid-for-srg'
  | 'conflicting-value'
  // checking one node's configuration as a whole
  | 'local-id-missing'
  | 'id-out-of-range'
  | 'peer-missing'
  | 'too-many-peers'
  | 'peer-ip-missing'
  | 'ids-equal'
  | 'srg-missing'
  | 'srg-without-peer'
  | 'srg-unknown-peer'
  | 'priority-out-of-range'
  | 'probe-missing'
  | 'signal-routes-equal'
  | 'monitor-value-out-of-range'
  | 'ha-link-vpn-mismatch'
  | 'ha-link-vpn-without-gateway'
  | 'ha-link-gateway-not-ikev2'
  | 'srg1-vpn-without-floating-ip'
  // checking the two nodes of a pair against each other
  | 'pair-ids-mismatch';

/** One line of configuration text, numbered from 1. */
export interface SourceLine {
  readonly number: number;
  readonly text: string;
}

/** A rejected configuration, as a user sees it. */
export interface ConfigError {
  readonly code: ConfigErrorCode;
  /** The line at fault, or null when the fault is a missing statement. */
  readonly line: number | null;
  /** One line: where and what. */
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

/**
 * Where each statement that matters came from, by key (`local-id`,
 * `peer-ip`, `srg1.preemption`, `srg1.activeness-probe`...): its line number.
 * Later checks (a pair's, a report's) name lines through it.
 */
export type ConfigSources = Readonly<Record<string, number>>;

/** A statement read but switched off (`deactivate`), not modelled, or not read (groups): a warning, not an error. */
export interface ConfigNote {
  /** The line concerned, or null for the file as a whole. */
  readonly line: number | null;
  readonly message: string;
  /** Stable code for scripts, when the note has one of its own (`groups-not-expanded`). */
  readonly code?: string;
}

/** The reader's answer: a checked configuration, or every error found. */
export type ConfigResult =
  | {
      readonly ok: true;
      readonly config: MnhaConfig;
      readonly ignoredLines: number;
      readonly sources: ConfigSources;
      readonly notes: readonly ConfigNote[];
    }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * Builds an error. With a line, the message starts `line N ("text"):` so
 * that it names the line on its own; without one, it names what is missing.
 */
export function configError(
  code: ConfigErrorCode,
  line: SourceLine | null,
  problem: string,
  hint: string,
): ConfigError {
  const where = line === null ? '' : `line ${line.number} ("${line.text}"): `;
  return { code, line: line === null ? null : line.number, message: `${where}${problem}`, hint };
}

/** Orders errors by line (missing-statement errors last), keeping discovery order on ties. */
export function sortErrors(errors: readonly ConfigError[]): ConfigError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => {
      const la = a.error.line ?? Number.MAX_SAFE_INTEGER;
      const lb = b.error.line ?? Number.MAX_SAFE_INTEGER;
      return la - lb || a.index - b.index;
    })
    .map((entry) => entry.error);
}
