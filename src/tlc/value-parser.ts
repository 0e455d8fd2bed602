/**
 * Recursive-descent parser of the TLA+ values TLC prints, and of the
 * `/\ var = value` lists that make up a printed state.
 *
 * Grammar (what TLC prints, nothing more):
 *
 * ```
 * value   ::= term ('@@' term)*                  -- @@ joins functions
 * term    ::= primary (':>' primary)?            -- k :> v is a one-entry function
 * primary ::= '-'? INT ('..' '-'? INT)?          -- integer, or interval a..b (a set)
 *           | STRING | 'TRUE' | 'FALSE' | IDENT   -- IDENT is a model value
 *           | '{' (value (',' value)*)? '}'       -- set
 *           | '<<' (value (',' value)*)? '>>'     -- sequence / tuple
 *           | '[' IDENT '|->' value (',' IDENT '|->' value)* ']'   -- record
 *           | '[' IDENT '\in' value '|->' value ']'                 -- function, constant body
 *           | '(' value ')'
 * state   ::= ('/\'? IDENT '=' value)+
 * ```
 */
import type { TlaValue } from './tla-value.js';
import { type Punct, type TlaSyntaxError, TlaSyntaxException, type Token, syntaxError, tokenize } from './value-tokenizer.js';

/** Result of parsing TLC text. */
export type TlaParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TlaSyntaxError };

/** One `name = value` of a printed state. */
export interface StateAssignment {
  readonly name: string;
  readonly value: TlaValue;
}

function describeToken(t: Token): string {
  return t.t === 'eof' ? 'end of text' : JSON.stringify(t.text);
}

/**
 * A cursor over tokens with the value grammar. Exported for the parsers of
 * TLC's step labels, which embed values (`<Fail("n1") line ...>`).
 */
export class TokenReader {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  /** The next token, not consumed. */
  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.i + ahead, this.tokens.length - 1)];
  }

  /** Consumes and returns the next token. */
  next(): Token {
    const t = this.peek();
    if (t.t !== 'eof') this.i++;
    return t;
  }

  /** Whether the next token is the punctuation `p`. */
  isPunct(p: Punct, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.t === 'punct' && t.value === p;
  }

  /** Whether the next token is the identifier (or keyword) `word`. */
  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.t === 'ident' && t.value === word;
  }

  /** Consumes the punctuation `p` if it is next. */
  eatPunct(p: Punct): boolean {
    if (!this.isPunct(p)) return false;
    this.i++;
    return true;
  }

  /** Consumes `p` or fails naming what was found instead. */
  expectPunct(p: Punct, context: string): void {
    if (!this.eatPunct(p)) this.fail(`expected '${p}' ${context}`);
  }

  /** Consumes the word `word` or fails. */
  expectWord(word: string, context: string): void {
    if (!this.isWord(word)) this.fail(`expected '${word}' ${context}`);
    this.i++;
  }

  /** Consumes an identifier and returns it, or fails. */
  expectIdent(context: string): string {
    const t = this.peek();
    if (t.t !== 'ident') this.fail(`expected a name ${context}`);
    this.i++;
    return t.value;
  }

  /** Consumes a non-negative integer literal and returns it, or fails. */
  expectInt(context: string): number {
    const t = this.peek();
    if (t.t !== 'int') this.fail(`expected a number ${context}`);
    this.i++;
    return Number(t.value);
  }

  /** Fails at the next token. */
  fail(what: string): never {
    const t = this.peek();
    syntaxError(`${what}, found ${describeToken(t)}`, t.pos);
  }

  /** Fails unless all tokens were consumed. */
  expectEnd(context: string): void {
    if (this.peek().t !== 'eof') this.fail(`unexpected text ${context}`);
  }

  /** Parses a value (see the grammar in the module comment). */
  value(): TlaValue {
    const first = this.term();
    if (!this.isPunct('@@')) return first;
    const entries: (readonly [TlaValue, TlaValue])[] = [];
    let t = first;
    for (;;) {
      if (t.kind !== 'function') this.fail("'@@' joins functions, but one side is not a function");
      entries.push(...t.entries);
      if (!this.eatPunct('@@')) break;
      t = this.term();
    }
    return { kind: 'function', entries };
  }

  private term(): TlaValue {
    const key = this.primary();
    if (!this.eatPunct(':>')) return key;
    return { kind: 'function', entries: [[key, this.primary()]] };
  }

  private integer(): bigint {
    const negative = this.eatPunct('-');
    const t = this.peek();
    if (t.t !== 'int') this.fail(negative ? "expected a number after '-'" : 'expected a number');
    this.next();
    return negative ? -t.value : t.value;
  }

  private list(close: Punct, what: string): TlaValue[] {
    const out: TlaValue[] = [];
    if (this.eatPunct(close)) return out;
    for (;;) {
      out.push(this.value());
      if (this.eatPunct(close)) return out;
      this.expectPunct(',', `or '${close}' in ${what}`);
    }
  }

  private primary(): TlaValue {
    const t = this.peek();
    if (t.t === 'int' || (t.t === 'punct' && t.value === '-')) {
      const lo = this.integer();
      if (!this.eatPunct('..')) return { kind: 'int', value: lo };
      const hi = this.integer();
      if (hi - lo > 100_000n) this.fail(`interval ${lo}..${hi} is too large to expand`);
      const elements: TlaValue[] = [];
      for (let n = lo; n <= hi; n++) elements.push({ kind: 'int', value: n });
      return { kind: 'set', elements };
    }
    if (t.t === 'string') {
      this.next();
      return { kind: 'string', value: t.value };
    }
    if (t.t === 'ident') {
      this.next();
      if (t.value === 'TRUE') return { kind: 'bool', value: true };
      if (t.value === 'FALSE') return { kind: 'bool', value: false };
      return { kind: 'model-value', name: t.value };
    }
    if (this.eatPunct('{')) return { kind: 'set', elements: this.list('}', 'a set') };
    if (this.eatPunct('<<')) return { kind: 'seq', elements: this.list('>>', 'a sequence') };
    if (this.eatPunct('(')) {
      const v = this.value();
      this.expectPunct(')', 'to close the parenthesis');
      return v;
    }
    if (this.eatPunct('[')) return this.bracket();
    this.fail('expected a value');
  }

  private bracket(): TlaValue {
    if (this.peek().t === 'ident' && this.isPunct('\\in', 1)) return this.functionConstructor();
    const fields: (readonly [string, TlaValue])[] = [];
    for (;;) {
      const name = this.expectIdent("(a record field) after '[' or ','");
      this.expectPunct('|->', `after record field ${name}`);
      fields.push([name, this.value()]);
      if (this.eatPunct(']')) return { kind: 'record', fields };
      this.expectPunct(',', "or ']' in a record");
    }
  }

  private functionConstructor(): TlaValue {
    const bound = this.expectIdent("after '['");
    this.expectPunct('\\in', `after ${bound}`);
    const domainAt = this.peek().pos;
    const domain = this.value();
    if (domain.kind !== 'set') syntaxError('the domain of [x \\in S |-> ...] is not a set', domainAt);
    this.expectPunct('|->', 'after the domain of a function');
    const bodyAt = this.peek().pos;
    const body = this.value();
    if (mentions(body, bound)) {
      syntaxError(`the body of [${bound} \\in S |-> ...] depends on ${bound}; only constant bodies can be read`, bodyAt);
    }
    this.expectPunct(']', 'to close the function');
    return { kind: 'function', entries: domain.elements.map((k) => [k, body] as const) };
  }
}

