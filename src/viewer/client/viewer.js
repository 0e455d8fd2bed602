// @ts-check
// The trace viewer's page script. It is inlined in every page that
// `ha-verify view` writes (see src/viewer/assets.ts), runs from file:// with
// no network access, and reads its data from the JSON in #hv-data. Every text
// from the trace reaches the page through textContent, never as markup.
(function () {
  'use strict';

  /**
   * @typedef {{ a: string, w?: string }} DisplayAtom
   * @typedef {{ k?: string, v: DisplayValue, s?: 'add' | 'del' }} DisplayEntry
   * @typedef {{ c: 'map' | 'rec' | 'seq' | 'set' | 'tup', e: DisplayEntry[], w?: string }} DisplayContainer
   * @typedef {DisplayAtom | DisplayContainer} DisplayValue
   * @typedef {{ label: string, name: string, params: [string, string][], changed: number[], values: DisplayValue[] }} Step
   * @typedef {{ from?: number, to: number, sent: number, end?: number, fate: string, label: string, text: string }} Message
   * @typedef {{ variable: string, expected: string, actual: string }} ReplayDiff
   * @typedef {{
   *   vars: string[], steps: Step[], initial: number,
   *   violation?: { step: number, text: string },
   *   loop?: { start: number, action?: string, stutters: boolean },
   *   replay?: { outcome: string, step?: number, text: string, diff: ReplayDiff[], known?: string, log: [number, string][] },
   *   messages: Message[]
   * }} Data
   */

  const SVG = 'http://www.w3.org/2000/svg';
  const FLAT_LIMIT = 60;

  const dataElement = document.getElementById('hv-data');
  if (!dataElement) return;
  /** @type {Data} */
  const data = JSON.parse(dataElement.textContent || '{}');
  const last = data.steps.length - 1;
  /** @type {HTMLTableRowElement[]} */
  const rows = Array.from(document.querySelectorAll('#timeline tbody tr[data-step]'));
  let current = -1;
  /** The step compared with the selected one (`?cmp=M` in the address), if any. */
  /** @type {number | undefined} */
  let compareWith;
  /** Variables pinned as timeline columns (`?pin=a,b` in the address), in the order pinned. */
  /** @type {string[]} */
  let pins = [];

  /**
   * @param {string} id
   * @returns {HTMLElement}
   */
  function byId(id) {
    const e = document.getElementById(id);
    if (!e) throw new Error('viewer: missing #' + id);
    return e;
  }

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   * @returns {HTMLElement}
   */
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // ------------------------------------------------------------ values

  /**
   * @param {DisplayValue} d
   * @returns {number}
   */
  function textLength(d) {
    if ('a' in d) return d.a.length + (d.w ? d.w.length + 3 : 0);
    return d.e.reduce((n, x) => n + (x.k ? x.k.length + 2 : 0) + textLength(x.v) + 2, 2);
  }

  /**
   * @param {DisplayContainer} d
   * @returns {[string, string]}
   */
  function brackets(d) {
    if (d.c === 'seq') return ['[', ']'];
    if (d.c === 'tup') return ['(', ')'];
    return ['{', '}'];
  }

  /**
   * @param {DisplayAtom} d
   * @returns {HTMLElement}
   */
  function atom(d) {
    if (d.w === undefined) return el('span', 'atom', d.a);
    const span = el('span', 'diff');
    span.append(el('del', 'was', d.w), el('span', 'to', ' → '), el('ins', 'now', d.a));
    return span;
  }

  /**
   * @param {DisplayValue} d
   * @returns {HTMLElement}
   */
  function renderValue(d) {
    if ('a' in d) return atom(d);
    const body = renderContainer(d);
    if (d.w === undefined) return body;
    const box = el('div', 'replaced');
    const was = el('div', 'was-line');
    was.append(el('span', 'muted', 'was '), el('del', 'was', d.w));
    box.append(body, was);
    return box;
  }

  /**
   * @param {DisplayContainer} d
   * @returns {HTMLElement}
   */
  function renderContainer(d) {
    const [open, close] = brackets(d);
    const changedWhole = d.w !== undefined;
    const flat = d.e.every((x) => 'a' in x.v) && textLength(d) <= FLAT_LIMIT;
    if (d.e.length === 0 || flat) {
      const span = el('span', 'inline' + (changedWhole ? ' now-whole' : ''));
      span.append(open);
      d.e.forEach((x, i) => {
        if (i > 0) span.append(', ');
        const part = el('span', x.s ? 'entry ' + x.s : 'entry');
        if (x.k !== undefined) part.append(el('span', 'k', x.k), ': ');
        part.append(renderValue(x.v));
        span.append(part);
      });
      span.append(close);
      return span;
    }
    const list = el('div', 'kv' + (changedWhole ? ' now-whole' : ''));
    d.e.forEach((x, i) => {
      const row = el('div', x.s ? 'kv-row ' + x.s : 'kv-row');
      const key = x.k !== undefined ? x.k : d.c === 'seq' || d.c === 'tup' ? String(i + 1) + '.' : '•';
      row.append(el('span', 'k', key), renderValue(x.v));
      list.append(row);
    });
    return list;
  }

  /**
   * The value a display tree shows now, as one line: removed entries and
   * old values left out. Two steps' values are compared by this text.
   * @param {DisplayValue} d
   * @returns {string}
   */
  function plainText(d) {
    if ('a' in d) return d.a;
    const [open, close] = brackets(d);
    const shown = d.e.filter((x) => x.s !== 'del').map((x) => (x.k !== undefined ? x.k + ': ' : '') + plainText(x.v));
    return open + shown.join(', ') + close;
  }

  // ------------------------------------------------------------ compare and pin

  /** @param {number} n */
  function renderCompare(n) {
    const box = byId('compare');
    box.replaceChildren();
    const select = /** @type {HTMLSelectElement} */ (byId('cmp'));
    select.value = compareWith === undefined ? '' : String(compareWith);
    if (compareWith === undefined || compareWith === n) return;
    const m = compareWith;
    const differ = data.vars.map((name, k) => [name, plainText(data.steps[m].values[k]), plainText(data.steps[n].values[k])]).filter(([, a, b]) => a !== b);
    box.append(el('div', 'cmp-title', 'step ' + m + ' → step ' + n + ': ' + differ.length + ' of ' + data.vars.length + ' variables differ'));
    if (differ.length === 0) return;
    const table = el('table', 'cmp-table');
    const head = el('tr');
    head.append(el('th', '', 'variable'), el('th', '', 'step ' + m), el('th', '', 'step ' + n));
    table.append(head);
    for (const [name, a, b] of differ) {
      const tr = el('tr');
      tr.append(el('td', 'name', name), el('td', 'was', a), el('td', 'now', b));
      table.append(tr);
    }
    box.append(table);
  }

  /** Pinned variables as columns of the timeline, one cell per step with its value then. */
  function renderPins() {
    const table = byId('timeline');
    table.querySelectorAll('.pin').forEach((e) => e.remove());
    const headRow = table.querySelector('thead tr');
    if (!headRow) return;
    for (const name of pins) {
      const k = data.vars.indexOf(name);
      const th = el('th', 'pin', name);
      th.title = 'pinned: click its name in the variables to unpin';
      headRow.append(th);
      rows.forEach((row, i) => row.append(el('td', 'pin', plainText(data.steps[i].values[k]))));
    }
    table.classList.toggle('has-pins', pins.length > 0);
    table.querySelectorAll('tr.loop-back td[colspan]').forEach((td) => td.setAttribute('colspan', String(headRow.children.length - 1)));
    redrawSoon();
  }

  /** @param {string} name */
  function togglePin(name) {
    pins = pins.includes(name) ? pins.filter((p) => p !== name) : [...pins, name];
    renderPins();
    renderVariables(current);
    writeAddress();
  }

  // ------------------------------------------------------------ detail

  /** @param {number} n */
  function renderNotes(n) {
    const notes = byId('step-notes');
    notes.replaceChildren();
    if (n === 0) notes.append(el('div', 'note info', 'Initial state: every variable is shown.'));
    if (data.violation && data.violation.step === n) {
      notes.append(el('div', 'note violation', '✗ ' + data.violation.text + ' — this is the state where it fails.'));
    }
    if (data.loop && data.loop.stutters && data.loop.start === n) {
      notes.append(el('div', 'note loop', '↻ From here on nothing changes: the system stays in this state forever.'));
    } else if (data.loop && data.loop.start === n) {
      notes.append(el('div', 'note loop', '↻ The loop starts here: after step ' + last + ' the behaviour comes back to this state, forever.'));
    }
    if (data.loop && !data.loop.stutters && n === last) {
      const via = data.loop.action ? ' via ' + data.loop.action : '';
      notes.append(el('div', 'note loop', '↻ Next: back to step ' + data.loop.start + via + '.'));
    }
    const r = data.replay;
    if (r) {
      for (const [step, text] of r.log) if (step === n) notes.append(el('div', 'note info', 'implementation: ' + text));
    }
    if (r && r.outcome !== 'follows' && r.step === n) {
      const box = el('div', 'note depart');
      box.append(el('div', 'note-title', '⚠ ' + r.text));
      if (r.known) box.append(el('div', 'known', 'known difference ' + r.known));
      if (r.diff.length > 0) {
        const table = el('table', 'replay-diff');
        const head = el('tr');
        head.append(el('th', '', 'variable'), el('th', '', 'trace (model)'), el('th', '', 'implementation'));
        table.append(head);
        for (const d of r.diff) {
          const tr = el('tr');
          tr.append(el('td', 'name', d.variable), el('td', 'expected', d.expected), el('td', 'actual', d.actual));
          table.append(tr);
        }
        box.append(table);
      }
      notes.append(box);
    }
  }

  /**
   * What led to step n, each a link to its step: the messages it received
   * (numbered as the arrows' tooltips number them, with the step that sent
   * them) and, for every variable it changed, the step that changed it
   * before.
   * @param {number} n
   */
  function renderCauses(n) {
    const box = byId('causes');
    box.replaceChildren();
    if (n === 0) return;
    /** @type {[string, number][]} */
    const items = [];
    data.messages.forEach((m, i) => {
      if (m.end === n && m.fate === 'delivered') items.push(['message ' + (i + 1) + ' (' + m.label + ') sent at step ' + m.sent, m.sent]);
    });
    for (const k of data.steps[n].changed) {
      let j = n - 1;
      while (j > 0 && !data.steps[j].changed.includes(k)) j--;
      items.push([data.vars[k] + (j > 0 ? ' last changed at step ' + j : ' as in the initial state'), j]);
    }
    if (items.length === 0) return;
    box.append(el('div', 'causes-title', 'what led here'));
    const list = el('ul', 'causes');
    for (const [text, step] of items) {
      const li = el('li');
      const a = /** @type {HTMLAnchorElement} */ (el('a', '', text));
      a.href = '#/step/' + step;
      li.append(a);
      list.append(li);
    }
    box.append(list);
  }

  /** @param {number} n */
  function renderVariables(n) {
    const step = data.steps[n];
    const changedOnly = /** @type {HTMLInputElement} */ (byId('changed-only')).checked && n > 0;
    const body = byId('vars-body');
    body.replaceChildren();
    const changed = new Set(step.changed);
    const filter = /** @type {HTMLInputElement} */ (byId('var-filter')).value.trim().toLowerCase();
    data.vars.forEach((name, k) => {
      const isChanged = changed.has(k);
      if (changedOnly && !isChanged) return;
      if (filter !== '' && !name.toLowerCase().includes(filter)) return;
      const tr = el('tr', isChanged ? 'var changed' : 'var');
      const nameCell = el('td', 'name');
      // The name pins the variable as a timeline column (and unpins it).
      const pin = /** @type {HTMLButtonElement} */ (el('button', pins.includes(name) ? 'var-name pinned' : 'var-name', name));
      pin.type = 'button';
      pin.title = pins.includes(name) ? 'unpin from the timeline' : 'pin as a timeline column';
      pin.addEventListener('click', () => togglePin(name));
      nameCell.append(pin);
      if (isChanged) nameCell.append(el('span', 'chg-dot', 'changed'));
      const valueCell = el('td', 'value');
      valueCell.append(renderValue(step.values[k]));
      tr.append(nameCell, valueCell);
      body.append(tr);
    });
    const count = n === 0 ? data.vars.length + ' variables' : step.changed.length + ' of ' + data.vars.length + ' variables changed';
    byId('vars-count').textContent = count;
  }

  /** @param {number} n */
  function renderDetail(n) {
    const step = data.steps[n];
    byId('pos').textContent = 'step ' + n + ' / ' + last;
    const title = byId('step-title');
    title.replaceChildren(el('span', 'step-no', String(n)), el('span', 'step-name', step.name));
    const params = byId('step-params');
    params.replaceChildren();
    for (const [k, v] of step.params) {
      const chip = el('span', 'param');
      chip.append(el('span', 'pk', k), '=', el('span', 'pv', v));
      params.append(chip);
    }
    /** @type {HTMLButtonElement} */ (byId('prev')).disabled = n === 0;
    /** @type {HTMLButtonElement} */ (byId('next')).disabled = n === last;
    renderNotes(n);
    renderCauses(n);
    renderCompare(n);
    renderVariables(n);
  }

  // ------------------------------------------------------------ selection

  /**
   * @param {number} n
   * @param {boolean} writeHash
   */
  function select(n, writeHash) {
    const target = Math.max(0, Math.min(last, n));
    if (target !== current) {
      current = target;
      rows.forEach((row, i) => {
        const on = i === target;
        row.classList.toggle('selected', on);
        if (on) row.setAttribute('aria-selected', 'true');
        else row.removeAttribute('aria-selected');
      });
      const row = rows[target];
      if (row) row.scrollIntoView({ block: 'nearest' });
      renderDetail(target);
      highlightArrows();
      document.body.setAttribute('data-selected-step', String(target));
    }
    if (writeHash) writeAddress();
  }

  /** The address of what is shown: `#/step/N`, with `?cmp=M&pin=a,b` when a step is compared or variables pinned. */
  function writeAddress() {
    const query = [];
    if (compareWith !== undefined) query.push('cmp=' + compareWith);
    if (pins.length > 0) query.push('pin=' + pins.map(encodeURIComponent).join(','));
    const hash = '#/step/' + current + (query.length > 0 ? '?' + query.join('&') : '');
    if (location.hash !== hash) location.replace(hash);
  }

  /** @returns {{ step: number, cmp?: number, pins: string[] } | undefined} */
  function fromAddress() {
    const m = /^#\/step\/(\d+)(?:\?(.*))?$/.exec(location.hash);
    if (!m) return undefined;
    const q = new URLSearchParams(m[2] || '');
    const cmp = q.get('cmp');
    const c = cmp !== null && /^\d+$/.test(cmp) && Number(cmp) <= last ? Number(cmp) : undefined;
    // Only variables the trace has; the rest of a pasted address is ignored.
    const pinned = (q.get('pin') || '').split(',').map((p) => p.trim()).filter((p) => data.vars.includes(p));
    return { step: Number(m[1]), pins: [...new Set(pinned)], ...(c !== undefined ? { cmp: c } : {}) };
  }

  /** @returns {number | undefined} */
  function stepFromHash() {
    const a = fromAddress();
    return a ? a.step : undefined;
  }

  /** Takes the compared step and the pins from the address. */
  function applyAddress() {
    const a = fromAddress();
    const cmp = a ? a.cmp : undefined;
    const pinned = a ? a.pins : [];
    const pinsChanged = pinned.join(',') !== pins.join(',');
    compareWith = cmp;
    pins = pinned;
    if (pinsChanged) renderPins();
  }

  // ------------------------------------------------------------ arrows

  /**
   * @param {string} tag
   * @param {Record<string, string | number>} attrs
   * @returns {SVGElement}
   */
  function svgEl(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  function drawArrows() {
    const svg = document.getElementById('arrows');
    const table = document.getElementById('timeline');
    if (!svg || !table || !svg.parentElement) return;
    const base = svg.parentElement.getBoundingClientRect();
    svg.setAttribute('width', String(table.offsetWidth));
    svg.setAttribute('height', String(table.offsetHeight));
    const defs = svgEl('defs', {});
    for (const fate of ['delivered', 'in-flight', 'lost', 'replaced']) {
      const marker = svgEl('marker', { id: 'head-' + fate, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', class: 'head ' + fate }));
      defs.append(marker);
    }
    svg.replaceChildren(defs);
    const labels = svgEl('g', { class: 'labels' });
    data.messages.forEach((m, i) => {
      const fromRow = rows[m.sent];
      const endRow = rows[m.end === undefined ? last : m.end];
      if (!fromRow || !endRow) return;
      const toCell = endRow.querySelector('td[data-node="' + m.to + '"]');
      const fromCell = m.from === undefined ? null : fromRow.querySelector('td[data-node="' + m.from + '"]');
      const iclCell = endRow.querySelector('td.icl');
      if (!toCell) return;
      const rTo = toCell.getBoundingClientRect();
      const rFromRow = fromRow.getBoundingClientRect();
      const rEndRow = endRow.getBoundingClientRect();
      const iclX = iclCell ? iclCell.getBoundingClientRect().left + iclCell.getBoundingClientRect().width / 2 - base.left : undefined;
      const toCenter = rTo.left + rTo.width / 2;
      const rFrom = fromCell ? fromCell.getBoundingClientRect() : undefined;
      const fromCenter = rFrom ? rFrom.left + rFrom.width / 2 : iclX !== undefined ? iclX + base.left : toCenter;
      const rightward = fromCenter < toCenter;
      const x1 = (rFrom ? (rightward ? rFrom.right : rFrom.left) : fromCenter) - base.left;
      const y1 = rFromRow.top + rFromRow.height * 0.8 - base.top;
      const stops = m.fate === 'lost' || m.fate === 'replaced';
      const x2 = stops && iclX !== undefined ? iclX + (rightward ? 6 : -6) : (rightward ? rTo.left : rTo.right) - base.left;
      const y2 = m.end === undefined ? rEndRow.bottom - base.top - 3 : rEndRow.top + rEndRow.height * 0.28 - base.top;
      const group = svgEl('g', { class: 'msg ' + m.fate, 'data-msg': i });
      const title = svgEl('title', {});
      const fateText = { delivered: 'delivered at step ' + m.end, lost: 'lost at step ' + m.end, replaced: 'replaced by a newer one at step ' + m.end, 'in-flight': 'still in flight at the end' };
      // Numbered in the order sent, so a message can be named ("message 2") when reading the trace aloud.
      title.textContent = 'message ' + (i + 1) + ' of ' + data.messages.length + ': ' + m.text + ' — sent at step ' + m.sent + ', ' + (fateText[/** @type {keyof typeof fateText} */ (m.fate)] || m.fate);
      const line = svgEl('line', { x1, y1, x2, y2, class: 'msg-line ' + m.fate });
      if (!stops) line.setAttribute('marker-end', 'url(#head-' + m.fate + ')');
      group.append(title, line);
      if (stops) {
        const cross = svgEl('text', { x: x2, y: y2 + 4, class: 'cross', 'text-anchor': 'middle' });
        cross.textContent = '✕';
        group.append(cross);
      }
      // The label sits where the arrow crosses the ICL lane, else at its middle.
      const lx = iclX !== undefined && !stops ? iclX : (x1 + x2) / 2;
      const t = x2 === x1 ? 0.5 : Math.max(0, Math.min(1, (lx - x1) / (x2 - x1)));
      const ly = y1 + t * (y2 - y1);
      const labelGroup = svgEl('g', { class: 'msg-label ' + m.fate, 'data-msg': i });
      const labelTitle = svgEl('title', {});
      labelTitle.textContent = title.textContent;
      const text = svgEl('text', { x: lx, y: ly + 4, 'text-anchor': 'middle' });
      text.textContent = m.label;
      labelGroup.append(labelTitle, text);
      svg.append(group);
      labels.append(labelGroup);
    });
    svg.append(labels);
    highlightArrows();
    // Once laid out: move each label down until it clears the ones before
    // it, then put a background behind it.
    /** @type {DOMRect[]} */
    const placed = [];
    labels.querySelectorAll('g.msg-label').forEach((g) => {
      const text = /** @type {SVGTextElement | null} */ (g.querySelector('text'));
      if (!text) return;
      let box = text.getBBox();
      for (let tries = 0; tries < 20; tries++) {
        const hit = placed.find((p) => box.x < p.x + p.width + 4 && p.x < box.x + box.width + 4 && box.y < p.y + p.height + 2 && p.y < box.y + box.height + 2);
        if (!hit) break;
        text.setAttribute('y', String(Number(text.getAttribute('y')) + (hit.y + hit.height + 3 - box.y)));
        box = text.getBBox();
      }
      placed.push(box);
      const bg = svgEl('rect', { x: box.x - 4, y: box.y - 1, width: box.width + 8, height: box.height + 2, rx: 4, class: 'label-bg' });
      g.insertBefore(bg, text);
    });
  }

  /** Marks the arrows of the messages the selected step sends or receives (`data-sel`), drawn thicker. */
  function highlightArrows() {
    document.querySelectorAll('#arrows [data-msg]').forEach((g) => {
      const m = data.messages[Number(g.getAttribute('data-msg'))];
      const on = m !== undefined && (m.sent === current || m.end === current);
      if (on) g.setAttribute('data-sel', '');
      else g.removeAttribute('data-sel');
    });
  }

  let pending = 0;
  function redrawSoon() {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      drawArrows();
    });
  }

  // ------------------------------------------------------------ events

  rows.forEach((row, i) => row.addEventListener('click', () => select(i, true)));
  byId('prev').addEventListener('click', () => select(current - 1, true));
  byId('next').addEventListener('click', () => select(current + 1, true));
  const gotoViolation = document.getElementById('goto-violation');
  if (gotoViolation) gotoViolation.addEventListener('click', () => select(data.violation ? data.violation.step : last, true));
  byId('changed-only').addEventListener('change', () => renderVariables(current));
  byId('var-filter').addEventListener('input', () => renderVariables(current));
  const cmpSelect = /** @type {HTMLSelectElement} */ (byId('cmp'));
  cmpSelect.append(el('option', '', '—'));
  /** @type {HTMLOptionElement} */ (cmpSelect.options[0]).value = '';
  data.steps.forEach((s, i) => {
    const o = /** @type {HTMLOptionElement} */ (el('option', '', i + ' ' + s.label));
    o.value = String(i);
    cmpSelect.append(o);
  });
  cmpSelect.addEventListener('change', () => {
    compareWith = cmpSelect.value === '' ? undefined : Number(cmpSelect.value);
    renderCompare(current);
    writeAddress();
  });

  document.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const t = ev.target;
    if (t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || (t.tagName === 'INPUT' && /** @type {HTMLInputElement} */ (t).type !== 'checkbox'))) return;
    let to;
    switch (ev.key) {
      case 'ArrowDown':
      case 'ArrowRight':
      case 'j':
        to = current + 1;
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
      case 'k':
        to = current - 1;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = last;
        break;
      default:
        return;
    }
    ev.preventDefault();
    select(to, true);
  });

  window.addEventListener('hashchange', () => {
    const n = stepFromHash();
    if (n === undefined) return;
    applyAddress();
    select(n, n > last);
    renderCompare(current);
    renderVariables(current);
  });
  window.addEventListener('resize', redrawSoon);

  applyAddress();
  const fromHash = stepFromHash();
  select(fromHash === undefined ? data.initial : fromHash, fromHash !== undefined && fromHash > last);
  drawArrows();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(redrawSoon);
  document.body.setAttribute('data-ready', 'true');
})();
