/**
 * The router-fault page and the report index measured in headless Chromium
 * at a phone, a laptop and a desktop size: nothing in a lane or the
 * property column wider than its box, the violating step's property column
 * and both ACTIVE pills on screen together, every index link reachable,
 * text at least 12 px with contrast at least 4.5:1. One browser, and one
 * page of each kind per size, reused by the tests of that size. Skipped
 * when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type IndexKept, type IndexVerdict, htmlOfView, loadTraceView, renderIndexHtml } from '../../src/viewer/index.js';

const CHROMIUM = '/usr/bin/chromium';
const REAL_TRACE = fileURLToPath(new URL('../../traces/router-fault/NoSplitBrain.itf.json', import.meta.url));
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/**
 * In the page: every element under `scope` that shows text of its own,
 * with its font size and the contrast of its colour against the first
 * opaque background behind it (WCAG relative luminance; the text colour's
 * alpha and the opacity of its ancestors blended in).
 */
function textStyles(scope: string): { text: string; size: number; contrast: number }[] {
  const rgba = (c: string): number[] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter((x) => x !== '').map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  };
  const lin = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  const lum = (c: number[]) => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  const out: { text: string; size: number; contrast: number }[] = [];
  const all = Array.from(document.querySelectorAll<HTMLElement>(scope)).flatMap((e) => [e, ...Array.from(e.querySelectorAll<HTMLElement>('*'))]);
  for (const el of new Set(all)) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!own || el.getClientRects().length === 0) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden') continue;
    let bg = [255, 255, 255, 1];
    let opacity = 1;
    for (let e: HTMLElement | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    for (let e: HTMLElement | null = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) {
        bg = c;
        break;
      }
    }
    const fg = rgba(st.color);
    const a = fg[3] * opacity;
    const shown = [0, 1, 2].map((k) => fg[k] * a + bg[k] * (1 - a));
    const [l1, l2] = [lum(shown), lum(bg)].sort((x, y) => y - x);
    out.push({ text: `${el.className}: ${(el.textContent ?? '').trim().slice(0, 30)}`, size: parseFloat(st.fontSize), contrast: (l1 + 0.05) / (l2 + 0.05) });
  }
  return out;
}

/** In the page: every element under `scope` that is wider than its box or sticks out of its table cell, described. */
function overflowing(scope: string): string[] {
  const bad: string[] = [];
  for (const cell of Array.from(document.querySelectorAll<HTMLElement>(scope))) {
    const box = cell.getBoundingClientRect();
    for (const e of [cell, ...Array.from(cell.querySelectorAll<HTMLElement>('*'))]) {
      const r = e.getBoundingClientRect();
      if (r.width === 0) continue;
      const wide = e.clientWidth > 0 && e.scrollWidth > e.clientWidth;
      const out = r.left < box.left - 0.5 || r.right > box.right + 0.5;
      if (wide || out) bad.push(`${e.className} ${e.scrollWidth}>${e.clientWidth} [${r.left},${r.right}] in [${box.left},${box.right}]: ${e.textContent}`);
    }
  }
  return bad;
}

