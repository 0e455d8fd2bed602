/**
 * The timeline of the page: a table with one row per step (its number, its
 * action and parameters, and what it changed) and, for MNHA traces, one
 * column per lane: each node, the ICL between the first two, the routers.
 * Message arrows are drawn over it by the page script from the rows'
 * `data-step` and the cells' `data-node`. Every text from the trace goes
 * through {@link escapeHtml}.
 */
import { escapeHtml } from './escape.js';
import { formatString } from './format.js';
import { implCellHtml, implHeadHtml, implLane } from './impl-lane.js';
import type { IclCell, Lanes, NodeCell, RouterCell } from './lanes.js';
import { type Culprits, culpritField, culpritsAt, propertyCellHtml, propertyHeadHtml } from './property-html.js';
import { formatChange } from './text.js';
import { type StepView, type TraceView, stutters } from './view-model.js';

const MAX_OTHER_CHANGES = 4;

function esc(t: string): string {
  return escapeHtml(t);
}

/** A string from the trace, formatted (quoted when it is not a plain word) and escaped. */
function word(t: string): string {
  return escapeHtml(formatString(t));
}

/** `class="a b"` from the truthy names, or nothing. */
function cls(...names: (string | false | undefined)[]): string {
  const list = names.filter((n): n is string => typeof n === 'string' && n !== '');
  return list.length > 0 ? ` class="${esc(list.join(' '))}"` : '';
}

/** A CSS class name for a known domain word (`active`, `high`...), `other` for anything else. */
function tone(word: string | undefined, known: readonly string[]): string {
  return word !== undefined && known.includes(word) ? word : 'other';
}

const SRG1_STATES = ['active', 'backup', 'hold', 'ineligible', 'off'] as const;
const PREFS = ['high', 'medium', 'low', 'none'] as const;
const PREF_ICON: Readonly<Record<string, string>> = { high: '▲', medium: '◆', low: '▼', none: '∅' };

function nodeCellHtml(c: NodeCell, i: number, culprit?: ReadonlySet<string>): string {
  const ch = (f: NodeCell['changed'][number]) => c.changed.includes(f) && 'chg';
  // Outlined: what the violated property read here, at the step where it fails.
  const cu = (f: Parameters<typeof culpritField>[1]) => culpritField(culprit, f) && 'culprit';
  const down = c.up === false;
  const l1: string[] = [];
  if (down) {
    l1.push(`<span${cls('srg1', 's-down', ch('up'), cu('srg1'))} title="node is down">down</span>`);
  } else if (c.srg1 !== undefined) {
    l1.push(`<span${cls('srg1', `s-${tone(c.srg1, SRG1_STATES)}`, ch('srg1'), cu('srg1'))} title="SRG1 state">${word(c.srg1)}</span>`);
  } else if (c.up !== undefined) {
    l1.push(`<span${cls('srg1', 's-other', ch('up'))}>up</span>`);
  }
  if (c.srg0 !== undefined) l1.push(`<span${cls('srg0', ch('srg0'), cu('srg0'))} title="SRG0 state">SRG0 ${word(c.srg0)}</span>`);

  const l2: string[] = [];
  if (c.adv !== undefined) {
    const icon = PREF_ICON[c.adv] ?? '';
    l2.push(`<span${cls('pref', `p-${tone(c.adv, PREFS)}`, ch('adv'), cu('adv'))} title="advertised route preference">${icon} ${word(c.adv)}</span>`);
  }
  if (c.route !== undefined) {
    const route = { active: 'active route', backup: 'backup route', both: 'both routes!', none: 'no signal route' }[c.route];
    l2.push(`<span${cls('route', c.route === 'both' && 'bad', ch('route'), cu('route'))} title="signal route installed">${route}</span>`);
  }

  const l3: string[] = [];
  if (c.probing === true) l3.push(`<span${cls('badge', 'probing', ch('probing'), cu('probing'))} title="sending activeness probes">probing</span>`);
  else if (ch('probing')) l3.push(`<span class="badge muted chg" title="stopped probing">not probing</span>`);
  if (c.iclSeen === false && !down) l3.push(`<span${cls('peer', 'lost', ch('peer'), cu('peer'))} title="does not see its peer over the ICL">no ICL peer</span>`);
  else if (c.peer !== undefined && !down) l3.push(`<span${cls('peer', ch('peer'), cu('peer'))} title="its view of the peer's SRG1 state">peer ${word(c.peer)}</span>`);
  if (c.probeReply) {
    const off = c.probeReply === 'off-path';
    l3.push(`<span${cls('badge', 'reply', off && 'off')} title="got a probe reply in this step">◀ ${off ? 'off-path ' : ''}probe reply</span>`);
  }
  const lines = [l1, l2, l3].filter((l) => l.length > 0).map((l) => `<div class="ln">${l.join(' ')}</div>`);
  return `<td${cls('lane', 'node', down && 'is-down', culprit !== undefined && 'culprit')} data-node="${i}">${lines.join('')}</td>`;
}

