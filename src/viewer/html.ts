/**
 * The trace viewer's page: one self-contained HTML file (styles, script and
 * data inline; no fonts, images or requests) that works from `file://`. A
 * Content-Security-Policy allows only this page's own script and styles, by
 * hash, so that even a value that escaped escaping could not load or run
 * anything.
 */
import { clientScript, clientStyles, cspHash } from './assets.js';
import { clientData } from './client-data.js';
import { escapeControls, escapeHtml, jsonForScript } from './escape.js';
import { fairnessReading } from './fairness.js';
import { formatString } from './format.js';
import { propertyLegendHtml } from './property-html.js';
import { storyOf } from './story.js';
import { timelineHtml } from './timeline-html.js';
import { type TraceView, replayLine, verdictLine } from './view-model.js';

function esc(t: string): string {
  return escapeHtml(t);
}

function titleOf(view: TraceView): string {
  const { scenario, property } = view.info;
  const parts = [scenario, property].filter((p): p is string => p !== undefined).map(formatString);
  if (parts.length > 0) return parts.join(' / ');
  if (view.source !== undefined) return escapeControls(view.source.split(/[\\/]/).pop() ?? view.source);
  return 'trace';
}

function headerHtml(view: TraceView): string {
  const { info } = view;
  const { scenario, property } = info;
  const h1 =
    scenario !== undefined && property !== undefined
      ? `${esc(formatString(scenario))}<span class="sep">/</span>${esc(formatString(property))}`
      : esc(titleOf(view));
  const violated = info.violationStep !== undefined || (view.loop !== undefined && info.property !== undefined);
  const verdict = `<p class="verdict${violated ? ' bad' : ''}" id="verdict">${violated ? '✗ ' : ''}${esc(verdictLine(view))}</p>`;
  const replay = replayLine(view);
  const replayHtml =
    replay !== undefined
      ? `<p class="replay-line ${info.replay?.outcome === 'follows' && !violated ? 'follows' : 'departs'}">${info.replay?.outcome === 'follows' && !violated ? '✓ ' : '⚠ '}${esc(replay)}</p>`
      : '';
  const desc =
    info.description !== undefined && info.description !== 'Invariant ' + (info.property ?? '') + ' is violated'
      ? `<p class="desc">${esc(escapeControls(info.description))}</p>`
      : '';
  const pt = view.propertyText;
  const propHtml =
    pt !== undefined
      ? `<section class="property" aria-label="the property"><p class="prop-desc"><b>${esc(formatString(info.property ?? ''))}</b>: ${esc(escapeControls(pt.description))}</p>` +
        `<pre class="formula"><code>${esc(pt.formula.split('\n').map(escapeControls).join('\n'))}</code></pre>${view.propertyColumn ? propertyLegendHtml(view.propertyColumn) : ''}</section>`
      : view.propertyColumn
        ? `<section class="property-parts" aria-label="the property's parts">${propertyLegendHtml(view.propertyColumn)}</section>`
        : '';
  const fairness = fairnessReading(view);
  const fairHtml = fairness !== undefined ? `<p class="fairness">${esc(escapeControls(fairness))}</p>` : '';
  const facts: string[] = [];
  if (info.kind !== undefined) facts.push(`kind <b>${esc(formatString(info.kind))}</b>`);
  facts.push(`<b>${view.steps.length}</b> states`);
  if (view.loop !== undefined) facts.push(`loop from step <b>${view.loop}</b>`);
  if (view.lanes) facts.push(`nodes <b>${esc(view.lanes.nodes.map(formatString).join(', '))}</b>`);
  if (view.lanes?.router) facts.push(`route convergence <b>${view.lanes.convergence}</b>${view.lanes.convergenceKnown ? '' : ' (assumed)'}`);
  if (info.producer !== undefined) facts.push(`from <b>${esc(escapeControls(info.producer))}</b>`);
  if (view.source !== undefined) facts.push(`file <code>${esc(escapeControls(view.source))}</code>`);
  return (
    `<header class="top"><div class="brand">ha-verify · counterexample trace</div>` +
    `<h1>${h1}</h1>${verdict}${propHtml}${fairHtml}${replayHtml}${desc}${storyHtml(view)}<div class="facts">${facts.map((f) => `<span>${f}</span>`).join('')}</div></header>`
  );
}

