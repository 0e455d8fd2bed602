/**
 * The named definitions (`x.define(...)`) an emitted module must declare:
 * every one reached through a call from the expressions it prints, each
 * once, in dependency order (a definition before the ones that use it),
 * otherwise in order of first use.
 */
import type { Definition, Expr } from '../dsl/index.js';
import { TlaEmitError } from './errors.js';
import { childrenOf, textOf } from './expr-tools.js';

/** Every definition called from `roots`, directly or through other definitions, dependencies first. */
export function collectDefinitions(roots: Iterable<Expr>): Definition[] {
  const byName = new Map<string, Definition>();
  const done = new Set<string>();
  const out: Definition[] = [];
  const visitDef = (d: Definition): void => {
    const prev = byName.get(d.name);
    if (prev) {
      if (prev !== d && textOf(prev.body) !== textOf(d.body)) {
        throw new TlaEmitError('TLA_NAME_CLASH', `two different definitions are both named '${d.name}'`, 'give each definition its own name in the model');
      }
      return;
    }
    byName.set(d.name, d);
    visit(d.body);
    done.add(d.name);
    out.push(d);
  };
  const visit = (e: Expr): void => {
    if (e.op === 'call') visitDef(e.def);
    for (const c of childrenOf(e)) visit(c);
  };
  for (const r of roots) visit(r);
  return out;
}
