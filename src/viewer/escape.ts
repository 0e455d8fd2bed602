/**
 * Escaping of everything that comes from a trace before it reaches a page or
 * a terminal. Traces are shared between people, so a variable name, an
 * action name or a string value may hold HTML, script text or terminal
 * control sequences; none of them may ever be interpreted.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and for a quoted attribute value:
 * `& < > " '` become character references. Safe in both places (always quote
 * attributes).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * Characters that must not reach a terminal or a page raw: C0 and C1
 * controls, DEL, and the invisible or direction-changing characters that can
 * make a displayed text read differently from what it is (zero-width
 * characters, bidirectional overrides and isolates, line and paragraph
 * separators, BOM).
 */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * Replaces every control or invisible character (see {@link UNSAFE_CHARS})
 * with a visible `\uXXXX` escape, so that text from a trace cannot move the
 * cursor, colour a terminal or reorder what a reader sees.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_CHARS, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * Serialises `value` as JSON that is safe inside an HTML `<script>` element:
 * `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so the text
 * can neither close the element nor open a comment, and U+2028/U+2029 are
 * escaped as well. `JSON.parse` of the element's text gives `value` back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
