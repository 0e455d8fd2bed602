/** `ha-verify validate`: the must-shows through the command line, and every bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-validate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, 'bin/ha-verify.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ha-verify validate', () => {
  it('--runs 20 --seed 7 --json: 20 conforming runs of at least 200 steps, exit 0', () => {
    const r = cli(['validate', '--runs', '20', '--seed', '7', '--json', '--quiet', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ runs: 20, conforming: 20, mismatches: [], errors: [], interrupted: false });
    expect(out.minSteps).toBeGreaterThanOrEqual(200);
    expect(out.steps).toBeGreaterThanOrEqual(20 * 200);
    expect(out.logs.map((l: { seed: number }) => l.seed)).toEqual(Array.from({ length: 20 }, (_, i) => 7 + i));
  }, 120_000);

  it('a log with one hand-edited line (a backup made active) is reported at that line, naming the variable; exit 1; the trace opens in view', () => {
    const out = join(dir, 'edit');
    expect(cli(['validate', '--runs', '1', '--seed', '7', '--keep-logs', '--quiet', '--out', out]).code).toBe(0);
    const lines = readFileSync(join(out, 'default-seed-7.jsonl'), 'utf8').trim().split('\n');
    const at = lines.findIndex((l, i) => i > 0 && JSON.parse(l).state.srg1.n2 === 'backup');
    const changed = JSON.parse(lines[at] as string);
    changed.state.srg1.n2 = 'active';
    lines[at] = JSON.stringify(changed);
    const edited = join(dir, 'edited.jsonl');
    writeFileSync(edited, `${lines.join('\n')}\n`);
    const r = cli(['validate', edited, '--json', '--quiet', '--out', out]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ runs: 1, conforming: 0 });
    expect(result.mismatches[0]).toMatchObject({ log: edited, line: at + 1 });
    expect(result.mismatches[0].variables).toContain('srg1[n2]');
    expect(existsSync(result.mismatches[0].trace)).toBe(true);
    const text = cli(['validate', edited, '--quiet', '--out', out]);
    expect(text.out).toContain(`line ${at + 1} `);
    expect(text.out).toMatch(/srg1\[n2\] is "backup", the log says "active"/);
    const view = cli(['view', result.mismatches[0].trace, '--text']);
    expect(view.code).toBe(0);
    expect(view.out).toContain('UnexplainedLogLine');
  }, 120_000);

  it('bad logs: one line on stderr naming the log and the line, exit 2', () => {
    const cases: [string, string, RegExp][] = [
      ['empty.jsonl', '', /empty\.jsonl: the log is empty$/],
      ['notjson.jsonl', '{"t":0,"state":{"icl":"down"}}\nnot json\n', /notjson\.jsonl: line 2 is not JSON$/],
      ['nothing.jsonl', '{"t":0,"state":{}}\n', /nothing\.jsonl: line 1: "state" observes no variable/],
      ['unknown.jsonl', '{"state":{"srg9":{"n1":"hold"}}}\n', /unknown\.jsonl: line 1: unknown variable 'srg9'/],
      ['domain.jsonl', '{"state":{"srg1":{"n1":"primary","n2":"hold"}}}\n', /domain\.jsonl: line 1: srg1\[n1\] = "primary" is not in its domain/],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      const r = cli(['validate', join(dir, name), '--quiet', '--out', join(dir, 'out')]);
      expect(r.code, name).toBe(2);
      const errLines = r.err.trim().split('\n');
      expect(errLines, name).toHaveLength(1);
      expect(errLines[0], name).toMatch(message);
    }
    const missing = cli(['validate', join(dir, 'nope.jsonl'), '--quiet']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.jsonl: no such file/);
    const folder = cli(['validate', dir, '--quiet']);
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/is a directory/);
  });

  it('a log of 1,000,000 lines streams through with a 100 MB heap', async () => {
    const big = join(dir, 'big.jsonl');
    const line = `${JSON.stringify({ t: 0, cause: 'steady', state: { srg1: { n1: 'hold', n2: 'hold' }, icl: 'down' } })}\n`;
    const chunk = line.repeat(10_000);
    const stream = createWriteStream(big);
    for (let i = 0; i < 100; i++) if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
    await new Promise<void>((r) => stream.end(() => r()));
    // the file (76 MB) does not fit the heap: only streaming gets through
    const r = cli(['validate', big, '--json', '--quiet', '--out', join(dir, 'out')], {}, ['--max-old-space-size=100']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ runs: 1, conforming: 1, steps: 1_000_000 });
  }, 120_000);

  it('usage errors: exit 2, one line', () => {
    for (const args of [['--engine', 'apalache'], ['--runs', '0'], ['--steps', 'x'], ['some.jsonl', '--runs', '3'], ['--scenario', 'nope'], ['--bogus']]) {
      const r = cli(['validate', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('--engine tlc without TLC says so in one line, exit 2', () => {
    writeFileSync(join(dir, 'one.jsonl'), '{"state":{"icl":"down"}}\n');
    const r = cli(['validate', join(dir, 'one.jsonl'), '--engine', 'tlc', '--quiet'], { TLA2TOOLS_JAR: join(dir, 'missing.jar') });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/TLA2TOOLS_JAR|tla2tools/);
  });
});
