/**
 * Before/after pairs of self-assessments, kept compactly: the aggregation must remember every
 * participant's latest "before" answer until their "after" arrives (possibly in another file, a
 * month later), so this table grows with participants, not with groups. It keeps about 40 bytes a
 * participant in typed arrays (no object per answer), so a county's million responses fit in a
 * few tens of megabytes, and it crosses between threads as a handful of arrays.
 *
 * Ids are kept as 64-bit hashes (`responseKey`), like the duplicate index: two different pairing
 * ids colliding has a chance of about n²/2⁶⁵, far below one in a million for any real course.
 */

/** Which half of a pair: the answer at the start of the course or at the end. */
export const BEFORE = 0;
export const AFTER = 1;

/** The table as plain arrays, for another thread (`PairTable.absorb`). */
export interface PairTableData {
  /** Points kept per answer (the survey's self-assessment questions). */
  size: number;
  /** Per pair: the pairing id's hash, high and low halves. */
  pairHi: Uint32Array;
  pairLo: Uint32Array;
  /** Per half (pair × 2 + phase): day as YYYYMMDD, 0 for a missing half. */
  day: Int32Array;
  /** Per half: the response id's hash, which breaks ties between answers of one day. */
  tieHi: Uint32Array;
  tieLo: Uint32Array;
  /** Per half: `size` points, 1–5, 0 unanswered. */
  points: Uint8Array;
}

/** The day YYYY-MM-DD as the number YYYYMMDD, read from the characters (the schema checked the day). */
export function dayNumber(day: string): number {
  let n = 0;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) n = n * 10 + (day.charCodeAt(i) - 48);
  return n;
}

/** Open-addressing table of pairs, growing by doubling. */
export class PairTable {
  private slots = new Int32Array(1 << 10).fill(-1);
  private count = 0;
  private arrays: PairTableData;
  /** Points kept per answer. */
  readonly size: number;

  constructor(size: number) {
    this.size = size;
    this.arrays = PairTable.allocate(size, 1 << 9);
  }

  private static allocate(size: number, pairs: number): PairTableData {
    return {
      size,
      pairHi: new Uint32Array(pairs),
      pairLo: new Uint32Array(pairs),
      day: new Int32Array(2 * pairs),
      tieHi: new Uint32Array(2 * pairs),
      tieLo: new Uint32Array(2 * pairs),
      points: new Uint8Array(2 * pairs * size),
    };
  }

  /** Number of pairing ids seen. */
  get pairs(): number {
    return this.count;
  }

  private rowOf(hi: number, lo: number): number {
    let mask = this.slots.length - 1;
    let i = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    for (;;) {
      const row = this.slots[i]!;
      if (row === -1) break;
      if (this.arrays.pairHi[row] === hi && this.arrays.pairLo[row] === lo) return row;
      i = (i + 1) & mask;
    }
    if ((this.count + 1) * 2 > this.slots.length) {
      this.grow();
      mask = this.slots.length - 1;
      i = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
      while (this.slots[i] !== -1) i = (i + 1) & mask;
    }
    const row = this.count++;
    this.slots[i] = row;
    this.arrays.pairHi[row] = hi;
    this.arrays.pairLo[row] = lo;
    return row;
  }

  private grow() {
    const old = this.arrays;
    const capacity = old.pairHi.length * 2;
    const data = PairTable.allocate(this.size, capacity);
    data.pairHi.set(old.pairHi);
    data.pairLo.set(old.pairLo);
    data.day.set(old.day);
    data.tieHi.set(old.tieHi);
    data.tieLo.set(old.tieLo);
    data.points.set(old.points);
    this.arrays = data;
    this.slots = new Int32Array(capacity * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let row = 0; row < this.count; row++) {
      let i = (Math.imul(data.pairHi[row]! ^ Math.imul(data.pairLo[row]!, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
      while (this.slots[i] !== -1) i = (i + 1) & mask;
      this.slots[i] = row;
    }
  }

  /**
   * Offers one answer. The latest answer of each phase is kept; of two on one day, the one with
   * the larger response hash, so the result never depends on the order answers come in.
   */
  offer(pair: readonly [number, number], phase: number, day: number, response: readonly [number, number], points: ArrayLike<number>): void {
    const row = this.rowOf(pair[0], pair[1]);
    const half = 2 * row + phase;
    const d = this.arrays;
    const keptDay = d.day[half]!;
    if (keptDay) {
      if (day < keptDay) return;
      if (day === keptDay) {
        const [hi, lo] = response;
        if (hi < d.tieHi[half]! || (hi === d.tieHi[half]! && lo <= d.tieLo[half]!)) return;
      }
    }
    d.day[half] = day;
    d.tieHi[half] = response[0];
    d.tieLo[half] = response[1];
    for (let i = 0; i < this.size; i++) d.points[half * this.size + i] = points[i]!;
  }

  /** Calls `visit` with each pair's halves (day 0 = missing) and points. */
  forEach(visit: (beforeDay: number, afterDay: number, before: Uint8Array, after: Uint8Array) => void): void {
    const { day, points } = this.arrays;
    const size = this.size;
    for (let row = 0; row < this.count; row++) {
      const b = 2 * row;
      visit(day[b]!, day[b + 1]!, points.subarray(b * size, (b + 1) * size), points.subarray((b + 1) * size, (b + 2) * size));
    }
  }

  /** A copy of the used part, to send to another thread. */
  data(): PairTableData {
    const n = this.count;
    const d = this.arrays;
    return {
      size: this.size,
      pairHi: d.pairHi.slice(0, n),
      pairLo: d.pairLo.slice(0, n),
      day: d.day.slice(0, 2 * n),
      tieHi: d.tieHi.slice(0, 2 * n),
      tieLo: d.tieLo.slice(0, 2 * n),
      points: d.points.slice(0, 2 * n * this.size),
    };
  }

  /** Offers every answer of another table over the same questions. */
  absorb(other: PairTableData): void {
    if (other.size !== this.size) throw new RangeError(`pair tables over ${other.size} and ${this.size} questions cannot be joined`);
    for (let row = 0; row < other.pairHi.length; row++) {
      for (const phase of [BEFORE, AFTER]) {
        const half = 2 * row + phase;
        if (!other.day[half]) continue;
        this.offer([other.pairHi[row]!, other.pairLo[row]!], phase, other.day[half]!, [other.tieHi[half]!, other.tieLo[half]!], other.points.subarray(half * this.size, (half + 1) * this.size));
      }
    }
  }
}
