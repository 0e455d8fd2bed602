/**
 * The framing of TLC's `-tool` output: every message is
 *
 * ```
 * @!@!@STARTMSG <code>:<class> @!@!@
 * <body>
 * @!@!@ENDMSG <code> @!@!@
 * ```
 *
 * and text outside frames (SANY's parse log, `PrintT` output) is passed
 * through line by line. The splitter works on a whole text or on chunks as
 * they arrive from the process, emitting each item once it is complete.
 */

/** TLC's message classes (tlc2.output.MP): the number after the colon. */
export type ToolMessageSeverity = 'info' | 'error' | 'tlc-bug' | 'warning' | 'state' | 'unknown';

const SEVERITIES: readonly ToolMessageSeverity[] = ['info', 'error', 'tlc-bug', 'warning', 'state'];

/** One framed message. */
export interface ToolMessage {
  readonly kind: 'message';
  /** TLC's message code (tlc2.output.EC), e.g. 2110 for an invariant violation. */
  readonly code: number;
  readonly severity: ToolMessageSeverity;
  /** The text between the frame lines, without trailing blank lines. */
  readonly body: string;
}

/** One line of text outside any frame. */
export interface ToolText {
  readonly kind: 'text';
  readonly text: string;
}

/** What the `-tool` output is made of, in order. */
export type ToolItem = ToolMessage | ToolText;

const START = '@!@!@STARTMSG ';
const END = '@!@!@ENDMSG ';
const CLOSE = ' @!@!@';

/**
 * Splits `-tool` output into messages and text lines, incrementally: feed
 * chunks with {@link ToolOutputSplitter.push}, and call
 * {@link ToolOutputSplitter.end} once the stream is over.
 */
export class ToolOutputSplitter {
  private buffer = '';
  private open: { code: number; severity: ToolMessageSeverity } | undefined;
  private dropNewline = false;

  /** Adds a chunk; returns the items it completed. */
  push(chunk: string): ToolItem[] {
    this.buffer += chunk;
    const out: ToolItem[] = [];
    for (;;) {
      if (this.dropNewline && this.buffer.length > 0) {
        if (this.buffer.startsWith('\r\n')) this.buffer = this.buffer.slice(2);
        else if (this.buffer.startsWith('\n')) this.buffer = this.buffer.slice(1);
        this.dropNewline = false;
      }
      if (this.open) {
        const end = this.buffer.indexOf(END);
        if (end < 0) break;
        const close = this.buffer.indexOf(CLOSE, end + END.length);
        if (close < 0) break;
        const body = this.buffer.slice(0, end).replace(/\s+$/, '');
        out.push({ kind: 'message', code: this.open.code, severity: this.open.severity, body });
        this.buffer = this.buffer.slice(close + CLOSE.length);
        this.open = undefined;
        this.dropNewline = true;
        continue;
      }
      const start = this.buffer.indexOf(START);
      const textEnd = start < 0 ? this.buffer.lastIndexOf('\n') + 1 : start;
      if (textEnd > 0) {
        out.push(...lines(this.buffer.slice(0, textEnd)));
        this.buffer = this.buffer.slice(textEnd);
        continue;
      }
      if (start !== 0) break;
      const close = this.buffer.indexOf(CLOSE, START.length);
      if (close < 0) break;
      const header = this.buffer.slice(START.length, close);
      const [codeText, classText] = header.split(':');
      const cls = Number(classText);
      this.open = { code: Number(codeText), severity: SEVERITIES[cls] ?? 'unknown' };
      this.buffer = this.buffer.slice(close + CLOSE.length);
      this.dropNewline = true;
    }
    return out;
  }

  /**
   * Ends the stream: returns the rest as text lines, and a message cut off by
   * the end of the stream (a killed TLC) as a message with what it had.
   */
  end(): ToolItem[] {
    const out: ToolItem[] = [];
    if (this.open) {
      out.push({ kind: 'message', code: this.open.code, severity: this.open.severity, body: this.buffer.replace(/\s+$/, '') });
    } else if (this.buffer.length > 0) {
      out.push(...lines(this.buffer));
    }
    this.buffer = '';
    this.open = undefined;
    return out;
  }
}

function lines(text: string): ToolText[] {
  const parts = text.split(/\r?\n/);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((t) => ({ kind: 'text', text: t }));
}

/** Splits a complete `-tool` output into messages and text lines. */
export function splitToolOutput(text: string): ToolItem[] {
  const s = new ToolOutputSplitter();
  return [...s.push(text), ...s.end()];
}
