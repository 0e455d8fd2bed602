/**
 * The implementation must stay independent of the model it is checked
 * against (DESIGN.md, "The implementation under test"): no import from
 * models/, src/model, src/dsl, or XState.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../src/impl', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/impl is independent of the model', () => {
  it('imports nothing from models/, src/model, src/dsl or xstate, and nothing outside src/impl', () => {
    const offending: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from\s+'([^']+)'/g)) {
        const spec = match[1] ?? '';
        const outside = spec.startsWith('.') && join(file, '..', spec).replace(/\\/g, '/').indexOf('/src/impl/') < 0;
        const forbidden = /xstate|\/models\/|\/model\/|\/dsl\//.test(spec);
        const external = !spec.startsWith('.') && !spec.startsWith('node:');
        if (outside || forbidden || external) offending.push(`${file}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
