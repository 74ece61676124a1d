/**
 * Does build time grow linearly with the number of pages?
 *
 * Every build pays a fixed start-up cost (Vite, content sync, Pagefind start). We measure it with a
 * tiny baseline build and subtract it, then compare the time per page of a small and a large
 * build: `ratio = perPage(large) / perPage(small)`. Linear growth gives about 1; n·log n growth
 * gives a little more; quadratic growth gives about `large/small` (4 for 25 % vs 100 %).
 */

export interface BuildPoint {
  /** HTML pages written. */
  pages: number;
  /** Wall time in milliseconds. */
  ms: number;
}

export interface Linearity {
  /** Fixed cost subtracted, from the baseline build (ms). */
  overheadMs: number;
  /** (ms − overhead) / pages of the small build. */
  smallPerPageMs: number;
  /** (ms − overhead) / pages of the large build. */
  largePerPageMs: number;
  /** largePerPage / smallPerPage, overhead removed. About 1 when linear. */
  ratio: number;
  /** Plain per-page ratio with the overhead left in (below 1 because the overhead is shared by more pages). */
  rawRatio: number;
  /** Marginal cost of one more page between the small and the large build (ms). */
  marginalMsPerPage: number;
}

/**
 * Compares two build sizes, after removing the baseline's fixed cost. The baseline must be smaller
 * than `small`. The overhead is taken as the baseline time minus its own pages at the marginal
 * rate, so a baseline of a few pages does not count those pages twice.
 */
export function linearity(baseline: BuildPoint, small: BuildPoint, large: BuildPoint): Linearity {
  if (!(baseline.pages < small.pages && small.pages < large.pages)) {
    throw new Error(`linearity needs baseline < small < large pages, got ${baseline.pages}, ${small.pages}, ${large.pages}`);
  }
  const marginal = (large.ms - small.ms) / (large.pages - small.pages);
  const overhead = Math.max(0, Math.min(baseline.ms - Math.max(0, marginal) * baseline.pages, small.ms));
  const smallPerPage = (small.ms - overhead) / small.pages;
  const largePerPage = (large.ms - overhead) / large.pages;
  return {
    overheadMs: overhead,
    smallPerPageMs: smallPerPage,
    largePerPageMs: largePerPage,
    ratio: smallPerPage > 0 ? largePerPage / smallPerPage : Number.POSITIVE_INFINITY,
    rawRatio: large.ms / large.pages / (small.ms / small.pages),
    marginalMsPerPage: marginal,
  };
}
