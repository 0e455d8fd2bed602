/**
 * The explored state graph in compressed sparse row form: the successors of
 * state i are `targets[offsets[i] .. offsets[i+1])`, each reached by
 * transition `tids[k]`. Built during the search when liveness needs it.
 */
export class StateGraph {
  offsets: Uint32Array;
  targets: Uint32Array;
  tids: Uint32Array;
  private nEdges = 0;
  private nStates = 0;

  constructor(initialEdges = 1 << 18) {
    this.offsets = new Uint32Array(1 << 16);
    this.targets = new Uint32Array(initialEdges);
    this.tids = new Uint32Array(initialEdges);
  }

  /** Number of states whose edges are recorded. */
  get states(): number {
    return this.nStates;
  }

  /** Number of edges. */
  get edges(): number {
    return this.nEdges;
  }

  /** Starts the edge list of the next state (states must come in index order). */
  beginState(): void {
    if (this.nStates + 2 > this.offsets.length) {
      const o = new Uint32Array(this.offsets.length * 2);
      o.set(this.offsets);
      this.offsets = o;
    }
    this.offsets[this.nStates] = this.nEdges;
    this.nStates++;
    this.offsets[this.nStates] = this.nEdges;
  }

  /** Adds an edge from the current state. */
  addEdge(target: number, tid: number): void {
    if (this.nEdges + 1 > this.targets.length) {
      const t = new Uint32Array(this.targets.length * 2);
      t.set(this.targets);
      this.targets = t;
      const d = new Uint32Array(this.tids.length * 2);
      d.set(this.tids);
      this.tids = d;
    }
    this.targets[this.nEdges] = target;
    this.tids[this.nEdges] = tid;
    this.nEdges++;
    this.offsets[this.nStates] = this.nEdges;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.offsets.byteLength + this.targets.byteLength + this.tids.byteLength;
  }
}
