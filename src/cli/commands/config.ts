/** `ha-verify config`: a Junos configuration pair in, derived model, risks and traces out (issue 13). */
import { join } from 'node:path';

import { buildConfigReport } from '../../config/config-report.js';
import { checkDerived } from '../../config/check-derived.js';
import { deriveModel, FAULT_NAMES, type FaultName } from '../../config/derive-model.js';
import { checkPair } from '../../config/pair-checks.js';
import type { LineRef } from '../../config/pair-issues.js';
import { readNodeFile, type NodeFile } from '../../config/read-node-file.js';
import { scenarioFiles } from '../../config/write-scenario.js';
import { parseArgs } from '../args.js';
import { type Command, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, UsageError } from '../command.js';
import { configText } from '../config-output.js';
import { requireWritableFolder } from '../output-paths.js';
import { interruptSignal } from '../progress.js';
import { writeFileAtomic } from '../write-atomic.js';

const DEFAULT_OUT = 'reports/config';

const HELP = `usage: ha-verify config N1 N2 [options]

Checks a Multinode High Availability deployment from the configurations of
its two nodes (N1 and N2: files of Junos "set" lines, as written or as
"show configuration | display set" prints them; comments, deactivate lines
and both the "chassis high-availability" and "high-availability" spellings
are understood).

1. Reads both files and checks the pair: ids that name each other, the same
   floating IP, probe destination and SRGs, priorities, preemption, signal
   routes and their policies, HA link encryption (IKEv2-only gateway, VPN
   marked ha-link-encryption matching the peer's vpn-profile), VPNs on SRG1
   and the floating IP on lo0. Each error or warning names file and line.
2. Derives the model's parameters from the pair and prints them, with the
   lines they come from. Where the configuration is per node and the model
   has one switch for the pair, a warning says what the model does instead.
3. Checks every property of the model in up to three runs (SRG1 control
   plane with every fault; one SRG0 session; IPsec when SRG1 carries VPNs)
   and, for each violation, gives the shortest trace (ITF file and viewer
   page), the configuration lines that made it possible and what would
   remove it.

options:
  --faults LIST     comma-separated fault classes to consider, narrowing the
                    default (every class the configuration makes possible):
                    ${FAULT_NAMES.join(', ')}
  --out DIR         where traces and viewer pages go (default ${DEFAULT_OUT});
                    with --out, DIR also gets the derived scenario
                    (config-scenario.ts, derived.json) and its TLA+ files
                    (MNHA.tla, MC_config_<run>.tla/.cfg) for TLC
  --json            print one JSON object: nodes, derived, findings, warnings
  --text            print each violation's trace as text too (the story
                    'ha-verify view --text' prints)
  --icl-loss MODE   what the active node does when it loses the ICL:
                    withdraw (default, the documentation's reading) or
                    keep-and-probe (later releases)
  --route-convergence MODE  instant (default) or async routers
  --tie-break NODE  the node the routers prefer on equal preference (n1, the
                    first file, by default)
  --quiet           no progress lines on stderr

Bad input (a missing, empty, binary or oversized file, a folder, a line the
reader refuses, a pair that cannot work such as the same local-id on both
nodes) is one line on stderr naming the file and line; with --json, stdout
also gets {"errors": [{"code", "message", "lines"}]}.

exit status: 0 no property violated; 1 a property violated (or the check
was interrupted); 2 a configuration or usage error.`;

/** `srg1-monitor` and `srg1Monitor` both name the fault class srg1Monitor. */
function faultName(word: string): FaultName {
  const camel = word.trim().replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const found = FAULT_NAMES.find((f) => f.toLowerCase() === camel.toLowerCase());
  if (found === undefined) throw new UsageError(`--faults: unknown fault '${word}' (one of: ${FAULT_NAMES.join(', ')})`);
  return found;
}

