/**
 * The router-fault page and the report index measured in headless Chromium
 * at a phone, a laptop and a desktop size: nothing in a lane wider than its
 * box, the violating step readable, both ACTIVE pills on a phone screen at
 * once, every index link reachable. Skipped when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type IndexVerdict, htmlOfView, loadTraceView, renderIndexHtml } from '../../src/viewer/index.js';

const CHROMIUM = '/usr/bin/chromium';
const REAL_TRACE = fileURLToPath(new URL('../../traces/router-fault/NoSplitBrain.itf.json', import.meta.url));
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(REAL_TRACE))('the viewer at phone, laptop and desktop sizes', () => {
  let browser: Browser;
  let dir: string;
  let tracePage: string;
  let indexPage: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    dir = mkdtempSync(join(tmpdir(), 'ha-verify-viewports-'));
    const view = await loadTraceView(REAL_TRACE);
    if (!view.ok) throw new Error(view.error.message);
    tracePage = join(dir, 'NoSplitBrain.html');
    writeFileSync(tracePage, htmlOfView(view.value));
    // Enough rows that the index must scroll, with long names, a violation among them.
    const verdicts: IndexVerdict[] = Array.from({ length: 30 }, (_, i) => ({
      property: `SomeRatherLongPropertyNameNumber${i}`,
      verdict: i === 17 ? 'violated' : 'holds',
      expected: 'holds' as const,
      viewer: 'NoSplitBrain.html',
    }));
    indexPage = join(dir, 'index.html');
    writeFileSync(indexPage, renderIndexHtml([{ scenario: 'router-fault-with-a-long-scenario-name', verdicts }]));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, size: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport: size });
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  for (const size of SIZES) {
    describe(`at ${size.width}x${size.height}`, () => {
      it('keeps every lane element within its box', async () => {
        const page = await open(tracePage, size);
        await page.waitForSelector('body[data-ready="true"]');
        const over = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('#timeline td.lane, #timeline td.lane *'))
            .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth)
            .map((e) => `${e.className} ${e.scrollWidth}>${e.clientWidth}: ${e.textContent}`),
        );
        // The lanes exist (a page without them would pass vacuously).
        expect(await page.locator('#timeline td.lane').count()).toBeGreaterThan(0);
        expect(over).toEqual([]);
        await page.close();
      });

      it('shows the violating step with both ACTIVE pills and the routers inside the viewport', async () => {
        const page = await open(tracePage, size);
        await page.waitForSelector('body[data-ready="true"]');
        const row = page.locator('#timeline tr.violation');
        await row.scrollIntoViewIfNeeded();
        // Step 3 of traces/router-fault/NoSplitBrain.itf.json: n1 and n2 both active (counted by hand).
        const pills = row.locator('.srg1.s-active');
        expect(await pills.count()).toBe(2);
        const boxes = [...(await Promise.all([0, 1].map((k) => pills.nth(k).boundingBox()))), await row.locator('td.lane.router').boundingBox()];
        for (const b of boxes) {
          expect(b).not.toBeNull();
          expect(b!.x).toBeGreaterThanOrEqual(0);
          expect(b!.x + b!.width).toBeLessThanOrEqual(size.width);
          expect(b!.y).toBeGreaterThanOrEqual(0);
          expect(b!.y).toBeLessThan(size.height);
        }
        // The page itself does not scroll sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        await page.close();
      });

      it('states the property and its formula within the page width', async () => {
        const page = await open(tracePage, size);
        await page.waitForSelector('body[data-ready="true"]');
        const prop = page.locator('section.property');
        await expect(prop.textContent()).resolves.toContain('never two active nodes');
        const f = await prop.locator('.formula').boundingBox();
        expect(f).not.toBeNull();
        expect(f!.x + f!.width).toBeLessThanOrEqual(size.width);
        await page.close();
      });

      it('lets every index link be scrolled into view and clicked', async () => {
        const page = await open(indexPage, size);
        const links = page.locator('a[href]');
        const n = await links.count();
        expect(n).toBeGreaterThanOrEqual(30);
        for (let k = 0; k < n; k++) {
          const a = links.nth(k);
          await a.scrollIntoViewIfNeeded();
          const b = await a.boundingBox();
          expect(b, `link ${k}`).not.toBeNull();
          expect(b!.x, `link ${k}`).toBeGreaterThanOrEqual(0);
          expect(b!.x + b!.width, `link ${k}`).toBeLessThanOrEqual(size.width);
          // What is under the link's centre is the link: nothing covers it.
          const hit = await page.evaluate(({ x, y, k }) => {
            const el = document.elementFromPoint(x, y);
            return el !== null && el.closest('a') === document.querySelectorAll('a[href]')[k];
          }, { x: b!.x + b!.width / 2, y: b!.y + b!.height / 2, k });
          expect(hit, `link ${k}`).toBe(true);
        }
        await page.close();
      });
    });
  }
});
