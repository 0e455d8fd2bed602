/**
 * checkWithTlc without TLC: a missing Java or jar gives one line saying
 * what is missing, and a fake `java` that plays back real TLC output of the
 * exported spec shows the run-per-violation loop, the verdicts and the
 * conversion of TLC's trace to ITF with action names and parameters.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lowerSystem } from '../../src/model/index.js';
import { parseTlcOutput } from '../../src/tlc/index.js';
import { checkWithTlc } from '../../src/tla/engine-tlc.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';
import { tlcTraceForModel } from '../../src/tla/tlc-traces.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

// Prints run 1 (NoSplitBrain violated) while the config lists NoSplitBrain, run 2 (no error) otherwise.
const FAKE_JAVA = `#!/bin/sh
prev=''
for a in "$@"; do
  [ "$prev" = "-config" ] && cfg="$a"
  prev="$a"
done
printf '=== %s\\n' "$cfg" >> "$FAKE_LOG"
cat "$cfg" >> "$FAKE_LOG"
if grep -q '^  NoSplitBrain$' "$cfg"; then cat "$FIXTURES/router-fault.run1.tool.out"; exit 12; fi
cat "$FIXTURES/router-fault.run2.tool.out"
exit 0
`;

describe('checkWithTlc', () => {
  let dir: string;
  let java: string;
  let jar: string;
  let log: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-tlc-engine-'));
    java = join(dir, 'java');
    jar = join(dir, 'tla2tools.jar');
    log = join(dir, 'log');
    await writeFile(java, FAKE_JAVA);
    await chmod(java, 0o755);
    await writeFile(jar, 'not a jar');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

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
    const r = await checkWithTlc('router-fault', { family: MNHA_FAMILY, jar, java, env: { PATH: '/usr/bin:/bin', FAKE_LOG: log, FIXTURES } });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    expect(r.runs).toBe(2);
    expect(r.distinctStates).toBe(43368); // run 2 of the fixture, as TLC printed it
    expect(r.depth).toBe(35);
    const verdicts = Object.fromEntries(r.properties.map((p) => [p.name, p.verdict]));
    expect(verdicts.NoSplitBrain).toBe('violated');
    expect(Object.entries(verdicts).filter(([, v]) => v !== 'holds').map(([n]) => n)).toEqual(['NoSplitBrain']);
    expect(r.properties.at(-1)).toMatchObject({ name: 'Deadlock', kind: 'deadlock', verdict: 'holds' });

    // The second config no longer lists NoSplitBrain; both list TypeOK first.
    const configs = (await readFile(log, 'utf8')).split(/^=== /m).filter(Boolean);
    expect(configs).toHaveLength(2);
    expect(configs[0]).toMatch(/^ {2}NoSplitBrain$/m);
    expect(configs[1]).not.toMatch(/^ {2}NoSplitBrain$/m);
    expect(configs[1]).toMatch(/INVARIANTS\n {2}TypeOK\n/);
  });

  it('converts the counterexample to ITF with action names, parameters and model-typed values', async () => {
    const r = await checkWithTlc('router-fault', { family: MNHA_FAMILY, jar, java, env: { PATH: '/usr/bin:/bin', FAKE_LOG: log, FIXTURES } });
    if (!r.ok) throw new Error(r.error.message);
    const trace = r.properties.find((p) => p.name === 'NoSplitBrain')!.trace!;
    expect(trace).toBeDefined();
    expect(trace.vars[0]).toBe('node');
    const steps = trace.states.slice(1).map((s) => [s['mbt::actionTaken'], s['mbt::nondetPicks']]);
    expect(steps[0]).toEqual(['RouterMisbehaves', {}]);
    expect(steps.some(([, p]) => JSON.stringify(p) === '{"n":"n1"}')).toBe(true);
    // A function over node ids is a #map, as the built-in engine writes it, not TLC's record.
    expect(trace.states[0].node).toEqual({ '#map': [['n1', 'up'], ['n2', 'up']] });
    expect(trace['#meta']).toMatchObject({ scenario: 'router-fault', property: 'NoSplitBrain', kind: 'invariant', source: 'TLC' });
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
});
