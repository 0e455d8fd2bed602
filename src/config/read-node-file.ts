/**
 * Reading one node's configuration file for `ha-verify config`: the file
 * guards (missing, a folder, empty, binary, too large) and the reader, with
 * every refusal as one line that names the file and, when there is one,
 * the line.
 */
import { open, stat } from 'node:fs/promises';
import { readSetLines, type ConfigNote, type ConfigSources, type MnhaConfig } from '../impl/index.js';

/**
 * Largest configuration read. A full `display set` of a large SRX is a few
 * megabytes; anything past this is not a configuration (a log, a core, an
 * image) and reading it whole would only cost memory.
 */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/** One node's configuration as read from its file, with where each statement came from. */
export interface NodeFile {
  /** The path as the user gave it; every message names it so. */
  readonly path: string;
  readonly config: MnhaConfig;
  readonly sources: ConfigSources;
  readonly notes: readonly ConfigNote[];
  /** Statements outside high-availability (and its IKE, IPsec, lo0 and policy companions), not read. */
  readonly ignoredLines: number;
  readonly lineCount: number;
}

/** The answer of {@link readNodeFile}: the node, or one line saying why not. */
export type NodeFileResult = { readonly ok: true; readonly node: NodeFile } | { readonly ok: false; readonly error: string };

const fail = (error: string): NodeFileResult => ({ ok: false, error });

/** The 1-based line holding byte `offset` of `bytes`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * Reads and checks one node's configuration file. Never throws for a bad
 * file: a missing file, a folder, an empty or binary file, a file over
 * {@link MAX_CONFIG_BYTES}, text that is not UTF-8, and every reader error
 * come back as one line, `FILE: ...` or `FILE line N ("text"): ... (hint)`.
 * When the reader finds several errors, the first is said and the count of
 * the others.
 */
export async function readNodeFile(path: string): Promise<NodeFileResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail(`${path}: is a folder, not a configuration file`);
    if (!info.isFile()) return fail(`${path}: not a regular file`);
    size = info.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`${path}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') return fail(`${path}: permission denied`);
    return fail(`${path}: cannot be read (${code ?? String(err)})`);
  }
  if (size > MAX_CONFIG_BYTES) {
    return fail(`${path}: ${(size / 1024 / 1024).toFixed(1)} MB is more than a configuration (at most ${MAX_CONFIG_BYTES / 1024 / 1024} MB); give the output of "show configuration | display set"`);
  }
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      bytes = new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (err) {
    return fail(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (bytes.length === 0) return fail(`${path}: empty file, no configuration in it`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(`${path} line ${lineAt(bytes, nul)}: binary data (a NUL byte), not configuration text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`${path}: not UTF-8 text, not a configuration`);
  }
  if (text.trim() === '') return fail(`${path}: only blank lines, no configuration in it`);
  const result = readSetLines(text);
  if (!result.ok) {
    const [first, ...others] = result.errors;
    const more = others.length === 0 ? '' : ` (and ${others.length} more error${others.length === 1 ? '' : 's'})`;
    // `first` exists: a rejection lists at least one error
    const where = first?.line === null ? `${path}:` : path;
    return fail(`${where} ${first?.message ?? 'rejected'} (${first?.hint ?? ''})${more}`);
  }
  const node: NodeFile = {
    path,
    config: result.config,
    sources: result.sources,
    notes: result.notes,
    ignoredLines: result.ignoredLines,
    lineCount: text.split(/\r?\n/).length,
  };
  return { ok: true, node };
}
