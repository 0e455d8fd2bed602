/**
 * A fake `java` that plays back real TLC output of the exported MNHA spec
 * for `router-fault` (test/tla/fixtures, see its README), for tests of the
 * TLC engine and of `check --engine tlc|both` without TLC.
 */
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The recorded outputs of the exported spec. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The recorded outputs of TLC and Java on other inputs. */
export const TLC_FIXTURES = fileURLToPath(new URL('../fixtures/tlc/', import.meta.url));

/**
 * Plays run 1 (NoSplitBrain violated, with its -dumpTrace file unless
 * FAKE_NO_DUMP is set) while the config lists NoSplitBrain, the environment
 * run (AvailableDuringIclOutage violated, a lasso, exit 13) for the
 * configuration whose specification is SpecNothingRepaired, run 2 (no error,
 * progress every 2 s) otherwise. FAKE_MODE changes run 2: `hang` prints its
 * first 68 lines (ten progress reports) and waits; `sigkill` prints them and
 * is killed; `not-tlc` makes every run say what Java says for a jar without TLC.
 */
const FAKE_JAVA = `#!/bin/sh
prev=''
for a in "$@"; do
  [ "$prev" = "-config" ] && cfg="$a"
  [ "$prev" = "json" ] && dump="$a"
  prev="$a"
done
printf '=== %s\\n' "$cfg" >> "$FAKE_LOG"
cat "$cfg" >> "$FAKE_LOG"
if [ "$FAKE_MODE" = not-tlc ]; then cat "$TLC_FIXTURES/not-tlc.stderr" >&2; exit 1; fi
if grep -q '^  NoSplitBrain$' "$cfg"; then
  if [ -n "$FAKE_OLD" ]; then cat "$FIXTURES/router-fault.run1.tool.out"; exit 12; fi
  cat "$FIXTURES/router-fault.dump1.tool.out"
  [ -z "$FAKE_NO_DUMP" ] && cp "$FIXTURES/router-fault.dump1.trace.json" "$dump"
  exit 12
fi
if grep -q '^SPECIFICATION SpecNothingRepaired$' "$cfg"; then
  cat "$FIXTURES/router-fault.env3.tool.out"
  [ -z "$FAKE_NO_DUMP" ] && cp "$FIXTURES/router-fault.env3.trace.json" "$dump"
  exit 13
fi
case "$FAKE_MODE" in
  hang) head -n 68 "$FIXTURES/router-fault.progress2.tool.out"; sleep 1000 & wait; exit 0 ;;
  sigkill) head -n 68 "$FIXTURES/router-fault.progress2.tool.out"; kill -KILL $$ ;;
esac
cat "$FIXTURES/router-fault.progress2.tool.out"
exit 0
`;

/** A folder holding the fake `java` (its own folder goes first on PATH), a jar that is not one, and a log. */
export interface FakeMnhaTlc {
  readonly dir: string;
  readonly java: string;
  readonly jar: string;
  /** Each run's config, after a `=== <path>` line. */
  readonly log: string;
  /** An environment for the fake (and for `ha-verify` run with it): `extra` wins. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

/** Makes a fresh fake in a temporary folder. */
export async function makeFakeMnhaTlc(): Promise<FakeMnhaTlc> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-tlc-engine-'));
  const java = join(dir, 'java');
  const jar = join(dir, 'tla2tools.jar');
  const log = join(dir, 'log');
  await writeFile(java, FAKE_JAVA);
  await chmod(java, 0o755);
  await writeFile(jar, 'not a jar');
  return {
    dir, java, jar, log,
    env: (extra = {}) => ({ ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, TLA2TOOLS_JAR: jar, FAKE_LOG: log, FIXTURES, TLC_FIXTURES, ...extra }),
  };
}
