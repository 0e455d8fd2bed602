/**
 * Clock-driven scripts: stimuli at given virtual times, with the nodes' own
 * timers running in between. The same script on a fresh network always
 * gives the same run.
 */
import type { Observation } from '../observe/observation.js';
import type { MnhaNetwork } from './network.js';
import type { Stimulus, StimulusOutcome } from './stimulus.js';

/** A stimulus at an absolute virtual time (ms). */
export interface ScriptEntry {
  readonly at: number;
  readonly stimulus: Stimulus;
}

/** What happened at one entry of a script. */
export interface ScriptStep {
  readonly at: number;
  readonly outcome: StimulusOutcome;
  /** The network right after the stimulus. */
  readonly observation: Observation;
}

/**
 * Runs `entries` on `net`: each stimulus is applied at its time while the
 * clock runs, then the clock runs on to `untilMs` (default: the last entry).
 * Returns each step's outcome and the observation right after it.
 */
export function runScript(net: MnhaNetwork, entries: readonly ScriptEntry[], options: { readonly untilMs?: number } = {}): ScriptStep[] {
  const steps: ScriptStep[] = [];
  for (const entry of entries) {
    net.schedule(entry.at, entry.stimulus, (outcome) => {
      steps.push({ at: net.now(), outcome, observation: net.observe() });
    });
  }
  const last = entries.reduce((max, entry) => Math.max(max, entry.at), net.now());
  net.advanceTo(Math.max(last, options.untilMs ?? last));
  return steps;
}

/** Applies `stimuli` one after the other without moving the clock; returns each outcome and observation. */
export function runSteps(net: MnhaNetwork, stimuli: readonly Stimulus[]): { readonly outcome: StimulusOutcome; readonly observation: Observation }[] {
  return stimuli.map((stimulus) => {
    const outcome = net.apply(stimulus);
    return { outcome, observation: net.observe() };
  });
}
