/**
 * Suppression of small groups in published tables, as statistics offices do it.
 *
 * Primary suppression hides every count from 1 to `minGroupSize − 1`. That alone is not enough:
 * with the total shown, one hidden cell in a row is the total minus the others. Complementary
 * suppression therefore also hides, in every row and column (totals included) that has exactly one
 * hidden cell, the next-smallest cell that is not zero, and repeats until no row or column has a
 * single hidden cell. A total that would be left as the only hidden value of its row of totals is
 * handled the same way. In a two-way table that is not always enough (several lines together can
 * pin a cell down), so the table is then solved as an attacker would solve it, and while a small
 * group is determined, one more value beside it is hidden. In words, for the page: "Groups smaller than N are hidden, and so is one
 * more group beside each, so a hidden group cannot be worked out by subtracting."
 *
 * Zero cells are shown: "nobody" identifies nobody, and a zero cannot hide anything.
 */

/** A one-way table after suppression. */
export interface OneWay {
  /** Per cell: shown or hidden. */
  hidden: boolean[];
  /** The total is hidden too (it alone would reveal a hidden cell, or it is small itself). */
  totalHidden: boolean;
}

const isSmall = (value: number, k: number) => value > 0 && value < k;

/** Picks the smallest shown, non-zero cell of a line to hide; -1 when there is none. */
function nextSmallest(values: readonly number[], hidden: readonly boolean[], indices: readonly number[]): number {
  let best = -1;
  for (const i of indices) {
    if (hidden[i] || values[i] === 0) continue;
    if (best === -1 || values[i]! < values[best]!) best = i;
  }
  return best;
}

/**
 * Suppresses a one-way table (cells that add up to a shown total).
 *
 * @param alreadyHidden cells hidden for another reason (e.g. their whole row), counted as hidden
 */
export function suppressOneWay(values: readonly number[], minGroupSize: number, alreadyHidden?: readonly boolean[]): OneWay {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (isSmall(total, minGroupSize)) return { hidden: values.map((v) => v > 0), totalHidden: true };
  const hidden = values.map((v, i) => Boolean(alreadyHidden?.[i]) || isSmall(v, minGroupSize));
  if (hidden.filter(Boolean).length === 1) {
    const extra = nextSmallest(values, hidden, values.map((_, i) => i));
    if (extra === -1) return { hidden, totalHidden: true };
    hidden[extra] = true;
  }
  return { hidden, totalHidden: false };
}

