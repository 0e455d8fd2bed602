/**
 * Replays a trace file. A small file is read whole (`replayTrace`); a large
 * one is streamed (`streamItfFile`): each state is validated, decoded,
 * replayed and compared as it is read, and dropped once the next one is in,
 * so that a trace of hundreds of thousands of states replays in constant
 * memory, with progress. Both give the same result, but a streamed replay
 * keeps only the last steps of its log.
 */
import { stat } from 'node:fs/promises';
import type { Value } from '../dsl/index.js';
import {
  ITF_ACTION_TAKEN, ITF_NONDET_PICKS, type ItfRecord, type PlainValue, itfToPlain, streamItfFile, validateItfValue,
} from '../trace/index.js';
import { ImplDriver } from './impl-driver.js';
import { type PreparedStep, decodeItfState, isReplayError, missingVariable, modelOf, paramsOf, prepareStep, scenarioOfMeta } from './prepare-trace.js';
import { readTraceForReplay } from './read-trace.js';
import { compareStates, type ModelState, refinementRules } from './refinement.js';
import { type ReplayError, type ReplayResult, type StepRecord, replayError } from './result.js';
import { type ReplayOptions, describeStep, replayTrace } from './replay-trace.js';

/** Files at least this large are streamed. */
export const STREAM_THRESHOLD_BYTES = 8 << 20;

/** Steps of the log a streamed replay keeps (the last ones). */
const KEPT_LOG = 50;

/** Options of a file replay. */
export interface ReplayFileOptions extends ReplayOptions {
  /** Stream whatever the size (true) or never (false); by default, from STREAM_THRESHOLD_BYTES. */
  readonly stream?: boolean;
  /** Called about every two seconds of a streamed replay: states replayed, bytes read of the file's size. */
  readonly onProgress?: (states: number, read: number, total: number) => void;
}

const HINT = "regenerate the trace with 'ha-verify check --scenario NAME' from the current model";

/** A state's values as plain data, or why it is not ITF. */
function plainValues(raw: unknown, vars: readonly string[], k: number): Record<string, PlainValue> | ReplayError {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return replayError('MALFORMED_TRACE', `states[${k}] is not an object`, HINT, k);
  const out: Record<string, PlainValue> = {};
  for (const v of vars) {
    const value = (raw as Record<string, unknown>)[v];
    if (value === undefined) return replayError('MALFORMED_TRACE', `states[${k}] has no value for '${v}'`, HINT, k);
    const checked = validateItfValue(value, `$.states[${k}].${v}`);
    if (!checked.ok) return replayError('MALFORMED_TRACE', checked.error.message, checked.error.hint, k);
    out[v] = itfToPlain(checked.value);
  }
  return out;
}

/** The action and parameters a state records, as prepared for replay; or why not. */
function stepOf(fm: ReturnType<typeof modelOf>, raw: Record<string, unknown>, k: number): PreparedStep | ReplayError {
  const action = raw[ITF_ACTION_TAKEN];
  if (typeof action !== 'string') return replayError('MALFORMED_TRACE', `states[${k}] records no action (${ITF_ACTION_TAKEN})`, HINT, k);
  const picks = raw[ITF_NONDET_PICKS];
  let plain: Record<string, PlainValue> = {};
  if (picks !== undefined) {
    const checked = validateItfValue(picks, `$.states[${k}].${ITF_NONDET_PICKS}`);
    if (!checked.ok) return replayError('MALFORMED_TRACE', checked.error.message, checked.error.hint, k);
    plain = itfToPlain(checked.value as ItfRecord) as Record<string, PlainValue>;
  }
  return prepareStep(fm, action, plain, k);
}

/**
 * Replays the trace at `path` against the implementation (see `replayTrace`
 * for the result): read whole when small, streamed when large.
 */
