#!/usr/bin/env node
// Entry point of the `ha-verify` command. The sources are TypeScript; tsx's
// loader compiles them on the fly so that a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
