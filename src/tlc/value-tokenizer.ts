/**
 * Tokenizer for the TLA+ text TLC prints: values (`[a |-> 1]`,
 * `(n1 :> 0 @@ n2 :> 1)`, `{"a"}`, `<<>>`, `-3`, `1..3`...), state
 * assignments (`/\ x = ...`) and step labels
 * (`<Fail("n1") line 66, col 12 to line 67, col 85 of module M>`).
 */

/** A position in the text, 1-based line and column. */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** The punctuation TLC's printed values and labels use. */
export type Punct =
  | '<<'
  | '>>'
  | '|->'
  | ':>'
  | '@@'
  | '..'
  | '/\\'
  | '\\in'
  | '['
  | ']'
  | '{'
  | '}'
  | '('
  | ')'
  | ','
  | '='
  | ':'
  | '<'
  | '>'
  | '-'
  | '!';

/** One token. Integers carry no sign: `-` is a token of its own. */
export type Token =
  | { readonly t: 'int'; readonly value: bigint; readonly text: string; readonly pos: TextPosition }
  | { readonly t: 'string'; readonly value: string; readonly text: string; readonly pos: TextPosition }
  | { readonly t: 'ident'; readonly value: string; readonly text: string; readonly pos: TextPosition }
  | { readonly t: 'punct'; readonly value: Punct; readonly text: string; readonly pos: TextPosition }
  | { readonly t: 'eof'; readonly text: ''; readonly pos: TextPosition };

/** A syntax error with the position where it was found. */
export interface TlaSyntaxError {
  /** One line, ending with the position (`at line L, column C`). */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Thrown by the tokenizer and parser; callers get a {@link TlaSyntaxError}. */
export class TlaSyntaxException extends Error {
  constructor(readonly detail: TlaSyntaxError) {
    super(detail.message);
  }
}

/** Raises a syntax error at `pos`. */
export function syntaxError(what: string, pos: TextPosition): never {
  throw new TlaSyntaxException({
    message: `${what} at line ${pos.line}, column ${pos.column}`,
    line: pos.line,
    column: pos.column,
    offset: pos.offset,
  });
}

// Longest first, so that `<<` wins over `<` and `..` is not two dots.
const PUNCTS: readonly Punct[] = ['|->', '/\\', '\\in', '<<', '>>', ':>', '@@', '..', '[', ']', '{', '}', '(', ')', ',', '=', ':', '<', '>', '-', '!'];

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', f: '\f' };

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/**
 * Splits `text` into tokens, ending with an `eof` token. Throws
 * {@link TlaSyntaxException} on a character TLC never prints in a value.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): TextPosition => ({ offset: i, line, column: i - lineStart + 1 });
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const start = pos();
    if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length || text[i] === '\n') syntaxError('unterminated string', start);
        const d = text[i];
        if (d === '"') break;
        if (d === '\\') {
          const e = ESCAPES[text[i + 1] ?? ''];
          if (e === undefined) syntaxError(`unknown escape \\${text[i + 1] ?? ''} in string`, pos());
          value += e;
          i += 2;
        } else {
          value += d;
          i++;
        }
      }
      i++;
      tokens.push({ t: 'string', value, text: text.slice(start.offset, i), pos: start });
      continue;
    }
    if (isWordChar(c)) {
      // TLA+ identifiers may start with a digit (`1st`); a run of digits only is an integer.
      let j = i;
      while (j < text.length && isWordChar(text[j])) j++;
      const word = text.slice(i, j);
      i = j;
      if (/^[0-9]+$/.test(word)) tokens.push({ t: 'int', value: BigInt(word), text: word, pos: start });
      else tokens.push({ t: 'ident', value: word, text: word, pos: start });
      continue;
    }
    const p = PUNCTS.find((q) => text.startsWith(q, i) && !(q === '\\in' && isWordChar(text[i + 3] ?? '')));
    if (p === undefined) syntaxError(`unexpected character ${JSON.stringify(c)}`, start);
    i += p.length;
    tokens.push({ t: 'punct', value: p, text: p, pos: start });
  }
  tokens.push({ t: 'eof', text: '', pos: pos() });
  return tokens;
}
