/**
 * The viewer page in a real headless Chromium (Debian's, driven by
 * playwright-core; `.ci/system-deps` installs it). Skipped, with the reason
 * printed, when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { htmlOfView, loadTraceView, renderIndexHtml, renderTraceHtml } from '../../src/viewer/index.js';
import { SPLIT_BRAIN, fixturePath, loadFixture } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`viewer browser tests skipped: ${CHROMIUM} is absent (install it with .ci/system-deps)`);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const REAL_TRACE = join(ROOT, 'traces', 'router-fault', 'NoSplitBrain.itf.json');
if (HAS_CHROMIUM && !existsSync(REAL_TRACE)) console.warn(`viewer browser test of the real trace skipped: ${REAL_TRACE} does not exist yet`);

/** A loaded page and what happened while it loaded and ran. */
interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[];
}

function html(name: string, meta?: Record<string, unknown>): string {
  const trace = loadFixture(name);
  const r = renderTraceHtml(meta ? { ...trace, '#meta': { ...trace['#meta'], ...meta } } : trace, { source: `test/viewer/fixtures/${name}` });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe.skipIf(!HAS_CHROMIUM)('the viewer page in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let pages: string;
  /** Every request whose URL is neither file: nor data: (each one fails the test). */
  const offPage: string[] = [];

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'ha-verify-chromium-'));
    pages = mkdtempSync(join(tmpdir(), 'ha-verify-pages-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1600, height: 1000 },
    });
    const local = (url: string) => url.startsWith('file:') || url.startsWith('data:');
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (local(url)) return route.continue();
      offPage.push(url);
      return route.abort();
    });
    context.on('request', (r) => {
      if (!local(r.url())) offPage.push(r.url());
    });
  });

  afterAll(async () => {
    await context?.close();
    for (const d of [profile, pages]) if (d) rmSync(d, { recursive: true, force: true });
  });

  async function open(page: string, name: string, hash = ''): Promise<Opened> {
    const file = join(pages, name);
    writeFileSync(file, page);
    const p = await context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    p.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await p.goto(pathToFileURL(file).href + hash);
    await p.waitForSelector('body[data-ready="true"]');
    return { page: p, errors, dialogs };
  }

  const selected = (p: Page) => p.evaluate(() => document.body.dataset.selectedStep);
  const hashOf = (p: Page) => new URL(p.url()).hash;
  const cspViolations = (p: Page) => p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  async function expectSelected(p: Page, step: number): Promise<void> {
    await p.waitForFunction((n) => document.body.dataset.selectedStep === String(n), step);
    expect(await p.locator('#timeline tr.selected').getAttribute('data-step')).toBe(String(step));
  }

  describe('the router-fault split brain', () => {
    let opened: Opened;
    beforeAll(async () => {
      opened = await open(html(SPLIT_BRAIN), 'router-fault.html');
    });

    it('loads from file:// with no request leaving the page, no error and no CSP violation', async () => {
      expect(opened.page.url()).toMatch(/^file:\/\//);
      expect(offPage).toEqual([]);
      expect(opened.errors).toEqual([]);
      expect(await cspViolations(opened.page)).toEqual([]);
      // The styles applied (their CSP hash is right): the violating row's number is in the page's red (#b91c1c).
      const bg = await opened.page.locator('tr[data-step="11"] td.num').evaluate((e) => getComputedStyle(e).color);
      expect(bg).toBe('rgb(185, 28, 28)');
    });

    it('marks the violating step and opens on it', async () => {
      const { page } = opened;
      expect(await selected(page)).toBe('11');
      expect(hashOf(page)).toBe('');
      const row = page.locator('tr[data-step="11"]');
      expect(await row.getAttribute('class')).toBe('row violation selected');
      expect(await row.locator('.tag.violation').textContent()).toBe('✗ NoSplitBrain violated');
      expect(await page.locator('#step-notes .note.violation').textContent()).toBe(
        '✗ invariant NoSplitBrain is violated at step 11 — this is the state where it fails.',
      );
      expect(await page.locator('#verdict').textContent()).toBe('✗ invariant NoSplitBrain is violated at step 11');
    });

    it('saves a screenshot', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, 'viewer-router-fault.png');
      await opened.page.screenshot({ path, fullPage: true });
      expect(existsSync(path)).toBe(true);
    });

    it('draws the STATE messages as arrows between the node lanes', async () => {
      const { page } = opened;
      expect(await page.locator('svg#arrows g.msg').evaluateAll((gs) => gs.map((g) => g.getAttribute('class')))).toEqual([
        'msg delivered',
        'msg replaced',
        'msg delivered',
      ]);
      expect(await page.locator('svg#arrows g.msg-label text').allTextContents()).toEqual(['STATE active', 'STATE hold', 'STATE backup']);
      // The first goes right, from n1 (step 1) down to n2 (step 4).
      const line = await page.locator('svg#arrows g.msg line').first().evaluate((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a))));
      expect(line[2]).toBeGreaterThan(line[0]);
      expect(line[3]).toBeGreaterThan(line[1]);
    });

    it("highlights the selected step's arrows and numbers the messages", async () => {
      const { page } = opened;
      const first = page.locator('svg#arrows g.msg').first();
      // The first message is sent at step 1 and received at step 4: selected at both, not at step 0.
      for (const [step, sel] of [[4, true], [1, true], [0, false]] as const) {
        await page.evaluate((n) => (location.hash = '#/step/' + n), step);
        await expectSelected(page, step);
        expect(await first.evaluate((g) => g.hasAttribute('data-sel')), `step ${step}`).toBe(sel);
      }
      expect(await first.locator('title').textContent()).toMatch(/^message 1 of 3: /);
      await page.evaluate(() => (location.hash = '#/step/11'));
      await expectSelected(page, 11);
    });

    it('moves the selection with the arrow keys and writes it in #/step/N', async () => {
      const { page } = opened;
      await page.keyboard.press('ArrowUp');
      await expectSelected(page, 10);
      expect(hashOf(page)).toBe('#/step/10');
      await page.keyboard.press('ArrowLeft');
      await expectSelected(page, 9);
      expect(hashOf(page)).toBe('#/step/9');
      await page.keyboard.press('ArrowDown');
      await expectSelected(page, 10);
      await page.keyboard.press('ArrowRight');
      await expectSelected(page, 11);
      expect(hashOf(page)).toBe('#/step/11');
      await page.keyboard.press('ArrowDown');
      await expectSelected(page, 11);
      await page.keyboard.press('Home');
      await expectSelected(page, 0);
      expect(hashOf(page)).toBe('#/step/0');
      expect(await page.locator('#step-title').textContent()).toBe('0initial state');
      await page.keyboard.press('End');
      await expectSelected(page, 11);
    });

    it('steps with the buttons and selects a clicked row', async () => {
      const { page } = opened;
      await page.click('#prev');
      await expectSelected(page, 10);
      await page.click('tr[data-step="6"] td.step');
      await expectSelected(page, 6);
      expect(hashOf(page)).toBe('#/step/6');
      expect(await page.locator('#step-title').textContent()).toBe('6IclCut');
      await page.click('#goto-violation');
      await expectSelected(page, 11);
    });

    it('follows the address when its fragment changes', async () => {
      const { page } = opened;
      await page.evaluate(() => {
        location.hash = '#/step/5';
      });
      await expectSelected(page, 5);
    });

    it('shows every variable, highlights the changed ones with old and new values, and filters on them', async () => {
      const { page } = opened;
      await page.keyboard.press('End');
      await expectSelected(page, 11);
      expect(await page.locator('#vars-body tr').count()).toBe(20);
      expect(await page.locator('#vars-count').textContent()).toBe('5 of 20 variables changed');
      const srg1 = page.locator('#vars-body tr.changed').first();
      expect(await srg1.locator('.var-name').textContent()).toBe('srg1');
      expect(await srg1.locator('del.was').allTextContents()).toEqual(['hold']);
      expect(await srg1.locator('ins.now').allTextContents()).toEqual(['active']);
      await page.check('#changed-only');
      expect(await page.locator('#vars-body tr .var-name').allTextContents()).toEqual(['srg1', 'activeRoute', 'adv', 'probing', 'offPath']);
      await page.keyboard.press('ArrowUp');
      await expectSelected(page, 10);
      expect(await page.locator('#vars-body tr .var-name').allTextContents()).toEqual(['srg1', 'activeRoute', 'backupRoute', 'adv', 'probing']);
      await page.uncheck('#changed-only');
      expect(await page.locator('#vars-body tr').count()).toBe(20);
    });

    it('made no request off the page through all of this', () => {
      expect(offPage).toEqual([]);
      expect(opened.errors).toEqual([]);
    });
  });

  it('opens at the step the address names', async () => {
    const { page, errors } = await open(html(SPLIT_BRAIN), 'router-fault-step3.html', '#/step/3');
    await expectSelected(page, 3);
    expect(hashOf(page)).toBe('#/step/3');
    expect(await page.locator('#step-title').textContent()).toBe('3HoldOnIclUp');
    expect(await page.locator('#step-params').textContent()).toBe('n=n2');
    expect(await page.locator('#vars-count').textContent()).toBe('2 of 20 variables changed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows where the implementation departed on replay, what it was given and the known difference', async () => {
    const replay = {
      outcome: 'departs',
      step: 10,
      action: 'BackupOnProbeReply(n=n2)',
      diff: [{ variable: 'srg1[n2]', expected: 'active', actual: 'backup' }],
      log: [
        { step: 9, action: 'RouterMisbehaves', stimulus: 'router answers every probe', outcome: 'ok' },
        { step: 10, action: 'BackupOnProbeReply(n=n2)', stimulus: 'probe n2', outcome: 'answered' },
      ],
      known: { id: 'example', summary: 'a difference both readings allow' },
    };
    const { page, errors } = await open(html(SPLIT_BRAIN, { replay }), 'replay.html', '#/step/10');
    expect(await page.locator('tr[data-step="10"] .tag.depart').textContent()).toBe('⚠ implementation departs');
    expect(await page.locator('#step-notes .note.info').textContent()).toBe('implementation: probe n2 → answered');
    expect(await page.locator('#step-notes .note.depart .note-title').textContent()).toBe(
      '⚠ replay: the implementation departs at step 10 (BackupOnProbeReply(n=n2)): 1 variable differs; known difference example',
    );
    expect(await page.locator('#step-notes .note.depart .known').textContent()).toBe('known difference example: a difference both readings allow');
    expect(await page.locator('#step-notes .replay-diff td').allTextContents()).toEqual(['srg1[n2]', 'active', 'backup']);
    await page.keyboard.press('ArrowUp');
    await expectSelected(page, 9);
    expect(await page.locator('#step-notes').textContent()).toBe('implementation: router answers every probe → ok');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders HTML and script text from a trace as text', async () => {
    const { page, errors, dialogs } = await open(html('hostile.itf.json'), 'hostile.html');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    const counts = await page.evaluate(() => ({
      scripts: document.scripts.length,
      injected: document.querySelectorAll('img, iframe, object, embed, h1 ~ h1, i, b:not(.facts b), style ~ style').length,
      h1: document.querySelectorAll('h1').length,
      hidden: getComputedStyle(document.body).display,
    }));
    expect(counts).toEqual({ scripts: 2, injected: 0, h1: 1, hidden: 'block' });
    const text = await page.evaluate(() => document.body.innerText);
    for (const s of [
      `"<script>alert('scenario')</script>"`,
      `"<img src=x onerror=alert(1)>"`,
      `"</script><script>alert('action')</script>"`,
      `"<b>n2</b>"`,
      `"<iframe src=javascript:alert(8)>"`,
      `"<style>body{display:none}</style>"`,
      `"\\u001b[31mred\\u001b[0m \\u202eevil"`,
      `"</td></tr></table><h1>pwned</h1>"`,
    ]) {
      expect(text).toContain(s);
    }
    expect(await page.locator('svg#arrows g.msg-label text').allTextContents()).toEqual([`"<script>alert(6)</script>"`]);
    expect(offPage).toEqual([]);
    await page.close();
  });

  it('shows a lasso of another model with its loop and no lanes', async () => {
    const { page, errors } = await open(html('two-phase-lasso.itf.json'), 'lasso.html');
    await expectSelected(page, 2);
    expect(await page.locator('#timeline td.lane').count()).toBe(0);
    expect(await page.locator('#step-notes .note.loop').first().textContent()).toBe(
      '↻ The loop starts here: after step 3 the behaviour comes back to this state, forever.',
    );
    await page.keyboard.press('ArrowDown');
    await expectSelected(page, 3);
    expect(await page.locator('#step-notes .note.loop').textContent()).toBe('↻ Next: back to step 2 via TMTimeout.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads the report index with no request leaving the page', async () => {
    const index = renderIndexHtml([{ scenario: 'router-fault', verdicts: [{ property: 'NoSplitBrain', verdict: 'violated', expected: 'violated', viewer: 'router-fault.html' }] }]);
    const file = join(pages, 'index.html');
    writeFileSync(file, index);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.click('text=view trace');
    await page.waitForSelector('body[data-ready="true"]');
    expect(page.url()).toBe(pathToFileURL(join(pages, 'router-fault.html')).href);
    expect(offPage).toEqual([]);
    await page.close();
  });

  it.skipIf(!existsSync(REAL_TRACE))('shows the real router-fault trace of the explorer with its violation marked', async () => {
    const r = await loadTraceView(REAL_TRACE);
    if (!r.ok) throw new Error(r.error.message);
    const view = r.value;
    expect(view.info.violationStep).toBeDefined();
    const { page, errors } = await open(htmlOfView(view), 'real-router-fault.html');
    const step = String(view.info.violationStep);
    expect(await selected(page)).toBe(step);
    expect(await page.locator('#timeline tr.violation').getAttribute('data-step')).toBe(step);
    expect(await page.locator('#timeline tr.violation .tag.violation').textContent()).toBe('✗ NoSplitBrain violated');
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(offPage).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-router-fault-real.png'), fullPage: true });
    await page.close();
  });
});

// Keeps the fixture path helper in use for readers looking for the files.
void fixturePath;
