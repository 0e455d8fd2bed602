/**
 * Every primed conjunct of the emitted actions parses, under the TLA+
 * grammar, as `x' = e` (or UNCHANGED), never as something like
 * `(x' = a) \/ b`: the precedence mistake that a syntax check cannot see and
 * that would make TLC explore a different state space.
 */
import { Language, type Node, Parser } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';

import { twoPhaseSystem } from '../../models/examples/two-phase.js';
import { lowerSystem } from '../../src/model/index.js';
import { emitMainModule } from '../../src/tla/emit-main.js';
import { MNHA_FAMILY } from '../../models/spec-families.js';
import { prepareFamily } from '../../src/tla/generate-specs.js';
import { tlaGrammarWasmPath } from '../../src/tla/syntax.js';

let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  parser = new Parser();
  parser.setLanguage(await Language.load(tlaGrammarWasmPath()));
});

/** Every conjunct that mentions a primed variable and is not a LET, with what it parsed as. */
function primedConjuncts(text: string): { text: string; ok: boolean }[] {
  const tree = parser.parse(text)!;
  const out: { text: string; ok: boolean }[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'conj_item') {
      const expr = n.namedChildren[1];
      if (expr && expr.type !== 'let_in' && expr.type !== 'conj_list' && expr.text.includes("'")) {
        const [lhs, op] = expr.namedChildren;
        const update = expr.type === 'bound_infix_op' && lhs?.type === 'bound_postfix_op' && op?.type === 'eq';
        const unchanged = expr.type === 'bound_prefix_op' && expr.namedChildren[0]?.type === 'unchanged';
        out.push({ text: expr.text, ok: update || unchanged });
        return;
      }
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(tree.rootNode);
  tree.delete();
  return out;
}

describe('primed conjuncts are x\' = e', () => {
  it('in the MNHA module', () => {
    const p = prepareFamily(MNHA_FAMILY);
    if (!p.ok) throw new Error(p.error.message);
    // the actions' updates; action properties ([][A]_vars) read primed variables on purpose
    const text = p.value.text.slice(0, p.value.text.indexOf('\\* -------------------- action properties'));
    expect(text.length).toBeGreaterThan(1000);
    const items = primedConjuncts(text);
    expect(items.length).toBeGreaterThan(100);
    expect(items.filter((i) => !i.ok).map((i) => i.text)).toEqual([]);
  });

  it('in the TwoPhase module', () => {
    const r = emitMainModule(lowerSystem(twoPhaseSystem(3)), []);
    if (!r.ok) throw new Error(r.error.message);
    const items = primedConjuncts(r.value);
    expect(items.length).toBe(10);
    expect(items.filter((i) => !i.ok)).toEqual([]);
  });

  it('catches the mistake it is meant to catch', () => {
    const bad = "---- MODULE A ----\nVARIABLES x\nA == /\\ x' = x \\/ TRUE\n====\n";
    expect(primedConjuncts(bad)).toEqual([{ text: "x' = x \\/ TRUE", ok: false }]);
  });
});
