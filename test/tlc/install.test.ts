/**
 * Installing tla2tools.jar, against a local HTTP server on loopback and an
 * unreachable address (this machine is offline).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { command, parseTlcInstallArgs } from '../../src/cli/commands/tlc-install.js';
import {
  TLA2TOOLS_SHA256_ENV,
  TLA2TOOLS_URL,
  TLA2TOOLS_V1_8_0_SHA256,
  defaultCacheDir,
  installTla2tools,
} from '../../src/tlc/install.js';

/** Bytes that look like a jar (a zip starts with PK\x03\x04). */
const JAR = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200_000)]);
const JAR_SHA = createHash('sha256').update(JAR).digest('hex');
/** A loopback port nobody listens on (set in beforeAll): connections are refused, as offline. */
let UNREACHABLE = '';

let server: Server;
let base: string;
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/jar') {
      res.writeHead(200, { 'content-length': JAR.length });
      res.end(JAR);
    } else if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>rate limited</html>');
    } else if (req.url === '/broken') {
      res.writeHead(200, { 'content-length': JAR.length });
      res.write(JAR.subarray(0, 1000), () => res.destroy());
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  UNREACHABLE = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/tla2tools.jar`;
  await new Promise((r) => closed.close(r));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'tlc-cache-'));
  hits = 0;
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('installTla2tools', () => {
  it('pins the v1.8.0 release asset and its SHA-256', () => {
    expect(TLA2TOOLS_URL).toBe('https://github.com/tlaplus/tlaplus/releases/download/v1.8.0/tla2tools.jar');
    // The digest public projects pin for that asset (issue 14).
    expect(TLA2TOOLS_V1_8_0_SHA256).toBe('cc4803dce2a8ffaf0f5920a9dc39df4b5ee34ab4cb53fb58ac557277a7e516b3');
  });

  it('verifies against the pinned SHA-256 by default: another digest is refused, naming both and the override', async () => {
    const r = await installTla2tools({ url: `${base}/jar`, cacheDir, env: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TLC_INSTALL_CHECKSUM_MISMATCH');
    expect(r.error.message).toContain(JAR_SHA);
    expect(r.error.message).toContain(TLA2TOOLS_V1_8_0_SHA256);
    expect(r.error.message).not.toContain('\n');
    expect(r.error.hint).toContain(`--sha256 ${JAR_SHA}`);
    expect(r.error.hint).toContain(`${TLA2TOOLS_SHA256_ENV}=${JAR_SHA}`);
    expect(hits).toBe(1);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('takes the expected SHA-256 from TLA2TOOLS_SHA256, and names it on a mismatch', async () => {
    const r = await installTla2tools({ url: `${base}/jar`, cacheDir, env: { [TLA2TOOLS_SHA256_ENV]: JAR_SHA } });
    expect(r.ok && r.value.verified).toBe(true);
    await rm(join(cacheDir, 'tla2tools-v1.8.0.jar'));
    const other = 'a'.repeat(64);
    const bad = await installTla2tools({ url: `${base}/jar`, cacheDir, env: { [TLA2TOOLS_SHA256_ENV]: other } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain(`not ${other} (the SHA-256 given by ${TLA2TOOLS_SHA256_ENV})`);
  });

  it('fails offline with one line and leaves nothing behind', async () => {
    const r = await installTla2tools({ url: UNREACHABLE, verify: false, cacheDir });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TLC_INSTALL_DOWNLOAD_FAILED');
      expect(r.error.message).toContain(UNREACHABLE);
      expect(r.error.message).toContain('offline');
      expect(r.error.message).not.toContain('\n');
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('downloads, verifies and renames into place, then reuses the cached jar', async () => {
    const r = await installTla2tools({ url: `${base}/jar`, sha256: JAR_SHA.toUpperCase(), cacheDir });
    const jar = join(cacheDir, 'tla2tools-v1.8.0.jar');
    expect(r).toEqual({
      ok: true,
      value: { jar, sha256: JAR_SHA, verified: true, alreadyPresent: false, exportLine: `export TLA2TOOLS_JAR=${jar}` },
    });
    expect((await readFile(jar)).equals(JAR)).toBe(true);
    expect(await readdir(cacheDir)).toEqual(['tla2tools-v1.8.0.jar']);

    const again = await installTla2tools({ url: `${base}/jar`, sha256: JAR_SHA, cacheDir });
    expect(again.ok && again.value.alreadyPresent).toBe(true);
    expect(hits).toBe(1);
    const forced = await installTla2tools({ url: `${base}/jar`, sha256: JAR_SHA, cacheDir, force: true });
    expect(forced.ok && forced.value.alreadyPresent).toBe(false);
    expect(hits).toBe(2);
  });

  it('installs without verifying when told to, and says so', async () => {
    const r = await installTla2tools({ url: `${base}/jar`, verify: false, cacheDir });
    expect(r.ok && r.value.verified).toBe(false);
    expect(r.ok && r.value.sha256).toBe(JAR_SHA);
  });

  it('refuses a download whose checksum differs, keeping nothing', async () => {
    const r = await installTla2tools({ url: `${base}/jar`, sha256: '0'.repeat(64), cacheDir });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('TLC_INSTALL_CHECKSUM_MISMATCH');
      expect(r.error.message).toContain(JAR_SHA);
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('refuses HTTP errors, broken transfers and non-jars, keeping nothing', async () => {
    const notFound = await installTla2tools({ url: `${base}/missing`, verify: false, cacheDir });
    expect(notFound.ok).toBe(false);
    if (!notFound.ok) expect(notFound.error.message).toContain('HTTP 404');
    const broken = await installTla2tools({ url: `${base}/broken`, verify: false, cacheDir });
    expect(broken).toMatchObject({ ok: false, error: { code: 'TLC_INSTALL_DOWNLOAD_FAILED' } });
    const html = await installTla2tools({ url: `${base}/html`, verify: false, cacheDir });
    expect(html.ok).toBe(false);
    if (!html.ok) expect(html.error.message).toContain('is not a jar');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('refuses a malformed expected checksum', async () => {
    const r = await installTla2tools({ url: `${base}/jar`, sha256: 'abc', cacheDir });
    expect(r).toMatchObject({ ok: false, error: { code: 'TLC_INSTALL_BAD_SHA256' } });
    expect(hits).toBe(0);
  });
});

describe('defaultCacheDir', () => {
  it('uses XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/me' })).toBe('/x/cache/ha-verify');
    expect(defaultCacheDir({ HOME: '/home/me' })).toBe('/home/me/.cache/ha-verify');
  });
});

describe('tlc-install command', () => {
  it('reads its options and refuses unknown ones', () => {
    expect(parseTlcInstallArgs(['--cache-dir', '/c', '--sha256', 'AB'.repeat(32), '--no-verify', '--url', 'u', '--force'])).toEqual({
      cacheDir: '/c',
      sha256: 'AB'.repeat(32),
      verify: false,
      url: 'u',
      force: true,
    });
    expect(() => parseTlcInstallArgs(['--bogus'])).toThrow(/unknown option '--bogus'/);
    expect(() => parseTlcInstallArgs(['--url'])).toThrow(/--url needs a value/);
    expect(() => parseTlcInstallArgs(['--sha256', 'abc'])).toThrow(/--sha256 takes 64 hex digits, not 'abc'/);
  });

  it('has a help text and a summary', () => {
    expect(command.help).toContain('usage: ha-verify tlc-install');
    expect(command.help).toContain('--no-verify');
    expect(command.summary).toContain('tla2tools.jar');
  });

  it('prints the export line on success and one error line offline', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await command.run(['--url', `${base}/jar`, '--sha256', JAR_SHA, '--cache-dir', cacheDir])).toBe(0);
      expect(out).toHaveBeenCalledWith(`export TLA2TOOLS_JAR=${join(cacheDir, 'tla2tools-v1.8.0.jar')}\n`);
      expect(await command.run(['--url', UNREACHABLE, '--no-verify', '--force', '--cache-dir', cacheDir])).toBe(1);
      const lines = err.mock.calls.map((c) => String(c[0])).join('');
      expect(lines).toContain('TLC_INSTALL_DOWNLOAD_FAILED');
      err.mockClear();
      // The pinned digest, against a download that has another one.
      expect(await command.run(['--url', `${base}/jar`, '--force', '--cache-dir', cacheDir])).toBe(1);
      const mismatch = err.mock.calls.map((c) => String(c[0])).join('');
      expect(mismatch).toContain('TLC_INSTALL_CHECKSUM_MISMATCH');
      expect(mismatch).toContain(JAR_SHA);
      expect(mismatch).toContain(TLA2TOOLS_V1_8_0_SHA256);
      expect(mismatch).toContain('--sha256');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
