/**
 * The set of states seen so far: an open-addressing hash table of 64-bit
 * keys in typed arrays, mapping each key to the index of its state. When a
 * packed state fits in two 32-bit words the key is the state itself, so the
 * set is exact; otherwise the key is a 64-bit fingerprint of the words, as
 * in TLC, with the same (tiny) chance of a collision.
 */

/** Mixes two words into a table position. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b ^ 0xc2b2ae35, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** 64-bit fingerprint (two words) of `n` words starting at `at`. */
export function fingerprint(words: Uint32Array, at: number, n: number, out: Uint32Array): void {
  let h1 = 0x811c9dc5 ^ n;
  let h2 = 0x01000193 + n;
  for (let i = 0; i < n; i++) {
    const w = words[at + i];
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h1 ^= h1 >>> 13;
    h2 = Math.imul(h2 + w, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    h2 = Math.imul(h2, 0x27d4eb2f);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h2 ^= h2 >>> 13;
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

/**
 * An open-addressing set of 64-bit keys, optionally with the index of each
 * key's state. Without indices (a safety-only search) a slot is 8 bytes and
 * the key (0, 0) is kept aside, since it marks empty slots.
 */
export class SeenSet {
  private keys: Uint32Array;
  /** State index + 1; 0 marks an empty slot. Empty when indices are not kept. */
  private idx: Uint32Array;
  private readonly indexed: boolean;
  private zeroIndex = -1;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16, indexed = true) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.indexed = indexed;
    this.keys = new Uint32Array(cap * 2);
    this.idx = new Uint32Array(indexed ? cap : 0);
    this.mask = cap - 1;
  }

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.idx.byteLength;
  }

  /**
   * Inserts key (a, b) for state `index` unless present. Returns -1 when it
   * was new, else the index of the state already holding the key.
   */
  insert(a: number, b: number, index: number): number {
    if (!this.indexed) return this.insertKey(a, b, index);
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    let p = mix(a, b) & this.mask;
    const keys = this.keys;
    const idx = this.idx;
    for (;;) {
      const v = idx[p];
      if (v === 0) {
        keys[2 * p] = a;
        keys[2 * p + 1] = b;
        idx[p] = index + 1;
        this.count++;
        return -1;
      }
      if (keys[2 * p] === a && keys[2 * p + 1] === b) return v - 1;
      p = (p + 1) & this.mask;
    }
  }

  /** Keys-only insertion: returns -1 when new, 0 when already present (no index is known). */
  private insertKey(a: number, b: number, index: number): number {
    if (a === 0 && b === 0) {
      if (this.zeroIndex >= 0) return 0;
      this.zeroIndex = index;
      this.count++;
      return -1;
    }
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const keys = this.keys;
    let p = mix(a, b) & this.mask;
    for (;;) {
      const ka = keys[2 * p];
      const kb = keys[2 * p + 1];
      if (ka === 0 && kb === 0) {
        keys[2 * p] = a;
        keys[2 * p + 1] = b;
        this.count++;
        return -1;
      }
      if (ka === a && kb === b) return 0;
      p = (p + 1) & this.mask;
    }
  }

  /** The state index of key (a, b), or -1 (indexed sets only). */
  find(a: number, b: number): number {
    if (!this.indexed) throw new Error('SeenSet.find needs an indexed set');
    let p = mix(a, b) & this.mask;
    for (;;) {
      const v = this.idx[p];
      if (v === 0) return -1;
      if (this.keys[2 * p] === a && this.keys[2 * p + 1] === b) return v - 1;
      p = (p + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIdx = this.idx;
    const cap = (this.mask + 1) * 2;
    this.keys = new Uint32Array(cap * 2);
    this.idx = new Uint32Array(this.indexed ? cap : 0);
    this.mask = cap - 1;
    if (!this.indexed) {
      for (let i = 0; i < oldKeys.length / 2; i++) {
        const a = oldKeys[2 * i];
        const b = oldKeys[2 * i + 1];
        if (a === 0 && b === 0) continue;
        let p = mix(a, b) & this.mask;
        while (this.keys[2 * p] !== 0 || this.keys[2 * p + 1] !== 0) p = (p + 1) & this.mask;
        this.keys[2 * p] = a;
        this.keys[2 * p + 1] = b;
      }
      return;
    }
    for (let i = 0; i < oldIdx.length; i++) {
      if (oldIdx[i] === 0) continue;
      const a = oldKeys[2 * i];
      const b = oldKeys[2 * i + 1];
      let p = mix(a, b) & this.mask;
      while (this.idx[p] !== 0) p = (p + 1) & this.mask;
      this.keys[2 * p] = a;
      this.keys[2 * p + 1] = b;
      this.idx[p] = oldIdx[i];
    }
  }
}
