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
 * line 20, preemption on line 21, backup-signal-route on line 19 except in
 * missing-backup-signal-route/n2.set, which has none (all read by eye, not by the reader).
 */
type Expected = { priority: { n1: number; n2: number }; preemption: boolean; backup: { n1: boolean; n2: boolean }; warnings: string[] };
const BOTH = { n1: true, n2: true };
const EXPECTED: Readonly<Record<string, Expected>> = {
  'documented-routing': { priority: { n1: 200, n2: 100 }, preemption: true, backup: BOTH, warnings: ['runs-split'] },
  'equal-priorities': { priority: { n1: 150, n2: 150 }, preemption: true, backup: BOTH, warnings: ['runs-split'] },
  'missing-backup-signal-route': { priority: { n1: 200, n2: 100 }, preemption: true, backup: { n1: true, n2: false }, warnings: ['backup-signal-route-on-one-node', 'runs-split'] },
  'preemption-one-side': { priority: { n1: 200, n2: 100 }, preemption: true, backup: BOTH, warnings: ['preemption-on-one-node', 'runs-split'] },
};

describe('the derived model of each example pair', () => {
  for (const [name, e] of Object.entries(EXPECTED)) {
    it(`${name}: ids 1 and 2, priorities ${e.priority.n1}/${e.priority.n2}, preemption ${e.preemption ? 'on' : 'off'}, every fault, control and sessions runs`, async () => {
      const m = await derived(name);
      expect(m.params).toMatchObject({
        localId: { n1: 1, n2: 2 }, priority: e.priority, hasBackupSignalRoute: e.backup, preemption: e.preemption, manualFailover: true, ipsec: false, sessions: 0,
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

  it('gives n2 of missing-backup-signal-route no backup-signal-route, from the lines that say so, and warns that the model reproduces it', async () => {
    const m = await derived('missing-backup-signal-route');
    const n1 = 'examples/configs/missing-backup-signal-route/n1.set';
    const n2 = 'examples/configs/missing-backup-signal-route/n2.set';
    // n1.set line 19 is its backup-signal-route; n2.set has none, and line 15 opens its SRG1 (deployment-type)
    const d = m.decisions.find((x) => x.parameter === 'hasBackupSignalRoute');
    expect(d?.value).toBe('n1 yes, n2 no');
    expect(d?.lines).toEqual([{ file: n1, line: 19 }, { file: n2, line: 15 }]);
    expect(m.runs.map((r) => r.params.hasBackupSignalRoute)).toEqual([{ n1: true, n2: false }, { n1: true, n2: false }]);
    const w = m.warnings.find((x) => x.code === 'backup-signal-route-on-one-node');
    expect(w?.message).toContain('the model reproduces this');
    expect(w?.message).not.toContain('kinder');
    expect(w?.lines).toEqual([{ file: n1, line: 19 }, { file: n2, line: 15 }]);
  });

  it('gives both nodes no backup-signal-route when neither file has one', async () => {
    const pair = await examplePair('missing-backup-signal-route');
    const none = { ...pair, n1: { ...pair.n1, config: { ...pair.n1.config, srg1: { ...pair.n1.config.srg1, backupSignalRoute: null } } } };
    const r = deriveModel(none);
    expect(r.ok && r.model.params.hasBackupSignalRoute).toEqual({ n1: false, n2: false });
    expect(r.ok && r.model.warnings.map((w) => w.code)).toEqual(['backup-signal-route-missing', 'runs-split']);
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
