/**
 * Building a course for the benchmark, isolated from other builds of the same checkout.
 *
 * `astro build` keeps state in `<root>/.astro/` (content module map, types) and in its cache
 * folder (`node_modules/.astro/`, the content data store). A synthetic build in the project root
 * would overwrite the real course's state while someone else builds or tests. So the benchmark
 * builds in a temporary root whose entries are symlinks to the project (src, public,
 * node_modules …), with its own `.astro/` and a wrapper config that moves `cacheDir` into the
 * temporary root and keeps symlinked paths as they are.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { runMeasured, tail, type RunResult } from './run.ts';

/** Entries of the project root that a build must not share. */
const NOT_LINKED = new Set(['.astro', '.git', 'dist', 'dist-sites', '.tmp', 'bench-results', 'reports']);

export const WRAPPER_CONFIG = 'astro.bench.config.mjs';

/** The wrapper config's text: the project config with its own cache and symlinks kept. */
export function wrapperConfigSource(projectConfig: string): string {
  return [
    `// Written by scripts/bench/build.ts: the project's config with a private cache folder.`,
    `import config from './${projectConfig}';`,
    `const vite = config.vite ?? {};`,
    `export default { ...config, cacheDir: './.bench-cache/', vite: { ...vite, resolve: { ...(vite.resolve ?? {}), preserveSymlinks: true } } };`,
    ``,
  ].join('\n');
}

/**
 * Creates the isolated root in `dir`, or renews the links of one made before (its own `.astro/`
 * and cache are kept, so a later build reuses them). Returns the config file name.
 */
export function prepareIsolatedRoot(projectRoot: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) {
    if (lstatSync(join(dir, entry)).isSymbolicLink()) unlinkSync(join(dir, entry));
  }
  let projectConfig = '';
  for (const entry of readdirSync(projectRoot)) {
    if (NOT_LINKED.has(entry)) continue;
    symlinkSync(join(projectRoot, entry), join(dir, entry));
    if (/^astro\.config\.(mjs|js|ts|mts)$/.test(entry)) projectConfig = entry;
  }
  if (!projectConfig) throw new Error(`no astro.config.* in ${projectRoot}`);
  writeFileSync(join(dir, WRAPPER_CONFIG), wrapperConfigSource(projectConfig));
  return WRAPPER_CONFIG;
}

/** Path of Astro's CLI in the project. */
export function astroBin(projectRoot: string): string {
  const require = createRequire(join(projectRoot, 'package.json'));
  return join(require.resolve('astro/package.json'), '..', 'bin', 'astro.mjs');
}

/** Counts `*.html` files under `dir`. */
export function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]) {
    if (entry.endsWith('.html')) n++;
  }
  return n;
}

export interface BuildOptions {
  projectRoot: string;
  /** Root to build in: the project root, or an isolated root from `prepareIsolatedRoot`. */
  root: string;
  /** Config file relative to `root`, or undefined for the default. */
  config?: string;
  /** ORIENTA_CONTENT_DIR, or undefined for the project's content. */
  contentDir?: string;
  outDir: string;
  log: string;
}

/** Runs `astro build` with the project's Node (this process's), measured. Throws with the log's end on failure. */
export async function buildSite(options: BuildOptions): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ORIENTA_OUT_DIR: options.outDir };
  if (options.contentDir) env.ORIENTA_CONTENT_DIR = options.contentDir;
  else delete env.ORIENTA_CONTENT_DIR;
  const args = [astroBin(options.projectRoot), 'build'];
  if (options.config) args.push('--config', options.config);
  const result = await runMeasured(process.execPath, args, { cwd: options.root, env, log: options.log });
  if (result.code !== 0) throw new Error(`astro build failed (exit ${result.code}); end of ${options.log}:\n${tail(options.log)}`);
  return result;
}

/** A reader for built files by URL path (base `/`), for `weighPage`. */
export function siteReader(siteDir: string): (urlPath: string) => Uint8Array | null {
  return (urlPath: string) => {
    const file = join(siteDir, ...urlPath.split('/').filter(Boolean));
    const rel = relative(siteDir, file);
    if (rel.startsWith('..') || rel.split(sep).includes('..')) return null;
    try {
      const stat = statSync(file);
      if (stat.isFile()) return readFileSync(file);
      const index = join(file, 'index.html');
      return existsSync(index) ? readFileSync(index) : null;
    } catch {
      return null;
    }
  };
}

