/**
 * What a property says, for the page: its one-line description and its
 * TLA+ formula, read from the generated spec (`specs/MNHA.tla`), where each
 * property is a `\* description` comment followed by `Name == formula`. The
 * viewer reads the generated text rather than re-printing the model so that
 * the page shows exactly the formula the checkers were given.
 */

/** A property's description and formula, as the spec states them. */
export interface PropertyText {
  readonly description: string;
  /** The TLA+ definition, `Name == ...`, as in the spec (several lines possibly). */
  readonly formula: string;
}

/**
 * The description and formula of `name` in the TLA+ text `tla`, or
 * undefined when the spec does not define it at the start of a line. The
 * definition runs to the next blank line; the description is the run of
 * `\*` comment lines just above it (may be empty).
 */
export function propertyTextOf(tla: string, name: string): PropertyText | undefined {
  const lines = tla.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith(name + ' ==') || l === name + ' ==');
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && lines[end].trim() !== '' && !/^\S+ ==/.test(lines[end]) && !lines[end].startsWith('\\*')) end++;
  const doc: string[] = [];
  for (let k = start - 1; k >= 0 && lines[k].startsWith('\\*'); k--) doc.unshift(lines[k].replace(/^\\\*\s?/, ''));
  return { description: doc.join(' ').trim(), formula: lines.slice(start, end).join('\n').trimEnd() };
}
