import { type Command, EXIT_MISMATCH, EXIT_USAGE, UsageError } from './command.js';

/** Sub-commands, each loaded on demand from `commands/<name>.ts`. The order is the order of `--help`. */
const COMMANDS = ['verify', 'check', 'config', 'export', 'replay', 'conformance', 'validate', 'sweep', 'mutants', 'view', 'scenarios', 'tlc-install', 'bench'] as const;

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!(COMMANDS as readonly string[]).includes(name)) return undefined;
  try {
    const mod = (await import(`./commands/${name}.js`)) as { command: Command };
    return mod.command;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(`commands/${name}`)) {
      return undefined; // declared but not built yet
    }
    throw err;
  }
}

async function usage(): Promise<string> {
  const lines = ['usage: ha-verify <command> [options]', '', 'commands:'];
  for (const name of COMMANDS) {
    const cmd = await loadCommand(name);
    if (cmd) lines.push(`  ${name.padEnd(12)} ${cmd.summary}`);
  }
  lines.push('', "Run 'ha-verify <command> --help' for a command's options. Every command takes --debug,", 'which shows the stack trace of an unexpected error (otherwise one line on stderr).');
  return lines.join('\n');
}

/** File-system error codes that mean a path given by the user is wrong: bad input, exit 2. */
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'EEXIST', 'ENAMETOOLONG']);

/** One line for an error nobody handled: its message (and path), never its stack. */
export function oneLine(err: unknown): { line: string; status: number } {
  const e = err as NodeJS.ErrnoException;
  const message = (e instanceof Error ? e.message : String(err)).split('\n')[0].trim() || String(err);
  if (typeof e?.code === 'string' && PATH_ERRORS.has(e.code)) return { line: message, status: EXIT_USAGE };
  return { line: `unexpected error: ${message}`, status: EXIT_MISMATCH };
}

/**
 * Runs the `ha-verify` command line and resolves to the process exit status.
 * Usage errors print one line on stderr and give exit status 2. Any other
 * error is one line too (exit 2 for a path that cannot be used, else 1);
 * `--debug` anywhere on the line (or HA_VERIFY_DEBUG=1) adds its stack trace.
 * `load` finds a command by name (tests pass their own).
 */
export async function main(argv: readonly string[], load: (name: string) => Promise<Command | undefined> = loadCommand): Promise<number> {
  const debug = argv.includes('--debug') || process.env.HA_VERIFY_DEBUG === '1';
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name === undefined ? EXIT_USAGE : 0;
  }
  const cmd = await load(name);
  if (!cmd) {
    process.stderr.write(`ha-verify: unknown command '${name}' (see 'ha-verify --help')\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.help.trimEnd() + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ha-verify ${name}: ${err.message}\n`);
      return EXIT_USAGE;
    }
    if (debug) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    const { line, status } = oneLine(err);
    process.stderr.write(`ha-verify ${name}: ${line}${debug ? '' : ' (--debug shows the stack trace)'}\n`);
    return status;
  }
}
