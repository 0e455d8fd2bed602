/** `ha-verify replay`: output and exit status. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/command.js';
import { command } from '../../src/cli/commands/replay.js';
import { findScenario } from '../../models/mnha/scenarios/index.js';
import { formatItfTrace } from '../../src/trace/index.js';
import { lockstepTrace, runLockstep } from '../../src/replay/index.js';
import { BROKEN_NODES } from '../impl/fixtures/broken-nodes.js';

const dir = mkdtempSync(join(tmpdir(), 'ha-verify-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the command as main does (a usage error is exit 2); returns its exit status and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((t) => { out += String(t); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((t) => { err += String(t); return true; });
  let code: number;
  try {
    code = await command.run(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err += e.message;
    code = 2;
  }
  vi.restoreAllMocks();
  return { code, out, err };
}

/** A trace of the broken n1 keeping n1 active where it must back off (the implementation departs from it at step 7). */
function departingTrace(): string {
  const path = join(dir, 'departs.itf.json');
  const run = runLockstep(findScenario('router-fault')!, [
    { name: 'RouterMisbehaves', params: {} }, { name: 'HoldOnProbeReply', params: { n: 'n1' } }, { name: 'HoldOnProbeReply', params: { n: 'n2' } },
    { name: 'IclRestore', params: {} }, { name: 'ActiveOnIclUp', params: { n: 'n1' } }, { name: 'ActiveOnIclUp', params: { n: 'n2' } },
    { name: 'ActiveOnStateIfLosesSplitBrain', params: { n: 'n1' } },
  ], { nodeFactory: BROKEN_NODES['higher-id-backs-off'].factory, continueAfterDeparture: true });
  writeFileSync(path, formatItfTrace(lockstepTrace(run, 'implementation', { property: '(none)', kind: 'path' })));
  return path;
}

describe('ha-verify replay', () => {
  it('without a trace replays the manifest: exit 0 when every kept trace does what it must', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toContain('traces/router-fault/NoSplitBrain.itf.json: follows the whole trace (3 steps)  [reproduces the violation, as expected]');
    expect(out).toContain('traces/regressions/higher-id-backs-off.itf.json: departs at step 7, ActiveOnStateIfLosesSplitBrain(n=n1)  [departs at step 7, as expected]');
    expect(out).toContain('  srg1[n1]         active            backup');
    // the manifest's 6 entries: 5 counterexamples reproduced, 1 regression departed from
    expect(out.trimEnd().split('\n').pop()).toBe('result: all 6 as expected');
  });

  it('a trace outside the manifest must be followed: exit 1 when it departs, with the step and the diff', async () => {
    const { code, out } = await run(departingTrace());
    expect(code).toBe(1);
    expect(out).toContain('departs at step 7, ActiveOnStateIfLosesSplitBrain(n=n1)  [expected to follow, but departs at step 7]');
    expect(out).toContain('  stimulus: deliver next message to n1 -> state: accepted');
  });

  it('--json prints one object with every result', async () => {
    const { code, out } = await run('traces/router-fault/NoSplitBrain.itf.json', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { ok: boolean; traces: { trace: string; expect: string; result: { outcome: string; steps: number } }[] };
    expect(doc.ok).toBe(true);
    expect(doc.traces[0]).toMatchObject({ trace: 'traces/router-fault/NoSplitBrain.itf.json', expect: 'reproduces', result: { outcome: 'follows', steps: 3 } });
  });

  it('exit 2 for a malformed trace, an unreadable manifest, an unknown option', async () => {
    const bad = join(dir, 'bad.itf.json');
    writeFileSync(bad, '{"vars": ["x"], "states": [{"x": 1}, {"x": 2}]}');
    const malformed = await run(bad);
    expect(malformed.code).toBe(2);
    // Said once, on stderr: the code, the message naming the path once, what to do.
    expect(malformed.err.split('\n')[0]).toMatch(/^ha-verify replay: MALFORMED_TRACE: [^\n]*bad\.itf\.json/);
    expect(malformed.err.split(bad)).toHaveLength(2);
    expect(malformed.err.split('MALFORMED_TRACE')).toHaveLength(2);
    expect(malformed.out).not.toContain('MALFORMED_TRACE');
    expect(malformed.out.trimEnd()).toBe('result: 1 could not be replayed (of 1)');
    expect((await run('--manifest', join(dir, 'none.json'))).code).toBe(2);
    expect((await run('--frobnicate')).code).toBe(2);
  });

  it('--help describes the command', () => {
    expect(command.help).toMatch(/^usage: ha-verify replay \[TRACE\.itf\.json\.\.\.\]/);
    expect(command.summary).toBe('replay traces against the implementation (follows, or departs at a step)');
  });
});
