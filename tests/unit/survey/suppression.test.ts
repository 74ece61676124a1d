/**
 * Differencing attacks on published tables: an attacker who sees every shown cell and total
 * writes down the sums the table must satisfy and solves them. Complementary suppression must
 * leave no hidden cell that the equations pin down (exact disclosure), for one-way and two-way
 * tables, on fixed cases and on many random ones.
 */
import { describe, expect, it } from 'vitest';
import { suppressOneWay, suppressTwoWay } from '../../../src/lib/survey/suppression.ts';

/**
 * Which unknowns a linear system pins down: Gaussian elimination over the rationals (as floats
 * with a tolerance, enough for these small integer systems). An unknown is determined when a row
 * of the reduced system has it as its only non-zero coefficient.
 */
function determined(equations: number[][], unknowns: number): boolean[] {
  const m = equations.map((row) => [...row]);
  let pivotRow = 0;
  for (let col = 0; col < unknowns && pivotRow < m.length; col++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < m.length; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[best]![col]!)) best = r;
    if (Math.abs(m[best]![col]!) < 1e-9) continue;
    [m[pivotRow], m[best]] = [m[best]!, m[pivotRow]!];
    const pivot = m[pivotRow]![col]!;
    for (let c = 0; c <= unknowns; c++) m[pivotRow]![c]! /= pivot;
    for (let r = 0; r < m.length; r++) {
      if (r === pivotRow) continue;
      const factor = m[r]![col]!;
      if (Math.abs(factor) < 1e-12) continue;
      for (let c = 0; c <= unknowns; c++) m[r]![c]! -= factor * m[pivotRow]![c]!;
    }
    pivotRow++;
  }
  const out = new Array<boolean>(unknowns).fill(false);
  for (const row of m) {
    const nonZero = row.slice(0, unknowns).map((v, i) => [v, i] as const).filter(([v]) => Math.abs(v) > 1e-9);
    if (nonZero.length === 1) out[nonZero[0]![1]] = true;
  }
  return out;
}

/** The attack on a one-way table: cells and total, hidden ones unknown. Returns the hidden cells it recovers. */
function attackOneWay(values: number[], hidden: boolean[], totalHidden: boolean): number[] {
  const unknownIndex = values.map((_, i) => (hidden[i] ? i : -1)).filter((i) => i >= 0);
  const n = unknownIndex.length + (totalHidden ? 1 : 0);
  // Σ cells − total = 0, with known values moved to the right-hand side.
  const row = new Array(n + 1).fill(0);
  unknownIndex.forEach((_, j) => (row[j] = 1));
  if (totalHidden) row[unknownIndex.length] = -1;
  row[n] = -values.reduce((s, v, i) => s + (hidden[i] ? 0 : v), 0) + (totalHidden ? 0 : values.reduce((s, v) => s + v, 0));
  const known = determined([row], n);
  return unknownIndex.filter((_, j) => known[j]);
}

/** The attack on a two-way table with margins. Returns how many hidden cells or totals it recovers. */
function attackTwoWay(values: number[][]): number {
  const rows = values.length;
  const columns = values[0]!.length;
  const grid = values.map((r) => [...r, r.reduce((s, v) => s + v, 0)]);
  grid.push([...Array.from({ length: columns }, (_, c) => values.reduce((s, r) => s + r[c]!, 0)), grid.reduce((s, r) => s + r[columns]!, 0)]);
  const result = suppressTwoWay(values, 5);
  const hidden = grid.map((r, i) => r.map((_, j) => (i < rows ? (j < columns ? result.cells[i]![j]! : result.rowTotals[i]!) : j < columns ? result.columnTotals[j]! : result.grandTotal)));
  const unknowns: Array<[number, number]> = [];
  hidden.forEach((r, i) => r.forEach((h, j) => h && unknowns.push([i, j])));
  const index = (i: number, j: number) => unknowns.findIndex(([a, b]) => a === i && b === j);
  const equations: number[][] = [];
  const line = (members: Array<[number, number]>, total: [number, number]) => {
    const eq = new Array(unknowns.length + 1).fill(0);
    let rhs = 0;
    for (const [i, j] of members) {
      const u = index(i, j);
      if (u >= 0) eq[u] += 1;
      else rhs -= grid[i]![j]!;
    }
    const t = index(...total);
    if (t >= 0) eq[t] -= 1;
    else rhs += grid[total[0]]![total[1]]!;
    eq[unknowns.length] = rhs;
    equations.push(eq);
  };
  for (let i = 0; i <= rows; i++) line(Array.from({ length: columns }, (_, j) => [i, j] as [number, number]), [i, columns]);
  for (let j = 0; j <= columns; j++) line(Array.from({ length: rows }, (_, i) => [i, j] as [number, number]), [rows, j]);
  // Small primary cells must stay hidden; a hidden zero or big cell may be learnt (it is not a small group).
  const known = determined(equations, unknowns.length);
  return unknowns.filter(([i, j], u) => known[u] && grid[i]![j]! > 0 && grid[i]![j]! < 5).length;
}

