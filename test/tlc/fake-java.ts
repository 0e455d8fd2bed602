/**
 * A fake `java` for runner tests: a shell script put first on PATH. It logs
 * its folder and arguments, creates a file in the metadir as TLC does, then
 * depending on FAKE_TLC_MODE:
 * - `print`: prints FAKE_TLC_FIXTURE (and FAKE_TLC_STDERR, a file, on
 *   stderr), copies FAKE_TLC_DUMP to the `-dumpTrace json` path if set,
 *   exits with FAKE_TLC_EXIT;
 * - `print-hang`: prints FAKE_TLC_FIXTURE, then waits as `hang` does (a TLC
 *   that has reported progress and is still running);
 * - `sigkill`: prints FAKE_TLC_FIXTURE, then kills itself with SIGKILL (as the
 *   kernel's out-of-memory killer does);
 * - `hang`: starts a grandchild `sleep`, writes both pids to FAKE_TLC_PIDS,
 *   prints a version and a progress message, and waits forever;
 * - `stubborn`: as `hang`, but ignoring SIGTERM (so only SIGKILL ends it).
 */
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = `#!/bin/sh
printf '%s\\n' "$PWD" > "$FAKE_TLC_LOG"
prev=''
meta=''
dump=''
for a in "$@"; do
  printf '%s\\n' "$a" >> "$FAKE_TLC_LOG"
  [ "$prev" = "-metadir" ] && meta="$a"
  [ "$prev" = "json" ] && dump="$a"
  prev="$a"
done
[ -n "$meta" ] && mkdir -p "$meta/26-11-25-14-08-02" && echo states > "$meta/26-11-25-14-08-02/queue"
case "$FAKE_TLC_MODE" in
  print)
    cat "$FAKE_TLC_FIXTURE"
    [ -n "$FAKE_TLC_STDERR" ] && cat "$FAKE_TLC_STDERR" >&2
    [ -n "$FAKE_TLC_DUMP" ] && [ -n "$dump" ] && cp "$FAKE_TLC_DUMP" "$dump"
    exit "$FAKE_TLC_EXIT"
    ;;
  print-hang)
    cat "$FAKE_TLC_FIXTURE"
    sleep 1000 &
    echo "$$ $!" > "$FAKE_TLC_PIDS"
    wait
    ;;
  sigkill)
    cat "$FAKE_TLC_FIXTURE"
    kill -KILL $$
    ;;
  hang|stubborn)
    [ "$FAKE_TLC_MODE" = stubborn ] && trap '' TERM
    sleep 1000 &
    echo "$$ $!" > "$FAKE_TLC_PIDS"
    printf '@!@!@STARTMSG 2262:0 @!@!@\\nTLC2 Version fake\\n@!@!@ENDMSG 2262 @!@!@\\n'
    printf '@!@!@STARTMSG 2200:0 @!@!@\\nProgress(1) at now: 1 states generated, 1 distinct states found, 1 states left on queue.\\n@!@!@ENDMSG 2200 @!@!@\\n'
    wait
    sleep 1000
    ;;
esac
exit 99
`;

/** A folder holding the fake `java`, a fake jar, a spec and its config. */
export interface FakeTlc {
  readonly dir: string;
  readonly bin: string;
  readonly jar: string;
  readonly spec: string;
  readonly config: string;
  readonly log: string;
  readonly pids: string;
  /** The environment that puts the fake first on PATH. */
  env(extra: Record<string, string>): NodeJS.ProcessEnv;
  /** What the fake logged: its folder, then its arguments. */
  logged(): Promise<{ cwd: string; args: string[] }>;
  /** The pids of the fake java and its grandchild. */
  started(): Promise<number[]>;
}

/** Makes a fresh fake TLC installation in a temporary folder. */
export async function makeFakeTlc(): Promise<FakeTlc> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-tlc-'));
  const bin = join(dir, 'bin');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(bin);
  await mkdir(join(dir, 'specs'));
  await writeFile(join(bin, 'java'), SCRIPT);
  await chmod(join(bin, 'java'), 0o755);
  const jar = join(dir, 'tla2tools.jar');
  await writeFile(jar, 'not really a jar');
  const spec = join(dir, 'specs', 'Spec.tla');
  const config = join(dir, 'specs', 'Spec.cfg');
  await writeFile(spec, '---- MODULE Spec ----\n====\n');
  await writeFile(config, 'INIT Init\nNEXT Next\n');
  const log = join(dir, 'log');
  const pids = join(dir, 'pids');
  return {
    dir,
    bin,
    jar,
    spec,
    config,
    log,
    pids,
    env: (extra) => ({ ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, TLA2TOOLS_JAR: jar, FAKE_TLC_LOG: log, FAKE_TLC_PIDS: pids, ...extra }),
    logged: async () => {
      const [cwd, ...args] = (await readFile(log, 'utf8')).split('\n').slice(0, -1);
      return { cwd, args };
    },
    started: async () => (await readFile(pids, 'utf8')).trim().split(/\s+/).map(Number),
  };
}

/** Whether a process is alive (a zombie is not). */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
