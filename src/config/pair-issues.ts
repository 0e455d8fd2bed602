/**
 * What the pair checks and the derivation say about a configuration pair:
 * an error (the pair cannot run as configured: exit 2) or a warning (it
 * runs, but something is risky or the model approximates it), each naming
 * the files and lines concerned.
 */
import type { NodeFile } from './read-node-file.js';

/** A line of one of the two files. */
export interface LineRef {
  readonly file: string;
  readonly line: number;
}

/** One error or warning about the pair. */
export interface PairIssue {
  readonly severity: 'error' | 'warning';
  /** Stable: tests and scripts match on it. */
  readonly code: string;
  /** One line, starting with the file(s) and line(s) it is about. */
  readonly message: string;
  readonly lines: readonly LineRef[];
}

/** The two nodes, as the pair checks see them (n1 is the first file given). */
export interface Pair {
  readonly n1: NodeFile;
  readonly n2: NodeFile;
}

/** The line of statement `key` (see `sourcesOf`) in `node`'s file, or undefined when the statement is absent. */
export function lineOf(node: NodeFile, key: string): LineRef | undefined {
  const line = node.sources[key];
  return line === undefined ? undefined : { file: node.path, line };
}

/** `FILE line N`, or `FILE` when the statement is absent. */
export function where(node: NodeFile, key: string): string {
  const ref = lineOf(node, key);
  return ref === undefined ? node.path : `${ref.file} line ${ref.line}`;
}

/** The lines of `keys` in each of `nodes` that are present, once each: by node, then by line. */
export function linesOf(nodes: readonly NodeFile[], keys: readonly string[]): LineRef[] {
  const out: LineRef[] = [];
  for (const node of nodes) {
    const own: LineRef[] = [];
    for (const key of keys) {
      const ref = lineOf(node, key);
      if (ref !== undefined && !own.some((r) => r.line === ref.line)) own.push(ref);
    }
    out.push(...own.sort((a, b) => a.line - b.line));
  }
  return out;
}

/** Builds an issue whose message starts with where it is: `A line 3 and B line 3: ...`. */
export function issue(severity: PairIssue['severity'], code: string, at: readonly { node: NodeFile; key: string }[], text: string): PairIssue {
  const places = at.map(({ node, key }) => where(node, key));
  const lines = at.map(({ node, key }) => lineOf(node, key)).filter((r): r is LineRef => r !== undefined);
  return { severity, code, message: `${places.join(' and ')}: ${text}`, lines };
}
