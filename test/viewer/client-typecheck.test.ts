import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The page script is plain JavaScript (it is inlined as is); this checks it
// as strict TypeScript with its JSDoc types, against the DOM.
describe('the page script', () => {
  it('type-checks as strict TypeScript', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const script = fileURLToPath(new URL('../../src/viewer/client/viewer.js', import.meta.url));
    const args = [tsc, '--noEmit', '--allowJs', '--checkJs', '--strict', '--target', 'ES2022', '--lib', 'ES2022,DOM,DOM.Iterable', '--types', 'node', '--skipLibCheck', script];
    let output = '';
    try {
      execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
