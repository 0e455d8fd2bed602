/**
 * The property column of the timeline and the outline of the lane cells
 * that make the property false (see `property-eval.ts` for what is
 * evaluated). A part whose label is long (a whole premise) is shown in the
 * cells by its number and spelled out once, under the formula.
 */
import { escapeHtml } from './escape.js';
import { formatString } from './format.js';
import type { PropertyColumn, PropertyPart, PropertyStep } from './property-eval.js';

/** Labels longer than this are shown in the cells as `(k)`. */
const SHORT_LABEL = 24;

const MARK: Readonly<Record<PropertyStep['status'], string>> = {
  holds: '✓ holds',
  fails: '✗ false',
  waiting: '… awaited, not met',
  met: '✓ met',
  idle: '·',
};

/** How a part is named in the cells: its label when short, else its number. */
export function cellLabel(p: PropertyPart, k: number): string {
  return p.label.length <= SHORT_LABEL ? p.label : `(${k + 1})`;
}

/** The column's header cell. */
export function propertyHeadHtml(col: PropertyColumn): string {
  // On a phone the cells drop the parts' names; the header gives them instead of the property's name.
  const labels = col.parts.map((p, k) => `<span>${escapeHtml(cellLabel(p, k))}</span>`).join(' ');
  return (
    `<th class="prop" title="${escapeHtml(`${col.name} evaluated at every step`)}"><span class="pname">${escapeHtml(formatString(col.name))}</span>` +
    `<span class="plabels">${labels === '' ? escapeHtml(formatString(col.name)) : labels}</span></th>`
  );
}

/** The column's cell at one step. */
export function propertyCellHtml(col: PropertyColumn, i: number): string {
  const s = col.steps[i];
  const parts = col.parts.map((p, k) => {
    const role = p.role !== undefined ? `<span class="role">${p.role}</span> ` : '';
    return `<div class="pv" title="${escapeHtml(p.tla)}">${role}<span class="pk">${escapeHtml(cellLabel(p, k))}</span> <span class="pval">${escapeHtml(s.values[k])}</span></div>`;
  });
  const fails = col.failsAt === i;
  return `<td class="prop st-${s.status}${fails ? ' fails-here' : ''}" data-prop-step="${i}"><div class="mark">${MARK[s.status]}</div>${parts.join('')}</td>`;
}

/**
 * What the column evaluates, under the formula: the parts with long labels
 * spelled out, and the node a property over nodes fails for.
 */
export function propertyLegendHtml(col: PropertyColumn): string {
  const lines: string[] = [];
  if (col.instance !== undefined) lines.push(`<li>fails for <span class="inst">${escapeHtml(col.instance)}</span>${col.failsAt !== undefined ? ` from step ${col.failsAt}` : ''}</li>`);
  col.parts.forEach((p, k) => {
    const name = cellLabel(p, k);
    const role = p.role === 'premise' ? 'premise: ' : p.role === 'awaited' ? 'awaited: ' : '';
    if (name !== p.label || p.label !== p.tla) lines.push(`<li>${role}<code>${escapeHtml(name)}</code> = <code>${escapeHtml(name !== p.label ? p.label : p.tla)}</code></li>`);
  });
  const read = col.failsAt !== undefined && col.blame.length > 0 ? col.blame.map((b) => (b.key !== undefined ? `${b.variable}[${b.key}]` : b.variable)).join(', ') : undefined;
  if (read !== undefined) lines.push(`<li>at step ${col.failsAt} it reads ${escapeHtml(read)} (outlined in the lanes)</li>`);
  return lines.length > 0 ? `<ul class="prop-legend">${lines.join('')}</ul>` : '';
}

/** Which lane cells to outline at a step: per node index the variables read there, and whether the ICL or routers lane was read. */
export interface Culprits {
  readonly node: ReadonlyMap<number, ReadonlySet<string>>;
  readonly icl: boolean;
  readonly router: boolean;
}

const ICL_VARS = new Set(['icl', 'msgs']);
const ROUTER_VARS = new Set(['router', 'rview', 'offPath']);

/** The lane cells to outline at step `i`: those whose variables the failing part read there (only at the failing step). */
export function culpritsAt(col: PropertyColumn | undefined, i: number, nodes: readonly string[]): Culprits | undefined {
  if (col === undefined || col.failsAt !== i || col.blame.length === 0) return undefined;
  const node = new Map<number, Set<string>>();
  for (const b of col.blame) {
    const k = b.key !== undefined ? nodes.indexOf(b.key) : -1;
    if (k >= 0 && !ICL_VARS.has(b.variable)) node.set(k, (node.get(k) ?? new Set()).add(b.variable));
  }
  return { node, icl: col.blame.some((b) => ICL_VARS.has(b.variable)), router: col.blame.some((b) => ROUTER_VARS.has(b.variable)) };
}

/** The class of a node lane's span showing `field`, when the property read the variable behind it. */
export function culpritField(vars: ReadonlySet<string> | undefined, field: 'srg1' | 'srg0' | 'adv' | 'route' | 'probing' | 'peer'): boolean {
  if (vars === undefined) return false;
  const behind: Readonly<Record<typeof field, readonly string[]>> = {
    srg1: ['srg1', 'node'],
    srg0: ['srg0'],
    adv: ['adv'],
    route: ['activeRoute', 'backupRoute'],
    probing: ['probing'],
    peer: ['peerSrg1', 'iclSeen'],
  };
  return behind[field].some((v) => vars.has(v));
}
