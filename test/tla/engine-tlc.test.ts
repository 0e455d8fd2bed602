/**
 * checkWithTlc without TLC: a missing Java or jar gives one line saying
 * what is missing, and a fake `java` that plays back real TLC output of the
 * exported spec (test/tla/fixtures, see its README) shows the
 * run-per-violation loop, the verdicts, the traces from `-dumpTrace json`,
 * progress, stopping early (Ctrl-C, the state limit, the time budget) and
 * the causes of failed runs.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { checkScenario } from '../../src/explore/check-scenario.js';
import { lowerSystem } from '../../src/model/index.js';
import { parseTlcOutput } from '../../src/tlc/index.js';
import { type TlcCheckReport, type TlcCheckResult, type TlcEngineEvent, checkWithTlc } from '../../src/tla/engine-tlc.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';
import { tlcTraceForModel } from '../../src/tla/tlc-traces.js';

import { type FakeMnhaTlc, FIXTURES, makeFakeMnhaTlc } from './fake-mnha-tlc.js';

let fake: FakeMnhaTlc;
let java: string;
let jar: string;
let log: string;

beforeAll(async () => {
  fake = await makeFakeMnhaTlc();
  ({ java, jar, log } = fake);
});
afterAll(async () => {
  await rm(fake.dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(log, { force: true });
});

/** checkWithTlc on router-fault with the fake java (FAKE_MODE and the like in `extra`). */
function routerFault(extra: Record<string, string> = {}, opts: Partial<Parameters<typeof checkWithTlc>[1]> = {}): Promise<TlcCheckResult> {
  return checkWithTlc('router-fault', { family: MNHA_FAMILY, jar, java, env: fake.env({ PATH: '/usr/bin:/bin', ...extra }), ...opts });
}

function report(r: TlcCheckResult): TlcCheckReport {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

/** The engine's temporary folders present in the OS temp folder. */
async function engineFolders(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => n.startsWith('ha-verify-tlc-'));
}

