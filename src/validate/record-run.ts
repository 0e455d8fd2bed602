/**
 * Recorded runs: the implementation as it runs, clock-driven (its own
 * heartbeat, probe, cold-sync, preemption and IKE timers, ICL latency,
 * route delays), under seeded random faults, written down as an
 * observation log. After every event (a timer, a delivery, an injected
 * fault) the network is read through the refinement mapping; when the
 * mapped state changed, a line is written with the time and the event as
 * its cause. The same seed gives the same log, byte for byte.
 */
import { type MnhaNetwork, type NodeFactory, SeededRandom } from '../impl/index.js';
import type { Scenario } from '../model/index.js';
import { networkFor } from '../replay/impl-setup.js';
import { paramsOf } from '../replay/prepare-trace.js';
import { abstractState } from '../replay/refinement.js';
import type { MnhaParams } from '../../models/mnha/params.js';
import { type LogLine, headerLine, observationLine } from './log-format.js';
import { type EventClass, type RunEvent, runEvents } from './run-events.js';
import { VALIDATION_FAULT_WINDOW } from './validation-model.js';

/** How a run is made. */
export interface RunOptions {
  readonly seed: number;
  /** Observations to record after the initial one (at least; default 200). */
  readonly steps?: number;
  /** Mean time between injected events, in ms (default 400). */
  readonly meanGapMs?: number;
  /** Node construction (the broken variants). */
  readonly nodeFactory?: NodeFactory | { readonly n1?: NodeFactory; readonly n2?: NodeFactory };
}

/** A recorded run. */
export interface RecordedRun {
  readonly scenario: string;
  readonly seed: number;
  /** The log's text: a header, then one observation per line. */
  readonly text: string;
  /** Observations (the initial one included). */
  readonly lines: number;
  /** Virtual time the run lasted, in ms. */
  readonly durationMs: number;
  /** How many events of each class were injected. */
  readonly events: Readonly<Partial<Record<EventClass, number>>>;
}

/** The model variables a recorded run leaves out: replay's own records, and rview where the mapping does not compare it. */
function unobserved(params: MnhaParams): ReadonlySet<string> {
  const out = new Set(['probeLoss', 'lastPacket']);
  if (params.routeConvergence === 'instant') out.add('rview');
  return out;
}

/** The network's state as the log writes it, and a key to see whether it changed. */
function observation(net: MnhaNetwork, params: MnhaParams, hidden: ReadonlySet<string>): { state: Record<string, unknown>; key: string } {
  const full = abstractState(net.observe(), params, { probeLoss: false, lastPacket: {} });
  const state: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(full)) if (!hidden.has(k)) state[k] = v;
  return { state, key: JSON.stringify(state) };
}

/** Picks an enabled event at random, or null when none is. */
function pick(events: readonly RunEvent[], net: MnhaNetwork, random: SeededRandom): RunEvent | null {
  const enabled = events.filter((e) => e.enabled(net));
  if (enabled.length === 0) return null;
  return enabled[Math.floor(random.next() * enabled.length)] ?? null;
}

/** The ICL comes up shortly after boot: the model's ICL starts down, being established. */
const ICL_ESTABLISHED_MS = 20;
/** A run that records nothing new for this long has stalled (a bug, or a scenario without faults). */
const STALL_MS = 600_000;

/** Runs the scenario's implementation under seeded random events and returns its observation log. */
export function recordRun(scenario: Scenario, options: RunOptions): RecordedRun {
  const params = paramsOf(scenario);
  const steps = options.steps ?? 200;
  const gap = options.meanGapMs ?? 400;
  const random = new SeededRandom(options.seed);
  const net = networkFor(params, options.nodeFactory === undefined ? {} : { nodeFactory: options.nodeFactory });
  const hidden = unobserved(params);
  const events = runEvents(params, VALIDATION_FAULT_WINDOW);
  const counts: Partial<Record<EventClass, number>> = {};
  const out: string[] = [headerLine({ scenario: scenario.name, source: `ha-verify recorded run (src/impl, clock-driven), seed ${options.seed}`, seed: options.seed })];
  let last = observation(net, params, hidden);
  out.push(observationLine({ t: 0, cause: 'boot', state: last.state }));
  let lines = 1;
  let lastChangeAt = 0;
  const record = (cause: string) => {
    const now = observation(net, params, hidden);
    if (now.key === last.key) return;
    last = now;
    lastChangeAt = net.now();
    out.push(observationLine({ t: net.now(), cause, state: now.state } satisfies LogLine));
    lines += 1;
  };
  // exponential gaps: events arrive as a Poisson process, some close together
  const nextGap = () => Math.max(1, Math.round(-Math.log(1 - random.next()) * gap));
  let eventAt = ICL_ESTABLISHED_MS;
  let established = false;
  while (lines <= steps && net.now() - lastChangeAt < STALL_MS) {
    const timerAt = net.nextTimerAt();
    if (timerAt !== null && timerAt <= eventAt) {
      const fired = net.fireNext();
      if (fired !== null) record(fired.label);
      continue;
    }
    net.advanceTo(eventAt);
    if (!established) {
      established = true;
      net.restoreIcl();
      record('the ICL is established');
    } else {
      const event = pick(events, net, random);
      if (event !== null) {
        event.apply(net);
        counts[event.cls] = (counts[event.cls] ?? 0) + 1;
        record(event.name);
      }
    }
    eventAt = net.now() + nextGap();
  }
  return { scenario: scenario.name, seed: options.seed, text: `${out.join('\n')}\n`, lines, durationMs: net.now(), events: counts };
}
