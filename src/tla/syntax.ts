/**
 * Syntax check of a TLA+ module with the tree-sitter TLA+ grammar
 * (`@tlaplus/tree-sitter-tlaplus`, run by `web-tree-sitter`): every ERROR
 * and MISSING node tree-sitter produces, with its position. It needs no Java,
 * so exported specs can be checked where TLC is not installed; SANY (run by
 * TLC) remains the authority on what TLC accepts.
 *
 * Positions are 1-based; columns count UTF-16 code units, as JavaScript
 * strings (and most editors) do.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { Language, type Node, Parser } from 'web-tree-sitter';

/** One place tree-sitter could not parse. */
export interface TlaSyntaxProblem {
  /** `error`: text the grammar cannot place; `missing`: a token the grammar had to assume. */
  readonly kind: 'error' | 'missing';
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** For `error`, the start of the text not understood; for `missing`, the token assumed. */
  readonly text: string;
  /** One line, e.g. `syntax error at line 4, column 18: cannot parse "+"`. */
  readonly message: string;
}

/** The verdict on one module. */
export interface TlaSyntaxReport {
  /** Whether tree-sitter found no problem. */
  readonly valid: boolean;
  /** Every problem, in text order. */
  readonly problems: readonly TlaSyntaxProblem[];
}

/** Stable codes of the errors this module reports. */
export type TlaSyntaxErrorCode = 'TLA_GRAMMAR_UNAVAILABLE' | 'TLA_FILE_UNREADABLE';

/** Result of a syntax check: the report, or why there could be none. */
export type TlaSyntaxResult =
  | { readonly ok: true; readonly value: TlaSyntaxReport }
  | { readonly ok: false; readonly error: { readonly code: TlaSyntaxErrorCode; readonly message: string; readonly hint: string } };

/** Path of the TLA+ grammar's WebAssembly build inside node_modules. */
export function tlaGrammarWasmPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tlaplus/tree-sitter-tlaplus/package.json')), 'tree-sitter-tlaplus.wasm');
}

// Loading the grammar compiles WebAssembly: done once per process.
let parserPromise: Promise<Parser> | undefined;

async function loadParser(): Promise<Parser> {
  await Parser.init();
  const language = await Language.load(tlaGrammarWasmPath());
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

function excerpt(text: string): string {
  const first = text.split('\n')[0].trim();
  return first.length > 40 ? first.slice(0, 40) + '...' : first;
}

function problemOf(n: Node): TlaSyntaxProblem {
  const line = n.startPosition.row + 1;
  const column = n.startPosition.column + 1;
  const where = `syntax error at line ${line}, column ${column}`;
  const common = { line, column, endLine: n.endPosition.row + 1, endColumn: n.endPosition.column + 1 };
  if (n.isMissing) {
    return { kind: 'missing', ...common, text: n.type, message: `${where}: missing ${JSON.stringify(n.type)}` };
  }
  const text = excerpt(n.text);
  return { kind: 'error', ...common, text, message: `${where}: cannot parse ${JSON.stringify(text)}` };
}

/** Every ERROR and MISSING node under `root`, in text order. */
function collect(root: Node): TlaSyntaxProblem[] {
  const out: TlaSyntaxProblem[] = [];
  // An explicit stack: a deeply nested expression must not overflow the call stack.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) out.push(problemOf(n));
    if (!n.hasError && !n.isError) continue; // nothing wrong below
    const children = n.children.filter((c): c is Node => c !== null);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/**
 * Checks the syntax of a TLA+ module's text. Fails with
 * `TLA_GRAMMAR_UNAVAILABLE` only when the grammar cannot be loaded.
 */
export async function checkTlaSyntax(text: string): Promise<TlaSyntaxResult> {
  let parser: Parser;
  try {
    parser = await (parserPromise ??= loadParser());
  } catch (e) {
    parserPromise = undefined;
    return {
      ok: false,
      error: {
        code: 'TLA_GRAMMAR_UNAVAILABLE',
        message: `cannot load the TLA+ grammar: ${(e as Error).message}`,
        hint: "run 'npm install' (the check needs @tlaplus/tree-sitter-tlaplus and web-tree-sitter)",
      },
    };
  }
  const tree = parser.parse(text);
  if (!tree) {
    return { ok: false, error: { code: 'TLA_GRAMMAR_UNAVAILABLE', message: 'tree-sitter returned no tree', hint: 'report this with the module text' } };
  }
  try {
    const problems = collect(tree.rootNode);
    return { ok: true, value: { valid: problems.length === 0, problems } };
  } finally {
    tree.delete();
  }
}

/** Reads a `.tla` file and checks its syntax ({@link checkTlaSyntax}). */
export async function checkTlaSyntaxFile(path: string): Promise<TlaSyntaxResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return {
      ok: false,
      error: { code: 'TLA_FILE_UNREADABLE', message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, hint: 'check the path' },
    };
  }
  const r = await checkTlaSyntax(text);
  if (r.ok) return r;
  return { ok: false, error: { ...r.error, message: `${path}: ${r.error.message}` } };
}
