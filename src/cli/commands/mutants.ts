/** `ha-verify mutants`: the broken variants of the implementation, each put through the model-based checks. */
import { existsSync } from 'node:fs';
import { DEFAULT_MANIFEST } from '../../replay/index.js';
import type { VariantResult } from '../../variants/check-variant.js';
import { checkVariantsInWorkers } from '../../variants/variants-parallel.js';
import { parseArgs } from '../args.js';
import { loadVariants, selectVariants } from '../broken-variants.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { duration, table } from '../format.js';
import { interruptSignal } from '../progress.js';
import { SCENARIOS } from '../scenario-lookup.js';
import { scenariosBySize, variantRows } from '../variant-report.js';

const HELP = `usage: ha-verify mutants [options]

Puts each deliberately broken variant of the implementation (one mistake a
real HA daemon makes: the higher local id backs off, IKE from the backup, a
lost SA deletion...; kept in test/impl/fixtures/broken-nodes.ts) through the
model-based checks, none of them a hand-written test of the variant:

  kept-traces   the kept traces of ${DEFAULT_MANIFEST}, replayed
  conformance   every transition of every scenario's model replayed against
                the variant (smallest graphs first, then the whole ones)
  node-paths    the node machine's paths beside a scripted peer

and prints, for each, whether it was caught, by which check, in which
scenario, at which step and on which variables. Every variant also goes
the other way (column "validation"): three seeded recorded runs of each
scenario, clock-driven, validated against the model (ha-verify validate);
the first log line no model behaviour explains is shown, or "missed" (it
counts as the catch when the three checks above miss). A variant no check
catches is a hole in the checks.

options:
  --variant NAMES   only these variants (comma list)
  --workers N       worker threads, each checking its share of the variants
                    (default 2)
  --json            print the results as JSON
  --quiet           no progress lines on stderr
  --debug           show the stack trace of an unexpected error

exit status: 0 every variant is caught; 1 one is not (or the run was
interrupted); 2 usage error (an unknown variant is named with the known
ones), or the variants are missing.`;

export const command: Command = {
  summary: 'the broken variants of the implementation, each caught by the model-based checks or not',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      variant: { type: 'string' }, workers: { type: 'integer', min: 1, max: 64 }, json: { type: 'boolean' }, quiet: { type: 'boolean' },
    });
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
    const loaded = await loadVariants();
    if (!loaded.ok) {
      process.stderr.write(`ha-verify mutants: ${loaded.message}\n`);
      return EXIT_USAGE;
    }
    const variants = selectVariants(loaded.variants, options.variant as string | undefined);
    const interrupt = interruptSignal();
    const manifest = existsSync(DEFAULT_MANIFEST) ? DEFAULT_MANIFEST : undefined;
    let results: VariantResult[] = [];
    try {
      results = await checkVariantsInWorkers({
        variantsModule: loaded.module,
        names: variants.map((v) => v.name),
        scenarios: scenariosBySize(SCENARIOS).map((s) => s.name),
        workers: (options.workers as number | undefined) ?? 2,
        signal: interrupt.signal,
        ...(manifest === undefined ? {} : { manifest }),
        ...(options.quiet ? {} : { onResult: (r: VariantResult) => process.stderr.write(`variant ${r.variant}: ${r.caught ? `caught by ${r.by.check}` : 'NOT caught'}\n`) }),
      });
    } finally {
      interrupt.dispose();
    }
    const interrupted = interrupt.signal.aborted;
    const caught = results.filter((r) => r.caught).length;
    const ok = !interrupted && caught === variants.length;
    if (options.json) {
      process.stdout.write(JSON.stringify({ variants: results, caught, total: variants.length, interrupted }, null, 2) + '\n');
    } else {
      process.stdout.write(table(['variant', 'fault', 'caught', 'by', 'where', 'step', 'action', 'variables', 'validation', 'time'],
        variantRows(results).map((r, i) => [...r, duration(results[i].durationMs)])).trimEnd() + '\n');
      const validated = results.filter((r) => r.validation !== null).length;
      process.stdout.write(`\n${caught} of ${variants.length} variants caught${interrupted ? ' (INTERRUPTED)' : ''}; validation of recorded runs alone catches ${validated}\n`);
    }
    return ok ? EXIT_OK : EXIT_MISMATCH;
  },
};