function iclCellHtml(c: IclCell, first: boolean, culprit = false): string {
  const state = c.state ?? 'up';
  const tone = state === 'up' ? 'up' : state === 'down' ? 'down' : 'other';
  // The line's colour and dash say up or down; the word only where it changes.
  const label =
    c.state !== undefined && (first || c.changed)
      ? `<span${cls('icl-state', `icl-${tone}`, c.changed && 'chg')}>${c.changed && state === 'down' ? '✂ ' : ''}${word(c.state)}</span>`
      : '';
  const title = `ICL ${c.state !== undefined ? formatString(c.state) : ''}${c.inFlight > 0 ? `, ${c.inFlight} message${c.inFlight === 1 ? '' : 's'} in flight` : ''}`;
  return `<td${cls('lane', 'icl', `icl-${state === 'down' ? 'down' : 'up'}`, culprit && 'culprit')} title="${esc(title)}"><div class="icl-line"></div><div class="icl-text">${label}</div></td>`;
}

function routerCellHtml(c: RouterCell, culprit = false): string {
  const ch = (f: RouterCell['changed'][number]) => c.changed.includes(f) && 'chg';
  const first: string[] = [];
  if (c.state !== undefined) {
    const bad = c.state !== 'behaving';
    first.push(`<span${cls('rstate', bad ? 'faulty' : 'ok', ch('state'))} title="the probe router">${word(c.state)}</span>`);
  }
  if (c.prefers !== undefined) first.push(`<span${cls('prefers', ch('prefers'))} title="the routers' preferred path">prefers ${word(c.prefers)}</span>`);
  else if (c.prefText !== undefined) first.push(`<span${cls('prefers', 'muted', ch('prefers'))}>${c.prefText.startsWith('tie') ? 'tie' : 'no path'}</span>`);
  const out = first.length > 0 ? [`<div class="ln">${first.join(' ')}</div>`] : [];
  if (c.prefText !== undefined) out.push(`<div class="ln why">${esc(c.prefText)}</div>`);
  if (c.answered) {
    const off = c.answered.offPath;
    out.push(`<div class="ln"><span${cls('answer', off ? 'off' : 'on')}>answers ${word(c.answered.node)}'s probe${off ? ', off-path!' : ''}</span></div>`);
  }
  if (c.routeUpdate) out.push(`<div class="ln"><span class="answer on">learns ${word(c.routeUpdate.node)} ${word(c.routeUpdate.pref)}</span></div>`);
  for (const st of c.stale ?? []) {
    out.push(`<div class="ln"><span class="stale" title="the routers have not learnt this node's advertisement yet">stale: see ${word(st.node)} ${word(st.seen)}, it advertises ${word(st.advertised)}</span></div>`);
  }
  return `<td class="lane router${culprit ? ' culprit' : ''}">${out.join('')}</td>`;
}

function tagsHtml(view: TraceView, s: StepView): string {
  const tags: string[] = [];
  const { info } = view;
  if (info.violationStep === s.index) {
    const what = info.kind === 'deadlock' ? 'deadlock' : info.property !== undefined ? `${formatString(info.property)} violated` : 'violation';
    tags.push(`<span class="tag violation">✗ ${esc(what)}</span>`);
  }
  if (view.loop === s.index) tags.push('<span class="tag loop">↻ loop starts</span>');
  if (view.loop !== undefined && s.index === view.steps.length - 1) tags.push(`<span class="tag loop">${stutters(view) ? '↻ stays forever' : `↻ back to ${view.loop}`}</span>`);
  const r = info.replay;
  if (r?.outcome === 'departs' && r.step === s.index) tags.push('<span class="tag depart">⚠ implementation departs</span>');
  if (r?.outcome === 'error' && r.step === s.index) tags.push('<span class="tag depart">⚠ replay error</span>');
  return tags.length > 0 ? `<div class="tags">${tags.join('')}</div>` : '';
}

function stepCellHtml(view: TraceView, s: StepView): string {
  const name = s.action ?? (s.index === 0 ? 'initial state' : '(unknown action)');
  const params = s.params.map(([k, v]) => `<span class="param"><span class="pk">${esc(k)}</span>=<span class="pv">${esc(v)}</span></span>`);
  return (
    `<td class="step"><div class="act">${esc(name)}</div>` +
    (params.length > 0 ? `<div class="params">${params.join(' ')}</div>` : '') +
    `${tagsHtml(view, s)}</td>`
  );
}

