/**
 * Splitting a Junos `set` line into words, and the address checks the reader
 * needs. Junos quotes values with spaces in double quotes; the quotes are not
 * part of the value.
 */

/** Splits a line on blanks, keeping a double-quoted value as one word without its quotes. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? '');
  }
  return words;
}

/**
 * The column (1-based) of a double quote that opens a value never closed on
 * the line, or null when every quote is closed. Junos writes a quote inside
 * a value as \\"; such a quote neither opens nor closes.
 */
export function unbalancedQuote(text: string): number | null {
  let open: number | null = null;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') { i += 1; continue; }
    if (text[i] === '"') open = open === null ? i + 1 : null;
  }
  return open;
}

/** True for a dotted-quad IPv4 address such as 10.0.0.1. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** True for an IPv6 address written with hex groups and colons (loose: enough to catch typos). */
export function isIpv6(text: string): boolean {
  return /^[0-9a-fA-F:]+$/.test(text) && (text.match(/:/g) ?? []).length >= 2;
}

/** True for an IPv4 or IPv6 address, without a prefix length. */
export function isAddress(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}

/** True for an address with an optional `/length` (0..32 for IPv4, 0..128 for IPv6). */
export function isPrefix(text: string): boolean {
  const [address = '', length, extra] = text.split('/');
  if (extra !== undefined) return false;
  if (!isAddress(address)) return false;
  if (length === undefined) return true;
  if (!/^\d{1,3}$/.test(length)) return false;
  return Number(length) <= (isIpv4(address) ? 32 : 128);
}

/** The address part of `address/length`. */
export function addressOf(prefix: string): string {
  return prefix.split('/')[0] ?? prefix;
}
