import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type ItfTrace, formatItfTrace, readItfTraceFile, writeItfTraceFile } from '../../src/trace/index.js';

const trace: ItfTrace = {
  '#meta': { format: 'ITF' },
  vars: ['x'],
  states: [
    { '#meta': { index: 0 }, x: { '#bigint': '0' } },
    { '#meta': { index: 1 }, 'mbt::actionTaken': 'Inc', 'mbt::nondetPicks': {}, x: { '#bigint': '1' } },
  ],
  loop: 1,
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'itf-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeItfTraceFile / readItfTraceFile', () => {
  it('writes a trace that reads back equal, leaving no temporary file', async () => {
    const path = join(dir, 'a.itf.json');
    const w = await writeItfTraceFile(path, trace);
    expect(w).toEqual({ ok: true, value: path });
    expect(await readdir(dir)).toEqual(['a.itf.json']);
    expect(await readFile(path, 'utf8')).toBe(formatItfTrace(trace));
    const r = await readItfTraceFile(path);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual(trace);
  });

  it('replaces an existing file whole', async () => {
    const path = join(dir, 'a.itf.json');
    await writeFile(path, 'old');
    expect((await writeItfTraceFile(path, trace)).ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(formatItfTrace(trace));
  });

  it('refuses a malformed trace and writes nothing', async () => {
    const path = join(dir, 'bad.itf.json');
    const bad = { vars: ['x'], states: [{ y: 1 }] } as unknown as ItfTrace;
    const w = await writeItfTraceFile(path, bad);
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.error.code).toBe('ITF_MALFORMED');
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a failed write and leaves nothing behind', async () => {
    // The destination is a folder: the rename fails after the temporary file was written.
    const path = join(dir, 'taken');
    await mkdir(path);
    await writeFile(join(path, 'keep'), 'x');
    const w = await writeItfTraceFile(path, trace);
    expect(w.ok).toBe(false);
    if (!w.ok) {
      expect(w.error.code).toBe('ITF_WRITE_FAILED');
      expect(w.error.message).toContain(path);
    }
    expect(await readdir(dir)).toEqual(['taken']);

    const missing = await writeItfTraceFile(join(dir, 'no', 'such', 'a.itf.json'), trace);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('ITF_WRITE_FAILED');
  });

  it('reports an unreadable or malformed file with its path', async () => {
    const r = await readItfTraceFile(join(dir, 'none.itf.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ITF_READ_FAILED');
      expect(r.error.message).toContain('ENOENT');
    }
    const path = join(dir, 'm.itf.json');
    await writeFile(path, JSON.stringify({ vars: ['x'], states: [{ x: null }] }));
    const m = await readItfTraceFile(path);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.error.code).toBe('ITF_MALFORMED');
      expect(m.error.message.startsWith(path)).toBe(true);
      expect(m.error.at).toEqual({ path: '$.states[0].x', state: 0, variable: 'x' });
    }
  });
});
