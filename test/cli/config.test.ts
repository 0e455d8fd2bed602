/** `ha-verify config`: the must-shows through the command line. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-config-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [resolve('bin/ha-verify.mjs'), 'config', ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const DOC = ['examples/configs/documented-routing/n1.set', 'examples/configs/documented-routing/n2.set'];

describe('ha-verify config', () => {
  it('the documented pair with the router fault: JSON with nodes, derived, findings, warnings; the documented split brain found; exit 1; --out holds the scenario and its TLA+ files', () => {
    const out = join(dir, 'doc');
    const r = cli([...DOC, '--json', '--text', '--quiet', '--faults', 'icl,crash,router', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['nodes', 'derived', 'findings', 'warnings', 'violations', 'complete']);
    expect(report.nodes.n1).toMatchObject({ file: DOC[0], localId: 1 });
    // hand count: host-name, 3 interfaces, 5 policy lines that are not conditions, bgp
    expect(report.warnings).toContainEqual({ code: 'outside-ha', message: `${DOC[0]}: 10 statements outside high-availability (and the IKE, IPsec, lo0 and policy statements it uses) not read; the model takes nothing from them`, lines: [] });
    expect(report.derived.params).toMatchObject({ localId: { n1: 1, n2: 2 }, priority: { n1: 200, n2: 100 }, preemption: true, faults: ['icl', 'crash', 'router'] });
    const split = report.findings.find((f: { property: string }) => f.property === 'NoSplitBrain');
    expect(split).toMatchObject({ verdict: 'violated', run: 'control' });
    expect(split.note).toContain('documented split brain');
    // the probe line (17) of both files made it possible; the trace needs the router to misbehave
    expect(split.lines).toEqual(expect.arrayContaining([{ file: DOC[0], line: 17 }, { file: DOC[1], line: 17 }]));
    expect(split.events.map((e: { what: string }) => e.what)).toContain('the probe router answers a probe off its preferred path');
    expect(existsSync(split.trace) && existsSync(split.page)).toBe(true);
    expect(split.story).toContain('[VIOLATION]');
    expect(report.findings.find((f: { property: string }) => f.property === 'SplitBrainOnlyWithRouterFault').verdict).toBe('holds');
    for (const f of ['config-scenario.ts', 'derived.json', 'MNHA.tla', 'MC_config_control.tla', 'MC_config_control.cfg', 'MC_config_sessions.cfg']) expect(existsSync(join(out, f))).toBe(true);
    expect(readFileSync(join(out, 'MNHA.tla'), 'utf8')).toBe(readFileSync('specs/MNHA.tla', 'utf8'));
    expect(readFileSync(join(out, 'MC_config_control.tla'), 'utf8')).toContain('MC_Faults == {"icl", "crash", "router"}');
  }, 60_000);

  it('the documented pair without the router fault: no violation, exit 0; the text names the derived parameters', () => {
    // run from a scratch folder: without --out any trace would go to ./reports/config
    const r = cli([...DOC.map((f) => resolve(f)), '--quiet', '--faults', 'icl,crash'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^priority +n1 200, n2 100 +n1:20, n2:20 /m);
    expect(r.out).toContain('result: no property violated on the derived model');
  }, 60_000);

  it('a pair whose files use the same local-id: exit 2, one line naming both files and lines', () => {
    const n2 = join(dir, 'same-id.set');
    writeFileSync(n2, readFileSync(DOC[1] as string, 'utf8').replace('local-id 2 local-ip', 'local-id 1 local-ip').replace(/peer-id 1\b/g, 'peer-id 2'));
    const r = cli([DOC[0] as string, n2, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`ha-verify config: ${DOC[0]} line 7 and ${n2} line 7: both nodes have local-id 1; give each node its own local-id (1..10) and the other's as peer-id\n`);
  }, 30_000);

  it('with --json a refused pair is also JSON on stdout: each error with its code and lines', () => {
    const n2 = join(dir, 'same-id-json.set');
    writeFileSync(n2, readFileSync(DOC[1] as string, 'utf8').replace('local-id 2 local-ip', 'local-id 1 local-ip').replace(/peer-id 1\b/g, 'peer-id 2'));
    const r = cli([DOC[0] as string, n2, '--quiet', '--json']);
    expect(r.code).toBe(2);
    const message = `${DOC[0]} line 7 and ${n2} line 7: both nodes have local-id 1; give each node its own local-id (1..10) and the other's as peer-id`;
    expect(r.err).toBe(`ha-verify config: ${message}\n`);
    expect(JSON.parse(r.out)).toEqual({ errors: [{ code: 'same-local-id', message, lines: [{ file: DOC[0], line: 7 }, { file: n2, line: 7 }] }] });
    const missing = cli([join(dir, 'missing.set'), DOC[1] as string, '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toEqual({ errors: [{ code: 'file', message: `${join(dir, 'missing.set')}: no such file`, lines: [] }] });
  }, 30_000);

  it('the pair missing a backup-signal-route on n2: checked with n2 advertising low as backup; --out writes the constant and a scenario that reads back the same parameters', async () => {
    const pair = ['examples/configs/missing-backup-signal-route/n1.set', 'examples/configs/missing-backup-signal-route/n2.set'];
    const out = join(dir, 'missing-backup');
    const r = cli([...pair, '--json', '--quiet', '--out', out]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.derived.params.hasBackupSignalRoute).toEqual({ n1: true, n2: false });
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('backup-signal-route-on-one-node');
    // the tie between n2's low as backup and a failed n1's low goes to n1 (the default tie-break)
    const ineligible = report.findings.find((f: { property: string }) => f.property === 'IneligibleForwardsNothing');
    expect(ineligible).toMatchObject({ verdict: 'violated', run: 'control' });
    // n1.set line 19 is its backup-signal-route; n2.set has none, and line 15 opens its SRG1, where it is missing
    expect(ineligible.lines).toEqual(expect.arrayContaining([{ file: pair[0], line: 19 }, { file: pair[1], line: 15 }]));
    for (const run of ['control', 'sessions']) {
      expect(readFileSync(join(out, `MC_config_${run}.tla`), 'utf8')).toContain('MC_HasBackupSignalRoute == ("n1" :> TRUE @@ "n2" :> FALSE)');
      expect(readFileSync(join(out, `MC_config_${run}.cfg`), 'utf8')).toContain('HasBackupSignalRoute <- MC_HasBackupSignalRoute');
    }
    const written = await import(pathToFileURL(join(out, 'config-scenario.ts')).href) as { SCENARIOS: { name: string; params: unknown }[] };
    expect(written.SCENARIOS.map((sc) => [sc.name, sc.params])).toEqual(report.derived.runs.map((run: { params: unknown }, i: number) => [['config-control', 'config-sessions'][i], run.params]));
  }, 90_000);

  it('bad input: one line per bad file, exit 2, never a stack trace', () => {
    const empty = join(dir, 'empty.set');
    writeFileSync(empty, '');
    const r = cli([join(dir, 'missing.set'), empty]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ha-verify config: ${join(dir, 'missing.set')}: no such file\nha-verify config: ${empty}: empty file, no configuration in it\n`);
    const usage = cli([DOC[0] as string]);
    expect(usage.code).toBe(2);
    expect(usage.err).toBe("ha-verify config: give the two nodes' configuration files: ha-verify config N1 N2\n");
    const fault = cli([...DOC, '--faults', 'meteor']);
    expect(fault.err).toBe('ha-verify config: --faults: unknown fault \'meteor\' (one of: icl, crash, srg1Monitor, srg0Monitor, router, probeLoss, manualFailover)\n');
  }, 30_000);
});
