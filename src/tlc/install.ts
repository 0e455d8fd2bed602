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
 * SHA-256 of {@link TLA2TOOLS_URL}, lowercase hex: the digest several public
 * projects pin for the v1.8.0 `tla2tools.jar` release asset. A download
 * with any other digest is refused. The tlaplus project rebuilds that
 * pre-release asset from time to time, so a mismatch names both digests and
 * the two ways to accept another one: `--sha256 HEX` or
 * {@link TLA2TOOLS_SHA256_ENV}.
 */
export const TLA2TOOLS_V1_8_0_SHA256 = 'cc4803dce2a8ffaf0f5920a9dc39df4b5ee34ab4cb53fb58ac557277a7e516b3';

/** The environment variable that overrides the pinned SHA-256 (as `--sha256` does). */
export const TLA2TOOLS_SHA256_ENV = 'TLA2TOOLS_SHA256';

/** Options of {@link installTla2tools}. */
export interface InstallOptions {
  /** Where to download from; default {@link TLA2TOOLS_URL}. */
  readonly url?: string;
  /** Expected SHA-256 (hex); default `TLA2TOOLS_SHA256` from `env`, else {@link TLA2TOOLS_V1_8_0_SHA256}. */
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
 * comment). Fails with `TLC_INSTALL_BAD_SHA256` (the expected digest is not
 * 64 hex digits, before any download), `TLC_INSTALL_DOWNLOAD_FAILED` (offline,
 * HTTP error, not a jar), `TLC_INSTALL_CHECKSUM_MISMATCH` or
 * `TLC_INSTALL_WRITE_FAILED`, each leaving nothing half-written.
 */
export async function installTla2tools(options: InstallOptions = {}): Promise<TlcResult<InstalledTla2tools>> {
  const url = options.url ?? TLA2TOOLS_URL;
  const verify = options.verify ?? true;
  const env = options.env ?? process.env;
  const override = options.sha256 !== undefined ? '--sha256' : env[TLA2TOOLS_SHA256_ENV] ? TLA2TOOLS_SHA256_ENV : undefined;
  const expected = (options.sha256 ?? (env[TLA2TOOLS_SHA256_ENV] || undefined) ?? TLA2TOOLS_V1_8_0_SHA256).toLowerCase();
  if (verify && !/^[0-9a-f]{64}$/.test(expected)) {
    return tlcFailure('TLC_INSTALL_BAD_SHA256', `the expected SHA-256 ${expected} (from ${override ?? 'the pin'}) is not 64 hex digits`, 'pass the full SHA-256 in hex');
  }
  const cacheDir = options.cacheDir ?? defaultCacheDir(env);
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
      const pinned = override === undefined ? `the pinned SHA-256 of ${TLA2TOOLS_VERSION}` : `the SHA-256 given by ${override}`;
      return tlcFailure(
        'TLC_INSTALL_CHECKSUM_MISMATCH',
        `tla2tools.jar from ${url} has SHA-256 ${actual}, not ${expected} (${pinned}); nothing was installed`,
        `if you trust this download (the release asset may have been rebuilt), accept its digest with --sha256 ${actual} or ${TLA2TOOLS_SHA256_ENV}=${actual}`,
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
