/**
 * What one TLC run of a scenario says about its properties: nothing
 * violated, these properties violated (by name), a liveness violation TLC
 * did not attribute, or a failure to check at all (with its cause).
 */
import { type TlcOutput, type TlcRun, type TlcViolation, describeTlcOutcome, explainTlcFailure } from '../tlc/index.js';
import type { TlcCheckFailure } from './engine-tlc-types.js';

/** What one TLC run says about the properties it checked. */
export type RunFinding =
  | { readonly kind: 'success' }
  | { readonly kind: 'violations'; readonly found: readonly { readonly name: string; readonly v: TlcViolation }[] }
  /** A liveness violation TLC did not attribute to a property. */
  | { readonly kind: 'unattributed'; readonly v: TlcViolation };

/** A failed check, with its stable code, one line and what to do. */
export function checkFailure(code: TlcCheckFailure['error']['code'], message: string, hint: string): TlcCheckFailure {
  return { ok: false, error: { code, message, hint } };
}

/** The names TLC gives in `Temporal properties A, B, and C were violated.` (TLC's parser keeps only one). */
export function violatedPropertyNames(output: TlcOutput): string[] {
  for (const item of output.items) {
    if (item.kind !== 'message' || item.code !== 2116) continue;
    const one = /Temporal property (\S+) was violated/.exec(item.body);
    if (one) return [one[1]];
    const many = /Temporal properties (.+) were violated/.exec(item.body);
    if (many) return many[1].split(/,? and |, /).map((s) => s.trim()).filter(Boolean);
  }
  return [];
}

/**
 * Reads a finished run of module `mc`: its violations by property name, or
 * why TLC did not model-check (a spec error, or, for a run that ended with
 * no result, the cause: not a TLC jar, out of memory, a signal, Java's
 * error). `liveness` names the liveness properties the run checked, to
 * attribute a violation TLC left unnamed when only one was checked.
 */
export function readFinding(run: TlcRun, mc: string, liveness: readonly string[], jar: string): RunFinding | TlcCheckFailure {
  const out = run.output;
  const o = out.outcome;
  if (o.kind === 'success') return { kind: 'success' };
  if (out.violations.length === 0) {
    // Out of memory and a signal can also end a run whose output TLC had begun to classify.
    const cause = explainTlcFailure({ output: out, stderr: run.stderr, exitCode: run.exitCode, exitSignal: run.exitSignal, jar });
    if (o.kind === 'incomplete' || cause.kind === 'out-of-memory' || cause.kind === 'killed') {
      return checkFailure('TLC_RUN_FAILED', `TLC on ${mc}: ${cause.message}`, cause.hint);
    }
    return checkFailure('TLC_RUN_FAILED', `TLC on ${mc}: ${describeTlcOutcome(o)}`, 'run TLC on the exported spec by hand to see its full output (ha-verify export, then specs/)');
  }
  const found: { name: string; v: TlcViolation }[] = [];
  for (const v of out.violations) {
    if (v.kind === 'invariant-violated') {
      if (v.name === 'TypeOK') {
        return checkFailure('TLC_TYPE_VIOLATION', `TLC on ${mc}: TypeOK is violated (a variable leaves its domain)`, 'the model assigns a value outside a declared domain: run the built-in engine for the trace');
      }
      found.push({ name: v.name, v });
    } else if (v.kind === 'deadlock') found.push({ name: 'Deadlock', v });
    else if (v.kind === 'action-property-violated') found.push({ name: v.name, v });
    else if (v.kind === 'property-violated') {
      const names = v.name !== undefined ? [v.name] : violatedPropertyNames(out);
      if (names.length === 0 && liveness.length === 1) names.push(liveness[0]);
      if (names.length === 0) return { kind: 'unattributed', v };
      for (const n of names) found.push({ name: n, v });
    } else {
      return checkFailure('TLC_RUN_FAILED', `TLC on ${mc}: ${describeTlcOutcome(v)}`, 'the exported spec has a property the model does not declare: report this');
    }
  }
  return { kind: 'violations', found };
}
