/**
 * Every distinct state in discovery (breadth-first) order, with the parent
 * and the transition that first reached it. The packed states double as the
 * BFS queue: the states still to expand are those past the cursor. When the
 * states need not be kept (a safety-only search), the ones already expanded
 * are dropped and only parent links remain: a trace is then rebuilt by
 * replaying its transitions from the initial state.
 */
export class StateStore {
  readonly words: number;
  /** Whether every state is kept (else only those not yet released). */
  readonly retains: boolean;
  private data: Uint32Array;
  /** Index of the first state held in `data`. */
  private base = 0;
  private parents: Uint32Array;
  private vias: Uint16Array | Uint32Array;
  private n = 0;

  constructor(words: number, transitions: number, initialCapacity = 1 << 16, retain = true) {
    this.words = words;
    this.retains = retain;
    this.data = new Uint32Array(initialCapacity * words);
    this.parents = new Uint32Array(initialCapacity);
    this.vias = transitions < 0xffff ? new Uint16Array(initialCapacity) : new Uint32Array(initialCapacity);
  }

  /** Drops the packed states before index `upTo` (only when states are not retained). */
  release(upTo: number): void {
    if (this.retains || upTo <= this.base) return;
    // Compact only when it frees at least half of the buffer, to keep copies rare.
    if ((upTo - this.base) * this.words * 2 < this.data.length) return;
    this.data.copyWithin(0, (upTo - this.base) * this.words, (this.n - this.base) * this.words);
    this.base = upTo;
  }

  /** Number of states. */
  get size(): number {
    return this.n;
  }

  /** Bytes held by states, parents and transitions. */
  get bytes(): number {
    return this.data.byteLength + this.parents.byteLength + this.vias.byteLength;
  }

  /** Bytes of the parent links and transitions alone. */
  get linkBytes(): number {
    return this.parents.byteLength + this.vias.byteLength;
  }

  /** Bytes of the packed-state buffer (the queue when states are not retained). */
  get queueBytes(): number {
    return this.data.byteLength;
  }

  /** The packed words (read-only view for a state: `at(i)` gives its offset). */
  get raw(): Uint32Array {
    return this.data;
  }

  /** Offset of state i in `raw` (it must not have been released). */
  at(i: number): number {
    return (i - this.base) * this.words;
  }

  /** Appends a state; parent -1 (stored as 0xffffffff) for an initial state. */
  push(words: Uint32Array, from: number, parent: number, via: number): number {
    if ((this.n - this.base) * this.words + this.words > this.data.length) this.growData();
    if (this.n + 1 > this.parents.length) this.growLinks();
    const o = (this.n - this.base) * this.words;
    for (let k = 0; k < this.words; k++) this.data[o + k] = words[from + k];
    this.parents[this.n] = parent < 0 ? 0xffffffff : parent;
    this.vias[this.n] = via < 0 ? (this.vias instanceof Uint16Array ? 0xffff : 0xffffffff) : via;
    return this.n++;
  }

  /** Appends a state known only by its links (its packed words live elsewhere, e.g. in a worker). */
  pushLink(parent: number, via: number): number {
    if (this.retains) throw new Error('pushLink needs a store that does not retain states');
    if (this.n + 1 > this.parents.length) this.growLinks();
    this.parents[this.n] = parent < 0 ? 0xffffffff : parent;
    this.vias[this.n] = via < 0 ? (this.vias instanceof Uint16Array ? 0xffff : 0xffffffff) : via;
    this.base = this.n + 1; // nothing of this state is held here
    return this.n++;
  }

  /** Parent of state i, or -1 for an initial state. */
  parent(i: number): number {
    const p = this.parents[i];
    return p === 0xffffffff ? -1 : p;
  }

  /** Transition that first reached state i, or -1 for an initial state. */
  via(i: number): number {
    const v = this.vias[i];
    return v === (this.vias instanceof Uint16Array ? 0xffff : 0xffffffff) ? -1 : v;
  }

  /** The path of state indices from an initial state to i. */
  pathTo(i: number): number[] {
    const out: number[] = [];
    for (let c = i; c >= 0; c = this.parent(c)) out.push(c);
    return out.reverse();
  }

  private growData(): void {
    const d = new Uint32Array(this.data.length * 2);
    d.set(this.data);
    this.data = d;
  }

  private growLinks(): void {
    const cap = this.parents.length * 2;
    const p = new Uint32Array(cap);
    p.set(this.parents);
    this.parents = p;
    const v = this.vias instanceof Uint16Array ? new Uint16Array(cap) : new Uint32Array(cap);
    v.set(this.vias);
    this.vias = v;
  }
}
