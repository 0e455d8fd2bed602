import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { renderTraceHtml } from '../../src/viewer/index.js';
import { SPLIT_BRAIN, loadFixture, withMeta } from './helpers.js';

function render(name: string, meta?: Record<string, unknown>): string {
  const trace = meta ? withMeta(loadFixture(name), meta) : loadFixture(name);
  const r = renderTraceHtml(trace, { source: `test/viewer/fixtures/${name}` });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The page without the text of its script and style elements (which are ours, not markup). */
function markupOnly(html: string): string {
  return html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2').replace(/(<style>)[\s\S]*?(<\/style>)/g, '$1$2');
}

function inline(html: string, tag: 'script' | 'style'): string {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  if (!m) throw new Error(`no inline ${tag}`);
  return m[1];
}

const sha = (t: string) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;

describe('the page of the router-fault split brain', () => {
  const html = render(SPLIT_BRAIN);

  it('is self-contained: no external script, style, font, image or link', () => {
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/\s(src|href)\s*=\s*["']?\s*(https?:|\/\/|ftp:)/i);
    expect(markup).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(markup).not.toMatch(/<link[^>]*stylesheet/i);
    expect(inline(html, 'style')).not.toMatch(/@import|url\(|@font-face/i);
    expect(inline(html, 'script')).not.toMatch(/fetch\(|XMLHttpRequest|import\(|WebSocket|EventSource|sendBeacon/);
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('allows only its own script and styles, by hash, in its Content-Security-Policy', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    expect(csp).toBe(
      `default-src 'none'; script-src ${sha(inline(html, 'script'))}; style-src ${sha(inline(html, 'style'))}; img-src data:; base-uri 'none'; form-action 'none'`,
    );
  });

  it('has a row per step, lanes for n1, the ICL, n2 and the routers, and marks the violating step', () => {
    expect(html.match(/<tr class="row[^"]*" data-step="\d+"/g)).toHaveLength(12);
    expect(html).toContain('<tr class="row violation" data-step="11" tabindex="-1">');
    expect(html).toContain('<span class="tag violation">✗ NoSplitBrain violated</span>');
    expect(html).toMatch(/<th class="lane node">n1<\/th><th class="lane icl">ICL<\/th><th class="lane node">n2<\/th><th class="lane router">routers<\/th>/);
    expect(html).toContain('<p class="verdict bad" id="verdict">✗ invariant NoSplitBrain is violated at step 11</p>');
  });

  it('shows the off-path probe reply that made the split brain', () => {
    expect(html).toContain('◀ off-path probe reply');
    expect(html).toContain("answers n1's probe, off-path!");
  });

  it('is the same text every time', () => {
    expect(render(SPLIT_BRAIN)).toBe(html);
  });

  it('embeds the data the script needs as JSON', () => {
    const json = /<script type="application\/json" id="hv-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as { initial: number; steps: unknown[]; messages: { from: number; to: number; fate: string }[] };
    expect(data.initial).toBe(11);
    expect(data.steps).toHaveLength(12);
    expect(data.messages.map((m) => [m.from, m.to, m.fate])).toEqual([
      [0, 1, 'delivered'],
      [1, 0, 'replaced'],
      [1, 0, 'delivered'],
    ]);
  });

  it('marks the step where the implementation departed on replay', () => {
    const page = render(SPLIT_BRAIN, { replay: { outcome: 'departs', step: 10, diff: [{ variable: 'srg1', expected: 'a', actual: 'b' }] } });
    expect(page).toContain('<tr class="row departs" data-step="10" tabindex="-1">');
    expect(page).toContain('⚠ replay: the implementation departs at step 10: 1 variable differs');
  });
});

describe('the page of a trace of another model', () => {
  const html = render('two-phase-lasso.itf.json');

  it('has no lanes but a column of changes, and marks the loop', () => {
    expect(html).not.toContain('class="lane');
    expect(html).toContain('<th class="changes">changes</th>');
    expect(html).toContain('rmState[r1]: working → prepared');
    expect(html).toContain('<tr class="row violation in-loop loop-start" data-step="2" tabindex="-1">');
    expect(html).toContain('back to step 2 via <span class="act">TMTimeout</span>, and around again forever');
  });
});

describe('the page of a trace full of HTML and script text', () => {
  const html = render('hostile.itf.json');
  const markup = markupOnly(html);

  it('has no element the trace wrote', () => {
    const tags = new Set([...markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    const ours = ['html', 'head', 'meta', 'title', 'link', 'style', 'body', 'header', 'div', 'h1', 'h2', 'p', 'ol', 'li', 'a', 'span', 'b', 'code', 'main', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'aside', 'button', 'label', 'input', 'footer', 'kbd', 'script', 'select'];
    expect([...tags].filter((t) => !ours.includes(t))).toEqual([]);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(markup).not.toMatch(/<img|<iframe|<svg onload|<h1>pwned/i);
    // Every attribute is name="value" with the value escaped, so the names are exactly ours.
    const openTags = [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    const attributes = openTags.flatMap((t) => [...t.matchAll(/\s([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ''] as const));
    expect(attributes.filter(([name]) => /^on/i.test(name) || !/^(class|id|lang|charset|http-equiv|content|name|rel|href|title|type|tabindex|data-[a-z]+|colspan|placeholder|aria-[a-z]+)$/.test(name))).toEqual([]);
    expect(attributes.filter(([name, value]) => name === 'href' && !/^(#\/step\/\d+|data:,)$/.test(value))).toEqual([]);
  });

  it('shows the strings as text', () => {
    expect(html).toContain('&quot;&lt;script&gt;alert(&#39;scenario&#39;)&lt;/script&gt;&quot;<span class="sep">/</span>&quot;&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(html).toContain('<th class="lane node">&quot;&lt;b&gt;n2&lt;/b&gt;&quot;</th>');
    expect(html).toContain('<div class="act">&quot;&lt;/script&gt;&lt;script&gt;alert(&#39;action&#39;)&lt;/script&gt;&quot;</div>');
  });

  it('keeps the embedded data from closing its element', () => {
    const json = /<script type="application\/json" id="hv-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json).vars).toEqual(['"<script>alert(\'var\')</script>"', 'srg1', 'notify', 'log']);
  });
});
