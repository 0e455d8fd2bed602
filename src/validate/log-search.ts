/**
 * The search behind validation: which behaviours of the model explain a
 * log so far. Line by line it keeps the level of model states that match
 * the line and are reached from the previous level by steps of which all
 * but the last keep the previous line's observation, and within the level
 * by steps that keep this line's observation (breadth-first, so each state
 * is reached by a shortest explanation). A line no successor matches is
 * the first one no behaviour of the model explains.
 *
 * Levels are sets of slot arrays deduplicated through the explorer's
 * seen-set on packed words; only the last `window` levels are kept, so
 * memory stays bounded whatever the log's length, and an explanation
 * reaches back that far.
 */
import type { ActionLabel } from '../model/index.js';
import type { CompiledModel } from '../explore/compile.js';
import { fingerprint, SeenSet } from '../explore/seen-set.js';
import { type ObservedState, type SlotDiff, distance, matches, sameObservation, slotDiffs } from './observed-state.js';

/** `via` of a state carried from the previous level without a step (the same state, observed again). */
const NO_STEP = -2;

/** States packed as the explorer packs them, `words` 32-bit words each, in one growing buffer. */
class PackedStates {
  private buf: Uint32Array;
  size = 0;

  constructor(private readonly words: number, private readonly cm: CompiledModel) {
    this.buf = new Uint32Array(words * 16);
  }

  /** Appends the packed words of one state. */
  push(packed: Uint32Array): void {
    if ((this.size + 1) * this.words > this.buf.length) {
      const grown = new Uint32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf.set(packed.subarray(0, this.words), this.size * this.words);
    this.size += 1;
  }

  /** Unpacks state i into `out` (slot codes). */
  unpack(i: number, out: Float64Array): Float64Array {
    this.cm.codec.unpack(this.buf, i * this.words, out);
    return out;
  }
}

/** One level: the model states matching one log line. */
interface Level {
  /** 1-based line of the log this level explains. */
  readonly line: number;
  readonly obs: ObservedState;
  readonly states: PackedStates;
  /** Index of each state's parent: in the previous level when `cross`, else in this one; -1 for an initial state. */
  readonly parent: number[];
  readonly cross: boolean[];
  /** The transition that reached each state (-1 for an initial state). */
  readonly via: number[];
  readonly seen: SeenSet;
}

/** A model state close to a line no behaviour explains. */
export interface Candidate {
  /** The step into it from a state explaining the line before (absent for an initial state). */
  readonly action?: ActionLabel;
  /** The observed variables where it differs from the line. */
  readonly diff: readonly SlotDiff[];
  readonly slots: Float64Array;
}

/** The model's path explaining the log up to its current level. */
export interface Explanation {
  /** First line the kept levels reach back to. */
  readonly fromLine: number;
  /** Slot arrays of each state of the path, with the transition into it (-1 for the first). */
  readonly states: readonly { readonly slots: Float64Array; readonly via: number; readonly line: number }[];
}

/** Limits of the search. */
export interface LogSearchOptions {
  /** Levels kept for explanations (default 5,000 lines). */
  readonly window?: number;
  /** Most states one level may hold before the log is declared too loose to follow (default 100,000). */
  readonly maxLevel?: number;
  /** Most states all kept levels may hold together; older levels are dropped first (default 400,000). */
  readonly maxKept?: number;
}

/** Thrown when a line matches more model states than the search keeps. */
export class LevelTooLargeError extends Error {
  constructor(readonly line: number, readonly limit: number) {
    super(`line ${line}: more than ${limit.toLocaleString('en-US')} model states match it and the lines before; the log observes too little to be followed`);
    this.name = 'LevelTooLargeError';
  }
}

/** A log being followed through the model. */
export class LogSearch {
  private readonly cm: CompiledModel;
  private readonly window: number;
  private readonly maxLevel: number;
  private readonly levels: Level[] = [];
  private readonly maxKept: number;
  /** States held by the kept levels. */
  private kept = 0;
  private readonly packed: Uint32Array;
  private readonly key = new Uint32Array(2);
  private readonly next: Float64Array;
  /** The state being expanded, unpacked. */
  private readonly cur: Float64Array;
  /** Transitions generated so far (for the report). */
  transitions = 0;

  constructor(cm: CompiledModel, options: LogSearchOptions = {}) {
    this.cm = cm;
    this.window = Math.max(1, options.window ?? 5000);
    this.maxLevel = options.maxLevel ?? 100_000;
    this.maxKept = options.maxKept ?? 400_000;
    this.packed = new Uint32Array(cm.layout.words);
    this.next = new Float64Array(cm.layout.slots.length);
    this.cur = new Float64Array(cm.layout.slots.length);
  }

  /** The current level's size (0 before the first line). */
  get frontier(): number {
    return this.levels.at(-1)?.states.size ?? 0;
  }

