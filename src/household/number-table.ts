/**
 * A map from whole numbers (household ids written as digits, up to 15 of
 * them: exact in a double) to small ints, in two typed arrays with open
 * addressing. A roster's household ids are mostly such numbers; a Map of
 * them as strings cost pass 1 about half a second per million rows on
 * the index thread (string copies from the workers, hashing, and the
 * garbage collector moving 300,000 keys), where this costs a few ms.
 */
const EMPTY = Number.NaN;

export class NumberTable {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;
  // Scratch for a key's bits, for hashing.
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  constructor(capacity = 1024) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Float64Array(size).fill(EMPTY);
    this.values = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  private slot(key: number, keys: Float64Array): number {
    this.bits[0] = key;
    let h = Math.imul(this.words[0] ^ Math.imul(this.words[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    const mask = keys.length - 1;
    let i = h & mask;
    // Linear probing: an empty slot (NaN) or the key itself ends the search.
    while (!Number.isNaN(keys[i]) && keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const i = this.slot(key, this.keys);
    return Number.isNaN(this.keys[i]) ? -1 : this.values[i];
  }

  /** Sets `key` (a whole number, not NaN) to `value` (≥ 0). */
  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key, this.keys);
    if (Number.isNaN(this.keys[i])) this.count++;
    this.keys[i] = key;
    this.values[i] = value;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.values = new Int32Array(oldKeys.length * 2);
    for (let j = 0; j < oldKeys.length; j++) {
      if (Number.isNaN(oldKeys[j])) continue;
      const i = this.slot(oldKeys[j], this.keys);
      this.keys[i] = oldKeys[j];
      this.values[i] = oldValues[j];
    }
  }
}

/**
 * A household id as the number it spells, when it is digits only, without
 * a leading zero (so that "012" and "12" stay two households), at most 15
 * of them; otherwise NaN, and the id is kept as text.
 */
export function idAsNumber(id: string): number {
  const n = id.length;
  if (n === 0 || n > 15) return Number.NaN;
  const first = id.charCodeAt(0);
  if (first < 49 || first > 57) return Number.NaN;
  for (let i = 1; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return Number.NaN;
  }
  return Number(id);
}
