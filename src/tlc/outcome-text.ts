/** One-line descriptions of TLC verdicts, for command output and trace metadata. */
import type { SourceRange, TlcOutcome, TlcTrace } from './output-types.js';

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function at(r: SourceRange | undefined): string {
  return r ? ` at line ${r.beginLine}, column ${r.beginColumn} of module ${r.module}` : '';
}

function length(t: TlcTrace): string {
  const n = t.states.length;
  const lasso = t.lasso?.kind === 'stuttering' ? ', then stuttering' : t.lasso ? `, then back to state ${t.lasso.stateNumber}` : '';
  return `${n}-state trace${lasso}`;
}

/**
 * Describes a TLC outcome in one line, e.g. `invariant NoSplitBrain is
 * violated (5-state trace)` or `parse error at line 4, column 20 of module
 * ParseError: Encountered "1" ...`.
 */
export function describeTlcOutcome(o: TlcOutcome): string {
  switch (o.kind) {
    case 'success':
      return 'no error found';
    case 'simulation-ok':
      return 'simulation found no error';
    case 'invariant-violated':
      return `invariant ${o.name} is violated${o.initial ? ' by an initial state' : ''} (${length(o.trace)})`;
    case 'property-violated':
      return `temporal property ${o.name ?? '(unnamed)'} is violated (${length(o.trace)})`;
    case 'action-property-violated':
      return `action property ${o.name} is violated (${length(o.trace)})`;
    case 'deadlock':
      return `deadlock reached (${length(o.trace)})`;
    case 'assertion-failed':
      return `assertion failed: ${firstLine(o.message)} (${length(o.trace)})`;
    case 'assumption-violated':
      return `assumption violated: ${firstLine(o.message)}`;
    case 'parse-error':
    case 'semantic-error': {
      const e = o.errors[0];
      const what = o.kind === 'parse-error' ? 'parse error' : 'semantic error';
      const more = o.errors.length > 1 ? ` (and ${o.errors.length - 1} more)` : '';
      return e ? `${what}${at(e.range)}: ${firstLine(e.message)}${more}` : `${what} in module ${o.module ?? '?'}`;
    }
    case 'file-not-found':
      return `file not found: ${o.message}`;
    case 'evaluation-error':
      return `evaluation error${at(o.positions[0])}: ${firstLine(o.message)}`;
    case 'config-error':
      return `configuration error: ${firstLine(o.message)}`;
    case 'error':
      return `TLC error ${o.code}: ${firstLine(o.message)}`;
    case 'incomplete':
      return 'TLC stopped before it reported a result';
  }
}
