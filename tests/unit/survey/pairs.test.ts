import { describe, expect, it } from 'vitest';
import { responseKey } from '../../../src/lib/survey/key-set.ts';
import { AFTER, BEFORE, dayNumber, PairTable } from '../../../src/lib/survey/pairs.ts';

/** Before/after answers of `n` participants: before on day 1 + i % 28, after a month later, with points from i. */
function answers(n: number) {
  return Array.from({ length: n }, (_, i) => [
    { pair: responseKey(`pair-${i}`), phase: BEFORE, day: 20260101 + (i % 28), id: responseKey(`b-${i}`), points: [1 + (i % 5), 0] },
    { pair: responseKey(`pair-${i}`), phase: AFTER, day: 20260201 + (i % 28), id: responseKey(`a-${i}`), points: [1 + ((i + 1) % 5), 3] },
  ]).flat();
}
const totals = (table: PairTable) => {
  let linked = 0;
  let pointsAfter = 0;
  table.forEach((beforeDay, afterDay, _before, after) => {
    if (beforeDay && afterDay) linked++;
    pointsAfter += after[0]!;
  });
  return { pairs: table.pairs, linked, pointsAfter };
};

describe('the before/after table', () => {
  it('reads days without making strings', () => {
    expect(dayNumber('2026-10-01')).toBe(20261001);
  });

  it('links thousands of pairs as it grows, in any order, and across tables', () => {
    const all = answers(3000);
    const forwards = new PairTable(2);
    for (const a of all) forwards.offer(a.pair, a.phase, a.day, a.id, a.points);
    const expectedAfter = Array.from({ length: 3000 }, (_, i) => 1 + ((i + 1) % 5)).reduce((s, p) => s + p, 0);
    expect(totals(forwards)).toEqual({ pairs: 3000, linked: 3000, pointsAfter: expectedAfter });

    // Split between two tables (two threads), then joined: the same.
    const [a, b] = [new PairTable(2), new PairTable(2)];
    [...all].reverse().forEach((x, i) => (i % 3 ? a : b).offer(x.pair, x.phase, x.day, x.id, x.points));
    const joined = new PairTable(2);
    joined.absorb(structuredClone(a.data()));
    joined.absorb(structuredClone(b.data()));
    expect(totals(joined)).toEqual(totals(forwards));
  });

  it('keeps the latest answer of a phase, and of one day the larger id hash, whatever the order', () => {
    const pair = responseKey('p');
    const offers = [
      { day: 20260301, id: [5, 1] as const, points: [1] },
      { day: 20260310, id: [1, 1] as const, points: [2] },
      { day: 20260310, id: [1, 2] as const, points: [4] },
      { day: 20260305, id: [9, 9] as const, points: [3] },
    ];
    for (const order of [offers, [...offers].reverse(), [offers[2]!, offers[0]!, offers[3]!, offers[1]!]]) {
      const table = new PairTable(1);
      for (const o of order) table.offer(pair, AFTER, o.day, o.id, o.points);
      const seen: number[] = [];
      table.forEach((_b, afterDay, _before, after) => seen.push(afterDay, after[0]!));
      expect(seen).toEqual([20260310, 4]);
    }
  });
});