describe('checkWithTlc', () => {
  it('says in one line that the jar is missing, and how to get one', async () => {
    const r = await checkWithTlc('default', { family: MNHA_FAMILY, env: { PATH: '/nonexistent' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TLC_NOT_AVAILABLE');
    expect(r.error.message).toMatch(/TLA2TOOLS_JAR/);
    expect(r.error.message).not.toContain('\n');
  });

  it('says in one line that java is missing', async () => {
    const r = await checkWithTlc('default', { family: MNHA_FAMILY, jar, env: { PATH: '/nonexistent' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'TLC_NOT_AVAILABLE' } });
    if (!r.ok) expect(r.error.message).toMatch(/java/);
  });

  it('refuses an unknown scenario, naming the known ones', async () => {
    const r = await checkWithTlc('no-such', { family: MNHA_FAMILY, jar, java, env: { PATH: '/nonexistent' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'TLC_UNKNOWN_SCENARIO' } });
    if (!r.ok) expect(r.error.hint).toContain('router-fault');
  });

  it('runs TLC again without each violated property until a run is clean', async () => {
    const before = await engineFolders();
    const r = report(await routerFault());
    expect(r.complete).toBe(true);
    // run 1 finds NoSplitBrain, run 2 is clean, run 3 checks AvailableDuringIclOutage against SpecNothingRepaired
    expect(r.runs).toBe(3);
    expect(r.distinctStates).toBe(43368); // run 2 of the fixture, as TLC printed it
    expect(r.depth).toBe(35);
    expect(r.tlcVersion).toBe('2026.04.29.164809');
    const verdicts = Object.fromEntries(r.properties.map((p) => [p.name, p.verdict]));
    expect(verdicts.NoSplitBrain).toBe('violated');
    expect(Object.entries(verdicts).filter(([, v]) => v !== 'holds').map(([n]) => n)).toEqual(['NoSplitBrain', 'AvailableDuringIclOutage']);
    // the environment run's lasso, from its -dumpTrace file: four states, then stuttering
    const lasso = r.properties.find((p) => p.name === 'AvailableDuringIclOutage')!.trace!;
    expect(lasso['#meta']).toMatchObject({ property: 'AvailableDuringIclOutage', kind: 'liveness' });
    expect(lasso.states.slice(1).map((st) => [st['mbt::actionTaken'], st['mbt::nondetPicks']])).toEqual([
      ['ColdSyncDone', { n: 'n1' }], ['HoldOnMon1Fail', { n: 'n1' }], ['ColdSyncDone', { n: 'n2' }],
    ]);
    expect(r.properties.at(-1)).toMatchObject({ name: 'Deadlock', kind: 'deadlock', verdict: 'holds' });

    // The second config no longer lists NoSplitBrain; both list TypeOK first.
    const configs = (await readFile(log, 'utf8')).split(/^=== /m).filter(Boolean);
    expect(configs).toHaveLength(3);
    expect(configs[0]).toMatch(/^ {2}NoSplitBrain$/m);
    expect(configs[1]).not.toMatch(/^ {2}NoSplitBrain$/m);
    expect(configs[1]).toMatch(/INVARIANTS\n {2}TypeOK\n/);
    // the stated environment's property is not in the main runs, but alone in its own, against its specification
    expect(configs[0]).not.toMatch(/AvailableDuringIclOutage/);
    expect(configs[2]).toMatch(/SPECIFICATION SpecNothingRepaired\n\nPROPERTIES\n {2}AvailableDuringIclOutage\n\nCHECK_DEADLOCK FALSE/);
    expect(configs[2]).not.toMatch(/INVARIANTS/);
    expect(await engineFolders()).toEqual(before);
  });

  it('takes the trace from -dumpTrace json: the built-in engine\'s shortest counterexample, step for step', async () => {
    const r = report(await routerFault());
    expect(r.notes).toEqual([]);
    const trace = r.properties.find((p) => p.name === 'NoSplitBrain')!.trace!;
    expect(trace['#meta']).toMatchObject({ scenario: 'router-fault', property: 'NoSplitBrain', kind: 'invariant', source: 'TLC', violationStep: 3 });
    const steps = trace.states.slice(1).map((s) => [s['mbt::actionTaken'], s['mbt::nondetPicks']]);
    expect(steps).toEqual([
      ['RouterMisbehaves', {}],
      ['HoldOnProbeReply', { n: 'n1' }],
      ['HoldOnProbeReply', { n: 'n2' }],
    ]);
    // The built-in engine, an independent search, finds the same states.
    const sc = MNHA_FAMILY.scenarios.find((s) => s.name === 'router-fault')!;
    const builtin = (await checkScenario(sc)).traces.get('NoSplitBrain')!;
    const strip = (t: typeof trace) => t.states.map(({ '#meta': _m, ...s }) => s);
    expect(trace.vars).toEqual(builtin.vars);
    expect(strip(trace)).toEqual(strip(builtin));
  });

  it('falls back on the trace TLC printed when it wrote no -dumpTrace file, and says so', async () => {
    const r = report(await routerFault({ FAKE_NO_DUMP: '1' }));
    const trace = r.properties.find((p) => p.name === 'NoSplitBrain')!.trace!;
    expect(trace.states).toHaveLength(4);
    // both violations: the invariant's trace and the environment run's lasso, each read from what TLC printed
    expect(r.notes).toHaveLength(2);
    expect(r.notes[0]).toMatch(/^NoSplitBrain: trace read from TLC's printed output \(.*\)$/);
    expect(r.notes[1]).toMatch(/^AvailableDuringIclOutage: trace read from TLC's printed output \(.*\)$/);
    expect(r.properties.find((p) => p.name === 'AvailableDuringIclOutage')!.trace!.states).toHaveLength(4);
  });

  it('reports each run, TLC\'s progress and its liveness check as events', async () => {
    const events: TlcEngineEvent[] = [];
    report(await routerFault({}, { onEvent: (e) => events.push(e) }));
    const run2 = (await readFile(join(FIXTURES, 'router-fault.progress2.tool.out'), 'utf8')).match(/STARTMSG 2200:/g)!.length;
    expect(events.filter((e) => e.kind === 'run-started')).toEqual([
      // MC_router_fault.cfg: 13 invariants but TypeOK, 3 action properties, 8 liveness properties and deadlock
      { kind: 'run-started', run: 1, checking: 25, without: [] },
      { kind: 'run-started', run: 2, checking: 24, without: ['NoSplitBrain'] },
      // MC_router_fault_NothingRepaired.cfg: AvailableDuringIclOutage
      { kind: 'run-started', run: 3, checking: 1, without: ['NoSplitBrain'], environment: 'NothingRepaired' },
    ]);
    expect(events.filter((e) => e.kind === 'violation')).toEqual([
      { kind: 'violation', run: 1, properties: ['NoSplitBrain'] },
      { kind: 'violation', run: 3, properties: ['AvailableDuringIclOutage'] },
    ]);
    // Run 1 reports progress once (its final count); run 2 every 2 s.
    expect(events.filter((e) => e.kind === 'progress' && e.run === 2)).toHaveLength(run2);
    expect(events.find((e) => e.kind === 'progress' && e.run === 2)).toMatchObject({ progress: { depth: 5, generated: 1000, distinct: 227, leftOnQueue: 130 } });
    expect(events.filter((e) => e.kind === 'temporal-check')).toEqual([{ kind: 'temporal-check', run: 2 }, { kind: 'temporal-check', run: 3 }]);
  });

  it('Ctrl-C: stops TLC, reports what it found marked incomplete, and removes its folders', async () => {
    const before = await engineFolders();
    const ctrlC = new AbortController();
    const r = report(await routerFault({ FAKE_MODE: 'hang' }, {
      signal: ctrlC.signal,
      onEvent: (e) => {
        if (e.kind === 'progress' && e.progress.distinct === 2974) ctrlC.abort();
      },
    }));
    expect(r).toMatchObject({ complete: false, stopReason: 'interrupted', runs: 2, distinctStates: 2974, generatedStates: 17732, depth: 10 });
    const nsb = r.properties.find((p) => p.name === 'NoSplitBrain')!;
    expect(nsb.verdict).toBe('violated');
    expect(nsb.trace?.states).toHaveLength(4);
    expect(r.properties.filter((p) => p.name !== 'NoSplitBrain').every((p) => p.verdict === 'unknown')).toBe(true);
    expect(await engineFolders()).toEqual(before);
  });

  it('--max-states: stops at the first progress report past the limit, incomplete', async () => {
    const r = report(await routerFault({ FAKE_MODE: 'hang' }, { maxStates: 2000 }));
    expect(r).toMatchObject({ complete: false, stopReason: 'limit', runs: 2 });
    // The report at 2,169 passes the limit; the next ones (2,658, 2,974) may be read before TLC ends.
    expect([2169, 2658, 2974]).toContain(r.distinctStates);
  });

  it('stops when the time budget is spent, incomplete', async () => {
    const r = report(await routerFault({ FAKE_MODE: 'hang' }, { timeoutMs: 1500 }));
    expect(r).toMatchObject({ complete: false, stopReason: 'timeout' });
  });

  it('names a jar that is not TLC, with what Java said', async () => {
    const r = await routerFault({ FAKE_MODE: 'not-tlc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TLC_RUN_FAILED');
    expect(r.error.message).toBe(`TLC on MC_router_fault: ${jar} is not a TLC jar: Java says "Error: Could not find or load main class tlc2.TLC"`);
  });

  it('says TLC was killed by SIGKILL when someone else killed it', async () => {
    const r = await routerFault({ FAKE_MODE: 'sigkill' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^TLC on MC_router_fault: TLC was killed by SIGKILL before it reported a result/);
  });
});

describe('tlcTraceForModel', () => {
  it('finds the parameters of a step that TLC printed without its arguments', async () => {
    const raw = await readFile(join(FIXTURES, 'router-fault.run1.tool.out'), 'utf8');
    // TLC before 1.8 prints `<HoldOnProbeReply line ...>`, not `<HoldOnProbeReply("n1") line ...>`.
    const bare = raw.replace(/<(\w+)\([^)]*\) line/g, '<$1 line');
    expect(bare).not.toContain('("n1")');
    const out = parseTlcOutput(bare);
    const v = out.violations[0];
    expect(v.kind).toBe('invariant-violated');
    if (v.kind !== 'invariant-violated') return;
    const sc = MNHA_FAMILY.scenarios.find((s) => s.name === 'router-fault')!;
    const fm = lowerSystem(sc.build().system);
    const r = tlcTraceForModel(fm, v.trace, { scenario: 'router-fault', property: 'NoSplitBrain', kind: 'invariant' });
    if (!r.ok) throw new Error(r.error.message);
    const picks = r.value.states.slice(1).map((s) => [s['mbt::actionTaken'], s['mbt::nondetPicks']]);
    expect(picks.filter(([a]) => a === 'HoldOnProbeReply')).toEqual([
      ['HoldOnProbeReply', { n: 'n1' }],
      ['HoldOnProbeReply', { n: 'n2' }],
    ]);
  });

  it('reads the older recording (TLC\'s printed trace of run 1) the same way', async () => {
    const r = report(await routerFault({ FAKE_OLD: '1' }));
    const trace = r.properties.find((p) => p.name === 'NoSplitBrain')!.trace!;
    expect(trace.states[0].node).toEqual({ '#map': [['n1', 'up'], ['n2', 'up']] });
  });
});
