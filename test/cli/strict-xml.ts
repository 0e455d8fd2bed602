/**
 * A tiny strict XML reader for tests, written apart from the JUnit writer
 * it checks: elements, attributes, text, the five named entities and
 * character references. It refuses what an XML parser refuses: a
 * mismatched or unclosed tag, a raw `<` or `&` in text, an unquoted or
 * repeated attribute, more than one root, characters XML does not allow.
 * Comments, CDATA, doctype and processing instructions other than the XML
 * declaration are refused too (the writer emits none).
 */

/** An element: its name, attributes, child elements and its text (concatenated). */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, at: number): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/.test(raw)) throw new Error(`raw '<' or '&' near offset ${at}`);
  return raw.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e in named) return named[e];
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Parses a whole document; throws on anything not well-formed. */
export function parseXml(doc: string): XmlElement {
  if (FORBIDDEN_CHAR.test(doc)) throw new Error('a character XML does not allow');
  let i = 0;
  const decl = /^<\?xml[^?]*\?>/.exec(doc);
  if (decl) i = decl[0].length;
  const skipSpace = (): void => {
    while (i < doc.length && /\s/.test(doc[i])) i++;
  };
  const element = (): XmlElement => {
    if (doc[i] !== '<') throw new Error(`expected '<' at ${i}`);
    i++;
    const name = NAME.exec(doc.slice(i))?.[0];
    if (!name) throw new Error(`expected an element name at ${i}`);
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (doc.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (doc[i] === '>') {
        i++;
        break;
      }
      if (i === before) throw new Error(`expected a space before an attribute at ${i}`);
      const an = NAME.exec(doc.slice(i))?.[0];
      if (!an) throw new Error(`expected an attribute name at ${i}`);
      i += an.length;
      if (doc[i] !== '=') throw new Error(`expected '=' after ${an} at ${i}`);
      i++;
      const q = doc[i];
      if (q !== '"' && q !== "'") throw new Error(`attribute ${an} is not quoted at ${i}`);
      const end = doc.indexOf(q, i + 1);
      if (end < 0) throw new Error(`attribute ${an} is not closed`);
      if (an in attrs) throw new Error(`attribute ${an} repeated`);
      attrs[an] = decode(doc.slice(i + 1, end), i);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const lt = doc.indexOf('<', i);
      if (lt < 0) throw new Error(`element ${name} is not closed`);
      text += decode(doc.slice(i, lt), i);
      i = lt;
      if (doc.startsWith('</', i)) {
        i += 2;
        const close = NAME.exec(doc.slice(i))?.[0];
        if (close !== name) throw new Error(`</${close}> closes <${name}>`);
        i += close.length;
        skipSpace();
        if (doc[i] !== '>') throw new Error(`expected '>' at ${i}`);
        i++;
        return { name, attrs, children, text };
      }
      if (doc.startsWith('<!', i) || doc.startsWith('<?', i)) throw new Error(`unsupported markup at ${i}`);
      children.push(element());
    }
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== doc.length) throw new Error(`content after the root element at ${i}`);
  return root;
}
