/**
 * The report index (`reports/index.html`) that `ha-verify verify` writes: for
 * every scenario, every property's verdict, whether it is the expected one,
 * and links to the viewer page and the raw trace of each counterexample.
 * What needs a reader first comes first: a list of the verdicts that are not
 * the expected ones, then of the violations, and within each scenario the
 * same order; the kept regression traces follow the scenarios. On a phone
 * every row becomes a block, so no column is cut off. Self-contained and
 * script-free, like the viewer pages.
 */
import { cspHash } from './assets.js';
import { escapeControls, escapeHtml } from './escape.js';

/** One verdict of one property in one scenario. */
export interface IndexVerdict {
  readonly property: string;
  /** `invariant`, `liveness`, `deadlock`... */
  readonly kind?: string;
  /** What the check found: `holds`, `violated`, or anything else (`error`, `skipped`, `timeout`...), shown as is. */
  readonly verdict: string;
  /** What the scenario expects, when it says; a verdict that differs is flagged. */
  readonly expected?: 'holds' | 'violated';
  /** Which back end gave it (`explorer`, `TLC`...). */
  readonly backend?: string;
  /** The viewer page of the counterexample: a path relative to the index, not URL-encoded. */
  readonly viewer?: string;
  /** The raw `*.itf.json` trace: a path relative to the index, not URL-encoded. */
  readonly trace?: string;
  /** One line more, e.g. `12345 states, 1.2 s`. */
  readonly note?: string;
}

/** One scenario and its verdicts. */
export interface IndexEntry {
  readonly scenario: string;
  /** One line saying what the scenario is about. */
  readonly title?: string;
  readonly verdicts: readonly IndexVerdict[];
}

/** A kept trace (`traces/manifest.json`) and what replaying it gave. */
export interface IndexKept {
  /** The trace as the manifest names it. */
  readonly name: string;
  /** What the manifest expects of its replay (`reproduces`, `departs`...). */
  readonly expect: string;
  /** Whether the replay gave what the manifest expects. */
  readonly ok: boolean;
  /** What the replay gave, in one line. */
  readonly verdict: string;
  /** Its viewer page, relative to the index, not URL-encoded. */
  readonly viewer?: string;
  /** The `*.itf.json`, relative to the index, not URL-encoded. */
  readonly trace?: string;
}

/** Options of {@link renderIndexHtml}. */
export interface IndexOptions {
  /** The kept regression traces, listed after the scenarios. */
  readonly kept?: readonly IndexKept[];
  /** Page title; default `ha-verify verdicts`. */
  readonly title?: string;
  /** One line under the title, e.g. the command and the time of the run. */
  readonly subtitle?: string;
}