function storyHtml(view: TraceView): string {
  const events = storyOf(view);
  if (events.length === 0) return '';
  const items = events.map((e) => {
    const bad = view.info.violationStep === e.step;
    return `<li class="ev t-${esc(e.tone)}${bad ? ' at-violation' : ''}"><a href="#/step/${e.step}"><span class="ev-step">${e.step}</span>${esc(e.text)}</a></li>`;
  });
  return `<ol class="story" aria-label="key events">${items.join('')}</ol>`;
}

function legendHtml(view: TraceView): string {
  if (!view.lanes) return '';
  const items = [
    '<span class="srg1 s-active">active</span>',
    '<span class="srg1 s-backup">backup</span>',
    '<span class="srg1 s-hold">hold</span>',
    '<span class="srg1 s-ineligible">ineligible</span>',
    '<span class="srg1 s-down">down</span>',
  ];
  if (view.messages.length > 0) {
    items.push('<span><span class="key-line delivered"></span>message</span>');
    items.push('<span><span class="key-line lost"></span>lost</span>');
    items.push('<span><span class="key-line replaced"></span>replaced</span>');
  }
  items.push('<span><span class="chg">highlight</span> = changed in this step</span>');
  return `<div class="legend">${items.join('')}</div>`;
}

function detailHtml(view: TraceView): string {
  const violation =
    view.info.violationStep !== undefined
      ? `<button type="button" id="goto-violation" class="violation-btn" title="go to the violating step">✗ violation</button>`
      : '';
  return (
    `<aside class="pane detail" id="detail" aria-label="selected step">` +
    `<div class="nav"><button type="button" id="prev" title="previous step (← or ↑)" aria-label="previous step">◀ prev</button>` +
    `<span id="pos">step 0 / ${view.steps.length - 1}</span>` +
    `<button type="button" id="next" title="next step (→ or ↓)" aria-label="next step">next ▶</button>${violation}` +
    `<label><input type="checkbox" id="changed-only"> changed only</label>` +
    `<label>compare with <select id="cmp" aria-label="compare with step"></select></label>` +
    `<input type="search" id="var-filter" placeholder="search variables" aria-label="search variables"></div>` +
    `<div class="step-head"><h2 id="step-title"></h2><div id="step-params"></div></div>` +
    `<div id="step-notes" aria-live="polite"></div>` +
    `<div id="causes"></div>` +
    `<div id="compare"></div>` +
    `<div id="vars-count"></div>` +
    `<div class="vars-wrap"><table class="vars" id="vars"><tbody id="vars-body"></tbody></table></div>` +
    `</aside>`
  );
}

/**
 * The whole page of a trace view (see the module comment). Deterministic:
 * the same view gives the same text.
 */
export function htmlOfView(view: TraceView): string {
  const script = clientScript();
  const styles = clientStyles();
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(styles)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(titleOf(view))} · ha-verify trace</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    headerHtml(view),
    '<main>',
    `<section class="pane timeline-pane" aria-label="timeline"><div class="pane-head"><h2>Timeline</h2>${legendHtml(view)}</div>`,
    `<div class="timeline-wrap">${timelineHtml(view)}<svg class="arrows" id="arrows" aria-hidden="true"></svg></div></section>`,
    detailHtml(view),
    '</main>',
    `<footer>Keys: <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>←</kbd>/<kbd>→</kbd> step, <kbd>Home</kbd>/<kbd>End</kbd> first/last. ` +
      `The address ends in <code>#/step/N</code>: a link opens at that step. Written by <code>ha-verify view</code>.</footer>`,
    `<script type="application/json" id="hv-data">${jsonForScript(clientData(view))}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