function changesCellHtml(view: TraceView, s: StepView, covered: ReadonlySet<string>): string {
  if (s.index === 0) return `<td class="changes muted">${view.vars.length} variables</td>`;
  const lines = s.changed
    .filter((k) => !covered.has(view.vars[k]))
    .flatMap((k) => s.diffs[k].changes.map((c) => formatChange(view.varLabels[k], c, '→')));
  const shown = lines.slice(0, MAX_OTHER_CHANGES).map((l) => `<div class="cl" title="${esc(l)}">${esc(l)}</div>`);
  if (lines.length > MAX_OTHER_CHANGES) shown.push(`<div class="cl muted">+${lines.length - MAX_OTHER_CHANGES} more</div>`);
  return `<td class="changes">${shown.join('')}</td>`;
}

function rowClass(view: TraceView, s: StepView): string {
  const inLoop = view.loop !== undefined && s.index >= view.loop;
  const depart = view.info.replay?.outcome === 'departs' && view.info.replay.step === s.index;
  return cls('row', view.info.violationStep === s.index && 'violation', inLoop && 'in-loop', view.loop === s.index && 'loop-start', depart && 'departs');
}

/** The lane columns, in order: node 0, the ICL, the other nodes, the routers. */
function laneOrder(lanes: Lanes): ({ kind: 'node'; i: number } | { kind: 'icl' } | { kind: 'router' })[] {
  const order: ({ kind: 'node'; i: number } | { kind: 'icl' } | { kind: 'router' })[] = [];
  lanes.nodes.forEach((_, i) => {
    order.push({ kind: 'node', i });
    if (i === 0 && lanes.icl) order.push({ kind: 'icl' });
  });
  if (lanes.nodes.length === 1 && lanes.icl && order.length === 1) order.push({ kind: 'icl' });
  if (lanes.router) order.push({ kind: 'router' });
  return order;
}

/** The timeline table (see the module comment). */
export function timelineHtml(view: TraceView): string {
  const lanes = view.lanes;
  const covered = new Set(lanes?.covered ?? []);
  const showOther = view.steps.some((s) => s.index > 0 && s.changed.some((k) => !covered.has(view.vars[k])));
  const order = lanes ? laneOrder(lanes) : [];
  const head = ['<th class="num">#</th>', '<th class="step">step</th>'];
  for (const col of order) {
    if (col.kind === 'node') head.push(`<th class="lane node">${word((lanes as Lanes).nodes[col.i])}</th>`);
    else if (col.kind === 'icl') head.push('<th class="lane icl">ICL</th>');
    else head.push('<th class="lane router">routers</th>');
  }
  const col = view.propertyColumn;
  // The implementation beside the model's lanes, when the trace was replayed.
  const impl = view.info.replay !== undefined ? implLane(view.info.replay, view.steps.length) : undefined;
  if (impl) head.push(implHeadHtml());
  if (col) head.push(propertyHeadHtml(col));
  if (!lanes || showOther) head.push(`<th class="changes">${lanes ? 'other changes' : 'changes'}</th>`);

  const rows = view.steps.map((s) => {
    const cells = [`<td class="num">${s.index}</td>`, stepCellHtml(view, s)];
    const culprits: Culprits | undefined = lanes ? culpritsAt(col, s.index, lanes.nodes) : undefined;
    for (const lane of order) {
      const l = lanes as Lanes;
      if (lane.kind === 'node') cells.push(nodeCellHtml(l.node[s.index][lane.i], lane.i, culprits?.node.get(lane.i)));
      else if (lane.kind === 'icl') cells.push(iclCellHtml((l.icl as readonly IclCell[])[s.index], s.index === 0, culprits?.icl));
      else cells.push(routerCellHtml((l.router as readonly RouterCell[])[s.index], culprits?.router));
    }
    if (impl) cells.push(implCellHtml(impl[s.index]));
    if (col) cells.push(propertyCellHtml(col, s.index));
    if (!lanes || showOther) cells.push(changesCellHtml(view, s, covered));
    return `<tr${rowClass(view, s)} data-step="${s.index}" tabindex="-1">${cells.join('')}</tr>`;
  });
  if (view.loop !== undefined) {
    const span = head.length - 1;
    const via = view.loopAction !== undefined ? ` via <span class="act">${esc(view.loopAction)}</span>` : '';
    const r = view.info.replay;
    const departs = r?.outcome === 'departs' && r.step === view.steps.length;
    const tag = departs ? ' <span class="tag depart">⚠ implementation departs</span>' : '';
    const back = stutters(view) ? `stays in the state of step ${view.loop} forever: nothing changes any more` : `back to step ${view.loop}${via}, and around again forever`;
    rows.push(`<tr class="loop-back${departs ? ' departs' : ''}"><td class="num">↻</td><td colspan="${span}">${back}${tag}</td></tr>`);
  }
  return `<table class="timeline${lanes ? ' has-lanes' : ''}" id="timeline"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
