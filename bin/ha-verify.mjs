#!/usr/bin/env node
// Entry point of the `ha-verify` command. The sources are TypeScript; tsx's
// loader compiles them on the fly so that a fresh clone needs no build step.
// main() turns every error of a command into one line; what fails before it
// runs (a missing dependency) gets one line too, the stack only with --debug.
import { register } from 'tsx/esm/api';

// A reader that goes away (`ha-verify ... | head`) is not an error of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

try {
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const debug = process.argv.includes('--debug') || process.env.HA_VERIFY_DEBUG === '1';
  if (debug) process.stderr.write(`${err?.stack ?? err}\n`);
  process.stderr.write(`ha-verify: cannot start: ${String(err?.message ?? err).split('\n')[0]}${debug ? '' : ' (--debug shows the stack trace)'}\n`);
  process.exitCode = 1;
}
