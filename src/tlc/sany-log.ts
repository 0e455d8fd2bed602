/**
 * Reader of SANY's log: the unframed text TLC prints between "Starting
 * SANY..." and "SANY finished." It is prose, not TLA+, so it is read line by
 * line; the positions it gives are the only structure it has.
 *
 * Shapes it recognises (from real TLC output):
 *
 * ```
 * ***Parse Error***
 * Was expecting "==== or more Module body"
 * Encountered "1" at line 4, column 20 and token "+"
 * ...
 * In module ParseError
 *
 * Semantic errors:
 * *** Errors: 1
 * line 5, col 14 to line 5, col 14 of module SemanticError
 * Unknown operator: `y'.
 *
 * File does not exist: ././NoSuchSpec.tla while looking in these directories: ...
 * Cannot find source file for module NoSuchSpec
 * ```
 */
import type { SourceRange, TlcReportedError } from './output-types.js';

/** What SANY reported. */
export interface SanyReport {
  readonly kind?: 'parse-error' | 'semantic-error' | 'file-not-found';
  /** The module the error is in (parse error) or that could not be found. */
  readonly module?: string;
  /** For a missing file: the path SANY looked for. */
  readonly path?: string;
  readonly errors: readonly TlcReportedError[];
  /** Files SANY parsed, spec first. */
  readonly parsedFiles: readonly string[];
}

const RANGE = /^line (\d+), col (\d+) to line (\d+), col (\d+) of module (\S+)$/;
const POINT = /at line (\d+), column (\d+)/;

/**
 * Reads SANY's messages from runs of consecutive unframed lines (a framed
 * message between two runs ends a section).
 */
export function readSanyLog(runs: readonly (readonly string[])[]): SanyReport {
  const parsedFiles: string[] = [];
  const errors: TlcReportedError[] = [];
  let parseError = false;
  let semanticError = false;
  let module: string | undefined;
  let missing: { path?: string; module?: string } | undefined;

  for (const run of runs) {
    let section: 'none' | 'parse' | 'semantic-errors' | 'semantic-warnings' = 'none';
    let parseLines: string[] = [];
    let current: { range: SourceRange; lines: string[] } | undefined;
    const flushSemantic = (): void => {
      if (current && section === 'semantic-errors') {
        errors.push({ message: current.lines.join(' '), range: current.range });
      }
      current = undefined;
    };
    const flushParse = (): void => {
      if (parseLines.length === 0) return;
      const at = parseLines.map((l) => POINT.exec(l)).find((m) => m !== null);
      // Lead with the line that says what was found and where.
      const first = parseLines.filter((l) => POINT.test(l));
      const message = [...first, ...parseLines.filter((l) => !POINT.test(l))].join('; ');
      errors.push({ message, ...(at ? { range: pointRange('', Number(at[1]), Number(at[2])) } : {}) });
      parseLines = [];
    };
    for (const raw of run) {
      const line = raw.trim();
      const parsing = /^Parsing file (\S+)/.exec(line);
      if (parsing) {
        parsedFiles.push(parsing[1]);
        continue;
      }
      const inModule = /^In module (\S+)$/.exec(line) ?? /^Fatal errors while parsing TLA\+ spec in file (\S+)$/.exec(line);
      if (inModule) module ??= inModule[1];
      const notExist = /^File does not exist: (\S+)/.exec(line);
      if (notExist) missing = { ...missing, path: notExist[1] };
      const cannotFind = /^Cannot find source file for module (\S+)/.exec(line);
      if (cannotFind) missing = { ...missing, module: cannotFind[1] };

      if (line === '***Parse Error***') {
        parseError = true;
        section = 'parse';
        continue;
      }
      if (section === 'parse') {
        if (line.startsWith('Residual stack trace') || line.startsWith('Fatal errors')) {
          section = 'none';
        } else if (line !== '') {
          parseLines.push(line);
        }
        continue;
      }
      if (line === 'Semantic errors:') {
        semanticError = true;
        section = 'semantic-errors';
        continue;
      }
      if (/^\*\*\* Errors: \d+/.test(line) && section.startsWith('semantic')) {
        flushSemantic();
        section = 'semantic-errors';
        continue;
      }
      if (/^\*\*\* Warnings: \d+/.test(line)) {
        flushSemantic();
        section = 'semantic-warnings';
        continue;
      }
      if (section === 'semantic-errors' || section === 'semantic-warnings') {
        const m = RANGE.exec(line);
        if (m) {
          flushSemantic();
          current = {
            range: { module: m[5], beginLine: +m[1], beginColumn: +m[2], endLine: +m[3], endColumn: +m[4] },
            lines: [],
          };
        } else if (line !== '' && current) {
          current.lines.push(line);
        }
      }
    }
    flushSemantic();
    flushParse();
  }

  if (missing) {
    return { kind: 'file-not-found', ...missing, errors, parsedFiles };
  }
  const kind = parseError ? 'parse-error' : semanticError ? 'semantic-error' : undefined;
  // SANY names the module of a parse error only after the error itself.
  const fixed = errors.map((e) =>
    e.range && e.range.module === '' && module ? { ...e, range: { ...e.range, module } } : e,
  );
  return { ...(kind ? { kind } : {}), ...(module ? { module } : {}), errors: fixed, parsedFiles };
}

function pointRange(module: string, line: number, column: number): SourceRange {
  return { module, beginLine: line, beginColumn: column, endLine: line, endColumn: column };
}
