/**
 * The repository stands alone: a user's clone has nothing beside it, so no
 * tracked file may reach outside the repository for fixtures or name a
 * folder of the machine it was written on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SELF = 'test/repo/self-contained.test.ts';

/** Tracked text files (git knows what a clone holds). */
function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f && f !== SELF && !/\.(png|wasm|jar)$/.test(f));
}

// Built from parts so that this file does not match itself.
const FORBIDDEN: { what: string; re: RegExp }[] = [
  { what: 'a folder beside the repository', re: new RegExp(['\\.\\./', 'shared/'].join('')) },
  { what: 'a build machine\'s work folder', re: new RegExp(['/w', 'ork/'].join('')) },
  // Neutral example paths (/home/me, /home/user) are fine; a real user's folder is not.
  { what: 'a user\'s home folder', re: new RegExp(['/ro', 'ot/|/home/(?!me\\b|user\\b)[a-z]'].join('')) },
];

describe('the repository is self-contained', () => {
  const files = (() => {
    try {
      return trackedTextFiles();
    } catch {
      return null;
    }
  })();

  it.skipIf(files === null)('no tracked file reads outside the repository or names a machine folder', () => {
    const hits: string[] = [];
    for (const f of files!) {
      const text = readFileSync(resolve(ROOT, f), 'utf8');
      for (const { what, re } of FORBIDDEN) {
        const m = re.exec(text);
        if (m) hits.push(`${f}: ${what} (${m[0]})`);
      }
    }
    expect(hits).toEqual([]);
  });
});
