/**
 * Writes the service worker into the built site. Its version is a hash of every built file, so
 * any change to the deploy produces a new worker and the "new version available" notice. The
 * worker carries the list of the build's files, so that after an update it can tell which cached
 * pages still find every script, style and font they load (see `src/sw/sw.ts`).
 * `writeServiceWorker` is also called by the offline tests to simulate a changed deploy.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { listFiles } from '../lib/site/files.ts';
import { normaliseBase } from '../lib/routing/paths.ts';
import { isBuildFile, MAX_VISITED_PAGES, type ServiceWorkerManifest } from '../lib/offline/strategy.ts';

export interface ServiceWorkerOptions {
  base: string;
  siteId: string;
  locales: string[];
  /** How many visited pages the worker keeps; `MAX_VISITED_PAGES` unless a test wants to see trimming. */
  maxPages?: number;
}

/** The worker's manifest for the files currently in `outDir`. */
export function serviceWorkerManifest(outDir: string, { base, siteId, locales, maxPages = MAX_VISITED_PAGES }: ServiceWorkerOptions): ServiceWorkerManifest {
  const all = listFiles(outDir).filter((f) => f !== 'sw.js').sort();
  const hash = createHash('sha256');
  for (const file of all) hash.update(file).update('\0').update(readFileSync(join(outDir, file)));
  const version = hash.digest('hex').slice(0, 16);
  return { version, base, siteId, locales, files: all.filter(isBuildFile), maxPages };
}

/** Bundles `src/sw/sw.ts` into `<outDir>/sw.js` for the files currently in `outDir`. Returns the version. */
export async function writeServiceWorker(outDir: string, options: ServiceWorkerOptions): Promise<string> {
  const manifest = serviceWorkerManifest(outDir, options);
  await build({
    entryPoints: [fileURLToPath(new URL('../sw/sw.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: join(outDir, 'sw.js'),
    define: { __ORIENTA_SW__: JSON.stringify(manifest) },
    logLevel: 'warning',
    // The worker uses the path helpers' pure functions with the manifest's base; the helpers that
    // read the base from `import.meta.env` (pages only) are bundled but never called here.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return manifest.version;
}

export default function serviceWorker(options: Omit<ServiceWorkerOptions, 'base'>): AstroIntegration {
  let base = '/';
  return {
    name: 'orienta-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const version = await writeServiceWorker(fileURLToPath(dir), { ...options, base });
        logger.info(`service worker version ${version}`);
      },
    },
  };
}
