/**
 * `ha-verify export`: writes the TLA+ specification of every model to
 * `specs/` (or checks that `specs/` is up to date, for CI).
 */
import { relative } from 'node:path';

import { SPEC_FAMILIES } from '../../../models/spec-families.js';
import { type GeneratedSpecs, generateSpecs } from '../../tla/generate-specs.js';
import { type SpecDifference, compareSpecs, writeSpecs } from '../../tla/write-specs.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, UsageError } from '../command.js';
import { requireWritableFolder } from '../output-paths.js';

const HELP = `usage: ha-verify export [--check] [--out DIR]

Writes the TLA+ specification of the MNHA model to specs/ (or DIR):
  MNHA.tla                 the model, parameterised by CONSTANTS
  MC_<scenario>.tla/.cfg   per scenario: constant values, invariants,
                           properties and deadlock check, for TLC
  manifest.json            per scenario: its files, the expected verdict of
                           every property and the distinct-state count the
                           built-in explorer finds (TLC must find the same)
The output is deterministic: the same models give the same bytes. Every
module is checked with the TLA+ grammar before anything is written.

options:
  --check      write nothing; exit 1 with the list of files that differ
               when DIR is not what the export would write (CI runs this)
  --out DIR    the folder (default: specs)
  --quiet      no progress lines on stderr
  --help       show this help

exit status: 0 written (or up to date with --check); 1 stale (--check) or the
export failed; 2 usage error (an --out folder that cannot be written is one,
said before any work).`;

const CHECK_WORDS = { missing: 'missing', changed: 'changed', extra: 'extra' } as const;
const WRITE_WORDS = { missing: 'created', changed: 'updated', extra: 'removed' } as const;

/** One line per differing file, e.g. `  changed  MNHA.tla (from line 42)`; `written` words them as done. */
export function formatDifferences(diffs: readonly SpecDifference[], written = false): string[] {
  const words = written ? WRITE_WORDS : CHECK_WORDS;
  return diffs.map((d) => `  ${words[d.status].padEnd(8)} ${d.file}${d.line !== undefined ? ` (from line ${d.line})` : ''}`);
}

/** Generates every family's files into one map (file name to text). */
async function generateAll(quiet: boolean): Promise<{ ok: true; files: Map<string, string> } | { ok: false; line: string }> {
  const files = new Map<string, string>();
  for (const family of SPEC_FAMILIES) {
    const r: Awaited<ReturnType<typeof generateSpecs>> = await generateSpecs(family, {
      ...(quiet ? {} : { onScenario: (name: string) => process.stderr.write(`exploring ${name} for its state count...\n`) }),
    });
    if (!r.ok) return { ok: false, line: `${r.error.code}: ${r.error.message} (${r.error.hint})` };
    for (const [name, text] of (r.value as GeneratedSpecs).files) files.set(name, text);
  }
  return { ok: true, files };
}

/** The `export` sub-command. */
export const command: Command = {
  summary: 'write the TLA+ spec and TLC configs to specs/ (--check: fail when specs/ is stale)',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, { check: { type: 'boolean' }, out: { type: 'string' }, quiet: { type: 'boolean' } });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const dir = (options.out as string | undefined) ?? 'specs';
    const quiet = options.quiet === true;
    // Exploring every scenario for its state count takes a while: a folder that cannot be written is said first.
    if (options.check !== true) await requireWritableFolder('--out', dir);
    const gen = await generateAll(quiet);
    if (!gen.ok) {
      process.stderr.write(`ha-verify export: ${gen.line}\n`);
      return EXIT_MISMATCH;
    }
    const shown = relative(process.cwd(), dir) || '.';
    if (options.check === true) {
      const diff = await compareSpecs(dir, gen.files);
      if (!diff.ok) {
        process.stderr.write(`ha-verify export: ${diff.error.code}: ${diff.error.message}\n`);
        return EXIT_MISMATCH;
      }
      if (diff.value.length === 0) {
        process.stdout.write(`${shown}/ is up to date (${gen.files.size} files)\n`);
        return EXIT_OK;
      }
      process.stdout.write(
        [`${shown}/ is stale: ${diff.value.length} file(s) differ from the models`, ...formatDifferences(diff.value), "run 'ha-verify export' and commit specs/"].join('\n') + '\n',
      );
      return EXIT_MISMATCH;
    }
    const written = await writeSpecs(dir, gen.files);
    if (!written.ok) {
      process.stderr.write(`ha-verify export: ${written.error.code}: ${written.error.message}\n`);
      return EXIT_MISMATCH;
    }
    const lines = written.value.length === 0
      ? [`${shown}/ already up to date (${gen.files.size} files)`]
      : [`wrote ${shown}/: ${written.value.length} of ${gen.files.size} file(s) changed`, ...formatDifferences(written.value, true)];
    process.stdout.write(lines.join('\n') + '\n');
    return EXIT_OK;
  },
};
