/**
 * The runner against a fake `java` (TLC is not installed here), and against
 * the real TLC when TLA2TOOLS_JAR is set.
 */
import { copyFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { readDumpTraceFile } from '../../src/tlc/dump-trace.js';
import { findJava, locateTlc } from '../../src/tlc/locate.js';
import type { TlcProgress } from '../../src/tlc/output-types.js';
import { type TlcRun, buildTlcArgs, runTlc } from '../../src/tlc/runner.js';
import { dumpTraceToItf } from '../../src/tlc/to-itf.js';
import type { ToolMessage } from '../../src/tlc/tool-messages.js';
import { type FakeTlc, isAlive, makeFakeTlc } from './fake-java.js';
import { FIXTURES } from './fixtures.js';

let fake: FakeTlc;
beforeEach(async () => {
  fake = await makeFakeTlc();
});
afterEach(async () => {
  await rm(fake.dir, { recursive: true, force: true });
});

function printing(fixture: string, exit: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return fake.env({ FAKE_TLC_MODE: 'print', FAKE_TLC_FIXTURE: join(FIXTURES, fixture), FAKE_TLC_EXIT: String(exit), ...extra });
}

async function run(options: Parameters<typeof runTlc>[0]): Promise<TlcRun> {
  const r = await runTlc(options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The metadir the fake was given, from its log. */
async function metadirOf(): Promise<string> {
  const { args } = await fake.logged();
  return args[args.indexOf('-metadir') + 1];
}

describe('buildTlcArgs', () => {
  const loc = { java: '/usr/bin/java', jar: '/opt/tla2tools.jar' };
  const paths = { cwd: '/w/specs', spec: '/w/specs/Spec.tla', config: '/w/specs/Spec.cfg', metadir: '/tmp/m' };

  it('builds the documented command line', () => {
    expect(buildTlcArgs({ spec: 'x' }, loc, paths)).toEqual([
      '-XX:+UseParallelGC', '-cp', '/opt/tla2tools.jar', 'tlc2.TLC', '-tool', '-workers', '1', '-metadir', '/tmp/m',
      '-noGenerateSpecTE', '-config', 'Spec.cfg', 'Spec.tla',
    ]);
  });

  it('gives Java a private temp folder, a progress interval and final liveness checking when asked', () => {
    const args = buildTlcArgs({ spec: 'x', progressIntervalSeconds: 2, livenessCheck: 'final' }, loc, { ...paths, javaTmp: '/tmp/r/tmp' });
    expect(args).toEqual([
      '-XX:+UseParallelGC', '-Djava.io.tmpdir=/tmp/r/tmp', '-Dtlc2.TLC.progressInterval=2', '-cp', '/opt/tla2tools.jar', 'tlc2.TLC', '-tool',
      '-workers', '1', '-metadir', '/tmp/m', '-noGenerateSpecTE', '-lncheck', 'final', '-config', 'Spec.cfg', 'Spec.tla',
    ]);
  });

  it('adds the optional flags in order', () => {
    const args = buildTlcArgs(
      {
        spec: 'x',
        workers: 'auto',
        checkDeadlock: false,
        continueAfterViolation: true,
        traceSpec: true,
        dumpTrace: '/tmp/t.json',
        jvmArgs: ['-Xmx1g'],
        extraArgs: ['-simulate', 'num=3'],
      },
      loc,
      { ...paths, config: '/w/other/Other.cfg' },
    );
    expect(args).toEqual([
      '-XX:+UseParallelGC', '-Xmx1g', '-cp', '/opt/tla2tools.jar', 'tlc2.TLC', '-tool', '-workers', 'auto', '-metadir', '/tmp/m',
      '-deadlock', '-continue', '-config', '../other/Other.cfg', '-dumpTrace', 'json', '/tmp/t.json', '-simulate', 'num=3', 'Spec.tla',
    ]);
  });
});

describe('locateTlc', () => {
  it('says in one line that the jar is missing and how to get one', async () => {
    const r = await locateTlc({ env: { PATH: fake.bin } });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'TLC_NOT_AVAILABLE',
        missing: 'jar',
        message: "TLC not available: set TLA2TOOLS_JAR to a tla2tools.jar (run 'npm run tlc:install' to download one)",
      },
    });
  });

  it('says when TLA2TOOLS_JAR points nowhere', async () => {
    const r = await locateTlc({ env: { PATH: fake.bin, TLA2TOOLS_JAR: join(fake.dir, 'nope.jar') } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.missing).toBe('jar');
      expect(r.error.message).toContain('nope.jar, which is not a file');
      expect(r.error.message).not.toContain('\n');
    }
  });

  it('says when java is missing', async () => {
    const r = await locateTlc({ env: { PATH: fake.dir, TLA2TOOLS_JAR: fake.jar } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.missing).toBe('java');
      expect(r.error.message).toBe("TLC not available: no 'java' on PATH (install a Java 11+ runtime, e.g. 'apt-get install default-jre-headless')");
    }
    const explicit = await locateTlc({ java: join(fake.dir, 'no-java'), jar: fake.jar, env: {} });
    expect(explicit).toMatchObject({ ok: false, error: { missing: 'java' } });
  });

  it('finds java on PATH, then JAVA_HOME, and an explicit jar', async () => {
    expect(await locateTlc({ env: { PATH: `${fake.dir}:${fake.bin}`, TLA2TOOLS_JAR: fake.jar } })).toEqual({
      ok: true,
      value: { java: join(fake.bin, 'java'), jar: fake.jar },
    });
    expect(await locateTlc({ jar: fake.jar, env: { PATH: '', JAVA_HOME: fake.dir } })).toEqual({
      ok: true,
      value: { java: join(fake.bin, 'java'), jar: fake.jar },
    });
  });
});

