/**
 * The shape every `ha-verify` sub-command module exports. Commands live in
 * `src/cli/commands/<name>.ts`; `main.ts` loads them lazily so that a command
 * only pays for the modules it uses.
 */
export interface Command {
  /** One line shown in `ha-verify --help`. */
  readonly summary: string;
  /** The full `--help` text of the command. */
  readonly help: string;
  /** Runs the command with its own arguments; resolves to the exit status. */
  run(argv: readonly string[]): Promise<number>;
}

/** Exit status for a usage error (unknown option, unknown scenario...). */
export const EXIT_USAGE = 2;
/** Exit status when a verdict does not match its expectation. */
export const EXIT_MISMATCH = 1;
/** Exit status when everything is as expected. */
export const EXIT_OK = 0;

/** Thrown by argument parsing; `main` turns it into one line and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
