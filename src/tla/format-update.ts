/**
 * Primed updates as a person writes them: `f' = [f EXCEPT ![k] = v]` with
 * `@` for the old value `f[k]`, several updates of one function in one
 * EXCEPT (`![n] = Tail(@), ![Peer[n]] = ...`), and nested keys as a path
 * (`![n][s] = "active"`).
 *
 * `@` in the value of `![k]` stands for the function being updated at that
 * point applied to `k` (for a later clause, the function after the earlier
 * clauses). It is written only where the value mentions exactly that, and
 * not inside a nested EXCEPT, where `@` would mean something else.
 */
import type { Expr } from '../dsl/index.js';
import { boundRef, freeBound, isBinder, mapChildren, sameExpr, textOf } from './expr-tools.js';
import { formatExpr, prefixLines, suffixLines } from './format-expr.js';

const AT: Expr = boundRef('@', { kind: 'bool' });

function appOf(fn: Expr, key: Expr): Expr {
  return { op: 'app', t: fn.t.kind === 'fun' ? fn.t.value : fn.t, fn, key };
}

/** `v` with every occurrence of `old` (outside nested EXCEPTs and binders that capture its names) written `@`. */
function withAt(v: Expr, old: Expr, oldFree: ReadonlySet<string>): Expr {
  if (sameExpr(v, old)) return { ...AT, t: v.t };
  if (v.op === 'except') return v;
  if (isBinder(v) && oldFree.has(v.bind)) return v;
  return mapChildren(v, (c) => withAt(c, old, oldFree));
}

/** One clause `![k1][k2] = v` of an EXCEPT on function `fn`: its left side and its value (with `@`). */
function clause(fn: Expr, key: Expr, value: Expr): { readonly lhs: string; readonly value: Expr } {
  const path = [key];
  let cur = appOf(fn, key);
  let v = value;
  // [@ EXCEPT ![k2] = w] as the value of ![k1] is the path ![k1][k2] = w.
  while (v.op === 'except' && v.fn.op !== 'except' && sameExpr(v.fn, cur)) {
    path.push(v.key);
    cur = appOf(cur, v.key);
    v = v.value;
  }
  return { lhs: `!${path.map((k) => `[${textOf(k)}]`).join('')}`, value: withAt(v, cur, freeBound(cur)) };
}

/**
 * The lines of `name' = value` in at most `room` columns where the layout
 * allows it.
 */
export function formatUpdate(name: string, value: Expr, room: number): string[] {
  const head = `${name}' = `;
  if (value.op === 'except') {
    const clauses: { fn: Expr; key: Expr; value: Expr }[] = [];
    let cur: Expr = value;
    while (cur.op === 'except') {
      clauses.unshift({ fn: cur.fn, key: cur.key, value: cur.value });
      cur = cur.fn;
    }
    if (cur.op === 'var' && cur.name === name) {
      const parts = clauses.map((c) => clause(c.fn, c.key, c.value));
      const one = `${head}[${name} EXCEPT ${parts.map((p) => `${p.lhs} = ${textOf(p.value)}`).join(', ')}]`;
      if (one.length <= room) return [one];
      const lead = `${head}[${name} EXCEPT `;
      return parts.flatMap((p, i) => {
        const prefix = `${i === 0 ? lead : ' '.repeat(lead.length)}${p.lhs} = `;
        const lines = prefixLines(prefix, formatExpr(p.value, room - prefix.length - 1));
        return suffixLines(lines, i === parts.length - 1 ? ']' : ',');
      });
    }
  }
  const lines = formatExpr(value, room - head.length - 2);
  // `x' = a \/ b` would read `(x' = a) \/ b`: an operand that binds more
  // loosely than `=` goes in parentheses (a junction list brackets itself).
  const junction = lines.length > 1 && (value.op === 'and' || value.op === 'or');
  if (LOOSE.has(value.op) && !junction) return prefixLines(head, suffixLines(prefixLines('(', lines), ')'));
  return prefixLines(head, lines);
}

/** Operators that bind more loosely than `=` or as loosely (comparisons do not associate). */
const LOOSE = new Set<Expr['op']>(['and', 'or', 'implies', 'not', 'eq', 'neq', 'lt', 'le', 'gt', 'ge', 'in']);
