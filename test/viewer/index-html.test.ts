import { describe, expect, it } from 'vitest';

import { type IndexEntry, renderIndexHtml } from '../../src/viewer/index.js';

const entries: IndexEntry[] = [
  {
    scenario: 'default',
    title: 'the original documentation',
    verdicts: [
      { property: 'NoSplitBrain', kind: 'invariant', verdict: 'holds', expected: 'holds', backend: 'explorer', note: '1234 states' },
      { property: 'NoSplitBrain', kind: 'invariant', verdict: 'holds', expected: 'holds', backend: 'TLC' },
    ],
  },
  {
    scenario: 'router-fault',
    verdicts: [
      {
        property: 'NoSplitBrain', kind: 'invariant', verdict: 'violated', expected: 'violated', backend: 'explorer',
        viewer: 'router-fault/NoSplitBrain.html', trace: '../traces/router-fault/NoSplitBrain.itf.json',
      },
      { property: 'SplitBrainOnlyWithRouterFault', kind: 'invariant', verdict: 'violated', expected: 'holds', viewer: 'router-fault/Split Brain#1.html' },
    ],
  },
];

describe('renderIndexHtml', () => {
  const html = renderIndexHtml(entries, { subtitle: 'ha-verify verify' });

  it('sums up the run and flags verdicts that are not the expected ones', () => {
    expect(html).toContain('<p class="summary">2 scenarios, 4 verdicts, 2 violated; <span class="bad">1 not as expected</span></p>');
    expect(html).toContain('<tr class="unexpected"><td class="prop">SplitBrainOnlyWithRouterFault</td>');
    expect(html).toContain('<span class="match no">✗ expected holds</span>');
    expect(html.match(/✓ as expected/g)).toHaveLength(3);
    expect(renderIndexHtml([entries[0]])).toContain('<span class="ok">all as expected</span>');
  });

  it("links each counterexample's viewer page and trace, encoding the paths", () => {
    expect(html).toContain('<a href="router-fault/NoSplitBrain.html">view trace</a> · <a href="../traces/router-fault/NoSplitBrain.itf.json">ITF</a>');
    expect(html).toContain('<a href="router-fault/Split%20Brain%231.html">view trace</a>');
  });

  it('is self-contained and script-free', () => {
    expect(html).not.toMatch(/<script|\s(src|href)="(https?:|\/\/)/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-`);
  });

  it('escapes every text and keeps links relative', () => {
    const evil = renderIndexHtml([
      { scenario: '<script>alert(1)</script>', verdicts: [{ property: '<img src=x onerror=alert(2)>', verdict: '</td><b>x', viewer: 'javascript:alert(3)' }] },
    ]);
    expect(evil).not.toMatch(/<script>alert|<img|<\/td><b>/);
    expect(evil).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(evil).toContain('<a href="javascript%3Aalert(3)">view trace</a>');
  });

  it('is the same text every time', () => {
    expect(renderIndexHtml(entries, { subtitle: 'ha-verify verify' })).toBe(html);
  });
});

describe('renderIndexHtml without back ends', () => {
  it('leaves out the back-end column', () => {
    const html = renderIndexHtml([{ scenario: 's', verdicts: [{ property: 'P', verdict: 'holds' }] }]);
    expect(html).toContain('<tr><th>property</th><th>kind</th><th>verdict</th><th>expectation</th><th>counterexample</th><th>notes</th></tr>');
    expect(html).toContain('<tr><td class="prop">P</td><td></td><td><span class="v holds">holds</span></td>');
  });
});

describe('renderIndexHtml puts what needs a reader first', () => {
  const rows: IndexEntry[] = [
    {
      scenario: 'a',
      verdicts: [
        { property: 'Quiet1', verdict: 'holds', expected: 'holds' },
        { property: 'Broken', verdict: 'violated', expected: 'violated', viewer: 'a/Broken.html' },
        { property: 'Quiet2', verdict: 'holds', expected: 'holds' },
        { property: 'Surprise', verdict: 'holds', expected: 'violated' },
      ],
    },
  ];
  const kept = [
    { name: 'router-fault/NoSplitBrain.itf.json', expect: 'reproduces', ok: true, verdict: 'reproduces', viewer: 'kept/router-fault_NoSplitBrain.html', trace: '../traces/router-fault/NoSplitBrain.itf.json' },
    { name: 'regressions/higher-id-backs-off.itf.json', expect: 'departs', ok: false, verdict: 'follows' },
  ];
  const html = renderIndexHtml(rows, { kept });
  const order = (h: string) => [...h.matchAll(/<td class="prop">([^<]+)<\/td>/g)].map((m) => m[1]);

  it('orders each scenario: the unexpected verdict, then the violation, then the rest as given', () => {
    expect(order(html).slice(0, 4)).toEqual(['Surprise', 'Broken', 'Quiet1', 'Quiet2']);
  });

  it('lists the unexpected verdicts, violations and failing kept traces at the top, before any scenario', () => {
    const first = html.slice(html.indexOf('<section class="first"'), html.indexOf('</section>') + 10);
    expect(first).toContain('kept trace <b>regressions/higher-id-backs-off.itf.json</b>');
    expect(first.indexOf('Surprise')).toBeLessThan(first.indexOf('Broken'));
    expect(first).toContain('<a href="a/Broken.html">view trace</a>');
    expect(first).not.toContain('Quiet');
    expect(html.indexOf('<section class="first"')).toBeLessThan(html.indexOf('<h2>a'));
  });

  it('includes the kept traces with their replay and links, and counts them in the summary', () => {
    expect(html).toContain('<td class="prop" data-label="trace">router-fault/NoSplitBrain.itf.json</td>');
    expect(html).toContain('<a href="kept/router-fault_NoSplitBrain.html">view trace</a>');
    expect(html).toContain('2 kept traces replayed, <span class="bad">1 not as expected</span>');
  });
});
