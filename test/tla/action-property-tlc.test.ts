/**
 * TLC checks an exported action property ([][A]_vars) and finds the same
 * violation the built-in engine finds: on the lamp, "a lamp that is on is
 * never switched off" fails on the third state (off, on, off), by hand.
 * Needs Java and TLA2TOOLS_JAR; skipped, and said so, without them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lampSystem } from '../../models/examples/lamp.js';
import * as x from '../../src/dsl/index.js';
import { type Property, lowerSystem } from '../../src/model/index.js';
import { emitMainModule } from '../../src/tla/emit-main.js';
import { findJava, runTlc } from '../../src/tlc/index.js';

const java = await findJava();
const jar = java ? process.env.TLA2TOOLS_JAR : undefined;
if (!jar) console.warn('action-property-tlc: skipped, TLA2TOOLS_JAR is not set or no java on PATH');

const lampT = x.enumT(['off', 'on', 'blown']);
const lamp = x.variable('lamp', lampT);
const count = x.variable('count', x.intT(0, 2));

describe('TLC on action properties', () => {
  it.skipIf(!jar)('finds NeverSwitchedOff violated at the third state and CountNeverDecreases holding', async () => {
    const properties: Property[] = [
      { kind: 'action', name: 'NeverSwitchedOff', doc: 'on is never switched off', expr: x.implies(x.eq(lamp, x.str('on', lampT)), x.neq(x.primed(lamp), x.str('off', lampT))) },
      { kind: 'action', name: 'CountNeverDecreases', doc: 'the count never goes down', expr: x.ge(x.primed(count), count) },
    ];
    const module = emitMainModule(lowerSystem(lampSystem()), properties);
    if (!module.ok) throw new Error(module.error.message);
    const dir = await mkdtemp(join(tmpdir(), 'ha-verify-action-tlc-'));
    try {
      await writeFile(join(dir, 'Lamp.tla'), module.value);
      const run = async (property: string) => {
        await writeFile(join(dir, 'Lamp.cfg'), `SPECIFICATION Spec\nPROPERTIES ${property}\nCHECK_DEADLOCK FALSE\n`);
        const r = await runTlc({ spec: join(dir, 'Lamp.tla'), checkDeadlock: false });
        if (!r.ok) throw new Error(r.error.message);
        return r.value.output.outcome;
      };
      const bad = await run('NeverSwitchedOff');
      expect(bad.kind).toBe('action-property-violated');
      if (bad.kind === 'action-property-violated') {
        expect(bad.name).toBe('NeverSwitchedOff');
        expect(bad.trace.states).toHaveLength(3);
      }
      expect((await run('CountNeverDecreases')).kind).toBe('success');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
