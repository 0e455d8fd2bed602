/**
 * Model-based tests with fast-check: random command sequences (faults,
 * repairs, protocol events, operator and traffic steps) applied to the
 * model and to the implementation together and compared after every
 * command. A command is an index into the actions the model enables at
 * that point, so every sequence is a behaviour of the model and shrinks to
 * a shorter one. A failure is written, shrunk, as an ITF trace of the
 * model's states (test-artifacts/replay/), which `ha-verify replay` takes.
 */
import { mkdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import type { NodeFactory } from '../../src/impl/index.js';
import { type ActionLabel, type Scenario, interpretedModel } from '../../src/model/index.js';
import { type LockstepRun, lockstepTrace, modelOf, replayTrace, runLockstep } from '../../src/replay/index.js';
import { writeItfTraceFile } from '../../src/trace/index.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

const ARTIFACTS = 'test-artifacts/replay';

/** The model path that command indices choose: at each step, the enabled action at index i (mod their number). */
function pathOf(scenario: Scenario, commands: readonly number[]): ActionLabel[] {
  const model = interpretedModel(modelOf(scenario));
  let state = model.initStates()[0];
  const labels: ActionLabel[] = [];
  for (const i of commands) {
    const enabled = model.actions(state);
    if (enabled.length === 0) break;
    const label = enabled[i % enabled.length];
    labels.push(label);
    state = model.next(state, label);
  }
  return labels;
}

/** Any departure is a failure. */
const conforms = (run: LockstepRun): boolean => run.departure === undefined;

/**
 * After fast-check's shrinking (which works on command indices), drops
 * single steps of the model path while the run still fails and every
 * remaining step stays enabled: a path from which no step can be removed.
 */
function minimize(scenario: Scenario, labels: readonly ActionLabel[], opts: { nodeFactory?: NodeFactory }): LockstepRun {
  let best = runLockstep(scenario, labels, opts);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < best.labels.length; i += 1) {
      const candidate = runLockstep(scenario, [...best.labels.slice(0, i), ...best.labels.slice(i + 1)], opts);
      if (candidate.skipped === 0 && !conforms(candidate)) {
        best = candidate;
        changed = true;
        break;
      }
    }
  }
  return best;
}

/**
 * Checks the property on random command sequences; on failure writes the
 * shrunk run as an ITF trace and returns it.
 */
async function check(scenario: Scenario, options: { nodeFactory?: NodeFactory; numRuns: number; seed: number }): Promise<{ run: LockstepRun; file: string } | null> {
  const commands = fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 30 });
  const opts = options.nodeFactory === undefined ? {} : { nodeFactory: options.nodeFactory };
  const result = fc.check(fc.property(commands, (cs) => conforms(runLockstep(scenario, pathOf(scenario, cs), opts))), {
    numRuns: options.numRuns,
    seed: options.seed,
  });
  if (!result.failed || result.counterexample === null) return null;
  const run = minimize(scenario, pathOf(scenario, result.counterexample[0]), opts);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}/${scenario.name}-shrunk.itf.json`;
  const d = run.departure!;
  const written = await writeItfTraceFile(file, lockstepTrace(run, 'model', {
    property: 'ImplementationFollowsModel',
    kind: 'conformance',
    source: `fast-check lock-step run, seed ${options.seed}, shrunk`,
    description: `the implementation departs at step ${d.step} (${d.action.name}) on ${d.diff.map((x) => x.variable).join(', ')}`,
  }));
  if (!written.ok) throw new Error(written.error.message);
  return { run, file };
}

describe('random command sequences: the implementation follows the model', () => {
  for (const name of ['default', 'stale-notices', 'router-fault', 'keep-and-probe', 'async-routes', 'priority-preemption', 'ipsec', 'sessions']) {
    it(`${name}`, async () => {
      const failure = await check(findScenario(name)!, { numRuns: 150, seed: 20261125 });
      // on failure the message names the shrunk trace to replay
      expect(failure === null ? null : `${failure.file}: ${JSON.stringify(failure.run.departure)}`).toBeNull();
    });
  }
});

describe('random command sequences catch the broken fixtures, shrunk to a short trace', () => {
  it('backup-advertises-high (default): a node becomes backup and advertises high, at the last step of a 5-step path', async () => {
    const failure = await check(findScenario('default')!, { nodeFactory: BROKEN_NODES['backup-advertises-high'].factory, numRuns: 2000, seed: 7 });
    expect(failure).not.toBeNull();
    const { run, file } = failure!;
    const d = run.departure!;
    // the shortest way to a backup: the ICL comes up, one node is answered (active), both see the ICL (each announces
    // itself), the other reads "active" and becomes backup: 5 steps, the broken node then advertising high, not medium
    console.log(`backup-advertises-high shrunk to: ${run.labels.map((l) => l.name + JSON.stringify(l.params)).join(' ')}`);
    expect(run.labels.length).toBe(5);
    expect(d.step).toBe(5);
    expect(d.action.name).toBe('HoldOnStateIfPeerIsActive');
    const n = d.action.params.n as string;
    expect(d.diff).toContainEqual({ variable: `adv[${n}]`, expected: 'medium', actual: 'high' });
    // the written trace replays: the correct implementation follows it, the broken one departs at the same step
    const { readTraceForReplay } = await import('../../src/replay/index.js');
    const trace = await readTraceForReplay(file);
    if ('outcome' in trace) throw new Error(trace.message);
    expect(replayTrace(trace).outcome).toBe('follows');
    expect(replayTrace(trace, { nodeFactory: BROKEN_NODES['backup-advertises-high'].factory })).toMatchObject({ outcome: 'departs', step: d.step });
  });

  it('ineligible-keeps-active-route (default): an active node fails its SRG1 monitor, activeRoute at that step', async () => {
    const failure = await check(findScenario('default')!, { nodeFactory: BROKEN_NODES['ineligible-keeps-active-route'].factory, numRuns: 500, seed: 7 });
    expect(failure).not.toBeNull();
    const { run } = failure!;
    const d = run.departure!;
    // exposed by the last step of the shrunk path: an active node's SRG1 monitor fails, and it keeps its route
    expect(d.step).toBe(run.labels.length);
    expect(d.action.name).toBe('ActiveOnMon1Fail');
    const n = d.action.params.n as string;
    expect(d.diff).toEqual([
      { variable: `activeRoute[${n}]`, expected: false, actual: true },
      { variable: `adv[${n}]`, expected: 'low', actual: 'high' },
    ]);
    console.log(`ineligible-keeps-active-route shrunk to: ${run.labels.map((l) => l.name + JSON.stringify(l.params)).join(' ')}`);
  });
});
