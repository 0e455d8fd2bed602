/**
 * Why a TLC run gave no result, from real outputs: Java's own stderr when
 * the jar is not TLC or the JVM cannot start (test/fixtures/tlc/*.stderr),
 * TLC's out-of-memory report (oom.tool.out), and runs ended by a signal.
 */
import { describe, expect, it } from 'vitest';

import { explainTlcFailure } from '../../src/tlc/failure-cause.js';
import { parseTlcOutput } from '../../src/tlc/output-parser.js';
import { fixture } from './fixtures.js';

const none = parseTlcOutput('');

describe('explainTlcFailure', () => {
  it('names a jar that is not TLC, with Java\'s line', () => {
    const c = explainTlcFailure({ output: none, stderr: fixture('not-tlc.stderr'), exitCode: 1, exitSignal: null, jar: '/etc/passwd' });
    expect(c.kind).toBe('not-tlc');
    expect(c.message).toBe('/etc/passwd is not a TLC jar: Java says "Error: Could not find or load main class tlc2.TLC"');
    expect(c.hint).toContain('TLA2TOOLS_JAR');
  });

  it('says TLC ran out of memory from its own message 1001 (exit 255)', () => {
    const out = parseTlcOutput(fixture('oom.tool.out'));
    const c = explainTlcFailure({ output: out, stderr: '', exitCode: 255, exitSignal: null });
    expect(c.kind).toBe('out-of-memory');
    expect(c.message).toBe('TLC ran out of memory (Java ran out of memory; exit status 255)');
    expect(c.hint).toContain('-Xmx');
  });

  it('says TLC ran out of memory from a java.lang.OutOfMemoryError on stderr', () => {
    const stderr = 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat tlc2.tool.Worker.run(Worker.java:1)\n';
    const c = explainTlcFailure({ output: none, stderr, exitCode: 1, exitSignal: null });
    expect(c).toMatchObject({ kind: 'out-of-memory', message: 'TLC ran out of memory (java.lang.OutOfMemoryError: Java heap space; exit status 1)' });
  });

  it('says which signal killed TLC, and what SIGKILL usually means', () => {
    const partial = parseTlcOutput(fixture('inv.tool.out').split('@!@!@STARTMSG 2110')[0]);
    expect(partial.outcome.kind).toBe('incomplete');
    const c = explainTlcFailure({ output: partial, stderr: '', exitCode: null, exitSignal: 'SIGKILL' });
    expect(c.kind).toBe('killed');
    expect(c.message).toBe("TLC was killed by SIGKILL before it reported a result (the kernel's out-of-memory killer sends SIGKILL: see dmesg)");
  });

  it('quotes Java\'s first error line, past its notes about picked-up options', () => {
    const c = explainTlcFailure({ output: none, stderr: fixture('bad-heap.stderr'), exitCode: 1, exitSignal: null });
    expect(c.kind).toBe('java-error');
    expect(c.message).toBe('TLC stopped before it reported a result (exit status 1): Java says "Invalid maximum heap size: -Xmx1zz"');
  });

  it('says so when there is nothing to go on', () => {
    const c = explainTlcFailure({ output: none, stderr: '\n', exitCode: 3, exitSignal: null });
    expect(c).toMatchObject({ kind: 'no-result', message: 'TLC stopped before it reported a result (exit status 3) and printed no error' });
  });
});
