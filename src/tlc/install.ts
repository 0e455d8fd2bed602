/**
 * Getting TLC: downloads a pinned `tla2tools.jar` into a cache folder
 * (`$XDG_CACHE_HOME/ha-verify`, else `~/.cache/ha-verify`) and says which
 * `export TLA2TOOLS_JAR=...` line to use.
 *
 * The download goes to a temporary file in the cache folder, is hashed as it
 * arrives, and is renamed to its final name only once complete and, unless
 * the caller opts out, once its SHA-256 matches the pinned one. Offline or on
 * any error, nothing half-written is left behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

import { type TlcResult, tlcFailure } from './errors.js';

/** The TLC release ha-verify pins. */
export const TLA2TOOLS_VERSION = 'v1.8.0';

/** Where that release's jar is published. */
export const TLA2TOOLS_URL = `https://github.com/tlaplus/tlaplus/releases/download/${TLA2TOOLS_VERSION}/tla2tools.jar`;

/**
 * SHA-256 of {@link TLA2TOOLS_URL}, lowercase hex.
 *
 * TODO: fill this from the release page. No authoritative checksum could be
 * found: the tlaplus project publishes no SHA-256 for its release assets, and
 * the v1.8.0 asset is a rolling pre-release that has been rebuilt and
 * re-uploaded several times, so any hash taken from a third party would be
 * stale. Until it is pinned, `installTla2tools` refuses to trust a download
 * unless given the expected hash (`--sha256`) or told not to verify
 * (`--no-verify`).
 */
export const TLA2TOOLS_V1_8_0_SHA256: string | undefined = undefined;

