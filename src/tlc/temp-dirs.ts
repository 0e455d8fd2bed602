/**
 * Private temporary folders of TLC runs (the metadir, Java's own temp
 * folder, the exported spec), removed when the run ends, whatever way it
 * ends: normally, on an error, on Ctrl-C, and, synchronously, when this
 * process exits or is ended by a signal while a run is under way.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

/** Removes every folder still registered, at once (for exit paths that cannot wait). */
export function removeTempDirsNow(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

/** Creates `<os temp>/<prefix>XXXXXX`, registered for removal at exit. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', removeTempDirsNow);
  }
  return dir;
}

/** Removes a folder made by {@link makeTempDir}. */
export async function removeTempDir(dir: string): Promise<void> {
  live.delete(dir);
  await rm(dir, { recursive: true, force: true });
}