const STYLES = `
body { margin: 0; background: #f4f6f9; color: #1c2430; font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; }
header { background: #fff; border-bottom: 1px solid #dde2e8; padding: 14px 22px; }
h1 { margin: 0; font-size: 20px; overflow-wrap: anywhere; }
.sub { margin: 2px 0 0; color: #56606e; }
.summary { margin: 6px 0 0; font-weight: 600; }
.summary .bad { color: #dc2626; } .summary .ok { color: #15803d; }
main { padding: 14px 22px 24px; display: grid; gap: 14px; }
section { background: #fff; border: 1px solid #dde2e8; border-radius: 8px; overflow: hidden; }
h2 { margin: 0; padding: 9px 12px; font-size: 15px; overflow-wrap: anywhere; border-bottom: 1px solid #dde2e8; background: #f8fafc; }
h2 .title { font-weight: 400; color: #56606e; font-size: 13px; margin-left: 8px; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #56606e; padding: 6px 12px; border-bottom: 1px solid #edf0f4; }
td { padding: 6px 12px; border-bottom: 1px solid #edf0f4; vertical-align: top; }
tr:last-child td { border-bottom: 0; }
td.prop { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-weight: 600; }
.v { display: inline-block; font-weight: 700; font-size: 12px; border-radius: 10px; padding: 1px 9px; text-transform: uppercase; }
.v.holds { background: #dcfce7; color: #166534; } .v.violated { background: #fee2e2; color: #b91c1c; } .v.other { background: #e2e8f0; color: #334155; }
.match { font-weight: 700; } .match.yes { color: #15803d; } .match.no { color: #dc2626; }
tr.unexpected td { background: #fef2f2; }
a { color: #1d4ed8; text-decoration: none; font-weight: 600; } a:hover { text-decoration: underline; }
.muted { color: #56606e; }
.first { background: #fff; border: 1px solid #dde2e8; border-radius: 8px; padding: 8px 12px; }
.first h2 { padding: 0 0 6px; border: 0; background: none; }
.first ul { margin: 0; padding-left: 18px; }
.first li { margin: 3px 0; }
.first .bad { color: #b91c1c; font-weight: 700; }
td, .first li { overflow-wrap: anywhere; }
/* Phone: each row a block with its cells' names, so nothing runs off the screen. */
@media (max-width: 600px) {
  header, main { padding-left: 8px; padding-right: 8px; }
  thead { display: none; }
  table, tbody { display: block; width: auto; }
  /* a row's cells run on as words: the property on its own line, then verdict, expectation and links */
  tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; border-bottom: 1px solid #dde2e8; padding: 6px 10px; }
  td { display: block; border: 0; padding: 0; min-width: 0; max-width: 100%; }
  td.prop { flex-basis: 100%; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label) ': '; color: #56606e; font-weight: 400; font-family: system-ui, sans-serif; }
  a { display: inline-block; padding: 4px 0; }
}
`;

/**
 * An href for a path relative to the index: each segment URL-encoded, so
 * that it can only ever name a file next to the index (no scheme, no
 * `javascript:`). Absent for an empty path.
 */
