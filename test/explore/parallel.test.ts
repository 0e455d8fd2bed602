/**
 * The parallel search finds what the single-threaded one finds: the same
 * number of distinct and generated states, the same depth, the same
 * verdicts, and counterexamples of the same (shortest) length.
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { explore } from '../../src/explore/bfs.js';
import { compileModel } from '../../src/explore/compile.js';
import { exploreParallel } from '../../src/explore/parallel.js';
import { lowerSystem } from '../../src/model/index.js';
import type { Expr } from '../../src/dsl/index.js';

const source = (name: string) => ({ module: new URL('../../models/mnha/scenarios/index.ts', import.meta.url).href, exportName: 'findScenario', args: [name] });

describe('parallel search', () => {
  for (const name of ['router-fault', 'async-routes']) {
    it(`${name}: 2 workers agree with 1 on counts, depth, verdicts and trace lengths`, async () => {
      const { system, properties } = findScenario(name)!.build();
      const cm = compileModel(lowerSystem(system));
      const invariants = properties.filter((p) => p.kind === 'invariant').map((p) => ({ name: p.name, pred: cm.predicate((p as { expr: Expr }).expr) }));
      const one = await explore(cm, { invariants, checkDeadlock: true });
      const two = await exploreParallel(cm, { workers: 2, source: source(name), invariants, checkDeadlock: true });
      expect(two.complete).toBe(true);
      expect(two.distinct).toBe(one.distinct);
      expect(two.generated).toBe(one.generated);
      expect(two.depth).toBe(one.depth);
      expect([...two.violations.keys()].sort()).toEqual([...one.violations.keys()].sort());
      for (const [inv, at] of one.violations) {
        expect(two.store.pathTo(two.violations.get(inv)!).length).toBe(one.store.pathTo(at).length);
      }
      expect(two.deadlock).toBe(one.deadlock);
    }, 60_000);
  }
});
