import { type Command, EXIT_USAGE, UsageError } from './command.js';

/** Sub-commands, each loaded on demand from `commands/<name>.ts`. The order is the order of `--help`. */
const COMMANDS = ['verify', 'check', 'export', 'replay', 'view', 'scenarios', 'tlc-install', 'bench'] as const;

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
  lines.push('', "Run 'ha-verify <command> --help' for a command's options.");
  return lines.join('\n');
}

/**
 * Runs the `ha-verify` command line and resolves to the process exit status.
 * Usage errors print one line on stderr and give exit status 2.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name === undefined ? EXIT_USAGE : 0;
  }
  const cmd = await loadCommand(name);
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
    throw err;
  }
}
