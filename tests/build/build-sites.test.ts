/**
 * `npm run build:sites`: several municipality sites built at once, each into its own folder with
 * its own name and local lessons, sharing the course; the CI matrix's shards cover every site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { page } from '../support/dist.ts';
import type { SiteBuild } from '../../scripts/build-sites.ts';

const out = mkdtempSync(join(tmpdir(), 'orienta-sites-'));
const cli = (args: string[]) => spawnSync(process.execPath, ['scripts/build-sites.ts', ...args], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
let builds: SiteBuild[] = [];
let stdout = '';

beforeAll(() => {
  const run = cli(['ekudden', 'lindas', '--jobs', '2', '--out', out, '--report', join(out, 'report.json')]);
  stdout = run.stdout;
  if (run.status !== 0) throw new Error(`build:sites failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  builds = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run build:sites', () => {
  it('builds each site into its own folder, with its own name and the shared course', () => {
    expect(builds.map((b) => [b.id, b.ok])).toEqual([['ekudden', true], ['lindas', true]]);
    for (const id of ['ekudden', 'lindas']) {
      const config = parseYaml(readFileSync(`content/sites/${id}/site.yaml`, 'utf8'));
      const home = page('sv/index.html', join(out, id));
      expect(home.querySelector('.brand')!.text).toContain(config.shortName);
      expect(existsSync(join(out, id, 'sv', 'forsorja-sig', 'a-kassa', 'index.html'))).toBe(true);
      expect(existsSync(join(out, id, 'pagefind', 'pagefind.js'))).toBe(true);
    }
    // Ekudden's local lesson: in Ekudden and in Lindås (which shares Ekudden's local content).
    expect(existsSync(join(out, 'ekudden', 'sv', 'forsorja-sig', 'jobb-i-ekudden', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'lindas', 'sv', 'forsorja-sig', 'jobb-i-ekudden', 'index.html'))).toBe(true);
    expect(stdout).toMatch(/2 of 2 built in/);
  });

  it('runs the builds at the same time when given two jobs', () => {
    const [a, b] = builds.map((x) => ({ start: Date.parse(x.startedAt), end: Date.parse(x.endedAt) }));
    expect(a!.start < b!.end && b!.start < a!.end).toBe(true);
  });

  it('lists every site once over the shards of a CI matrix, and refuses an unknown site', () => {
    const all = cli(['--list']).stdout.trim().split('\n');
    expect(all).toEqual(expect.arrayContaining(['demo', 'ekudden', 'lindas']));
    const shards = [1, 2].map((k) => cli(['--list', '--shard', `${k}/2`]).stdout.trim().split('\n').filter(Boolean));
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(shards[0]!.some((id) => shards[1]!.includes(id))).toBe(false);
    const unknown = cli(['nowhere', '--list']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no site "nowhere"/);
  });
});
