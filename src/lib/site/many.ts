/**
 * Building several sites in one go (`npm run build:sites`): which sites exist, how a CI matrix
 * splits them into shards, and a pool that runs at most N builds at once. Framework-free.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every site folder of a content folder (`<content>/sites/<id>/site.yaml`), sorted by id. */
export function listSiteIds(contentDir: string): string[] {
  const dir = join(contentDir, 'sites');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'site.yaml')))
    .map((d) => d.name)
    .sort();
}

/** One shard of a CI matrix: the `index`-th (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Reads `K/N` (shard K of N, from 1).
 *
 * @example parseShard('2/4') // { index: 2, count: 4 }
 * @throws Error naming the expected form for anything else
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4), got "${text}"`);
  return { index, count };
}

/**
 * The sites of one shard: every N-th site of the sorted list, starting at the K-th. Every site is
 * in exactly one shard, and a site stays in its shard while sites are added after it in order.
 *
 * @example shardOf(['a', 'b', 'c', 'd', 'e'], { index: 2, count: 2 }) // ['b', 'd']
 */
export function shardOf(ids: readonly string[], shard: Shard): string[] {
  return [...ids].sort().filter((_, i) => i % shard.count === shard.index - 1);
}

/**
 * Runs `task` over `items` with at most `limit` running at once, in order of the list; resolves
 * with the results in the same order. A task that throws does not stop the others (its error is
 * its result), so one broken site does not hide whether the rest build.
 */
export async function runPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<Array<{ ok: true; value: R } | { ok: false; error: unknown }>> {
  const results: Array<{ ok: true; value: R } | { ok: false; error: unknown }> = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await task(items[i]!, i) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
