/** `ha-verify replay`: model traces against the implementation, each judged by the manifest. */
import { relative, resolve } from 'node:path';
import {
  DEFAULT_MANIFEST,
  type ManifestEntry,
  type ReplayResult,
  entryFor,
  formatReplay,
  judge,
  readManifest,
} from '../../replay/index.js';
import { replayTraceFile } from '../../replay/replay-file.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';

const HELP = `usage: ha-verify replay [TRACE.itf.json...] [options]

Replays model traces against the implementation (src/impl): each step
becomes a stimulus of the deterministic network (deliver a message, cut the
ICL, answer a probe, fail a monitor, crash a node...) and, after every step,
the implementation's state mapped onto the model's variables is compared
with the trace's. Each trace either is followed to the end (a counterexample
is then reproduced) or is departed from at a step, shown with the variables
that differ.

A trace listed in the manifest must do what its entry says (reproduces,
follows, departs); any other trace must be followed. Without TRACE, every
trace the manifest lists is replayed.

options:
  --manifest PATH   the manifest of kept traces (default: ${DEFAULT_MANIFEST})
  --json            print one JSON object instead of text
  --quiet           no progress lines on stderr

A trace file of 8 MB or more is streamed: each state is read, replayed and
dropped in turn (memory stays constant, whatever the length), with a
progress line on stderr every two seconds; its log keeps the last 50 steps.

A trace that cannot be replayed (unreadable, malformed, from another
model) is said once, on stderr, with its code and what to do.

exit status: 0 every trace does what is expected; 1 one does not; 2 usage
error, unreadable or malformed trace or manifest.`;

interface Checked {
  readonly trace: string;
  readonly expect: ManifestEntry['expect'];
  readonly result: ReplayResult;
  readonly ok: boolean;
  readonly verdict: string;
}

export const command: Command = {
  summary: 'replay traces against the implementation (follows, or departs at a step)',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, { manifest: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' } });
    const manifestPath = (options.manifest as string | undefined) ?? DEFAULT_MANIFEST;
    const manifest = await readManifest(manifestPath);
    // a missing default manifest only matters when no trace is named
    const manifestMissing = 'outcome' in manifest;
    if (manifestMissing && (positional.length === 0 || options.manifest !== undefined)) {
      process.stderr.write(`ha-verify replay: ${manifest.message}\n  ${manifest.hint}\n`);
      return EXIT_USAGE;
    }
    const traces = positional.length > 0 ? positional : manifestMissing ? [] : manifest.entries.map((e) => relative(process.cwd(), resolve(manifest.path, '..', e.trace)));
    if (traces.length === 0) throw new UsageError('no trace to replay (name one, or list some in the manifest)');

    const checked: Checked[] = [];
    for (const trace of traces) {
      const entry = manifestMissing ? undefined : entryFor(manifest, trace);
      // a large trace is streamed: constant memory, and a progress line every two seconds
      const result = await replayTraceFile(trace, {
        ...(options.quiet ? {} : {
          onProgress: (states: number, read: number, total: number) => process.stderr.write(
            `${trace}: ${states.toLocaleString('en-US')} states replayed, ${Math.round((100 * read) / Math.max(1, total))}% of the file read\n`),
        }),
      });
      checked.push({ trace, expect: entry?.expect ?? 'follows', result, ...judge(result, entry) });
    }

    // A trace that cannot be replayed is an error, said once on stderr: its code, the message (which names the path), what to do.
    for (const c of checked) {
      if (c.result.outcome !== 'error') continue;
      const message = c.result.message.includes(c.trace) ? c.result.message : `${c.trace}: ${c.result.message}`;
      process.stderr.write(`ha-verify replay: ${c.result.code}: ${message}\n  ${c.result.hint}\n`);
    }
    if (options.json) {
      process.stdout.write(JSON.stringify({ ok: checked.every((c) => c.ok), traces: checked }, null, 2) + '\n');
    } else {
      for (const c of checked) if (c.result.outcome !== 'error') process.stdout.write(formatReplay(c.trace, c.result, c.verdict) + '\n');
      const errors = checked.filter((c) => c.result.outcome === 'error').length;
      const bad = checked.filter((c) => !c.ok && c.result.outcome !== 'error').length;
      const parts = [...(bad > 0 ? [`${bad} NOT as expected`] : []), ...(errors > 0 ? [`${errors} could not be replayed`] : [])];
      process.stdout.write(parts.length === 0 ? `result: all ${checked.length} as expected\n` : `result: ${parts.join(', ')} (of ${checked.length})\n`);
    }
    if (checked.some((c) => c.result.outcome === 'error')) return EXIT_USAGE;
    return checked.every((c) => c.ok) ? EXIT_OK : EXIT_MISMATCH;
  },
};
