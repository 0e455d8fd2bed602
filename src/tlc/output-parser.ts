/**
 * Parser of TLC's `-tool` output: from the message stream to a typed
 * {@link TlcOutput} (version, mode, statistics, verdict, every violation
 * with its trace, errors with positions). Pure: no I/O.
 */
import { EC, isConfigErrorCode } from './message-codes.js';
import type {
  SourceRange,
  TlcMode,
  TlcOutcome,
  TlcOutput,
  TlcProgress,
  TlcStatistics,
  TlcTrace,
  TlcTraceState,
  TlcLasso,
  TlcViolation,
} from './output-types.js';
import { readSanyLog } from './sany-log.js';
import { parseStateMessage } from './state-message.js';
import { type ToolItem, type ToolMessage, splitToolOutput } from './tool-messages.js';

/** Parses a complete `-tool` output text. */
export function parseTlcOutput(text: string): TlcOutput {
  return interpretToolItems(splitToolOutput(text));
}

function count(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/**
 * Reads a progress message (2200 in model checking, 2209 in simulation):
 * `Progress(9) at ...: 377 states generated (22,373 s/min), 106 distinct
 * states found (6,290 ds/min), 0 states left on queue.` Simulation prints
 * -1 for the counts it does not keep; those are left out.
 */
export function readProgress(m: ToolMessage): TlcProgress | undefined {
  if (m.code !== EC.TLC_PROGRESS_STATS && m.code !== EC.TLC_PROGRESS_SIMU) return undefined;
  const depth = /Progress\((\d+)\)/.exec(m.body);
  const generated = /([\d,]+) states generated/.exec(m.body);
  if (!depth || !generated) return undefined;
  const distinct = /(-?[\d,]+) distinct states found/.exec(m.body);
  const left = /(-?[\d,]+) states left on queue/.exec(m.body);
  const known = (x: RegExpExecArray | null): number | undefined => (x && count(x[1]) >= 0 ? count(x[1]) : undefined);
  const d = known(distinct);
  const l = known(left);
  return {
    depth: count(depth[1]),
    generated: count(generated[1]),
    ...(d !== undefined ? { distinct: d } : {}),
    ...(l !== undefined ? { leftOnQueue: l } : {}),
  };
}

/** `Finished in 1013ms at (...)`, `Finished in 01min 05s at ...`, `02h 10min`, `1d 03h`. */
function readDuration(body: string): number | undefined {
  const m = /^Finished in (.+?) at /.exec(body);
  if (!m) return undefined;
  const unit: Record<string, number> = { d: 86_400_000, h: 3_600_000, min: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let any = false;
  for (const part of m[1].trim().split(/\s+/)) {
    const p = /^(\d+)(ms|min|d|h|s)$/.exec(part);
    if (!p) return undefined;
    total += Number(p[1]) * unit[p[2]];
    any = true;
  }
  return any ? total : undefined;
}

function readMode(m: ToolMessage): TlcMode {
  const text = m.body.split('\n')[0];
  const num = (re: RegExp): number | undefined => {
    const x = re.exec(text);
    return x ? Number(x[1]) : undefined;
  };
  const seed = /seed (-?\d+)/.exec(text)?.[1];
  const fields = {
    ...(seed !== undefined ? { seed } : {}),
    ...optional('workers', num(/with (\d+) workers?/)),
    ...optional('cores', num(/on (\d+) cores?/)),
    ...optional('fingerprint', num(/with fp (\d+)/)),
    text,
  };
  if (m.code === EC.TLC_MODE_SIMU) return { kind: 'simulation', ...fields };
  return { kind: 'model-checking', search: m.code === EC.TLC_MODE_MC_DFS ? 'depth-first' : 'breadth-first', ...fields };
}

function optional<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}

/** `line 5, col 8 to line 5, col 20 of module M` anywhere in a text. */
function findRange(text: string): SourceRange | undefined {
  const m = /line (\d+), col (\d+) to line (\d+), col (\d+) of module (\w+)/.exec(text);
  return m ? { module: m[5], beginLine: +m[1], beginColumn: +m[2], endLine: +m[3], endColumn: +m[4] } : undefined;
}

/** The nested-expression positions of message 2103: `0. Line 5, column 9 to line 5, column 36 in M`. */
function readNestedPositions(body: string): SourceRange[] {
  const out: SourceRange[] = [];
  for (const line of body.split('\n')) {
    const m = /^\s*\d+\. Line (\d+), column (\d+) to line (\d+), column (\d+) in (\w+)/.exec(line);
    if (m) out.push({ module: m[5], beginLine: +m[1], beginColumn: +m[2], endLine: +m[3], endColumn: +m[4] });
  }
  return out;
}

/** The name in `Invariant NoSplitBrain is violated.` and its variants. */
function nameAfter(body: string, word: RegExp): string | undefined {
  const m = new RegExp(`${word.source} (\\S+?) (?:is|was) violated`).exec(body);
  return m?.[1];
}

/** A trace under construction: states and lasso arrive one message at a time. */
interface TraceBuilder {
  states: TlcTraceState[];
  lasso?: TlcLasso;
}

function freeze(t: TraceBuilder): TlcTrace {
  return t.lasso ? { states: t.states, lasso: t.lasso } : { states: t.states };
}

type PendingViolation =
  | { kind: 'invariant-violated'; name: string; initial: boolean; trace: TraceBuilder }
  | { kind: 'property-violated'; name?: string; initial: boolean; trace: TraceBuilder }
  | { kind: 'action-property-violated'; name: string; trace: TraceBuilder }
  | { kind: 'deadlock'; trace: TraceBuilder }
  | { kind: 'assertion-failed'; message: string; trace: TraceBuilder }
  | { kind: 'assumption-violated'; message: string; range?: SourceRange };

interface PendingError {
  code: number;
  message: string;
  positions: SourceRange[];
  trace?: TraceBuilder;
}

function finishViolation(v: PendingViolation): TlcViolation {
  return 'trace' in v ? ({ ...v, trace: freeze(v.trace) } as TlcViolation) : v;
}

/**
 * Interprets the items of a `-tool` output (see `tool-messages.ts`), e.g.
 * those a runner collected while streaming.
 */
export function interpretToolItems(items: readonly ToolItem[]): TlcOutput {
  let version: string | undefined;
  let mode: TlcMode | undefined;
  const stats: { -readonly [K in keyof TlcStatistics]: TlcStatistics[K] } = {};
  const violations: PendingViolation[] = [];
  const errors: PendingError[] = [];
  const warnings: string[] = [];
  const counterexampleFiles: string[] = [];
  const unreadable: string[] = [];
  const textRuns: string[][] = [];
  let run: string[] | undefined;
  let success = false;
  let finished = false;
  let parsingFailed = false;
  /** The trace that state messages currently extend. */
  let trace: TraceBuilder | undefined;

  const newTrace = (): TraceBuilder => (trace = { states: [] });

  for (const item of items) {
    if (item.kind === 'text') {
      if (!run) textRuns.push((run = []));
      run.push(item.text);
      const written = /^"?CounterExample written: (.+?)"?$/.exec(item.text.trim());
      if (written) counterexampleFiles.push(written[1]);
      continue;
    }
    run = undefined;
    const m = item;
    const b = m.body;
    switch (m.code) {
      case EC.TLC_VERSION:
        version = /Version (\S+)/.exec(b)?.[1] ?? b;
        break;
      case EC.TLC_MODE_MC:
      case EC.TLC_MODE_MC_DFS:
      case EC.TLC_MODE_SIMU:
        mode = readMode(m);
        break;
      case EC.TLC_INIT_GENERATED1:
      case EC.TLC_INIT_GENERATED2:
      case EC.TLC_INIT_GENERATED3:
      case EC.TLC_INIT_GENERATED4: {
        const n = /([\d,]+) distinct state/.exec(b) ?? /: ([\d,]+) states? generated/.exec(b);
        if (n) stats.initialStates = count(n[1]);
        break;
      }
      case EC.TLC_PROGRESS_STATS:
      case EC.TLC_PROGRESS_SIMU: {
        const p = readProgress(m);
        // The final statistics (2199) come after the last progress report and win.
        if (p && m.code === EC.TLC_PROGRESS_STATS) {
          stats.generated = p.generated;
          if (p.distinct !== undefined) stats.distinct = p.distinct;
          if (p.leftOnQueue !== undefined) stats.leftOnQueue = p.leftOnQueue;
        } else if (p) {
          stats.generated = p.generated;
        }
        break;
      }
      case EC.TLC_STATS: {
        const g = /([\d,]+) states generated/.exec(b);
        const d = /([\d,]+) distinct states found/.exec(b);
        const l = /([\d,]+) states left on queue/.exec(b);
        if (g) stats.generated = count(g[1]);
        if (d) stats.distinct = count(d[1]);
        if (l) stats.leftOnQueue = count(l[1]);
        break;
      }
      case EC.TLC_STATS_SIMU: {
        const g = /number of states generated: ([\d,]+)/.exec(b);
        if (g) stats.generated = count(g[1]);
        break;
      }
      case EC.TLC_SEARCH_DEPTH: {
        const d = /is (\d+)/.exec(b);
        if (d) stats.depth = Number(d[1]);
        break;
      }
      case EC.TLC_SUCCESS: {
        success = true;
        const p = /val = ([0-9.eE+-]+)/.exec(b);
        if (p) stats.collisionProbability = Number(p[1]);
        break;
      }
      case EC.TLC_FINISHED: {
        finished = true;
        const ms = readDuration(b);
        if (ms !== undefined) stats.durationMs = ms;
        break;
      }
      case EC.TLC_INVARIANT_VIOLATED_BEHAVIOR:
      case EC.TLC_INVARIANT_VIOLATED_INITIAL:
        violations.push({
          kind: 'invariant-violated',
          name: nameAfter(b, /Invariant/) ?? b,
          initial: m.code === EC.TLC_INVARIANT_VIOLATED_INITIAL,
          trace: newTrace(),
        });
        break;
      case EC.TLC_TEMPORAL_PROPERTY_VIOLATED:
      case EC.TLC_PROPERTY_VIOLATED_INITIAL: {
        const name = nameAfter(b, /[Pp]roperty/);
        violations.push({
          kind: 'property-violated',
          ...(name !== undefined ? { name } : {}),
          initial: m.code === EC.TLC_PROPERTY_VIOLATED_INITIAL,
          trace: newTrace(),
        });
        break;
      }
      case EC.TLC_ACTION_PROPERTY_VIOLATED_BEHAVIOR:
        violations.push({ kind: 'action-property-violated', name: nameAfter(b, /[Aa]ction property/) ?? b, trace: newTrace() });
        break;
      case EC.TLC_DEADLOCK_REACHED:
        violations.push({ kind: 'deadlock', trace: newTrace() });
        break;
      case EC.TLC_VALUE_ASSERT_FAILED:
        violations.push({ kind: 'assertion-failed', message: b, trace: newTrace() });
        break;
      case EC.TLC_ASSUMPTION_FALSE: {
        const range = findRange(b);
        violations.push({ kind: 'assumption-violated', message: b, ...(range ? { range } : {}) });
        break;
      }
      case EC.TLC_BEHAVIOR_UP_TO_THIS_POINT:
      case EC.TLC_COUNTER_EXAMPLE:
        // The states that follow belong to the violation or error just reported.
        if (!trace) {
          const last = errors[errors.length - 1];
          if (last) trace = last.trace ??= { states: [] };
        }
        break;
      case EC.TLC_STATE_PRINT1:
      case EC.TLC_STATE_PRINT2:
      case EC.TLC_STATE_PRINT3:
      case EC.TLC_BACK_TO_STATE: {
        const parsed = parseStateMessage(b);
        const target = trace ?? newTrace();
        if (!parsed.ok) {
          unreadable.push(`message ${m.code}: ${parsed.error.message}`);
        } else if (parsed.value.kind === 'state') {
          target.states.push(parsed.value.state);
        } else {
          target.lasso = parsed.value.lasso;
        }
        break;
      }
      case EC.TLC_NESTED_EXPRESSION: {
        const last = errors[errors.length - 1];
        const positions = readNestedPositions(b);
        if (last) last.positions.push(...positions);
        else errors.push({ code: m.code, message: b, positions });
        break;
      }
      case EC.TLC_PARSING_FAILED:
      case EC.TLC_PARSING_FAILED2:
        parsingFailed = true;
        break;
      default:
        if (m.severity === 'warning') warnings.push(b);
        else if (m.severity === 'error' || m.severity === 'tlc-bug') {
          const e: PendingError = { code: m.code, message: b, positions: [] };
          errors.push(e);
          trace = e.trace = { states: [] };
        }
    }
  }

  const sany = readSanyLog(textRuns);
  const done = violations.map(finishViolation);
  const outcome = decide();
  return {
    ...(version !== undefined ? { version } : {}),
    ...(mode ? { mode } : {}),
    stats,
    outcome,
    violations: done,
    warnings,
    finished,
    counterexampleFiles,
    unreadable,
    items,
  };

  function decide(): TlcOutcome {
    if (done.length > 0) return done[0];
    if (sany.kind === 'file-not-found') {
      const what = sany.module ? `cannot find the module ${sany.module}` : 'cannot find a module';
      return {
        kind: 'file-not-found',
        ...(sany.module ? { module: sany.module } : {}),
        ...(sany.path ? { path: sany.path } : {}),
        message: sany.path ? `${what} (looked for ${sany.path})` : what,
      };
    }
    if (sany.kind === 'parse-error' || sany.kind === 'semantic-error') {
      const module = sany.module ?? sany.errors.find((e) => e.range)?.range?.module;
      return { kind: sany.kind, ...(module ? { module } : {}), errors: sany.errors };
    }
    if (parsingFailed) return { kind: 'parse-error', errors: [{ message: 'Parsing or semantic analysis failed.' }] };
    const config = errors.find((e) => isConfigErrorCode(e.code));
    if (config) return { kind: 'config-error', code: config.code, message: config.message };
    const e = errors[0];
    if (e) {
      if (e.code === EC.GENERAL || e.code < 2000 || e.code === EC.TLC_METADIR_EXISTS) {
        return { kind: 'error', code: e.code, message: e.message };
      }
      const t = e.trace && e.trace.states.length > 0 ? { trace: freeze(e.trace) } : {};
      return { kind: 'evaluation-error', code: e.code, message: e.message, positions: e.positions, ...t };
    }
    if (success) return { kind: 'success' };
    if (finished && mode?.kind === 'simulation') return { kind: 'simulation-ok' };
    return { kind: 'incomplete' };
  }
}
