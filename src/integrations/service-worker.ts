/**
 * Writes the service worker into the built site. Its version is a hash of every built file, so
 * any change to the deploy produces a new worker and the "new version available" notice.
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

export interface ServiceWorkerOptions {
  base: string;
  siteId: string;
  locales: string[];
}

/** Bundles `src/sw/sw.ts` into `<outDir>/sw.js` for the files currently in `outDir`. Returns the version. */
export async function writeServiceWorker(outDir: string, { base, siteId, locales }: ServiceWorkerOptions): Promise<string> {
  const files = listFiles(outDir).filter((f) => f !== 'sw.js').sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(outDir, file)));
  const version = hash.digest('hex').slice(0, 16);
  const assets = files.filter((f) => f.startsWith('_astro/')).map((f) => base + f);
  const precache = [
    ...locales.map((l) => `${base}${l}/offline/`),
    // The course outline islands load: without it, progress and assignments cannot show offline.
    ...locales.map((l) => `${base}${l}/course.json`),
    ...assets.filter((f) => f.endsWith('.js')),
  ];
  await build({
    entryPoints: [fileURLToPath(new URL('../sw/sw.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: join(outDir, 'sw.js'),
    define: { __ORIENTA_SW__: JSON.stringify({ version, base, siteId, locales, precache, assets }) },
    logLevel: 'warning',
  });
  return version;
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
