/**
 * Reading a large `*.itf.json` file state by state, without holding the
 * whole document: the file is read in chunks, the top-level keys before
 * `states` (`#meta`, `vars`) are parsed as they complete, each element of
 * `states` is cut out by bracket matching (strings and escapes respected) and
 * parsed alone, and the keys after it (`loop`) are parsed at the end. Memory
 * stays at one chunk and one state, whatever the length of the trace.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** What the reader calls back with. */
export interface ItfStreamHandlers {
  /** The top-level keys read before `states` (`#meta`, `vars`...), once `states` begins. */
  onHeader(header: Readonly<Record<string, unknown>>): void;
  /** One element of `states`, parsed; return false to stop reading. */
  onState(state: unknown, index: number): boolean | void;
  /** Bytes read so far out of the file's size, after each chunk. */
  onBytes?(read: number, total: number): void;
  /** Size of the chunks read (default 1 MiB); small ones test the seams. */
  readonly chunkBytes?: number;
}

/** How the reading ended. */
export type ItfStreamResult =
  | {
    readonly ok: true;
    /** Top-level keys after `states` (`loop`...). */
    readonly trailer: Readonly<Record<string, unknown>>;
    /** States read. */
    readonly states: number;
    /** True when a handler stopped the reading. */
    readonly stopped: boolean;
  }
  | { readonly ok: false; readonly message: string };

/** Where the scanner is in the top-level object. */
type Expect = 'open' | 'key' | 'colon' | 'value' | 'comma' | 'done';

const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/**
 * Streams the ITF document at `path`: `onHeader` once, then `onState` for
 * each state in order. Fails (never throws) on a document that is not a JSON
 * object with a `states` array of objects.
 */
export async function streamItfFile(path: string, handlers: ItfStreamHandlers): Promise<ItfStreamResult> {
  let total: number;
  try {
    total = (await stat(path)).size;
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
  }
  let read = 0;
  let expect: Expect = 'open';
  let key = '';
  /** Text of the key, value or state being read, in pieces (one per chunk it spans). */
  let pieces: string[] | null = null;
  /** Nesting inside the value or state being read (0: a scalar). */
  let nesting = 0;
  let inString = false;
  let escaped = false;
  /** Inside the `states` array: between its elements, or (pieces set) in one. */
  let inStates = false;
  let index = 0;
  let headerSent = false;
  const header: Record<string, unknown> = {};
  const trailer: Record<string, unknown> = {};
  const fail = (message: string): ItfStreamResult => ({ ok: false, message });

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: handlers.chunkBytes ?? 1 << 20 });
  try {
    for await (const chunk of stream) {
      const text = chunk as string;
      read += Buffer.byteLength(text);
      let from = 0;
      const take = (end: number): string => {
        pieces!.push(text.slice(from, end));
        const whole = pieces!.join('');
        pieces = null;
        return whole;
      };
      for (let i = 0; i < text.length; i += 1) {
        const c = text[i];
        if (pieces !== null) {
          // inside a key, a value or a state: find where it ends
          if (inString) {
            if (escaped) escaped = false;
            else if (c === '\\') escaped = true;
            else if (c === '"') {
              inString = false;
              if (expect === 'key') {
                key = JSON.parse(take(i + 1)) as string;
                expect = 'colon';
              } else if (nesting === 0) {
                // a top-level string value
                (headerSent ? trailer : header)[key] = JSON.parse(take(i + 1));
                expect = 'comma';
              }
            }
            continue;
          }
          if (c === '"') { inString = true; continue; }
          if (c === '{' || c === '[') { nesting += 1; continue; }
          if (c === '}' || c === ']') {
            if (nesting === 0) {
              if (c === ']') return fail(`the value of "${key}" is not JSON`);
              // the end of the top-level object right after a scalar value
              const value = take(i).trim();
              (headerSent ? trailer : header)[key] = JSON.parse(value);
              expect = 'done';
              continue;
            }
            nesting -= 1;
            if (nesting > 0) continue;
            const whole = take(i + 1);
            if (inStates) {
              let state: unknown;
              try {
                state = JSON.parse(whole);
              } catch (e) {
                return fail(`states[${index}] is not JSON: ${(e as Error).message}`);
              }
              if (handlers.onState(state, index) === false) return { ok: true, trailer, states: index + 1, stopped: true };
              index += 1;
            } else {
              try {
                (headerSent ? trailer : header)[key] = JSON.parse(whole);
              } catch (e) {
                return fail(`the value of "${key}" is not JSON: ${(e as Error).message}`);
              }
              expect = 'comma';
            }
            continue;
          }
          if (nesting === 0 && !inStates && (c === ',' || isSpace(c))) {
            // the end of a scalar value
            (headerSent ? trailer : header)[key] = JSON.parse(take(i));
            expect = c === ',' ? 'key' : 'comma';
          }
          continue;
        }
        if (isSpace(c)) continue;
        if (inStates) {
          if (c === ',') continue;
          if (c === ']') { inStates = false; expect = 'comma'; continue; }
          if (c !== '{') return fail(`states[${index}] is not an object`);
          pieces = [];
          from = i;
          nesting = 1;
          continue;
        }
        switch (expect) {
          case 'open':
            if (c !== '{') return fail('the document is not a JSON object');
            expect = 'key';
            break;
          case 'key':
            if (c === '}') { expect = 'done'; break; }
            if (c !== '"') return fail(`expected a key in the top-level object, found '${c}'`);
            pieces = [];
            from = i;
            inString = true;
            break;
          case 'colon':
            if (c !== ':') return fail(`expected ':' after "${key}"`);
            expect = 'value';
            break;
          case 'value':
            if (key === 'states') {
              if (c !== '[') return fail('"states" is not an array');
              handlers.onHeader(header);
              headerSent = true;
              inStates = true;
              break;
            }
            pieces = [];
            from = i;
            if (c === '{' || c === '[') nesting = 1;
            else if (c === '"') { nesting = 0; inString = true; }
            else nesting = 0;
            break;
          case 'comma':
            if (c === ',') expect = 'key';
            else if (c === '}') expect = 'done';
            else return fail(`expected ',' or '}' after the value of "${key}"`);
            break;
          case 'done':
            return fail('text after the end of the document');
        }
      }
      if (pieces !== null) {
        pieces.push(text.slice(from));
      }
      handlers.onBytes?.(read, total);
    }
  } catch (e) {
    if (e instanceof SyntaxError) return fail(`the value of "${key}" is not JSON: ${e.message}`);
    return fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    stream.destroy();
  }
  if (!headerSent) return fail('the document has no "states" array');
  if (expect !== 'done') return fail('the document ends before its top-level object does');
  return { ok: true, trailer, states: index, stopped: false };
}
