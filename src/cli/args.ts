/**
 * A small, strict command-line parser: declared options only, values
 * checked, unknown flags refused with a usage error that names them.
 */
import { UsageError } from './command.js';

/** How an option is declared. */
export type OptionSpec =
  | { readonly type: 'boolean' }
  | { readonly type: 'string' }
  /** A whole number, refused (usage error) outside `min..max`. */
  | { readonly type: 'integer'; readonly min?: number; readonly max?: number; readonly why?: string };

/** Parsed options and positional arguments. */
export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly positional: readonly string[];
}

/** Parses `argv` against `spec` (option names without the leading dashes). */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const options: Record<string, string | number | boolean | undefined> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') { positional.push(arg); continue; }
    if (arg === '--') { positional.push(...argv.slice(i + 1)); break; }
    const eq = arg.indexOf('=');
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option '${arg}'`);
    if (s.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (s.type === 'integer') {
      if (!/^\d+$/.test(value)) throw new UsageError(`option --${name} needs a whole number, not '${value}'`);
      const n = Number(value);
      const why = s.why !== undefined ? ` (${s.why})` : '';
      if (s.min !== undefined && s.max !== undefined && (n < s.min || n > s.max)) {
        throw new UsageError(`option --${name} must be between ${s.min} and ${s.max}, not ${value}${why}`);
      }
      if (s.min !== undefined && n < s.min) throw new UsageError(`option --${name} must be at least ${s.min}${why}`);
      if (s.max !== undefined && n > s.max) throw new UsageError(`option --${name} must be at most ${s.max}, not ${value}${why}`);
      options[name] = n;
    } else {
      options[name] = value;
    }
  }
  return { options, positional };
}