/** Options of {@link installTla2tools}. */
export interface InstallOptions {
  /** Where to download from; default {@link TLA2TOOLS_URL}. */
  readonly url?: string;
  /** Expected SHA-256 (hex); default {@link TLA2TOOLS_V1_8_0_SHA256}. */
  readonly sha256?: string;
  /** Verify the checksum (default `true`); `false` trusts the download as is. */
  readonly verify?: boolean;
  /** Download again even if the jar is already in the cache. */
  readonly force?: boolean;
  /** The cache folder; default {@link defaultCacheDir}. */
  readonly cacheDir?: string;
  /** Environment to read `XDG_CACHE_HOME` and `HOME` from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Give up after this long; default 120 s. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** A tla2tools.jar in the cache. */
export interface InstalledTla2tools {
  /** Absolute path of the jar. */
  readonly jar: string;
  /** Its SHA-256, lowercase hex. */
  readonly sha256: string;
  /** Whether its SHA-256 was checked against an expected one. */
  readonly verified: boolean;
  /** Whether it was already there (nothing was downloaded). */
  readonly alreadyPresent: boolean;
  /** The line to put in a shell profile, e.g. `export TLA2TOOLS_JAR='/home/me/.cache/ha-verify/tla2tools-v1.8.0.jar'`. */
  readonly exportLine: string;
}

/** `$XDG_CACHE_HOME/ha-verify`, else `~/.cache/ha-verify`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && xdg !== '') return join(xdg, 'ha-verify');
  return join(env.HOME && env.HOME !== '' ? env.HOME : homedir(), '.cache', 'ha-verify');
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

async function sha256Of(path: string): Promise<string | undefined> {
  try {
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return undefined;
  }
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

function describeFetchError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'timed out';
  if (err.name === 'AbortError') return 'aborted';
  const code = err.cause?.code;
  if (code && OFFLINE_CODES.has(code)) return `${err.message} (${code}: is this machine offline?)`;
  const cause = code ?? err.cause?.message;
  return cause ? `${err.message} (${cause})` : err.message;
}

const DOWNLOAD_HINT = `check the network, or download ${TLA2TOOLS_URL} yourself and set TLA2TOOLS_JAR to it`;

/**
 * Downloads the pinned tla2tools.jar into the cache (see the module
 * comment). Fails with `TLC_INSTALL_UNVERIFIED` (no checksum to verify
 * against, before any download), `TLC_INSTALL_DOWNLOAD_FAILED` (offline,
 * HTTP error, not a jar), `TLC_INSTALL_CHECKSUM_MISMATCH` or
 * `TLC_INSTALL_WRITE_FAILED`, each leaving nothing half-written.
 */
export async function installTla2tools(options: InstallOptions = {}): Promise<TlcResult<InstalledTla2tools>> {
  const url = options.url ?? TLA2TOOLS_URL;
  const verify = options.verify ?? true;
  const expected = (options.sha256 ?? TLA2TOOLS_V1_8_0_SHA256)?.toLowerCase();
  if (verify && expected === undefined) {
    return tlcFailure(
      'TLC_INSTALL_UNVERIFIED',
      `no SHA-256 is pinned for tla2tools.jar ${TLA2TOOLS_VERSION}, so a download cannot be verified`,
      'pass --sha256 <hex> taken from the release page, or --no-verify to trust the download as is',
    );
  }
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    return tlcFailure('TLC_INSTALL_UNVERIFIED', `the expected SHA-256 ${expected} is not 64 hex digits`, 'pass the full SHA-256 in hex');
  }
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.env);
  const jar = join(cacheDir, `tla2tools-${TLA2TOOLS_VERSION}.jar`);
  const done = (sha256: string, alreadyPresent: boolean): TlcResult<InstalledTla2tools> => ({
    ok: true,
    value: { jar, sha256, verified: verify, alreadyPresent, exportLine: `export TLA2TOOLS_JAR=${shellQuote(jar)}` },
  });

  if (!options.force) {
    const present = await sha256Of(jar);
    if (present !== undefined && (!verify || present === expected)) return done(present, true);
  }
  try {
    await mkdir(cacheDir, { recursive: true });
  } catch (e) {
    return tlcFailure('TLC_INSTALL_WRITE_FAILED', `cannot create the cache folder ${cacheDir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'set XDG_CACHE_HOME to a writable folder, or pass --cache-dir');
  }

  const tmp = join(cacheDir, `.tla2tools-${TLA2TOOLS_VERSION}.jar.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(url, { signal, redirect: 'follow' });
    } catch (e) {
      return tlcFailure('TLC_INSTALL_DOWNLOAD_FAILED', `cannot download tla2tools.jar from ${url}: ${describeFetchError(e)}`, DOWNLOAD_HINT);
    }
    if (!response.ok || !response.body) {
      return tlcFailure('TLC_INSTALL_DOWNLOAD_FAILED', `cannot download tla2tools.jar from ${url}: HTTP ${response.status} ${response.statusText}`.trimEnd(), DOWNLOAD_HINT);
    }
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as unknown as WebReadableStream), hashing, createWriteStream(tmp, { flags: 'wx' }));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'ENOSPC' || code === 'EROFS' || code === 'EEXIST') {
        return tlcFailure('TLC_INSTALL_WRITE_FAILED', `cannot write ${tmp}: ${code}`, 'free some space or make the cache folder writable');
      }
      return tlcFailure('TLC_INSTALL_DOWNLOAD_FAILED', `download of tla2tools.jar from ${url} broke off: ${describeFetchError(e)}`, DOWNLOAD_HINT);
    }
    const actual = hash.digest('hex');
    if (!(await looksLikeJar(tmp))) {
      return tlcFailure('TLC_INSTALL_DOWNLOAD_FAILED', `what ${url} sent is not a jar`, DOWNLOAD_HINT);
    }
    if (verify && actual !== expected) {
      return tlcFailure(
        'TLC_INSTALL_CHECKSUM_MISMATCH',
        `tla2tools.jar from ${url} has SHA-256 ${actual}, expected ${expected}`,
        'do not use this download; check the release page, then pass the right --sha256 (or --no-verify at your own risk)',
      );
    }
    await rename(tmp, jar);
    return done(actual, false);
  } catch (e) {
    return tlcFailure('TLC_INSTALL_WRITE_FAILED', `cannot install ${jar}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'make the cache folder writable');
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** A jar is a zip file: it starts with `PK\x03\x04`. */
async function looksLikeJar(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    if (s.size < 4) return false;
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(4);
      await fh.read(buf, 0, 4, 0);
      return buf.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
}