/** A two-way table after suppression: cells, row totals, column totals, grand total. */
export interface TwoWay {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

/**
 * Suppresses a two-way table with its margins. Every row (its cells and its total), every column,
 * the row of column totals and the column of row totals (each with the grand total) is a line
 * whose sum is known when its total is shown; no line may end with exactly one hidden value.
 */
export function suppressTwoWay(values: readonly (readonly number[])[], minGroupSize: number): TwoWay {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const rowTotal = values.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotal = Array.from({ length: columns }, (_, j) => values.reduce((s, row) => s + row[j]!, 0));
  const grand = rowTotal.reduce((s, v) => s + v, 0);
  // One value grid with the margins: cell (r, c), row total (r, columns), column total (rows, c), grand (rows, columns).
  const grid = values.map((row, r) => [...row, rowTotal[r]!]);
  grid.push([...columnTotal, grand]);
  const hidden = grid.map((row) => row.map((v) => isSmall(v, minGroupSize)));
  if (isSmall(grand, minGroupSize)) {
    return { cells: values.map((row) => row.map((v) => v > 0)), rowTotals: rowTotal.map((v) => v > 0), columnTotals: columnTotal.map((v) => v > 0), grandTotal: true };
  }
  // Each line: its members' coordinates; the last member is the line's total.
  const lines: Array<Array<[number, number]>> = [];
  for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: columns + 1 }, (_, c) => [r, c] as [number, number]));
  for (let c = 0; c <= columns; c++) lines.push(Array.from({ length: rows + 1 }, (_, r) => [r, c] as [number, number]));
  const propagate = () => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        const hiddenCount = line.filter(([r, c]) => hidden[r]![c]).length;
        if (hiddenCount !== 1) continue;
        // Hide the smallest shown non-zero member other than the line's total first; the total last.
        const best = smallestShown(line.slice(0, -1));
        const [tr, tc] = line.at(-1)!;
        if (best) hidden[best[0]]![best[1]] = true;
        else if (!hidden[tr]![tc]) hidden[tr]![tc] = true;
        else continue;
        changed = true;
      }
    }
  };
  const smallestShown = (members: ReadonlyArray<[number, number]>): [number, number] | null => {
    let best: [number, number] | null = null;
    for (const [r, c] of members) {
      if (hidden[r]![c] || grid[r]![c] === 0) continue;
      if (!best || grid[r]![c]! < grid[best[0]]![best[1]]!) best = [r, c];
    }
    return best;
  };
  // A pattern where every line has two hidden values can still pin a cell down through several
  // lines at once. Solve the table as an attacker would; while a small group is determined, hide
  // one more value beside it, and propagate again.
  for (;;) {
    propagate();
    const exposed = exposedSmallCells(grid, hidden, lines, minGroupSize);
    if (!exposed) break;
    const [r, c] = exposed;
    const extra =
      smallestShown([...lines[r]!.slice(0, -1), ...lines[rows + 1 + c]!.slice(0, -1)]) ??
      smallestShown([...lines[r]!, ...lines[rows + 1 + c]!]) ??
      // Nothing left beside it: hide the smallest value anywhere; in the end everything is hidden.
      smallestShown(lines.flat());
    if (!extra) break;
    hidden[extra[0]]![extra[1]] = true;
  }
  return {
    cells: values.map((row, r) => row.map((_, c) => hidden[r]![c]!)),
    rowTotals: rowTotal.map((_, r) => hidden[r]![columns]!),
    columnTotals: columnTotal.map((_, c) => hidden[rows]![c]!),
    grandTotal: hidden[rows]![columns]!,
  };
}

/**
 * The first small hidden value that the shown values and the table's sums determine exactly, or
 * null. Each line (row or column, with its total last) says: members − total = 0. Gaussian
 * elimination over the unknowns finds every value that is fixed by those equations.
 */
function exposedSmallCells(grid: number[][], hidden: boolean[][], lines: Array<Array<[number, number]>>, minGroupSize: number): [number, number] | null {
  const unknowns: Array<[number, number]> = [];
  hidden.forEach((row, r) => row.forEach((h, c) => h && unknowns.push([r, c])));
  if (!unknowns.length) return null;
  const at = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const width = unknowns.length;
  const matrix = lines.map((line) => {
    const row = new Array<number>(width).fill(0);
    line.forEach(([r, c], i) => {
      const u = at.get(`${r},${c}`);
      if (u !== undefined) row[u] += i === line.length - 1 ? -1 : 1;
    });
    return row;
  });
  let pivotRow = 0;
  for (let col = 0; col < width && pivotRow < matrix.length; col++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < matrix.length; r++) if (Math.abs(matrix[r]![col]!) > Math.abs(matrix[best]![col]!)) best = r;
    if (Math.abs(matrix[best]![col]!) < 1e-9) continue;
    [matrix[pivotRow], matrix[best]] = [matrix[best]!, matrix[pivotRow]!];
    const pivot = matrix[pivotRow]![col]!;
    for (let c = 0; c < width; c++) matrix[pivotRow]![c]! /= pivot;
    for (let r = 0; r < matrix.length; r++) {
      const factor = matrix[r]![col]!;
      if (r === pivotRow || Math.abs(factor) < 1e-12) continue;
      for (let c = 0; c < width; c++) matrix[r]![c]! -= factor * matrix[pivotRow]![c]!;
    }
    pivotRow++;
  }
  for (const row of matrix) {
    const nonZero = row.map((v, i) => [v, i] as const).filter(([v]) => Math.abs(v) > 1e-9);
    if (nonZero.length !== 1) continue;
    const [r, c] = unknowns[nonZero[0]![1]]!;
    if (isSmall(grid[r]![c]!, minGroupSize)) return [r, c];
  }
  return null;
}
