/**
 * The duplicate index of the survey aggregation: which response ids have been counted. A response
 * handed in twice (the same file twice, or two exports that overlap) must count once, so the index
 * must hold every distinct id; it keeps a 64-bit hash of each, 8 bytes a response.
 *
 * Two kinds: `GrowingKeySet` for one thread (the report page, small CLI runs), and
 * `SharedKeySet` over a `SharedArrayBuffer`, which the CLI's worker threads fill at the same time,
 * so a response counted by one worker is a duplicate for all others.
 */

/** A set of 64-bit keys, each given as two unsigned 32-bit halves. */
export interface KeySet {
  /** Adds a key; false when it was already there. */
  add(hi: number, lo: number): boolean;
}

/**
 * A 64-bit key of a response id: two FNV-1a style hashes with different seeds over the whole id,
 * so ids that differ anywhere (random ones, or numbered ones in tests) get different keys.
 */
export function responseKey(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}

const slotOf = (hi: number, lo: number, mask: number) => (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;

/** An insert-only set in two typed arrays (open addressing), doubling when half full. */
export class GrowingKeySet implements KeySet {
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private size = 0;

  add(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    const mask = this.used.length - 1;
    let i = slotOf(hi, lo, mask);
    while (this.used[i]) {
      if (this.hi[i] === hi && this.lo[i] === lo) return false;
      i = (i + 1) & mask;
    }
    this.used[i] = 1;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.size++;
    return true;
  }

  private grow() {
    const { hi, lo, used } = this;
    this.hi = new Uint32Array(used.length * 2);
    this.lo = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.add(hi[i]!, lo[i]!);
  }
}

/**
 * Fewest bytes one response takes in an export file: its id alone is 36 characters, and the
 * shortest possible response, `{"responseId":"…","surveyId":"a","surveyVersion":1,"locale":"aa",
 * "date":"2026-01-01","answers":{}}`, is 133. Bytes read ÷ this bounds the number of responses.
 */
export const MIN_RESPONSE_BYTES = 100;

/**
 * A fixed-size set in shared memory that several threads add to at once, lock-free: a key is
 * written into its slot with one atomic compare-and-exchange, so of two threads adding the same
 * key exactly one gets `true`. It cannot grow (other threads hold its memory), so it is made for
 * the most keys the input can hold (`capacityFor`) and refuses more with an error.
 */
export class SharedKeySet implements KeySet {
  /** The shared memory, to pass to other threads. */
  readonly buffer: SharedArrayBuffer;
  private readonly table: BigInt64Array;
  private readonly mask: number;

  private constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.table = new BigInt64Array(buffer);
    this.mask = this.table.length - 1;
  }

  /** Slots for at most `keys` keys, at most three quarters full. */
  static create(keys: number): SharedKeySet {
    let slots = 1 << 10;
    while (slots * 0.75 < keys) slots *= 2;
    return new SharedKeySet(new SharedArrayBuffer(slots * 8));
  }

  /** The same set in another thread, from `buffer` passed to it. */
  static attach(buffer: SharedArrayBuffer): SharedKeySet {
    return new SharedKeySet(buffer);
  }

  /** Keys an input of `bytes` can hold at most. */
  static capacityFor(bytes: number): number {
    return Math.ceil(bytes / MIN_RESPONSE_BYTES) + 1;
  }

  add(hi: number, lo: number): boolean {
    // 0 marks an empty slot; the one key that is 0 is stored as 1 (a 2^-64 chance of a false duplicate).
    const key = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)) || 1n;
    let i = slotOf(hi, lo, this.mask);
    for (let probes = 0; probes <= this.mask; probes++) {
      const held = Atomics.compareExchange(this.table, i, 0n, key);
      if (held === 0n) return true;
      if (held === key) return false;
      i = (i + 1) & this.mask;
    }
    throw new RangeError('the shared duplicate index is full: more responses than the input bytes allow');
  }
}
