/**
 * Checks, before any work, that an output path can be written: a run that
 * takes minutes must not end in a stack trace because `--out` names a file
 * or a folder nobody may write. The checks say why in one line; the
 * commands turn that into a usage error (exit 2).
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { UsageError } from './command.js';

type Kind = 'file' | 'folder' | 'other' | 'missing';

async function kindOf(path: string): Promise<Kind> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

async function writable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the folder `path` cannot be written (or created), or `undefined` when
 * it can be as far as can be told without writing.
 */
export async function whyFolderUnwritable(path: string): Promise<string | undefined> {
  let at = resolve(path);
  for (;;) {
    const kind = await kindOf(at);
    if (kind === 'folder') {
      if (await writable(at)) return undefined;
      return at === resolve(path) ? 'is a folder that cannot be written' : `cannot be created: ${at} cannot be written`;
    }
    if (kind === 'file' || kind === 'other') {
      return at === resolve(path) ? 'is a file, not a folder' : `cannot be created: ${at} is a file, not a folder`;
    }
    const up = dirname(at);
    if (up === at) return 'cannot be created';
    at = up;
  }
}

/**
 * Why the file `path` cannot be written whole (a temporary file beside it,
 * then a rename), or `undefined` when it can be.
 */
export async function whyFileUnwritable(path: string): Promise<string | undefined> {
  const kind = await kindOf(path);
  if (kind === 'folder') return 'is a folder, not a file';
  if (kind === 'other') return 'is not a regular file';
  const folder = await whyFolderUnwritable(dirname(resolve(path)));
  return folder === undefined ? undefined : `cannot be written: its folder ${dirname(resolve(path))} ${folder}`;
}

/** Throws a usage error naming `option` when the folder `path` cannot be written. */
export async function requireWritableFolder(option: string, path: string): Promise<void> {
  const why = await whyFolderUnwritable(path);
  if (why !== undefined) throw new UsageError(`${option} ${path}: ${why}`);
}

/** Throws a usage error naming `option` when the file `path` cannot be written. */
export async function requireWritableFile(option: string, path: string): Promise<void> {
  const why = await whyFileUnwritable(path);
  if (why !== undefined) throw new UsageError(`${option} ${path}: ${why}`);
}
