/**
 * The page's script and styles, kept as real files next to this module
 * (`client/viewer.js`, `client/viewer.css`) so that they can be read and
 * checked as code, and inlined into every page at render time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

function asset(name: string, closing: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./client/${name}`, import.meta.url), 'utf8');
    // The text goes inside an element; it must not be able to close it.
    if (text.toLowerCase().includes(closing)) throw new Error(`viewer asset ${name} contains ${closing}`);
    cache.set(name, text);
  }
  return text;
}

/** The page script, to inline in a `<script>` element. */
export function clientScript(): string {
  return asset('viewer.js', '</script');
}

/** The page styles, to inline in a `<style>` element. */
export function clientStyles(): string {
  return asset('viewer.css', '</style');
}

/** The CSP source expression (`'sha256-...'`) that allows exactly this inline text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