/** In the page: whether what is drawn at the centre of `el` is `el` or inside it (nothing covers or clips it). */
async function onScreen(page: Page, selector: string, k = 0): Promise<{ inside: boolean; hit: boolean }> {
  return page.evaluate(
    ({ selector, k }) => {
      const el = document.querySelectorAll(selector)[k];
      const r = el.getBoundingClientRect();
      const inside = r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { inside, hit: at !== null && (at === el || el.contains(at)) };
    },
    { selector, k },
  );
}

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
    // Enough rows that the index must scroll, with long names, one violation deep among them.
    const verdicts: IndexVerdict[] = Array.from({ length: 30 }, (_, i) => ({
      property: `SomeRatherLongPropertyNameNumber${i}`,
      kind: 'invariant',
      verdict: i === 17 ? 'violated' : 'holds',
      expected: i === 17 ? 'violated' : 'holds',
      viewer: i === 17 ? 'NoSplitBrain.html' : undefined,
      trace: i === 17 ? 'traces/router-fault-with-a-long-scenario-name/SomeRatherLongPropertyNameNumber17.itf.json' : undefined,
      note: 'replay: reproduces (the implementation follows every step)',
    }));
    const kept: IndexKept[] = [
      { name: 'router-fault/NoSplitBrain.itf.json', expect: 'reproduces', ok: true, verdict: 'reproduces', viewer: 'NoSplitBrain.html', trace: 'k.itf.json' },
      { name: 'regressions/higher-id-backs-off.itf.json', expect: 'departs', ok: true, verdict: 'departs at step 4 on srg1', viewer: 'NoSplitBrain.html' },
    ];
    indexPage = join(dir, 'index.html');
    writeFileSync(indexPage, renderIndexHtml([{ scenario: 'router-fault-with-a-long-scenario-name', verdicts }], { kept }));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compares two steps and pins variables as columns, all in the address', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(tracePage).href}#/step/3?cmp=1&pin=rview,adv,noSuchVariable`);
    await page.waitForSelector('body[data-ready="true"]');
    // From step 1 to step 3 of the trace (read by hand): srg1, activeRoute, adv and probing of both nodes change, and offPath.
    expect(await page.locator('#compare .cmp-title').textContent()).toBe('step 1 → step 3: 5 of 23 variables differ');
    expect(await page.locator('#compare td.name').allTextContents()).toEqual(['srg1', 'activeRoute', 'adv', 'probing', 'offPath']);
    // What led to step 3 (by hand: n1's SRG1, route, preference and probing all changed at step 2; offPath never before).
    expect(await page.locator('#causes li').allTextContents()).toEqual([
      'srg1 last changed at step 2', 'activeRoute last changed at step 2', 'adv last changed at step 2', 'probing last changed at step 2', 'offPath as in the initial state',
    ]);
    // Pinned columns, in the order given; a name the trace lacks is left out.
    expect(await page.locator('#timeline thead th.pin').allTextContents()).toEqual(['rview', 'adv']);
    expect(await page.locator('#timeline tr[data-step="3"] td.pin').allTextContents()).toEqual(['{n1: low, n2: low}', '{n1: high, n2: high}']);
    // Pinning from the variables and dropping the comparison rewrite the address.
    await page.locator('#vars button.var-name', { hasText: /^srg1$/ }).click();
    await page.locator('#cmp').selectOption('');
    expect(await page.evaluate(() => location.hash)).toBe('#/step/3?pin=rview,adv,srg1');
    await page.locator('#var-filter').fill('route');
    expect(await page.locator('#vars button.var-name').allTextContents()).toEqual(['activeRoute', 'backupRoute', 'router']);
    await page.close();
  });

  for (const size of SIZES) {
    describe(`at ${size.width}x${size.height}`, () => {
      let trace: Page;
      let index: Page;

      beforeAll(async () => {
        trace = await browser.newPage({ viewport: size });
        await trace.goto(pathToFileURL(tracePage).href);
        await trace.waitForSelector('body[data-ready="true"]');
        index = await browser.newPage({ viewport: size });
        await index.goto(pathToFileURL(indexPage).href);
      });

      afterAll(async () => {
        await trace?.close();
        await index?.close();
      });

      it('keeps every element of the lanes and the property column within its box', async () => {
        // The lanes and the column exist (a page without them would pass vacuously).
        expect(await trace.locator('#timeline td.lane').count()).toBe(4 * 4);
        expect(await trace.locator('#timeline td.prop').count()).toBe(4);
        expect(await trace.evaluate(overflowing, '#timeline td.lane, #timeline td.prop')).toEqual([]);
        // The page itself does not scroll sideways.
        expect(await trace.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      });

      it("shows the violating step's property column, both ACTIVE pills and the routers together on screen", async () => {
        const row = trace.locator('#timeline tr.violation');
        await row.scrollIntoViewIfNeeded();
        // Step 3 of traces/router-fault/NoSplitBrain.itf.json: n1 and n2 both active, so ActiveCount is 2 (counted by hand).
        expect(await row.getAttribute('data-step')).toBe('3');
        const cell = row.locator('td.prop');
        expect(await cell.getAttribute('class')).toContain('fails-here');
        expect(await cell.innerText()).toMatch(/✗ false\s+(ActiveCount\s+)?2/);
        expect(await trace.locator('#timeline tr.violation .srg1.s-active').count()).toBe(2);
        for (const [sel, k] of [['#timeline tr.violation td.prop', 0], ['#timeline tr.violation .srg1.s-active', 0], ['#timeline tr.violation .srg1.s-active', 1], ['#timeline tr.violation td.lane.router', 0]] as const) {
          expect(await onScreen(trace, sel, k), `${sel} ${k}`).toEqual({ inside: true, hit: true });
        }
        // The property reads srg1 of both nodes there: both pills are outlined, nothing else in the row.
        expect(await trace.locator('#timeline tr.violation .culprit').count()).toBe(2 + 2);
        expect(await trace.locator('#timeline tr.violation td.culprit').count()).toBe(2);
      });

      it('states the property and its formula within the page width', async () => {
        const prop = trace.locator('section.property');
        await expect(prop.textContent()).resolves.toContain('never two active nodes');
        await expect(prop.textContent()).resolves.toContain('ActiveCount = Cardinality');
        const f = await prop.locator('.formula').boundingBox();
        expect(f).not.toBeNull();
        expect(f!.x + f!.width).toBeLessThanOrEqual(size.width);
      });

      it('writes the timeline in text of at least 12 px at a contrast of at least 4.5:1', async () => {
        const styles = await trace.evaluate(textStyles, '#timeline');
        expect(styles.length).toBeGreaterThan(40);
        expect(styles.filter((s) => s.size < 12)).toEqual([]);
        expect(styles.filter((s) => s.contrast < 4.5)).toEqual([]);
      });

      it('lists the violation and the kept traces on the index, in text of at least 12 px at 4.5:1', async () => {
        const first = await index.evaluate(() => {
          const a = document.querySelector('a[href]') as HTMLAnchorElement;
          return { href: a.getAttribute('href'), inFirst: a.closest('section.first') !== null };
        });
        // The one violation (row 17 of 30) is the first link of the page.
        expect(first).toEqual({ href: 'NoSplitBrain.html', inFirst: true });
        await expect(index.locator('body').textContent()).resolves.toContain('regressions/higher-id-backs-off.itf.json');
        expect(await index.evaluate(overflowing, 'td, .first li')).toEqual([]);
        expect(await index.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        const styles = await index.evaluate(textStyles, 'body');
        expect(styles.filter((s) => s.size < 12)).toEqual([]);
        expect(styles.filter((s) => s.contrast < 4.5)).toEqual([]);
      });

      it('lets every index link be scrolled into view and clicked', async () => {
        const results = await index.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]')).map((a, k) => {
            a.scrollIntoView({ block: 'center', inline: 'nearest' });
            const r = a.getBoundingClientRect();
            const inside = r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
            // What is under the link's centre is the link: nothing covers or clips it.
            const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return { k, inside, hit: at !== null && at.closest('a') === a };
          }),
        );
        // 2 for the violation in the list at the top, 2 in its row, 2 + 1 for the kept traces.
        expect(results).toHaveLength(7);
        expect(results.filter((r) => !r.inside || !r.hit)).toEqual([]);
        // And a real click on the last one goes where it says.
        const last = index.locator('a[href]').last();
        await last.scrollIntoViewIfNeeded();
        await last.click({ trial: true });
      });
    });
  }
});
