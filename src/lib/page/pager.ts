/**
 * Which page links a pager shows: every page when there are few, else the first, the last and
 * the current page with its neighbours, with gaps between. Pure.
 */

/** A page number to link, or a gap (`null`) where pages are left out. */
export type PagerItem = number | null;

/**
 * The items of a pager for page `current` of `count`.
 *
 * @example pagerItems(5, 12) // [1, null, 4, 5, 6, null, 12]
 * @example pagerItems(2, 4) // [1, 2, 3, 4]
 */
export function pagerItems(current: number, count: number, around = 1): PagerItem[] {
  if (count <= 5 + 2 * around) return Array.from({ length: count }, (_, i) => i + 1);
  const shown = new Set([1, count]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= count) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  pages.forEach((page, i) => {
    const prev = pages[i - 1];
    if (prev !== undefined && page - prev === 2) items.push(prev + 1);
    else if (prev !== undefined && page - prev > 2) items.push(null);
    items.push(page);
  });
  return items;
}
