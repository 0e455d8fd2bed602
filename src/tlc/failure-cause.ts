/**
 * Why a TLC run gave no result, in one line a user can act on. TLC that
 * never started (the jar is not TLC), that ran out of memory, that was
 * killed by a signal, or that died with an error from Java all leave an
 * output with no verdict; what tells them apart is in Java's stderr, in
 * TLC's own out-of-memory messages and in how the process ended.
 */
import { EC } from './message-codes.js';
import type { TlcOutput } from './output-types.js';

/** What ended a TLC run without a result. */
export type TlcFailureCauseKind = 'not-tlc' | 'out-of-memory' | 'killed' | 'java-error' | 'no-result';

/** A cause with its one-line description and what to do. */
export interface TlcFailureCause {
  readonly kind: TlcFailureCauseKind;
  /** One line, e.g. `TLC was killed by SIGKILL`. */
  readonly message: string;
  /** One line saying what to do. */
  readonly hint: string;
}

/** What {@link explainTlcFailure} reads from a run. */
export interface FailedRun {
  readonly output: Pick<TlcOutput, 'items'>;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly exitSignal: string | null;
  /** The jar TLC was run from, to name it. */
  readonly jar?: string;
}

/** Java's ways of saying that the class path holds no TLC. */
const NOT_TLC = /Could not find or load main class tlc2\.TLC|ClassNotFoundException: tlc2\.TLC|Invalid or corrupt jarfile|error in opening zip file|zip END header not found/;
const OOM = /java\.lang\.OutOfMemoryError[^\n]*/;
const OOM_CODES: ReadonlySet<number> = new Set([EC.SYSTEM_OUT_OF_MEMORY, EC.SYSTEM_OUT_OF_MEMORY_TOO_MANY_INIT, EC.SYSTEM_OUT_OF_MEMORY_LIVENESS]);

/** Lines of stderr worth showing: not the JVM's notes about its options. */
function stderrLines(stderr: string): string[] {
  return stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !/^Picked up (JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS)/.test(l));
}


function ended(run: FailedRun): string {
  return run.exitSignal !== null ? `killed by ${run.exitSignal}` : `exit status ${run.exitCode ?? '?'}`;
}

/**
 * Explains a run that ended without a verdict (its output's outcome is
 * `incomplete`), most specific cause first: not a TLC jar, out of memory,
 * killed by a signal, Java's first error line, or no explanation at all.
 */
export function explainTlcFailure(run: FailedRun): TlcFailureCause {
  const lines = stderrLines(run.stderr);
  const text = run.output.items.map((i) => (i.kind === 'text' ? i.text : i.body)).join('\n');
  const jar = run.jar ?? 'the jar';
  const notTlc = lines.find((l) => NOT_TLC.test(l));
  if (notTlc !== undefined) {
    return {
      kind: 'not-tlc',
      message: `${jar} is not a TLC jar: Java says "${notTlc}"`,
      hint: "point TLA2TOOLS_JAR at tla2tools.jar (run 'npm run tlc:install' to download it)",
    };
  }
  const oomMessage = run.output.items.find((i) => i.kind === 'message' && OOM_CODES.has(i.code));
  const oom = OOM.exec(run.stderr)?.[0] ?? OOM.exec(text)?.[0];
  if (oom !== undefined || oomMessage !== undefined) {
    // TLC's message 1001 opens with "Java ran out of memory."; its advice follows.
    const what = oom?.trim() ?? (oomMessage?.kind === 'message' ? oomMessage.body.split(/(?<=\.)\s/)[0].trim().replace(/\.$/, '') : 'java.lang.OutOfMemoryError');
    return {
      kind: 'out-of-memory',
      message: `TLC ran out of memory (${what}; ${ended(run)})`,
      hint: 'give Java more heap, e.g. JAVA_TOOL_OPTIONS=-Xmx8g, or check a smaller scenario',
    };
  }
  if (run.exitSignal !== null) {
    const oomKiller = run.exitSignal === 'SIGKILL' ? ' (the kernel\'s out-of-memory killer sends SIGKILL: see dmesg)' : '';
    return {
      kind: 'killed',
      message: `TLC was killed by ${run.exitSignal} before it reported a result${oomKiller}`,
      hint: run.exitSignal === 'SIGKILL' ? 'free memory or give Java less heap (JAVA_TOOL_OPTIONS=-Xmx...), then run it again' : 'run it again; find what sent the signal if it happens again',
    };
  }
  // Java puts the cause first (`Invalid maximum heap size: -Xmx1zz`), its generic `Error: ...` lines after.
  const javaLine = lines[0];
  if (javaLine !== undefined) {
    return {
      kind: 'java-error',
      message: `TLC stopped before it reported a result (${ended(run)}): Java says "${javaLine}"`,
      hint: 'check the Java installation (Java 11 or later) and the jar',
    };
  }
  return {
    kind: 'no-result',
    message: `TLC stopped before it reported a result (${ended(run)}) and printed no error`,
    hint: 'run TLC by hand on the exported spec (ha-verify export) to see its full output',
  };
}
