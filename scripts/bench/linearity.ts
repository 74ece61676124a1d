/**
 * Does build time grow linearly with the number of pages?
 *
 * Three builds: a tiny baseline, a small and a large one. The cost of one more page is measured
 * twice, as a marginal cost: from the baseline to the small build, and from the small to the
 * large build. Linear growth gives the same marginal cost (ratio about 1), n·log n a little more,
 * quadratic growth about `(large + small) / (small + baseline)` (about 5 for 25 % vs 100 %).
 *
 * Marginal costs need no estimate of the fixed start-up, whose noise on a shared machine (a few
 * seconds) once made "start-up removed" per-page figures negative and their ratio infinite. The
 * check allows an absolute tolerance too (`toleranceMs`), so that noise on a small course (a few
 * milliseconds a page) does not fail it; and `median` takes the median of repeated builds.
 */

export interface BuildPoint {
  /** HTML pages written. */
  pages: number;
  /** Wall time in milliseconds. */
  ms: number;
}

export interface Linearity {
  /** Fixed cost: the baseline's time less its pages at the first marginal cost (ms, ≥ 0). */
  overheadMs: number;
  /** Marginal cost of a page from the baseline to the small build (ms). */
  smallPerPageMs: number;
  /** Marginal cost of a page from the small to the large build (ms). */
  largePerPageMs: number;
  /** largePerPage / smallPerPage; null when the first marginal cost is not positive (noise larger than the work). */
  ratio: number | null;
  /** Plain per-page ratio with the start-up left in (below 1 because the start-up is shared by more pages). */
  rawRatio: number;
  /** The marginal cost at the large end (same as `largePerPageMs`), kept for reports. */
  marginalMsPerPage: number;
}

/** Marginal costs of three build sizes. Throws unless baseline < small < large pages. */
export function linearity(baseline: BuildPoint, small: BuildPoint, large: BuildPoint): Linearity {
  if (!(baseline.pages < small.pages && small.pages < large.pages)) {
    throw new Error(`linearity needs baseline < small < large pages, got ${baseline.pages}, ${small.pages}, ${large.pages}`);
  }
  const first = (small.ms - baseline.ms) / (small.pages - baseline.pages);
  const second = (large.ms - small.ms) / (large.pages - small.pages);
  return {
    overheadMs: Math.max(0, baseline.ms - Math.max(0, first) * baseline.pages),
    smallPerPageMs: first,
    largePerPageMs: second,
    ratio: first > 0 ? second / first : null,
    rawRatio: large.ms / large.pages / (small.ms / small.pages),
    marginalMsPerPage: second,
  };
}

/**
 * Whether the large build's marginal cost stays within `maxRatio` times the small build's, plus
 * `toleranceMs` a page. Never divides, so noise cannot make it infinite.
 *
 * @example withinLinearity({ smallPerPageMs: 40, largePerPageMs: 62 } as Linearity, 1.5, 5) // true (62 ≤ 65)
 */
export function withinLinearity(l: Pick<Linearity, 'smallPerPageMs' | 'largePerPageMs'>, maxRatio: number, toleranceMs: number): boolean {
  return l.largePerPageMs <= Math.max(0, l.smallPerPageMs) * maxRatio + toleranceMs;
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