export async function replayTraceFile(path: string, options: ReplayFileOptions = {}): Promise<ReplayResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    return replayError('TRACE_READ_FAILED', `cannot read trace ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'check the path and its permissions');
  }
  if (!(options.stream ?? size >= STREAM_THRESHOLD_BYTES)) {
    const trace = await readTraceForReplay(path);
    return 'outcome' in trace ? trace : replayTrace(trace, options);
  }
  return replayStreamed(path, options);
}

async function replayStreamed(path: string, options: ReplayFileOptions): Promise<ReplayResult> {
  let failure: ReplayResult | undefined;
  let headerLoop: unknown;
  let setup: { fm: ReturnType<typeof modelOf>; rules: ReturnType<typeof refinementRules>; driver: ImplDriver; vars: string[]; meta: Record<string, unknown> } | undefined;
  const log: StepRecord[] = [];
  let lastProgress = performance.now();
  let replayed = 0;
  let bytes = { read: 0, total: 0 };
  const record = (r: StepRecord) => {
    log.push(r);
    if (log.length > KEPT_LOG) log.shift();
  };
  const result = await streamItfFile(path, {
    onHeader(header) {
      const vars = header.vars;
      if (!Array.isArray(vars) || !vars.every((v) => typeof v === 'string')) {
        failure = replayError('MALFORMED_TRACE', 'the trace has no "vars" list of names before its states', HINT);
        return;
      }
      const meta = (typeof header['#meta'] === 'object' && header['#meta'] !== null ? header['#meta'] : {}) as Record<string, unknown>;
      headerLoop = header.loop;
      const sc = scenarioOfMeta(meta, options.scenario);
      if ('outcome' in sc) { failure = sc; return; }
      const fm = modelOf(sc);
      const missing = fm.vars.find((v) => !vars.includes(v.name));
      if (missing !== undefined) { failure = missingVariable(missing.name, sc); return; }
      const params = paramsOf(sc);
      setup = { fm, rules: refinementRules(params), driver: new ImplDriver(params, options), vars: fm.vars.map((v) => v.name), meta };
    },
    onState(raw, k) {
      if (failure !== undefined || setup === undefined) return false;
      const values = plainValues(raw, setup.vars, k);
      if (isReplayError(values as ModelState | ReplayError)) { failure = values as ReplayError; return false; }
      const expected = decodeItfState(setup.fm, values as Record<string, PlainValue>, k);
      if (isReplayError(expected)) { failure = expected; return false; }
      if (k === 0) {
        const diff = compareStates(expected, setup.driver.state(), setup.rules);
        if (diff.length > 0) { failure = { outcome: 'departs', step: 0, action: '(initial state)', diff, log: [] }; return false; }
      } else {
        const step = stepOf(setup.fm, raw as Record<string, unknown>, k);
        if ('outcome' in step) { failure = step; return false; }
        const applied = setup.driver.apply(step.action, step.picks as Readonly<Record<string, Value>>);
        const action = describeStep(step);
        record({ step: k, action, stimulus: applied.stimulus, outcome: applied.outcome });
        const diff = compareStates(expected, setup.driver.state(), setup.rules);
        if (diff.length > 0) { failure = { outcome: 'departs', step: k, action, diff, log: [...log] }; return false; }
      }
      replayed = k + 1;
      const now = performance.now();
      if (options.onProgress && now - lastProgress >= 2000) {
        lastProgress = now;
        options.onProgress(replayed, bytes.read, bytes.total);
      }
      return true;
    },
    onBytes(read, total) {
      bytes = { read, total };
    },
  });
  if (failure !== undefined) return failure;
  if (!result.ok) return replayError('MALFORMED_TRACE', result.message, HINT);
  if (setup === undefined) return replayError('MALFORMED_TRACE', 'the trace has no states', HINT);
  if (result.states === 0) return replayError('MALFORMED_TRACE', 'the trace has no states', HINT, 0);
  // `loop` comes after `states` as ha-verify writes traces, but may come before
  const loop = result.trailer.loop ?? headerLoop;
  const loopAction = setup.meta.loopAction as Record<string, unknown> | undefined;
  if (typeof loop === 'number' && loopAction !== undefined) {
    // the closing step of a lasso goes back to state `loop`: read that one state again
    const closing = stepOf(setup.fm, loopAction, result.states);
    if ('outcome' in closing) return closing;
    let back: ModelState | ReplayError | undefined;
    const again = await streamItfFile(path, {
      onHeader() {},
      onState(raw, k) {
        if (k < loop) return true;
        const values = plainValues(raw, setup!.vars, k);
        back = isReplayError(values as ModelState | ReplayError) ? (values as ReplayError) : decodeItfState(setup!.fm, values as Record<string, PlainValue>, k);
        return false;
      },
    });
    if (!again.ok) return replayError('MALFORMED_TRACE', again.message, HINT);
    if (back === undefined) return replayError('MALFORMED_TRACE', `the loop goes back to state ${loop}, which the trace does not have`, HINT);
    if (isReplayError(back)) return back;
    const applied = setup.driver.apply(closing.action, closing.picks as Readonly<Record<string, Value>>);
    const action = describeStep(closing);
    record({ step: result.states, action, stimulus: applied.stimulus, outcome: applied.outcome });
    const diff = compareStates(back, setup.driver.state(), setup.rules);
    if (diff.length > 0) return { outcome: 'departs', step: result.states, action, diff, log: [...log] };
    return { outcome: 'follows', steps: result.states, log };
  }
  return { outcome: 'follows', steps: result.states - 1, log };
}

