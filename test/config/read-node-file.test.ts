import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNodeFile } from '../../src/config/read-node-file.js';
import { exampleLines } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-config-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function errorOf(path: string): Promise<string> {
  const r = await readNodeFile(path);
  if (r.ok) throw new Error(`expected ${path} to be refused`);
  return r.error;
}

const N1 = exampleLines('documented-routing', 'n1');

describe('readNodeFile refuses bad input in one line naming the file (and the line)', () => {
  it('a missing file', async () => {
    expect(await errorOf(join(dir, 'nope.set'))).toBe(`${join(dir, 'nope.set')}: no such file`);
  });
  it('a folder', async () => {
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    expect(await errorOf(sub)).toBe(`${sub}: is a folder, not a configuration file`);
  });
  it('an empty file', async () => {
    const path = file('empty.set', '');
    expect(await errorOf(path)).toBe(`${path}: empty file, no configuration in it`);
  });
  it('a file of blank lines', async () => {
    const path = file('blank.set', '\n  \n\n');
    expect(await errorOf(path)).toBe(`${path}: only blank lines, no configuration in it`);
  });
  it('a binary file, at the line of its first NUL byte', async () => {
    const path = file('binary.set', new Uint8Array([0x73, 0x65, 0x74, 0x0a, 0x0a, 0x41, 0x00, 0x01]));
    expect(await errorOf(path)).toBe(`${path} line 3: binary data (a NUL byte), not configuration text`);
  });
  it('a 10 MB file', async () => {
    const path = file('big.set', '');
    truncateSync(path, 10 * 1024 * 1024);
    expect(await errorOf(path)).toBe(`${path}: 10.0 MB is more than a configuration (at most 8 MB); give the output of "show configuration | display set"`);
  });
  it('a line with an unbalanced quote', async () => {
    const path = file('quote.set', [...N1.slice(0, 7), 'set chassis high-availability peer-id 2 peer-ip "192.0.2.2', ...N1.slice(8)].join('\n'));
    expect(await errorOf(path)).toBe(`${path} line 8 ("set chassis high-availability peer-id 2 peer-ip "192.0.2.2"): the double quote at column 49 is never closed (close the quoted value or remove the stray quote)`);
  });
  it('an unknown statement under high-availability, in the top-level spelling', async () => {
    const path = file('unknown.set', [...N1, 'set high-availability services-redundancy-group 1 activeness-prio 10'].join('\n'));
    expect(await errorOf(path)).toBe(`${path} line 31 ("set high-availability services-redundancy-group 1 activeness-prio 10"): "activeness-prio" is not a statement this reader knows under services-redundancy-group 1 (check the spelling against MNHA.md section 9)`);
  });
  it('a missing statement, naming the file only', async () => {
    const path = file('nolocal.set', N1.filter((l) => !l.includes('high-availability local-id 1')).join('\n'));
    expect(await errorOf(path)).toBe(`${path}: no "set chassis high-availability local-id N" line (add "set chassis high-availability local-id <1..10>")`);
  });
  it('several errors: the first by line, and the count of the others', async () => {
    const path = file('two.set', N1.filter((l) => !l.includes('high-availability local-id 1') && !l.includes('activeness-probe')).join('\n'));
    // line 7 of n1.set (local-id) is gone: the deployment-type line (15) is now line 14
    expect(await errorOf(path)).toBe(`${path} line 14 ("set chassis high-availability services-redundancy-group 1 deployment-type routing"): services-redundancy-group 1 has no activeness-probe dest-ip (add "set chassis high-availability services-redundancy-group 1 activeness-probe dest-ip <ip> src-ip <floating ip>") (and 1 more error)`);
  });
});

describe('readNodeFile reads a good file', () => {
  it('counts the statements outside high-availability instead of refusing them', async () => {
    const r = await readNodeFile('examples/configs/documented-routing/n1.set');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // hand count of examples/configs/documented-routing/n1.set: host-name, 3 interfaces, 5 policy lines that are not conditions, bgp
    expect(r.node.ignoredLines).toBe(10);
    expect(r.node.lineCount).toBe(31);
    expect(r.node.sources['local-id']).toBe(7);
  });
});
