/**
 * Text layout of emitted TLA+: comments, aligned declaration lists,
 * bullet lists and the module frame. Everything returns lines (no trailing
 * newline) so that callers can indent and join them.
 */

/** Width the emitter aims to keep lines within (long expressions may exceed it). */
export const LINE_WIDTH = 100;

/** Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapWords(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur === '') cur = w;
    else if (cur.length + 1 + w.length <= width) cur += ` ${w}`;
    else {
      lines.push(cur);
      cur = w;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

/** A `\*` comment, wrapped, at `indent` spaces. Line comments cannot be closed early by their text, unlike `(* *)`. */
export function comment(text: string, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  return wrapWords(text.replace(/\s+/g, ' '), Math.max(20, LINE_WIDTH - indent - 3)).map((l) => `${pad}\\* ${l}`);
}

/** Indents every line by `n` spaces (empty lines stay empty). */
export function indent(lines: readonly string[], n: number): string[] {
  const pad = ' '.repeat(n);
  return lines.map((l) => (l === '' ? l : pad + l));
}

/**
 * A list of names, one per line, each followed by its comment, comments
 * aligned: the layout of CONSTANTS and VARIABLES. `sep` follows every name
 * but the last (`,` for declarations).
 */
export function declarationList(rows: readonly (readonly [string, string | undefined])[], sep: string, pad = 2): string[] {
  const width = Math.max(...rows.map(([n], i) => n.length + (i < rows.length - 1 ? sep.length : 0)));
  return rows.map(([name, doc], i) => {
    const head = name + (i < rows.length - 1 ? sep : '');
    const text = doc ? `${head.padEnd(width)}  \\* ${doc.replace(/\s+/g, ' ')}` : head;
    return ' '.repeat(pad) + text;
  });
}

/**
 * A junction list: each item's first line after `op` (`/\` or `\/`), its
 * other lines aligned under the item's text, as TLA+'s layout rule wants.
 */
export function bullets(op: '/\\' | '\\/', items: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    item.forEach((line, i) => out.push(i === 0 ? `${op} ${line}` : `   ${line}`));
  }
  return out;
}

/** The first line of a module: `---- MODULE Name ----` padded to a conventional width. */
export function moduleStart(name: string): string {
  const mid = ` MODULE ${name} `;
  const dashes = Math.max(4, Math.floor((77 - mid.length) / 2));
  return '-'.repeat(dashes) + mid + '-'.repeat(Math.max(4, 77 - mid.length - dashes));
}

/** The last line of a module. */
export const MODULE_END = '='.repeat(77);

/** A definition `head ==` with its body lines indented under it, or on the same line when the body is one short line. */
export function definition(head: string, body: readonly string[]): string[] {
  if (body.length === 1 && head.length + 4 + body[0].length <= LINE_WIDTH) return [`${head} == ${body[0]}`];
  return [`${head} ==`, ...indent(body, 2)];
}

/**
 * `open`, the names separated by commas, then `close`, wrapped to `room`
 * columns with continuation lines aligned after `open`: the layout of
 * `UNCHANGED <<...>>` and `vars == <<...>>`.
 */
export function wrapList(open: string, names: readonly string[], close: string, room: number): string[] {
  const pieces = names.map((n, i) => n + (i < names.length - 1 ? ',' : close));
  const out: string[] = [];
  let cur = open;
  let empty = true;
  for (const p of pieces) {
    if (!empty && cur.length + 1 + p.length > room) {
      out.push(cur);
      cur = ' '.repeat(open.length) + p;
    } else cur += (empty ? '' : ' ') + p;
    empty = false;
  }
  out.push(cur);
  return out;
}
