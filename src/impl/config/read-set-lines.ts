/**
 * The reader of Junos `set` lines for MNHA (MNHA.md section 9): text in, a
 * typed configuration or every error out, each error naming its line.
 */
import { sortErrors, type ConfigError, type ConfigNote, type ConfigResult } from './config-errors.js';
import { emptyDraft } from './config-draft.js';
import { haPath, readStatement } from './read-statement.js';
import { tokenize, unbalancedQuote } from './set-line-tokens.js';
import { sourcesOf, validateDraft } from './validate-config.js';

/**
 * Lines a terminal session adds around `show configuration | display set`:
 * the prompt with the command, `{master:0}`-style banners, `/* ... *\/`
 * comments and the pager's `---(more)---`. They carry no statement.
 */
function isTranscriptNoise(text: string): boolean {
  return /^[\w.-]+@[\w.-]+[>#%]/.test(text) || /^\{[^}]*\}$/.test(text) || /^\/\*.*\*\/$/.test(text) || /^-+\(more[^)]*\)-+$/.test(text);
}

/** A `deactivate` line: the statements under its path are in the configuration but off. */
interface Deactivation {
  readonly path: readonly string[];
  readonly line: number;
}

function startsWith(words: readonly string[], path: readonly string[]): boolean {
  return path.length <= words.length && path.every((word, i) => words[i] === word);
}

/** A `set groups ...` line, or one that applies groups (`apply-groups`, `apply-groups-except`) at any level. */
function isGroupLine(words: readonly string[]): boolean {
  return words[1] === 'groups' || words.some((w) => w === 'apply-groups' || w === 'apply-groups-except');
}

/**
 * The one note for a file's configuration groups: the reader does not
 * expand them, so a statement a node inherits from a group is not read.
 * Said once per file, at the first such line, with their count.
 */
function groupsNote(lines: readonly string[]): ConfigNote | null {
  const at: number[] = [];
  lines.forEach((line, index) => {
    if (line.startsWith('set ') && unbalancedQuote(line) === null && isGroupLine(tokenize(line))) at.push(index + 1);
  });
  if (at.length === 0) return null;
  const count = at.length === 1 ? 'this line' : `${at.length} lines from this one`;
  return {
    line: at[0]!,
    code: 'groups-not-expanded',
    message: `configuration groups are not expanded (groups or apply-groups: ${count}): a statement inherited from a group is not read; give "show configuration | display inheritance | display set" to have it read`,
  };
}

/**
 * Reads one node's configuration from `set` lines (a string with one line
 * per statement, or the lines themselves), as written by hand or as
 * `show configuration | display set` prints them (prompt, banners and
 * comments skipped). A `deactivate` line switches off every statement
 * under its path, wherever it sits in the text, as Junos does; each
 * statement switched off is listed in `notes`. Lines that do not configure
 * MNHA are counted in `ignoredLines`; configuration groups are not
 * expanded, and one note says so when the file has any. Never throws for a bad
 * configuration: the result lists every error found, in line order. When
 * some line cannot be read, only such line errors are listed; the
 * whole-configuration checks run once every line reads.
 */
export function readSetLines(text: string | readonly string[]): ConfigResult {
  const lines = (typeof text === 'string' ? text.split(/\r?\n/) : text).map((raw) => raw.trim());
  const deactivated: Deactivation[] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith('deactivate ') || unbalancedQuote(line) !== null) return;
    deactivated.push({ path: haPath(tokenize(line).slice(1)), line: index + 1 });
  });
  const draft = emptyDraft();
  const lineErrors: ConfigError[] = [];
  const notes: ConfigNote[] = [];
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line === '' || isTranscriptNoise(line) || line.startsWith('deactivate ')) return;
    if (line.startsWith('set ') && unbalancedQuote(line) === null) {
      const words = haPath(tokenize(line).slice(1));
      const off = deactivated.find((d) => startsWith(words, d.path));
      if (off !== undefined) {
        if (words[0] === 'chassis' && words[1] === 'high-availability') {
          notes.push({ line: number, message: `line ${number} is deactivated (line ${off.line}): the statement is off and not read` });
        } else draft.ignoredLines += 1;
        return;
      }
    }
    const error = readStatement({ number, text: line }, draft);
    if (error !== null) lineErrors.push(error);
  });
  // A line that could not be read leaves a hole; checking the whole around it would only
  // report consequences of that hole, so line errors are reported alone.
  if (lineErrors.length > 0) return { ok: false, errors: lineErrors };
  const verdict = validateDraft(draft);
  if (!verdict.ok) return { ok: false, errors: sortErrors(verdict.errors) };
  const groups = groupsNote(lines);
  return { ok: true, config: verdict.config, ignoredLines: draft.ignoredLines, sources: sourcesOf(draft), notes: [...notes, ...verdict.notes, ...(groups === null ? [] : [groups])] };
}
