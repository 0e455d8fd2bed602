/**
 * Every command ends in one line on stderr, whatever goes wrong: a usage
 * error (exit 2), a path that cannot be used (exit 2), anything else (exit
 * 1); the stack trace only with --debug.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { type Command, UsageError } from '../../src/cli/command.js';
import { main, oneLine } from '../../src/cli/main.js';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/ha-verify.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parameters out of range and unwritable paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hv-main-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, '');

  it.each([
    [['bench', '--sessions', '99'], "ha-verify bench: option --sessions must be between 0 and 2, not 99 (the model's sessions domain)"],
    [['bench', '--workers', '1,65'], "ha-verify bench: --workers takes a list of counts from 1 to 64 like 1,2, not '1,65'"],
    [['bench', '--sweep-only', '--no-sweep'], 'ha-verify bench: --sweep-only does not go with --scenario or --no-sweep'],
    [['check', '--scenario', 'default', '--workers', '0'], 'ha-verify check: option --workers must be between 1 and 64, not 0'],
    [['check', '--scenario', 'default', '--out', file], `ha-verify check: --out ${file}: is a file, not a folder`],
    [['export', '--out', file], `ha-verify export: --out ${file}: is a file, not a folder`],
    [['tlc-install', '--cache-dir', file], `ha-verify tlc-install: --cache-dir ${file}: is a file, not a folder`],
  ])('%j: one line, exit 2, nothing done', (args, line) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${line}\n`);
    expect(r.out).toBe('');
  });
});

describe('main', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Runs main with a command `failing` that rejects with `error`. */
  async function withFailingCommand(error: unknown, argv: string[]): Promise<{ code: number; err: string; seen: readonly string[][] }> {
    const seen: string[][] = [];
    const failing: Command = { summary: 's', help: 'h', run: (a) => { seen.push([...a]); return Promise.reject(error); } };
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((t) => { err += String(t); return true; });
    const code = await main(argv, async (name) => (name === 'failing' ? failing : undefined));
    return { code, err, seen };
  }

  it('turns an unexpected error into one line, exit 1, no stack trace', async () => {
    const r = await withFailingCommand(new TypeError('boom\nsecond line'), ['failing']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('ha-verify failing: unexpected error: boom (--debug shows the stack trace)\n');
  });

  it('a path error is exit 2', async () => {
    const e = Object.assign(new Error("ENOTDIR: not a directory, open 'x/y'"), { code: 'ENOTDIR' });
    const r = await withFailingCommand(e, ['failing']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("ha-verify failing: ENOTDIR: not a directory, open 'x/y' (--debug shows the stack trace)\n");
  });

  it('--debug adds the stack trace and is not passed to the command', async () => {
    const r = await withFailingCommand(new TypeError('boom'), ['failing', '--debug', '--x']);
    expect(r.code).toBe(1);
    expect(r.seen).toEqual([['--x']]);
    expect(r.err).toMatch(/^TypeError: boom\n {4}at /);
    expect(r.err.trimEnd().split('\n').pop()).toBe('ha-verify failing: unexpected error: boom');
  });

  it('a usage error stays one line, exit 2', async () => {
    const r = await withFailingCommand(new UsageError('--x is wrong'), ['failing']);
    expect(r).toMatchObject({ code: 2, err: 'ha-verify failing: --x is wrong\n' });
  });

  it('oneLine keeps the first line of the message', () => {
    expect(oneLine(new Error('a\nb'))).toEqual({ line: 'unexpected error: a', status: 1 });
    expect(oneLine('plain')).toEqual({ line: 'unexpected error: plain', status: 1 });
  });
});
