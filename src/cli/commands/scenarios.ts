/** `ha-verify scenarios`: what can be checked. */
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { table } from '../format.js';
import { SCENARIOS } from '../scenario-lookup.js';

export const command: Command = {
  summary: 'list the scenarios and what each expects',
  help: `usage: ha-verify scenarios [--json]

Lists every scenario with its one-line title, or as JSON with its parameters
and the expected verdict of every property.`,
  async run(argv) {
    const { options } = parseArgs(argv, { json: { type: 'boolean' } });
    if (options.json) {
      process.stdout.write(JSON.stringify(SCENARIOS.map((s) => ({ name: s.name, title: s.title, description: s.description, params: s.params, expect: s.expect })), null, 2) + '\n');
      return 0;
    }
    process.stdout.write(table(['scenario', 'what it checks', 'expected violations'], SCENARIOS.map((s) => [
      s.name, s.title, Object.entries(s.expect).filter(([, e]) => e === 'violated').map(([n]) => n).join(', ') || '-',
    ])) + '\n');
    return 0;
  },
};
