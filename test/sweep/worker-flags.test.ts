/**
 * The sweep's worker processes keep V8's background threads only when a core
 * is left for them.
 */
import { describe, expect, it } from 'vitest';
import { workerFlags } from '../../src/sweep/run-sweep.js';

describe('workerFlags', () => {
  it('V8 defaults while a core is spare', () => {
    expect(workerFlags(1, 2, undefined)).toEqual([]);
    expect(workerFlags(3, 8, undefined)).toEqual([]);
  });
  it('one thread per worker for collection and optimisation once the workers fill the cores', () => {
    expect(workerFlags(2, 2, undefined)).toEqual(['--single-threaded-gc', '--no-concurrent-recompilation']);
    expect(workerFlags(4, 2, undefined)).toEqual(['--single-threaded-gc', '--no-concurrent-recompilation']);
  });
  it('HA_VERIFY_SWEEP_FLAGS replaces the choice, an empty value meaning V8 defaults', () => {
    expect(workerFlags(2, 2, '--max-semi-space-size=64  --single-threaded')).toEqual(['--max-semi-space-size=64', '--single-threaded']);
    expect(workerFlags(2, 2, '')).toEqual([]);
  });
});
