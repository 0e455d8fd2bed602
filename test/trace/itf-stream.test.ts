/** Streaming an ITF document state by state (src/trace/itf-stream.ts), cut into chunks anywhere. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamItfFile } from '../../src/trace/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hv-itf-stream-'));
let n = 0;
const file = (text: string): string => {
  const path = join(dir, `t${n++}.json`);
  writeFileSync(path, text);
  return path;
};

/** Everything the reader calls back with, for a chunk size. */
async function read(path: string, chunkBytes: number) {
  let header: unknown;
  const states: unknown[] = [];
  const r = await streamItfFile(path, { chunkBytes, onHeader: (h) => { header = h; }, onState: (s) => { states.push(s); } });
  return { r, header, states };
}

describe('streamItfFile', () => {
  // brackets, braces, quotes and backslashes inside strings must not be taken for structure
  const doc = {
    '#meta': { scenario: 'x', note: 'a "quoted" {brace} [bracket] \\ back' },
    vars: ['a', 'b'],
    states: [
      { a: { '#set': ['}', ']'] }, b: 'x"y' },
      { a: { '#map': [['k', { '#bigint': '-12' }]] }, b: '\\\\' },
      { a: [], b: '' },
    ],
    loop: 1,
  };
  const path = file(JSON.stringify(doc, null, 2));

  for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
    it(`reads the header, each state and the trailer, in chunks of ${chunk} byte(s)`, async () => {
      const { r, header, states } = await read(path, chunk);
      expect(r).toEqual({ ok: true, trailer: { loop: 1 }, states: 3, stopped: false });
      expect(header).toEqual({ '#meta': doc['#meta'], vars: doc.vars });
      expect(states).toEqual(doc.states);
    });
  }

  it('stops when a handler says so', async () => {
    let seen = 0;
    const r = await streamItfFile(path, { onHeader: () => {}, onState: () => { seen += 1; return seen < 2; } });
    expect(r).toMatchObject({ ok: true, stopped: true, states: 2 });
  });

  it('fails in one message on what is not an ITF document', async () => {
    const cases: [string, RegExp][] = [
      ['[1, 2]', /not a JSON object/],
      ['{"vars": []}', /no "states" array/],
      ['{"states": [1]}', /states\[0\] is not an object/],
      ['{"states": [{"a": }]}', /states\[0\] is not JSON/],
      ['{"states": [{"a": 1}]', /ends before/],
      ['{"vars": [1,}', /not JSON/],
    ];
    for (const [text, message] of cases) {
      const { r } = await read(file(text), 3);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });
});
