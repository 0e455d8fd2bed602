/** Nodes for the config tests, read from text through the same reader as files, named like files. */
import { readFileSync } from 'node:fs';
import { readSetLines } from '../../src/impl/index.js';
import type { NodeFile } from '../../src/config/read-node-file.js';
import type { Pair } from '../../src/config/pair-issues.js';

/** The lines of an example pair's node file. */
export function exampleLines(pair: string, node: 'n1' | 'n2'): string[] {
  return readFileSync(`examples/configs/${pair}/${node}.set`, 'utf8').trimEnd().split('\n');
}

/** A node read from `lines` as if from the file `path`; fails the test when the reader refuses it. */
export function nodeOf(path: string, lines: readonly string[]): NodeFile {
  const r = readSetLines(lines);
  if (!r.ok) throw new Error(`${path}: ${r.errors.map((e) => e.message).join('; ')}`);
  return { path, config: r.config, sources: r.sources, notes: r.notes, ignoredLines: r.ignoredLines, lineCount: lines.length };
}

/**
 * The documented pair with edits: `edit(lines, node)` returns the node's
 * new lines. Files are named `a.set` and `b.set`.
 */
export function documentedPair(edit: (lines: string[], node: 'n1' | 'n2') => string[] = (l) => l): Pair {
  return {
    n1: nodeOf('a.set', edit(exampleLines('documented-routing', 'n1'), 'n1')),
    n2: nodeOf('b.set', edit(exampleLines('documented-routing', 'n2'), 'n2')),
  };
}

/** `lines` with every line containing `needle` replaced by `by` (null: removed, keeping the others' order). */
export function replacing(lines: readonly string[], needle: string, by: string | null): string[] {
  return lines.flatMap((line) => (line.includes(needle) ? (by === null ? [] : [by]) : [line]));
}
