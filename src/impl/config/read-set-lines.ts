/**
 * The reader of Junos `set` lines for MNHA (MNHA.md section 9): text in, a
 * typed configuration or every error out, each error naming its line.
 */
import { sortErrors, type ConfigError, type ConfigResult } from './config-errors.js';
import { emptyDraft } from './config-draft.js';
import { readStatement } from './read-statement.js';
import { validateDraft } from './validate-config.js';

/**
 * Reads one node's configuration from `set` lines (a string with one line
 * per statement, or the lines themselves). Lines that do not configure MNHA
 * are counted in `ignoredLines`. Never throws for a bad configuration: the
 * result lists every error found, in line order. When some line cannot be
 * read, only such line errors are listed; the whole-configuration checks
 * run once every line reads.
 */
export function readSetLines(text: string | readonly string[]): ConfigResult {
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  const draft = emptyDraft();
  const lineErrors: ConfigError[] = [];
  lines.forEach((raw, index) => {
    const error = readStatement({ number: index + 1, text: raw.trim() }, draft);
    if (error !== null) lineErrors.push(error);
  });
  // A line that could not be read leaves a hole; checking the whole around it would only
  // report consequences of that hole, so line errors are reported alone.
  if (lineErrors.length > 0) return { ok: false, errors: lineErrors };
  const verdict = validateDraft(draft);
  if (!verdict.ok) return { ok: false, errors: sortErrors(verdict.errors) };
  return { ok: true, config: verdict.config, ignoredLines: draft.ignoredLines };
}