function href(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined;
  return path
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function text(t: string): string {
  return escapeHtml(escapeControls(t));
}

function isUnexpected(v: IndexVerdict): boolean {
  return v.expected !== undefined && v.expected !== v.verdict;
}

/** Unexpected verdicts first, then violations, then the rest, each in the order given. */
function rank(v: IndexVerdict): number {
  return isUnexpected(v) ? 0 : v.verdict === 'violated' ? 1 : 2;
}

function byRank<T extends IndexVerdict>(vs: readonly T[]): T[] {
  return vs.map((v, i) => [v, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([v]) => v);
}

function linksOf(viewerPath: string | undefined, tracePath: string | undefined): string {
  const links: string[] = [];
  const viewer = href(viewerPath);
  const trace = href(tracePath);
  if (viewer !== undefined) links.push(`<a href="${escapeHtml(viewer)}">view trace</a>`);
  if (trace !== undefined) links.push(`<a href="${escapeHtml(trace)}">ITF</a>`);
  return links.join(' · ');
}

/** The list at the top: every unexpected verdict and every violation, with its scenario and links. */
function firstHtml(entries: readonly IndexEntry[], kept: readonly IndexKept[]): string {
  const items = byRank(entries.flatMap((e) => e.verdicts.map((v) => ({ ...v, scenario: e.scenario })))).filter((v) => rank(v) < 2);
  const keptBad = kept.filter((k) => !k.ok);
  if (items.length === 0 && keptBad.length === 0) return '';
  const li = items.map((v) => {
    const what = isUnexpected(v) ? `<span class="bad">${text(v.verdict)}, expected ${text(v.expected as string)}</span>` : text(v.verdict);
    const links = linksOf(v.viewer, v.trace);
    return `<li>${text(v.scenario)} / <b>${text(v.property)}</b>: ${what}${links !== '' ? ` — ${links}` : ''}</li>`;
  });
  for (const k of keptBad) li.unshift(`<li>kept trace <b>${text(k.name)}</b>: <span class="bad">${text(k.verdict)}, expected ${text(k.expect)}</span></li>`);
  return `<section class="first" aria-label="first"><h2>Not as expected, and violations</h2><ul>${li.join('')}</ul></section>`;
}

function keptSummary(kept: readonly IndexKept[]): string {
  if (kept.length === 0) return '';
  const bad = kept.filter((k) => !k.ok).length;
  return `; ${kept.length} kept trace${kept.length === 1 ? '' : 's'} replayed, ${bad === 0 ? '<span class="ok">all as expected</span>' : `<span class="bad">${bad} not as expected</span>`}`;
}

function keptHtml(kept: readonly IndexKept[]): string {
  if (kept.length === 0) return '';
  const rows = kept.map((k) => {
    const links = linksOf(k.viewer, k.trace);
    return (
      `<tr${k.ok ? '' : ' class="unexpected"'}><td class="prop" data-label="trace">${text(k.name)}</td><td data-label="expected">${text(k.expect)}</td>` +
      `<td data-label="replay">${k.ok ? '<span class="match yes">✓</span> ' : '<span class="match no">✗</span> '}${text(k.verdict)}</td><td>${links}</td></tr>`
    );
  });
  return (
    `<section><h2>kept traces<span class="title">regression traces of traces/manifest.json, replayed against the implementation</span></h2>` +
    `<table><thead><tr><th>trace</th><th>expected</th><th>replay</th><th>counterexample</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

function verdictRow(v: IndexVerdict, withBackend: boolean): string {
  const kindClass = v.verdict === 'holds' || v.verdict === 'violated' ? v.verdict : 'other';
  const unexpected = isUnexpected(v);
  const match =
    v.expected === undefined
      ? '<span class="muted">—</span>'
      : unexpected
        ? `<span class="match no">✗ expected ${text(v.expected)}</span>`
        : `<span class="match yes">✓ as expected</span>`;
  return (
    `<tr${unexpected ? ' class="unexpected"' : ''}>` +
    `<td class="prop">${text(v.property)}</td>` +
    `<td>${v.kind !== undefined ? text(v.kind) : ''}</td>` +
    (withBackend ? `<td>${v.backend !== undefined ? text(v.backend) : ''}</td>` : '') +
    `<td><span class="v ${kindClass}">${text(v.verdict)}</span></td>` +
    `<td>${match}</td>` +
    `<td>${linksOf(v.viewer, v.trace)}</td>` +
    `<td class="muted">${v.note !== undefined ? text(v.note) : ''}</td>` +
    `</tr>`
  );
}

/**
 * The report index page for the verdicts of a `verify` run (see the module
 * comment). Every text is escaped; links are relative paths, URL-encoded
 * segment by segment. Deterministic for given entries and options.
 */
export function renderIndexHtml(entries: readonly IndexEntry[], options: IndexOptions = {}): string {
  const title = options.title ?? 'ha-verify verdicts';
  const all = entries.flatMap((e) => e.verdicts);
  const unexpected = all.filter((v) => v.expected !== undefined && v.expected !== v.verdict).length;
  const violated = all.filter((v) => v.verdict === 'violated').length;
  const summary =
    `${entries.length} scenario${entries.length === 1 ? '' : 's'}, ${all.length} verdict${all.length === 1 ? '' : 's'}, ${violated} violated; ` +
    (unexpected === 0 ? '<span class="ok">all as expected</span>' : `<span class="bad">${unexpected} not as expected</span>`) +
    keptSummary(options.kept ?? []);
  const withBackend = all.some((v) => v.backend !== undefined);
  const sections = entries.map(
    (e) =>
      `<section><h2>${text(e.scenario)}${e.title !== undefined ? `<span class="title">${text(e.title)}</span>` : ''}</h2>` +
      `<table><thead><tr><th>property</th><th>kind</th>${withBackend ? '<th>back end</th>' : ''}<th>verdict</th><th>expectation</th><th>counterexample</th><th>notes</th></tr></thead>` +
      `<tbody>${byRank(e.verdicts).map((v) => verdictRow(v, withBackend)).join('')}</tbody></table></section>`,
  );
  const kept = options.kept ?? [];
  const csp = `default-src 'none'; style-src ${cspHash(STYLES)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${text(title)}</h1>${options.subtitle !== undefined ? `<p class="sub">${text(options.subtitle)}</p>` : ''}<p class="summary">${summary}</p></header>`,
    `<main>${firstHtml(entries, kept)}${sections.join('')}${keptHtml(kept)}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
