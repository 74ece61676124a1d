import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSiteIds, parseShard, runPool, shardOf } from '../../../src/lib/site/many.ts';

const dir = mkdtempSync(join(tmpdir(), 'orienta-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('building many sites', () => {
  it('lists the site folders that have a site.yaml, sorted', () => {
    for (const id of ['lindas', 'ekudden', 'demo']) {
      mkdirSync(join(dir, 'sites', id), { recursive: true });
      writeFileSync(join(dir, 'sites', id, 'site.yaml'), 'id: x\n');
    }
    mkdirSync(join(dir, 'sites', 'half-made'), { recursive: true });
    expect(listSiteIds(dir)).toEqual(['demo', 'ekudden', 'lindas']);
    expect(listSiteIds(join(dir, 'nothing'))).toEqual([]);
  });

  it('splits the sites over a CI matrix: every site in exactly one shard', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `site-${String(i).padStart(2, '0')}`);
    const shards = [1, 2, 3, 4].map((index) => shardOf(ids, { index, count: 4 }));
    expect(shards.map((s) => s.length)).toEqual([3, 3, 3, 2]);
    expect(shards.flat().sort()).toEqual(ids);
    expect(shardOf(['c', 'a', 'b'], { index: 1, count: 1 })).toEqual(['a', 'b', 'c']);
  });

  it('reads K/N and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/2']) expect(() => parseShard(bad)).toThrow(/K\/N/);
  });

  it('runs at most `limit` tasks at once, keeps the order of results, and goes on after a failure', async () => {
    let running = 0;
    let most = 0;
    const results = await runPool([30, 10, 20, 5, 15], 2, async (ms, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      if (i === 1) throw new Error('broken site');
      return ms * 2;
    });
    expect(most).toBe(2);
    expect(results.map((r) => (r.ok ? r.value : 'failed'))).toEqual([60, 'failed', 40, 10, 30]);
    expect(await runPool([], 4, async () => 1)).toEqual([]);
  });
});