function choice<T extends string>(option: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${option} must be ${allowed.join(' or ')}, not '${String(value)}'`);
  return value as T;
}

/** One reason the pair was refused, as `--json` prints it. */
export interface ConfigRefusal {
  /** Stable: `file` (a file that cannot be read or that the reader refuses), a pair check's code, or `faults`. */
  readonly code: string;
  readonly message: string;
  readonly lines: readonly LineRef[];
}

/**
 * Writes each refusal on stderr as one `ha-verify config:` line and, with
 * `--json`, also prints `{"errors": [...]}` on stdout, so that a script
 * reading stdout sees why there is no report (the exit status stays 2).
 */
function refuse(refusals: readonly ConfigRefusal[], json: boolean): number {
  for (const r of refusals) process.stderr.write(`ha-verify config: ${r.message}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ errors: refusals }, null, 2)}\n`);
  return EXIT_USAGE;
}

export const command: Command = {
  summary: 'check a deployment: a Junos configuration pair in, derived model, risks and traces out',
  help: HELP,
  async run(argv) {
    const { options, positional } = parseArgs(argv, {
      json: { type: 'boolean' }, text: { type: 'boolean' }, out: { type: 'string' }, faults: { type: 'string' },
      'icl-loss': { type: 'string' }, 'route-convergence': { type: 'string' }, 'tie-break': { type: 'string' }, quiet: { type: 'boolean' },
    });
    if (positional.length !== 2) {
      throw new UsageError(positional.length < 2 ? 'give the two nodes\' configuration files: ha-verify config N1 N2' : `unexpected argument '${positional[2]}'`);
    }
    const faults = options.faults === undefined ? undefined : [...new Set(String(options.faults).split(',').filter((w) => w.trim() !== '').map(faultName))];
    const iclLossAtActive = choice('icl-loss', options['icl-loss'], ['withdraw', 'keep-and-probe'] as const);
    const routeConvergence = choice('route-convergence', options['route-convergence'], ['instant', 'async'] as const);
    const tieBreak = choice('tie-break', options['tie-break'], ['n1', 'n2'] as const);
    const outGiven = options.out as string | undefined;
    const outDir = outGiven ?? DEFAULT_OUT;
    await requireWritableFolder('--out', outDir);
    const say = options.quiet === true ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);

    const read = await Promise.all([readNodeFile(positional[0]!), readNodeFile(positional[1]!)]);
    const failed = read.flatMap((r) => (r.ok ? [] : [r.error]));
    const json = options.json === true;
    if (failed.length > 0) return refuse(failed.map((message) => ({ code: 'file', message, lines: [] })), json);
    const [n1, n2] = read.map((r) => (r as { node: NodeFile }).node) as [NodeFile, NodeFile];
    const pair = { n1, n2 };
    const issues = checkPair(pair);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) return refuse(errors.map((e) => ({ code: e.code, message: e.message, lines: e.lines })), json);
    const derived = deriveModel(pair, {
      ...(faults === undefined ? {} : { faults }),
      ...(iclLossAtActive === undefined ? {} : { iclLossAtActive }),
      ...(routeConvergence === undefined ? {} : { routeConvergence }),
      ...(tieBreak === undefined ? {} : { tieBreak }),
    });
    if (!derived.ok) return refuse([{ code: 'faults', message: derived.error, lines: [] }], json);
    const model = derived.model;

    if (outGiven !== undefined) {
      const files = await scenarioFiles(model, outGiven, [n1.path, n2.path]);
      if (!files.ok) {
        process.stderr.write(`ha-verify config: the derived scenario could not be exported: ${files.error}\n`);
        return EXIT_MISMATCH;
      }
      for (const [name, text] of files.files) await writeFileAtomic(join(outGiven, name), text);
      say(`wrote the derived scenario and its TLA+ files to ${outGiven}/`);
    }

    const interrupt = interruptSignal();
    try {
      const check = await checkDerived(pair, model, {
        outDir, stories: options.text === true, signal: interrupt.signal,
        onRun: (run) => say(`checking the ${run.name} run: ${run.purpose}...`),
      });
      const report = buildConfigReport(pair, model, check, issues);
      process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : configText(report, options.text === true));
      return report.violations === 0 && report.complete ? EXIT_OK : EXIT_MISMATCH;
    } finally {
      interrupt.dispose();
    }
  },
};
