import { describe, expect, it } from 'vitest';
import { deriveModel, type DerivedModel } from '../../src/config/derive-model.js';
import { readNodeFile, type NodeFile } from '../../src/config/read-node-file.js';
import type { Pair } from '../../src/config/pair-issues.js';

async function examplePair(name: string): Promise<Pair> {
  const [a, b] = await Promise.all(['n1', 'n2'].map((n) => readNodeFile(`examples/configs/${name}/${n}.set`)));
  if (!a?.ok || !b?.ok) throw new Error(`${name}: ${[a, b].map((r) => (r?.ok === false ? r.error : '')).join(' ')}`);
  return { n1: a.node as NodeFile, n2: b.node as NodeFile };
}

async function derived(name: string): Promise<DerivedModel> {
  const r = deriveModel(await examplePair(name));
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

/** Every fault class: each example monitors SRG0 and SRG1 (lines 14 and 22) and probes (line 17). */
const ALL_FAULTS = ['icl', 'crash', 'srg1Monitor', 'srg0Monitor', 'router', 'probeLoss'];

/**
 * Hand-derived from the example files: local-id on line 7, activeness-priority on
 * line 20, preemption on line 21 (both read by eye, not by the reader).
 */
const EXPECTED: Readonly<Record<string, { priority: { n1: number; n2: number }; preemption: boolean; warnings: string[] }>> = {
  'documented-routing': { priority: { n1: 200, n2: 100 }, preemption: true, warnings: ['runs-split'] },
  'equal-priorities': { priority: { n1: 150, n2: 150 }, preemption: true, warnings: ['runs-split'] },
  'missing-backup-signal-route': { priority: { n1: 200, n2: 100 }, preemption: true, warnings: ['backup-signal-route-on-one-node', 'runs-split'] },
  'preemption-one-side': { priority: { n1: 200, n2: 100 }, preemption: true, warnings: ['preemption-on-one-node', 'runs-split'] },
};

describe('the derived model of each example pair', () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    it(`${name}: ids 1 and 2, priorities ${e.priority.n1}/${e.priority.n2}, preemption ${e.preemption ? 'on' : 'off'}, every fault, control and sessions runs`, async () => {
      const m = await derived(name);
      expect(m.params).toMatchObject({
        localId: { n1: 1, n2: 2 }, priority: e.priority, preemption: e.preemption, manualFailover: true, ipsec: false, sessions: 0,
        faults: ALL_FAULTS, iclLossAtActive: 'withdraw', routeConvergence: 'instant', tieBreak: 'n1',
      });
      expect(m.faults).toEqual([...ALL_FAULTS, 'manualFailover']);
      expect(m.runs.map((r) => [r.name, r.params.sessions, r.params.faults])).toEqual([['control', 0, ALL_FAULTS], ['sessions', 1, ['icl', 'srg0Monitor']]]);
      expect(m.warnings.map((w) => w.code)).toEqual(e.warnings);
    });
  }

  it('names the lines each parameter comes from', async () => {
    const m = await derived('preemption-one-side');
    const d = (p: string) => m.decisions.find((x) => x.parameter === p);
    const n1 = 'examples/configs/preemption-one-side/n1.set';
    const n2 = 'examples/configs/preemption-one-side/n2.set';
    expect(d('localId')?.lines).toEqual([{ file: n1, line: 7 }, { file: n2, line: 7 }]);
    expect(d('preemption')?.lines).toEqual([{ file: n1, line: 21 }]);
    expect(d('preemption')?.why).toBe(`configured on one node only: the setting of the higher-priority node (${n1}), the one that would preempt`);
    const w = m.warnings.find((x) => x.code === 'preemption-on-one-node');
    expect(w?.message).toMatch(/^examples\/configs\/preemption-one-side\/n1\.set line 21 and examples\/configs\/preemption-one-side\/n2\.set line 15: preemption is configured on one node only; .* taken as on, which is exact/);
  });

  it('takes preemption as off when only the lower-priority node has it (that node never preempts)', async () => {
    const pair = await examplePair('preemption-one-side');
    // swap the priorities: n2 (no preemption) now has 250, above n1's 200
    const swapped = { ...pair, n2: { ...pair.n2, config: { ...pair.n2.config, srg1: { ...pair.n2.config.srg1, activenessPriority: 250 } } } };
    const r = deriveModel(swapped);
    expect(r.ok && r.model.params.preemption).toBe(false);
    expect(r.ok && r.model.warnings[0]?.message).toContain('which does not have it: the model\'s one switch is taken as off, which is exact: this pair never preempts');
  });

  it('says the model is kinder where a backup-signal-route is missing', async () => {
    const w = (await derived('missing-backup-signal-route')).warnings[0];
    expect(w?.message).toContain('the model is kinder here');
    expect(w?.lines).toEqual([{ file: 'examples/configs/missing-backup-signal-route/n1.set', line: 19 }, { file: 'examples/configs/missing-backup-signal-route/n2.set', line: 15 }]);
  });

  it('narrows the faults with --faults, and refuses a fault the pair cannot have', async () => {
    const pair = await examplePair('documented-routing');
    const narrowed = deriveModel(pair, { faults: ['icl', 'crash'] });
    expect(narrowed.ok && narrowed.model.params.faults).toEqual(['icl', 'crash']);
    expect(narrowed.ok && narrowed.model.params.manualFailover).toBe(false);
    const noMonitor = { ...pair, n1: { ...pair.n1, config: { ...pair.n1.config, srg0: { ...pair.n1.config.srg0, monitoring: { threshold: 255, monitors: [] } } } } };
    const both = { ...noMonitor, n2: { ...noMonitor.n2, config: { ...noMonitor.n2.config, srg0: noMonitor.n1.config.srg0 } } };
    expect(deriveModel(both, { faults: ['srg0Monitor'] })).toEqual({ ok: false, error: '--faults srg0Monitor: not possible with this pair (no SRG0 monitor is configured, so SRG0 never isolates on a monitor)' });
  });

  it('refuses the IKEv1 HA link example when it is read, naming the gateway line of each file', async () => {
    const r = await readNodeFile('examples/configs/ha-link-ikev1/n1.set');
    expect(r.ok ? '' : r.error).toBe('examples/configs/ha-link-ikev1/n1.set line 34 ("set security ike gateway ICL_GW version v1-only"): IKE gateway ICL_GW of HA link VPN ICL_IPSEC_VPN is version v1-only; HA link encryption needs IKEv2 only (add "set security ike gateway ICL_GW version v2-only")');
  });
});
