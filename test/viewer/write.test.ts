import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { type VerifyRow, indexEntriesOf, keptIndexRows, writeIndexHtml, writeTraceHtml } from '../../src/viewer/index.js';
import { SPLIT_BRAIN, fixturePath } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTraceHtml', () => {
  it('writes the page of a trace file, creating its folder', async () => {
    const out = join(dir, 'reports', 'router-fault', 'NoSplitBrain.html');
    expect(await writeTraceHtml(fixturePath(SPLIT_BRAIN), out)).toEqual({ ok: true, value: out });
    expect(readFileSync(out, 'utf8')).toContain('✗ invariant NoSplitBrain is violated at step 11');
    expect(readdirSync(join(dir, 'reports', 'router-fault'))).toEqual(['NoSplitBrain.html']);
  });

  it('shows a replay result given with it', async () => {
    const out = join(dir, 'replayed.html');
    const r = await writeTraceHtml(fixturePath(SPLIT_BRAIN), out, { replay: { outcome: 'follows', steps: 11, log: [] } });
    expect(r.ok).toBe(true);
    const page = readFileSync(out, 'utf8');
    // The fixture is a split brain: reproducing it is bad news, so no green tick.
    expect(page).toContain('<p class="replay-line departs">⚠ replay: the implementation reproduces this counterexample, so the implementation has this flaw</p>');
    expect(page).not.toContain('✓ replay');
  });

  it('resolves to the error and writes nothing for a malformed trace', async () => {
    const bad = join(dir, 'bad.itf.json');
    writeFileSync(bad, JSON.stringify({ vars: ['x'], states: [] }));
    const out = join(dir, 'bad.html');
    const r = await writeTraceHtml(bad, out);
    expect(r).toMatchObject({ ok: false, error: { code: 'ITF_MALFORMED', message: `${bad}: malformed ITF trace at $.states: states is empty; a trace has at least its initial state` } });
    expect(existsSync(out)).toBe(false);
  });
});

describe('the index of a verify run', () => {
  const rows: VerifyRow[] = [
    { scenario: 'default', property: 'NoSplitBrain', kind: 'invariant', expected: 'holds', verdict: 'holds', asExpected: true },
    {
      scenario: 'router-fault', property: 'NoSplitBrain', kind: 'invariant', expected: 'violated', verdict: 'violated', asExpected: true,
      trace: join(dir, 'traces', 'router-fault', 'NoSplitBrain.itf.json'), replay: 'departs at step 3',
      viewer: join(dir, 'reports', 'router-fault', 'NoSplitBrain.html'),
    },
    { scenario: 'default', property: 'LeavesHold', kind: 'liveness', expected: 'holds', verdict: 'unknown', asExpected: false },
  ];

  it('groups the rows by scenario with links relative to the reports folder', () => {
    expect(indexEntriesOf(rows, join(dir, 'reports'))).toEqual([
      {
        scenario: 'default',
        verdicts: [
          { property: 'NoSplitBrain', kind: 'invariant', verdict: 'holds', expected: 'holds' },
          { property: 'LeavesHold', kind: 'liveness', verdict: 'unknown', expected: 'holds' },
        ],
      },
      {
        scenario: 'router-fault',
        verdicts: [
          {
            property: 'NoSplitBrain', kind: 'invariant', verdict: 'violated', expected: 'violated',
            viewer: 'router-fault/NoSplitBrain.html', trace: '../traces/router-fault/NoSplitBrain.itf.json', note: 'replay: departs at step 3',
          },
        ],
      },
    ]);
  });

  it('writes reports/index.html, linking only viewer pages that exist', async () => {
    const reports = join(dir, 'reports');
    mkdirSync(join(reports, 'router-fault'), { recursive: true });
    const page = join(reports, 'router-fault', 'NoSplitBrain.html');
    rmSync(page, { force: true });
    expect(await writeIndexHtml(rows, reports)).toEqual({ ok: true, value: join(reports, 'index.html') });
    expect(readFileSync(join(reports, 'index.html'), 'utf8')).not.toContain('view trace');
    writeFileSync(page, '<!doctype html>');
    await writeIndexHtml(rows, reports);
    const index = readFileSync(join(reports, 'index.html'), 'utf8');
    expect(index).toContain('<a href="router-fault/NoSplitBrain.html">view trace</a> · <a href="../traces/router-fault/NoSplitBrain.itf.json">ITF</a>');
    expect(index).toContain('<span class="bad">1 not as expected</span>');
  });
});

describe('keptIndexRows', () => {
  it('writes a page per kept trace with its replay, linked relative to the index; a missing trace gets no links', async () => {
    const manifest = join(dir, 'traces', 'manifest.json');
    mkdirSync(join(dir, 'traces', 'rf'), { recursive: true });
    writeFileSync(join(dir, 'traces', 'rf', 'split.itf.json'), readFileSync(fixturePath(SPLIT_BRAIN), 'utf8'));
    const reports = join(dir, 'kept-reports');
    const rows = await keptIndexRows(
      [
        { trace: 'rf/split.itf.json', expect: 'reproduces', ok: true, verdict: 'reproduces', result: { outcome: 'follows', log: [] } },
        { trace: 'gone/missing.itf.json', expect: 'departs', ok: false, verdict: 'cannot read' },
      ],
      manifest,
      reports,
    );
    expect(rows).toEqual([
      { name: 'rf/split.itf.json', expect: 'reproduces', ok: true, verdict: 'reproduces', viewer: 'kept/rf_split.html', trace: '../traces/rf/split.itf.json' },
      { name: 'gone/missing.itf.json', expect: 'departs', ok: false, verdict: 'cannot read' },
    ]);
    // The page shows the implementation beside the model: it followed all 12 states of the fixture.
    expect(readFileSync(join(reports, 'kept', 'rf_split.html'), 'utf8').match(/<td class="impl im-same">/g)).toHaveLength(12);
  });
});