function mentions(v: TlaValue, name: string): boolean {
  switch (v.kind) {
    case 'model-value':
      return v.name === name;
    case 'set':
    case 'seq':
      return v.elements.some((e) => mentions(e, name));
    case 'record':
      return v.fields.some(([, e]) => mentions(e, name));
    case 'function':
      return v.entries.some(([k, e]) => mentions(k, name) || mentions(e, name));
    default:
      return false;
  }
}

/** Runs `parse` over the tokens of `text`, turning syntax errors into a result. */
export function parseWith<T>(text: string, parse: (r: TokenReader) => T): TlaParseResult<T> {
  try {
    return { ok: true, value: parse(new TokenReader(tokenize(text))) };
  } catch (e) {
    if (e instanceof TlaSyntaxException) return { ok: false, error: e.detail };
    throw e;
  }
}

/** Parses one TLA+ value as TLC prints it, e.g. `(n1 :> <<>> @@ n2 :> <<[type |-> "a"]>>)`. */
export function parseTlaValue(text: string): TlaParseResult<TlaValue> {
  return parseWith(text, (r) => {
    const v = r.value();
    r.expectEnd('after the value');
    return v;
  });
}

/** Reads `('/\'? IDENT '=' value)+` from the reader (see the module grammar). */
export function readAssignments(r: TokenReader): StateAssignment[] {
  const out: StateAssignment[] = [];
  const seen = new Set<string>();
  do {
    r.eatPunct('/\\');
    const at = r.peek().pos;
    const name = r.expectIdent('(a variable)');
    if (seen.has(name)) syntaxError(`variable ${name} is assigned twice`, at);
    seen.add(name);
    r.expectPunct('=', `after variable ${name}`);
    out.push({ name, value: r.value() });
  } while (r.peek().t !== 'eof');
  return out;
}

/**
 * Parses the variables of a printed state: either `x = 0` (one variable) or
 * `/\ x = 0` lines, values possibly spanning several lines.
 */
export function parseStateAssignments(text: string): TlaParseResult<StateAssignment[]> {
  return parseWith(text, readAssignments);
}
