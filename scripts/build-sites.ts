#!/usr/bin/env node
/**
 * `npm run build:sites -- [site …] [--out DIR] [--jobs N] [--shard K/N] [--list] [--report FILE]`
 *
 * Builds several municipality sites in one go: every folder of `content/sites/` (or the sites
 * named), each with its own config and local lessons and the shared course, into
 * `<out>/<site-id>/` (default `dist-sites/`), at most `--jobs` at once (default: the number of
 * processors). Each build runs in its own root under `.tmp/sites/<site-id>/` (links to the project
 * with a private `.astro/` and cache, see scripts/bench/build.ts), so parallel builds never share
 * Astro's state, and a later run reuses each site's cache. `--shard K/N` builds every N-th site
 * from the K-th, for a CI matrix; `--list` prints the sites it would build and stops. Exit code 0
 * when every site built, 1 when one failed (the others still build), 2 for a bad option.
 * See docs/hosting.md, "Many sites in one go".
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { astroBin, countHtml, prepareIsolatedRoot } from './bench/build.ts';
import { runMeasured, tail } from './bench/run.ts';
import { listSiteIds, parseShard, runPool, shardOf } from '../src/lib/site/many.ts';
import { contentDirFromEnv } from '../src/lib/site/load.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One site's build, as printed and written to `--report`. */
export interface SiteBuild {
  id: string;
  ok: boolean;
  outDir: string;
  log: string;
  /** ISO times, so a reader can see which builds ran at once. */
  startedAt: string;
  endedAt: string;
  ms: number;
  htmlPages: number;
  /** Peak resident memory of the build's process tree, bytes (null when unknown). */
  peakRssBytes: number | null;
  error?: string;
}

export interface BuildSitesOptions {
  ids: string[];
  outDir: string;
  jobs: number;
  /** Called as each site starts and ends. */
  log?: (line: string) => void;
}

/** Builds `ids` into `<outDir>/<id>/`, at most `jobs` at once. Never throws for a failed site. */
export async function buildSites({ ids, outDir, jobs, log = () => {} }: BuildSitesOptions): Promise<SiteBuild[]> {
  const results = await runPool(ids, jobs, async (id): Promise<SiteBuild> => {
    const root = join(ROOT, '.tmp', 'sites', id);
    const config = prepareIsolatedRoot(ROOT, root);
    const out = join(outDir, id);
    const logFile = join(root, 'build.log');
    rmSync(out, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ORIENTA_SITE: id, ORIENTA_OUT_DIR: out, ORIENTA_CONTENT_DIR: contentDirFromEnv(ROOT) };
    // Each site has its own base path in its site.yaml; one override for all would be wrong.
    delete env.ORIENTA_BASE;
    const startedAt = new Date();
    log(`${id}: building …`);
    const run = await runMeasured(process.execPath, [astroBin(ROOT), 'build', '--config', config], { cwd: root, env, log: logFile });
    const built: SiteBuild = {
      id,
      ok: run.code === 0,
      outDir: out,
      log: logFile,
      startedAt: startedAt.toISOString(),
      endedAt: new Date().toISOString(),
      ms: run.ms,
      htmlPages: run.code === 0 ? countHtml(out) : 0,
      peakRssBytes: run.treePeakRssBytes ?? run.peakRssBytes,
      ...(run.code === 0 ? {} : { error: tail(logFile, 15) }),
    };
    log(`${id}: ${built.ok ? `${built.htmlPages} pages` : 'FAILED'} in ${(run.ms / 1000).toFixed(1)} s`);
    return built;
  });
  return results.map((r, i) =>
    r.ok ? r.value : { id: ids[i]!, ok: false, outDir: join(outDir, ids[i]!), log: '', startedAt: '', endedAt: '', ms: 0, htmlPages: 0, peakRssBytes: null, error: String((r.error as Error)?.stack ?? r.error) },
  );
}

const USAGE = `Usage: npm run build:sites -- [site …] [options]

  site …            site ids (folders of content/sites/); default: every site
  --out <dir>       output folder, one sub-folder per site (default dist-sites)
  --jobs <n>        builds at once (default: the number of processors, here ${availableParallelism()})
  --shard <K/N>     only every N-th site from the K-th, for a CI matrix
  --list            print the sites that would be built, one a line, and stop
  --report <file>   write each site's result as JSON
  -h, --help
`;

async function main(): Promise<void> {
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n\n${USAGE}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string' }, jobs: { type: 'string' }, shard: { type: 'string' }, list: { type: 'boolean', default: false }, report: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(USAGE);
  const known = listSiteIds(contentDirFromEnv(ROOT));
  const unknown = positionals.filter((id) => !known.includes(id));
  if (unknown.length) fail(`no site ${unknown.map((id) => `"${id}"`).join(', ')} in content/sites/ (known: ${known.join(', ') || 'none'})`);
  let ids = positionals.length ? [...new Set(positionals)] : known;
  if (values.shard) {
    try {
      ids = shardOf(ids, parseShard(values.shard));
    } catch (error) {
      fail((error as Error).message);
    }
  }
  if (values.list) return void process.stdout.write(ids.map((id) => `${id}\n`).join(''));
  if (values.jobs !== undefined && !/^[1-9]\d*$/.test(values.jobs)) fail(`--jobs must be a whole number ≥ 1, got "${values.jobs}"`);
  const jobs = values.jobs ? Number(values.jobs) : availableParallelism();
  const outDir = resolve(values.out ?? join(ROOT, 'dist-sites'));
  if (!ids.length) return void process.stdout.write('No site to build (empty shard).\n');
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  process.stdout.write(`Building ${ids.length} site(s) into ${outDir}, ${Math.min(jobs, ids.length)} at once …\n`);
  const builds = await buildSites({ ids, outDir, jobs, log: (line) => process.stdout.write(`  ${line}\n`) });
  const wall = performance.now() - started;
  const sum = builds.reduce((s, b) => s + b.ms, 0);
  process.stdout.write(`\n${'site'.padEnd(20)} ${'result'.padEnd(8)} ${'pages'.padStart(6)} ${'time'.padStart(8)} ${'peak RSS'.padStart(9)}\n`);
  for (const b of builds) {
    const rss = b.peakRssBytes === null ? '–' : `${Math.round(b.peakRssBytes / 2 ** 20)} MB`;
    process.stdout.write(`${b.id.padEnd(20)} ${(b.ok ? 'ok' : 'FAILED').padEnd(8)} ${String(b.htmlPages).padStart(6)} ${`${(b.ms / 1000).toFixed(1)} s`.padStart(8)} ${rss.padStart(9)}\n`);
  }
  process.stdout.write(`\n${builds.filter((b) => b.ok).length} of ${builds.length} built in ${(wall / 1000).toFixed(1)} s (${(sum / 1000).toFixed(1)} s of builds one after the other).\n`);
  for (const b of builds.filter((x) => !x.ok)) process.stderr.write(`\n${b.id} failed; end of ${b.log || 'its log'}:\n${b.error ?? ''}\n`);
  if (values.report) writeFileSync(resolve(values.report), `${JSON.stringify(builds, null, 2)}\n`);
  process.exitCode = builds.every((b) => b.ok) ? 0 : 1;
}

// Run only as a script, not when a test imports `buildSites`.
if (import.meta.url === `file://${process.argv[1]}` || (existsSync(process.argv[1] ?? '') && resolve(process.argv[1]!) === fileURLToPath(import.meta.url))) await main();