function random(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('one-way tables', () => {
  it('the issue case: 20 Swedish and 2 Arabic answers, total shown; the Arabic pair cannot be recovered', () => {
    const values = [20, 2];
    const { hidden, totalHidden } = suppressOneWay(values, 5);
    expect(hidden).toEqual([true, true]);
    expect(totalHidden).toBe(false);
    expect(attackOneWay(values, hidden, totalHidden)).toEqual([]);
  });

  it('hides the next-smallest group, not the largest, and keeps zeros', () => {
    expect(suppressOneWay([30, 3, 9, 0, 12], 5).hidden).toEqual([false, true, true, false, false]);
    expect(suppressOneWay([30, 3, 4, 12], 5).hidden).toEqual([false, true, true, false]);
  });

  it('hides the total when nothing else can protect a small group', () => {
    expect(suppressOneWay([3, 0, 0], 5)).toEqual({ hidden: [true, false, false], totalHidden: true });
  });

  it('random tables: no attack recovers a small group', () => {
    const next = random(7);
    for (let t = 0; t < 1000; t++) {
      const values = Array.from({ length: 2 + Math.floor(next() * 6) }, () => Math.floor(next() * next() * 30));
      const { hidden, totalHidden } = suppressOneWay(values, 5);
      values.forEach((v, i) => v > 0 && v < 5 && expect(hidden[i]).toBe(true));
      const recovered = attackOneWay(values, hidden, totalHidden).filter((i) => values[i]! > 0 && values[i]! < 5);
      expect(recovered, JSON.stringify(values)).toEqual([]);
    }
  });
});

describe('two-way tables (language × gender)', () => {
  it('a single small cell in a row and a column gets partners in both', () => {
    const values = [
      [12, 10, 0],
      [2, 9, 6],
      [8, 7, 11],
    ];
    const result = suppressTwoWay(values, 5);
    expect(result.cells[1]![0]).toBe(true);
    expect(result.cells[1]!.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(result.cells.map((r) => r[0]).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(attackTwoWay(values)).toBe(0);
  });

  it('a small margin is protected too', () => {
    const values = [
      [1, 2, 0, 0],
      [15, 12, 3, 6],
      [20, 9, 1, 8],
    ];
    const result = suppressTwoWay(values, 5);
    expect(result.rowTotals[0]).toBe(true);
    expect(attackTwoWay(values)).toBe(0);
  });

  it('random tables: no attack recovers a small group', () => {
    const next = random(11);
    for (let t = 0; t < 1000; t++) {
      const rows = 2 + Math.floor(next() * 4);
      const columns = 2 + Math.floor(next() * 3);
      const values = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.floor(next() * next() * 25)));
      const result = suppressTwoWay(values, 5);
      values.forEach((r, i) => r.forEach((v, j) => v > 0 && v < 5 && expect(result.cells[i]![j]).toBe(true)));
      expect(attackTwoWay(values), JSON.stringify(values)).toBe(0);
    }
  });
});
