/**
 * `ha-verify tlc-install`: downloads the pinned tla2tools.jar into the cache
 * and prints the `export TLA2TOOLS_JAR=...` line to use.
 */
import { type Command, UsageError } from '../command.js';
import { requireWritableFolder } from '../output-paths.js';
import {
  TLA2TOOLS_SHA256_ENV,
  TLA2TOOLS_URL,
  TLA2TOOLS_V1_8_0_SHA256,
  TLA2TOOLS_VERSION,
  defaultCacheDir,
  installTla2tools,
  type InstallOptions,
} from '../../tlc/install.js';

const HELP = `usage: ha-verify tlc-install [options]

Downloads tla2tools.jar ${TLA2TOOLS_VERSION} (TLC) from
  ${TLA2TOOLS_URL}
into the cache folder, checks its SHA-256 against the pinned one
  ${TLA2TOOLS_V1_8_0_SHA256}
and prints the line to export:
  export TLA2TOOLS_JAR=...
A download with another SHA-256 is refused (nothing is installed); the
message names both digests. Needs internet: offline it fails in one line.

options:
  --cache-dir DIR   where to put the jar (default: ${defaultCacheDir()})
  --sha256 HEX      the SHA-256 the download must have, instead of the pinned one
                    (also ${TLA2TOOLS_SHA256_ENV}=HEX), e.g. after the release asset was rebuilt
  --no-verify       trust the download without checking its SHA-256
  --url URL         download from URL instead (a mirror, a local copy server)
  --force           download again even if the jar is already in the cache
  --help            show this help

Exit status: 0 when the jar is in place, 1 when it could not be installed
(offline, HTTP error, SHA-256 mismatch), 2 for a usage error (an unknown
option, a --sha256 that is not 64 hex digits, a --cache-dir that cannot be
written).`;

/** Reads the command's arguments into install options. */
export function parseTlcInstallArgs(argv: readonly string[]): InstallOptions {
  const opts: { -readonly [K in keyof InstallOptions]: InstallOptions[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--cache-dir':
        opts.cacheDir = value();
        break;
      case '--sha256':
        opts.sha256 = value();
        if (!/^[0-9a-fA-F]{64}$/.test(opts.sha256)) throw new UsageError(`--sha256 takes 64 hex digits, not '${opts.sha256}'`);
        break;
      case '--url':
        opts.url = value();
        break;
      case '--no-verify':
        opts.verify = false;
        break;
      case '--force':
        opts.force = true;
        break;
      default:
        throw new UsageError(`unknown option '${a}' (see 'ha-verify tlc-install --help')`);
    }
  }
  return opts;
}

/** The `tlc-install` sub-command (see {@link HELP} for its options). */
export const command: Command = {
  summary: `download TLC (tla2tools.jar ${TLA2TOOLS_VERSION}) and print the TLA2TOOLS_JAR line`,
  help: HELP,
  async run(argv) {
    const options = parseTlcInstallArgs(argv);
    await requireWritableFolder('--cache-dir', options.cacheDir ?? defaultCacheDir());
    const controller = new AbortController();
    const onInt = (): void => controller.abort();
    process.once('SIGINT', onInt);
    try {
      if (!options.force) process.stderr.write(`installing tla2tools.jar ${TLA2TOOLS_VERSION}...\n`);
      const r = await installTla2tools({ ...options, signal: controller.signal });
      if (!r.ok) {
        process.stderr.write(`ha-verify tlc-install: ${r.error.code}: ${r.error.message}\n  ${r.error.hint}\n`);
        return 1;
      }
      const v = r.value;
      const how = v.alreadyPresent ? 'already installed' : 'installed';
      const check = v.verified ? 'SHA-256 verified' : `SHA-256 NOT verified: ${v.sha256}`;
      process.stderr.write(`${how}: ${v.jar} (${check})\n`);
      process.stdout.write(`${v.exportLine}\n`);
      return 0;
    } finally {
      process.off('SIGINT', onInt);
    }
  },
};
