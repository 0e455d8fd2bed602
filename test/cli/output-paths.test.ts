/** Whether an output path can be written, said before any work. */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { UsageError } from '../../src/cli/command.js';
import { requireWritableFolder, whyFileUnwritable, whyFolderUnwritable } from '../../src/cli/output-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'hv-paths-'));
const file = join(dir, 'a-file');
writeFileSync(file, 'x');

describe('whyFolderUnwritable', () => {
  it('accepts a folder, and one that can be created under a writable folder', async () => {
    expect(await whyFolderUnwritable(dir)).toBeUndefined();
    expect(await whyFolderUnwritable(join(dir, 'new', 'deeper'))).toBeUndefined();
  });

  it('says when the path, or a folder above it, is a file', async () => {
    expect(await whyFolderUnwritable(file)).toBe('is a file, not a folder');
    expect(await whyFolderUnwritable(join(file, 'x', 'y'))).toBe(`cannot be created: ${file} is a file, not a folder`);
  });

  it.skipIf(process.getuid?.() === 0)('says when a folder cannot be written (not as root, who may write anywhere)', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expect(await whyFolderUnwritable(locked)).toBe('is a folder that cannot be written');
    expect(await whyFolderUnwritable(join(locked, 'sub'))).toBe(`cannot be created: ${locked} cannot be written`);
  });
});

describe('whyFileUnwritable', () => {
  it('accepts an existing file and a new one', async () => {
    expect(await whyFileUnwritable(file)).toBeUndefined();
    expect(await whyFileUnwritable(join(dir, 'sub', 'new.xml'))).toBeUndefined();
  });

  it('says when the path is a folder, or its folder cannot be made', async () => {
    expect(await whyFileUnwritable(dir)).toBe('is a folder, not a file');
    expect(await whyFileUnwritable(join(file, 'new.xml'))).toBe(`cannot be written: its folder ${file} is a file, not a folder`);
  });
});

describe('requireWritableFolder', () => {
  it('throws a usage error naming the option and the path', async () => {
    await expect(requireWritableFolder('--out', file)).rejects.toThrow(new UsageError(`--out ${file}: is a file, not a folder`));
    await expect(requireWritableFolder('--out', dir)).resolves.toBeUndefined();
  });
});