describe('runTlc with a fake java', () => {
  it('runs in the spec folder, streams messages and progress, parses the result, removes the metadir', async () => {
    const messages: ToolMessage[] = [];
    const progress: TlcProgress[] = [];
    const r = await run({
      spec: fake.spec,
      env: printing('inv.tool.out', 12),
      onMessage: (m) => messages.push(m),
      onProgress: (p) => progress.push(p),
    });
    const { cwd, args } = await fake.logged();
    expect(cwd).toBe(join(fake.dir, 'specs'));
    expect(r.cwd).toBe(cwd);
    expect(r.command).toEqual([join(fake.bin, 'java'), ...args]);
    expect(args[1]).toMatch(/^-Djava\.io\.tmpdir=.*ha-verify-tlc-/);
    expect([args[0], ...args.slice(2, 9)]).toEqual(['-XX:+UseParallelGC', '-cp', fake.jar, 'tlc2.TLC', '-tool', '-workers', '1', '-metadir']);
    expect(args.slice(-3)).toEqual(['-config', 'Spec.cfg', 'Spec.tla']);
    expect(await exists(await metadirOf())).toBe(false);

    expect(r.exitCode).toBe(12);
    expect(r.exit).toMatchObject({ kind: 'violation', violation: 'safety' });
    expect(r.stopped).toBeUndefined();
    expect(r.output.outcome).toMatchObject({ kind: 'invariant-violated', name: 'NoSplitBrain' });
    expect(messages.map((m) => m.code)).toEqual(
      r.output.items.filter((i): i is ToolMessage => i.kind === 'message').map((m) => m.code),
    );
    expect(progress).toEqual([{ depth: 5, generated: 116, distinct: 58, leftOnQueue: 23 }]);
  });

  it.each([
    ['inv.tool.out', 12, 'invariant-violated', 'violation'],
    ['live.tool.out', 13, 'property-violated', 'violation'],
    ['ok.tool.out', 13, 'property-violated', 'violation'],
    ['dead.tool.out', 0, 'success', 'success'],
    ['deadlock.tool.out', 0, 'success', 'success'],
    ['Deadlock.tool.out', 11, 'deadlock', 'violation'],
    ['ParseError.tool.out', 150, 'parse-error', 'error'],
    ['SemanticError.tool.out', 150, 'semantic-error', 'error'],
    ['RuntimeError.tool.out', 255, 'evaluation-error', 'error'],
    ['missing.tool.out', 150, 'file-not-found', 'error'],
    ['simulate.tool.out', 0, 'simulation-ok', 'success'],
  ])('reports %s (exit %i) as %s', async (fixture, code, outcome, exit) => {
    const r = await run({ spec: fake.spec, env: printing(fixture, code) });
    expect(r.output.outcome.kind).toBe(outcome);
    expect(r.exit.kind).toBe(exit);
    expect(r.exitCode).toBe(code);
  });

  it('passes -dumpTrace and the written trace converts to ITF', async () => {
    const out = join(fake.dir, 'ok.trace.json');
    const r = await run({ spec: fake.spec, dumpTrace: out, env: printing('ok.tool.out', 13, { FAKE_TLC_DUMP: join(FIXTURES, 'ok.dumptrace.json') }) });
    expect(r.command).toContain(out);
    const dump = await readDumpTraceFile(out);
    expect(dump.ok).toBe(true);
    if (!dump.ok) return;
    const itf = dumpTraceToItf(dump.value);
    expect(itf.ok && itf.value.loop).toBe(4);
  });

  it('ends the whole process group on abort, as soon as asked, and cleans up', async () => {
    const controller = new AbortController();
    const r = await run({
      spec: fake.spec,
      env: fake.env({ FAKE_TLC_MODE: 'hang' }),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(r.stopped).toBe('aborted');
    expect(r.exit).toMatchObject({ kind: 'killed', signal: 'SIGTERM' });
    expect(r.output.version).toBe('fake');
    expect(r.output.outcome).toEqual({ kind: 'incomplete' });
    const [javaPid, grandchild] = await fake.started();
    await vi.waitFor(async () => {
      expect(await isAlive(javaPid)).toBe(false);
      expect(await isAlive(grandchild)).toBe(false);
    });
    expect(await exists(await metadirOf())).toBe(false);
  });

  it('ends TLC on the timeout', async () => {
    const r = await run({ spec: fake.spec, env: fake.env({ FAKE_TLC_MODE: 'hang' }), timeoutMs: 200 });
    expect(r.stopped).toBe('timeout');
    expect(r.exit.kind).toBe('killed');
    const [javaPid, grandchild] = await fake.started();
    await vi.waitFor(async () => {
      expect(await isAlive(javaPid)).toBe(false);
      expect(await isAlive(grandchild)).toBe(false);
    });
  });

  it('uses SIGKILL when TLC ignores SIGTERM', async () => {
    const controller = new AbortController();
    const r = await run({
      spec: fake.spec,
      env: fake.env({ FAKE_TLC_MODE: 'stubborn' }),
      signal: controller.signal,
      killGraceMs: 100,
      onProgress: () => controller.abort(),
    });
    expect(r.stopped).toBe('aborted');
    expect(r.exit).toMatchObject({ kind: 'killed', signal: 'SIGKILL' });
    const [javaPid, grandchild] = await fake.started();
    await vi.waitFor(async () => {
      expect(await isAlive(javaPid)).toBe(false);
      expect(await isAlive(grandchild)).toBe(false);
    });
  });

  it('reports a TLC killed by someone else (SIGKILL) as killed, not as stopped', async () => {
    const r = await run({ spec: fake.spec, env: fake.env({ FAKE_TLC_MODE: 'sigkill', FAKE_TLC_FIXTURE: join(FIXTURES, 'dead.tool.out') }) });
    expect(r.stopped).toBeUndefined();
    expect(r.exitSignal).toBe('SIGKILL');
    expect(r.exit).toMatchObject({ kind: 'killed', signal: 'SIGKILL' });
    expect(await exists(await metadirOf())).toBe(false);
  });

  it('stops at once when the signal is already aborted', async () => {
    const r = await run({ spec: fake.spec, env: fake.env({ FAKE_TLC_MODE: 'hang' }), signal: AbortSignal.abort() });
    expect(r.stopped).toBe('aborted');
    expect(r.exit.kind).toBe('killed');
  });

  it('refuses a missing spec or config, and a missing TLC, without spawning', async () => {
    const noSpec = await runTlc({ spec: join(fake.dir, 'specs', 'None.tla'), env: printing('ok.tool.out', 13) });
    expect(noSpec).toMatchObject({ ok: false, error: { code: 'TLC_SPEC_NOT_FOUND' } });
    const noCfg = await runTlc({ spec: fake.spec, config: join(fake.dir, 'None.cfg'), env: printing('ok.tool.out', 13) });
    expect(noCfg).toMatchObject({ ok: false, error: { code: 'TLC_SPEC_NOT_FOUND' } });
    const noTlc = await runTlc({ spec: fake.spec, env: { ...printing('ok.tool.out', 13), TLA2TOOLS_JAR: '' } });
    expect(noTlc).toMatchObject({ ok: false, error: { code: 'TLC_NOT_AVAILABLE' } });
    expect(await exists(fake.log)).toBe(false);
  });

  it('leaves no metadir behind in the temp folder', async () => {
    const before = (await readdir(tmpdir())).filter((n) => n.startsWith('ha-verify-tlc-'));
    await run({ spec: fake.spec, env: printing('dead.tool.out', 0) });
    await run({ spec: fake.spec, env: fake.env({ FAKE_TLC_MODE: 'hang' }), timeoutMs: 50 });
    const after = (await readdir(tmpdir())).filter((n) => n.startsWith('ha-verify-tlc-'));
    expect(after.filter((n) => !before.includes(n))).toEqual([]);
  });
});

const JAVA = await findJava();
const JAR = JAVA ? process.env.TLA2TOOLS_JAR : undefined;
const SKIP_REASON = !JAVA ? ' (skipped: no java on PATH)' : JAR ? '' : ' (skipped: TLA2TOOLS_JAR is not set; run npm run tlc:install and export it)';
if (!JAR) console.info(`test/tlc/runner.test.ts: real-TLC tests${SKIP_REASON}`);

describe('runTlc with the real TLC', () => {
  it.skipIf(!JAR)(`finds NoSplitBrain violated in TwoNodeHA${SKIP_REASON}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'real-tlc-'));
    const tlcFoldersBefore = (await readdir(tmpdir())).filter((n) => n.startsWith('tlc-'));
    try {
      await copyFile(join(FIXTURES, 'specs', 'TwoNodeHA.tla'), join(dir, 'TwoNodeHA.tla'));
      await copyFile(join(FIXTURES, 'specs', 'inv.cfg'), join(dir, 'TwoNodeHA.cfg'));
      const r = await run({ spec: join(dir, 'TwoNodeHA.tla'), dumpTrace: join(dir, 'inv.json'), timeoutMs: 120_000 });
      expect(r.output.outcome).toMatchObject({ kind: 'invariant-violated', name: 'NoSplitBrain' });
      expect(r.exit).toMatchObject({ kind: 'violation', violation: 'safety' });
      expect((await readDumpTraceFile(join(dir, 'inv.json'))).ok).toBe(true);
      expect((await readdir(dir)).filter((n) => n.includes('_TTrace_'))).toEqual([]);
      // TLC unpacks its standard modules into a tlc-* folder of Java's temp folder, which is the run's own.
      expect((await readdir(tmpdir())).filter((n) => n.startsWith('tlc-') && !tlcFoldersBefore.includes(n))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