  /**
   * Follows line `line` with observation `obs`: true when some model state
   * explains it (the level moves on), false when none does (the level
   * stays at the last explained line). A line observing what the line
   * before observed is the same observation and changes nothing.
   */
  follow(line: number, obs: ObservedState): boolean {
    const last = this.levels.at(-1);
    if (last !== undefined && sameObservation(last.obs, obs)) return true;
    const level: Level = { line, obs, states: new PackedStates(this.packed.length, this.cm), parent: [], cross: [], via: [], seen: new SeenSet(64) };
    if (last === undefined) {
      if (matches(obs, this.cm.init)) this.add(level, this.cm.init, -1, false, -1);
    } else {
      for (let i = 0; i < last.states.size; i++) {
        const s = last.states.unpack(i, this.cur);
        // the same state, observed differently (a line that observes less, or other variables): no step
        if (matches(obs, s)) this.add(level, s, i, true, NO_STEP);
        this.successors(s, (t, k) => {
          if (matches(obs, t)) this.add(level, t, i, true, k);
        });
      }
    }
    if (level.states.size === 0) return false;
    // the closure: steps that keep this line's observation
    for (let i = 0; i < level.states.size; i++) {
      this.successors(level.states.unpack(i, this.cur), (t, k) => {
        if (matches(obs, t)) this.add(level, t, i, false, k);
      });
    }
    this.levels.push(level);
    this.kept += level.states.size;
    // drop the oldest levels in batches (amortised constant time a line), and while they hold too many states
    if (this.levels.length >= 2 * this.window) this.dropOldest(this.levels.length - this.window);
    let drop = 0;
    for (let kept = this.kept; kept > this.maxKept && drop < this.levels.length - 2; drop++) kept -= (this.levels[drop] as Level).states.size;
    if (drop > 0) this.dropOldest(drop);
    return true;
  }

  /**
   * The model states nearest to `obs` one step from the current level (the
   * initial state before any line), fewest differing observed variables
   * first, at most `count` distinct ones.
   */
  closest(obs: ObservedState, count = 3): Candidate[] {
    const last = this.levels.at(-1);
    const found: { d: number; action?: ActionLabel; slots: Float64Array; key: string }[] = [];
    const consider = (t: Float64Array, k: number) => {
      const d = distance(obs, t);
      if (found.length >= count && d >= (found.at(-1) as { d: number }).d) return;
      const key = t.join(',');
      if (found.some((f) => f.key === key)) return;
      found.push({ d, slots: new Float64Array(t), key, ...(k >= 0 ? { action: this.cm.transitions[k]?.label as ActionLabel } : {}) });
      found.sort((a, b) => a.d - b.d);
      if (found.length > count) found.pop();
    };
    if (last === undefined) consider(this.cm.init, -1);
    else for (let i = 0; i < last.states.size; i++) this.successors(last.states.unpack(i, this.cur), consider);
    return found.map((f) => ({ ...(f.action ? { action: f.action } : {}), diff: slotDiffs(this.cm.layout, obs, f.slots), slots: f.slots }));
  }

  /** A shortest path of model states explaining the kept levels, ending in the current level's first state. */
  explanation(): Explanation {
    const out: { slots: Float64Array; via: number; line: number }[] = [];
    const first = Math.max(0, this.levels.length - this.window);
    let li = this.levels.length - 1;
    let i = 0;
    while (li >= first) {
      const level = this.levels[li] as Level;
      // a state carried over from the line before without a step appears once, at its first line
      if (level.via[i] !== NO_STEP) out.push({ slots: level.states.unpack(i, new Float64Array(this.cur.length)), via: level.via[i] as number, line: level.line });
      const parent = level.parent[i] as number;
      if (parent < 0) break;
      if (level.cross[i]) {
        li -= 1;
        if (li < first) break;
      }
      i = parent;
    }
    out.reverse();
    // a path cut by the window starts with a state whose step in is unknown
    if (out.length > 0 && li < first) (out[0] as { via: number }).via = -1;
    return { fromLine: this.levels[first]?.line ?? 1, states: out };
  }

  private dropOldest(n: number): void {
    for (const l of this.levels.splice(0, n)) this.kept -= l.states.size;
  }

  /** Calls `visit` with every successor of `s` and the transition's index. */
  private successors(s: Float64Array, visit: (t: Float64Array, k: number) => void): void {
    const t = this.next;
    this.cm.expand(s, t, this.cm.h, (k) => {
      this.transitions += 1;
      visit(t, k);
    });
  }

  private add(level: Level, s: Float64Array, parent: number, cross: boolean, via: number): void {
    const words = this.packed;
    this.cm.codec.pack(s, words, 0);
    let a: number;
    let b: number;
    if (words.length <= 2) {
      a = words[0] as number;
      b = words.length > 1 ? (words[1] as number) : 0;
    } else {
      fingerprint(words, 0, words.length, this.key);
      a = this.key[0] as number;
      b = this.key[1] as number;
    }
    if (level.seen.insert(a, b, level.states.size) !== -1) return;
    if (level.states.size >= this.maxLevel) throw new LevelTooLargeError(level.line, this.maxLevel);
    level.states.push(words);
    level.parent.push(parent);
    level.cross.push(cross);
    level.via.push(via);
  }
}
