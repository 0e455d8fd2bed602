/**
 * Every distinct state in discovery (breadth-first) order, packed, with the
 * parent and the transition that first reached it. The store doubles as the
 * BFS queue: the states still to expand are those past the cursor.
 */
export class StateStore {
  readonly words: number;
  private data: Uint32Array;
  private parents: Uint32Array;
  private vias: Uint16Array | Uint32Array;
  private n = 0;

  constructor(words: number, transitions: number, initialCapacity = 1 << 16) {
    this.words = words;
    this.data = new Uint32Array(initialCapacity * words);
    this.parents = new Uint32Array(initialCapacity);
    this.vias = transitions < 0xffff ? new Uint16Array(initialCapacity) : new Uint32Array(initialCapacity);
  }

  /** Number of states. */
  get size(): number {
    return this.n;
  }

  /** Bytes held by states, parents and transitions. */
  get bytes(): number {
    return this.data.byteLength + this.parents.byteLength + this.vias.byteLength;
  }

  /** The packed words (read-only view for a state: `at(i)` gives its offset). */
  get raw(): Uint32Array {
    return this.data;
  }

  /** Offset of state i in `raw`. */
  at(i: number): number {
    return i * this.words;
  }

  /** Appends a state; parent -1 (stored as 0xffffffff) for an initial state. */
  push(words: Uint32Array, from: number, parent: number, via: number): number {
    if (this.n * this.words + this.words > this.data.length) this.grow();
    this.data.set(words.subarray(from, from + this.words), this.n * this.words);
    this.parents[this.n] = parent < 0 ? 0xffffffff : parent;
    this.vias[this.n] = via < 0 ? (this.vias instanceof Uint16Array ? 0xffff : 0xffffffff) : via;
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

  private grow(): void {
    const cap = this.parents.length * 2;
    const d = new Uint32Array(cap * this.words);
    d.set(this.data);
    this.data = d;
    const p = new Uint32Array(cap);
    p.set(this.parents);
    this.parents = p;
    const v = this.vias instanceof Uint16Array ? new Uint16Array(cap) : new Uint32Array(cap);
    v.set(this.vias);
    this.vias = v;
  }
}
