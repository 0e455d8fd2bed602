/**
 * Running TLC: spawns
 *
 * ```
 * java -XX:+UseParallelGC -Djava.io.tmpdir=<run>/tmp [-Dtlc2.TLC.progressInterval=S]
 *      [jvmArgs] -cp JAR tlc2.TLC -tool -workers N -metadir <run>/meta
 *      [-deadlock] [-continue] [-noGenerateSpecTE] [-lncheck final]
 *      -config C.cfg [-dumpTrace json F] [extraArgs] SPEC.tla
 * ```
 *
 * in the spec's folder, streams its messages as they arrive, honours a
 * timeout and an AbortSignal by ending TLC's whole process group, and
 * returns the parsed output with the classification of the exit status.
 * `<run>` is a private temporary folder removed in every outcome: TLC's
 * metadir, and Java's temp folder, where TLC unpacks the standard modules
 * into a `tlc-*` folder it never removes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { type TlcResult, tlcFailure } from './errors.js';
import { type TlcExitClass, classifyTlcExit } from './exit-codes.js';
import { type TlcLocation, locateTlc } from './locate.js';
import { interpretToolItems, readProgress } from './output-parser.js';
import type { TlcOutput, TlcProgress } from './output-types.js';
import { guardProcessGroup, killProcessGroup } from './process-group.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
import { type ToolItem, type ToolMessage, ToolOutputSplitter } from './tool-messages.js';

/** Options of {@link runTlc}. */
export interface TlcRunOptions {
  /** The `.tla` file to check. TLC runs in its folder. */
  readonly spec: string;
  /** The `.cfg` file; default: the spec's path with `.cfg` for `.tla`. */
  readonly config?: string;
  /** tla2tools.jar; default `TLA2TOOLS_JAR` (see `locate.ts`). */
  readonly jar?: string;
  /** The java executable; default the one on `PATH`. */
  readonly java?: string;
  /** Worker threads (`-workers`); default 1, which keeps runs reproducible. */
  readonly workers?: number | 'auto';
  /** Check for deadlock (default `true`); `false` passes `-deadlock`, which turns the check off. */
  readonly checkDeadlock?: boolean;
  /** Go on after a violation to report more (`-continue`). */
  readonly continueAfterViolation?: boolean;
  /** Write the counterexample as JSON to this file (`-dumpTrace json F`). */
  readonly dumpTrace?: string;
  /**
   * Let TLC write its `<Module>_TTrace_<time>.tla` trace-exploration spec
   * beside the spec on a violation. Default `false` (passes
   * `-noGenerateSpecTE`), so that a generated `specs/` folder stays clean.
   */
  readonly traceSpec?: boolean;
  /**
   * Seconds between TLC's progress reports (`-Dtlc2.TLC.progressInterval`);
   * TLC's default is 60. Pair a short interval with `livenessCheck: 'final'`:
   * TLC also checks liveness on the partial graph at every report.
   */
  readonly progressIntervalSeconds?: number;
  /** `final` (`-lncheck final`) checks liveness once, on the complete state graph; default TLC's own (periodically too). */
  readonly livenessCheck?: 'default' | 'final';
  /** More TLC arguments, before the spec (e.g. `['-simulate', 'num=3']`). */
  readonly extraArgs?: readonly string[];
  /** More JVM arguments, before `-cp` (e.g. `['-Xmx4g']`). */
  readonly jvmArgs?: readonly string[];
  /** End TLC after this many milliseconds. */
  readonly timeoutMs?: number;
  /** End TLC when this is aborted (wire Ctrl-C to it). */
  readonly signal?: AbortSignal;
  /** Time TLC is given to end after SIGTERM before SIGKILL; default 5000 ms. */
  readonly killGraceMs?: number;
  /** Called with every message, as it arrives. */
  readonly onMessage?: (message: ToolMessage) => void;
  /** Called with every progress report, as it arrives. */
  readonly onProgress?: (progress: TlcProgress) => void;
  /** Environment of TLC and of the search for Java and the jar; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** One finished (or stopped) TLC run. */
export interface TlcRun {
  /** The command that ran: java first. */
  readonly command: readonly string[];
  /** The folder it ran in (the spec's). */
  readonly cwd: string;
  /** The parsed `-tool` output (an `incomplete` outcome if TLC was stopped early). */
  readonly output: TlcOutput;
  /** What the exit status means. */
  readonly exit: TlcExitClass;
  readonly exitCode: number | null;
  readonly exitSignal: string | null;
  /** Set when ha-verify ended TLC: on the timeout or on the AbortSignal. */
  readonly stopped?: 'timeout' | 'aborted';
  /** What TLC wrote on stderr (the JVM's own errors), at most 64 KiB. */
  readonly stderr: string;
  /** Wall time of the run, in milliseconds. */
  readonly wallTimeMs: number;
}

const STDERR_LIMIT = 64 * 1024;

/** The TLC part of the command line for `spec` run in `cwd` (pure; see the module comment). */
export function buildTlcArgs(
  options: TlcRunOptions,
  location: TlcLocation,
  paths: { readonly cwd: string; readonly spec: string; readonly config: string; readonly metadir: string; readonly javaTmp?: string },
): string[] {
  return [
    '-XX:+UseParallelGC',
    ...(paths.javaTmp !== undefined ? [`-Djava.io.tmpdir=${paths.javaTmp}`] : []),
    ...(options.progressIntervalSeconds !== undefined ? [`-Dtlc2.TLC.progressInterval=${Math.max(1, Math.round(options.progressIntervalSeconds))}`] : []),
    ...(options.jvmArgs ?? []),
    '-cp',
    location.jar,
    'tlc2.TLC',
    '-tool',
    '-workers',
    String(options.workers ?? 1),
    '-metadir',
    paths.metadir,
    ...(options.checkDeadlock === false ? ['-deadlock'] : []),
    ...(options.continueAfterViolation ? ['-continue'] : []),
    ...(options.traceSpec ? [] : ['-noGenerateSpecTE']),
    ...(options.livenessCheck === 'final' ? ['-lncheck', 'final'] : []),
    '-config',
    relative(paths.cwd, paths.config),
    ...(options.dumpTrace !== undefined ? ['-dumpTrace', 'json', resolve(options.dumpTrace)] : []),
    ...(options.extraArgs ?? []),
    basename(paths.spec),
  ];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs TLC on a spec. Fails (`TLC_NOT_AVAILABLE`, `TLC_SPEC_NOT_FOUND`,
 * `TLC_SPAWN_FAILED`) only when TLC could not run at all; a run that TLC
 * ended with an error, or that was stopped, is a successful result whose
 * `output.outcome`, `exit` and `stopped` say what happened.
 */
export async function runTlc(options: TlcRunOptions): Promise<TlcResult<TlcRun>> {
  const env = options.env ?? process.env;
  const located = await locateTlc({ env, ...(options.jar !== undefined ? { jar: options.jar } : {}), ...(options.java !== undefined ? { java: options.java } : {}) });
  if (!located.ok) return { ok: false, error: located.error };
  const spec = resolve(options.spec);
  const config = resolve(options.config ?? spec.replace(/\.tla$/, '') + '.cfg');
  for (const [what, path] of [['spec', spec], ['config', config]] as const) {
    if (!(await isFile(path))) {
      return tlcFailure('TLC_SPEC_NOT_FOUND', `cannot run TLC: the ${what} file ${path} does not exist`, `check the path, or run 'ha-verify export' to generate specs/`);
    }
  }
  const cwd = dirname(spec);
  const run = await makeTempDir('ha-verify-tlc-');
  try {
    const metadir = join(run, 'meta');
    const javaTmp = join(run, 'tmp');
    await mkdir(javaTmp);
    const args = buildTlcArgs(options, located.value, { cwd, spec, config, metadir, javaTmp });
    return await spawnAndCollect(located.value.java, args, cwd, env, options);
  } finally {
    await removeTempDir(run);
  }
}

function spawnAndCollect(
  java: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: TlcRunOptions,
): Promise<TlcResult<TlcRun>> {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    let child: ChildProcess;
    try {
      child = spawn(java, args, { cwd, env, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      resolvePromise(tlcFailure('TLC_SPAWN_FAILED', `cannot start ${java}: ${(e as Error).message}`, 'check the java installation'));
      return;
    }
    const release = guardProcessGroup(child);
    const splitter = new ToolOutputSplitter();
    const items: ToolItem[] = [];
    let stderr = '';
    let stopped: 'timeout' | 'aborted' | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let spawnError: Error | undefined;

    const deliver = (batch: readonly ToolItem[]): void => {
      for (const item of batch) {
        items.push(item);
        if (item.kind !== 'message') continue;
        options.onMessage?.(item);
        const p = readProgress(item);
        if (p) options.onProgress?.(p);
      }
    };
    const stop = (why: 'timeout' | 'aborted'): void => {
      if (stopped || child.exitCode !== null || child.signalCode !== null) return;
      stopped = why;
      killProcessGroup(child, 'SIGTERM');
      graceTimer = setTimeout(() => killProcessGroup(child, 'SIGKILL'), options.killGraceMs ?? 5000);
    };
    const onAbort = (): void => stop('aborted');
    const timer = options.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) stop('aborted');

    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => deliver(splitter.push(chunk)));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.slice(0, STDERR_LIMIT - stderr.length);
    });
    child.on('error', (e) => {
      spawnError = e;
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      release();
      // A group member that outlived TLC must not outlive the run.
      if (stopped) killProcessGroup(child, 'SIGKILL');
      if (spawnError && child.pid === undefined) {
        const reason = (spawnError as NodeJS.ErrnoException).code ?? spawnError.message;
        resolvePromise(tlcFailure('TLC_SPAWN_FAILED', `cannot start ${java}: ${reason}`, 'check that java is installed and executable'));
        return;
      }
      deliver(splitter.end());
      resolvePromise({
        ok: true,
        value: {
          command: [java, ...args],
          cwd,
          output: interpretToolItems(items),
          exit: classifyTlcExit(code, signal),
          exitCode: code,
          exitSignal: signal,
          ...(stopped ? { stopped } : {}),
          stderr,
          wallTimeMs: Date.now() - started,
        },
      });
    });
  });
}
