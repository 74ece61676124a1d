// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { contentDirFromEnv, loadSite } from './src/lib/site/load.ts';
import orienta from './src/integrations/orienta.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import fonts from './src/integrations/fonts.ts';
import audio from './src/integrations/audio.ts';
import hosting from './src/integrations/hosting.ts';

// The municipality site is chosen at build time. ORIENTA_BASE overrides the site's own base path.
const site = loadSite(contentDirFromEnv(), process.env.ORIENTA_SITE || undefined, process.env.ORIENTA_BASE || undefined);

export default defineConfig({
  site: new URL(site.config.url).origin,
  base: site.base,
  trailingSlash: 'ignore',
  outDir: process.env.ORIENTA_OUT_DIR || './dist',
  integrations: [
    mdx(),
    preact(),
    orienta(site),
    fonts({ contentDir: contentDirFromEnv() }),
    audio({ contentDir: contentDirFromEnv(), siteId: site.config.id }),
    pagefindIndex(),
    // After every integration that changes HTML: the header policy is made from the pages' own.
    hosting(),
    // Last, so its version covers every file, the search index included.
    serviceWorker({ siteId: site.config.id, locales: site.locales.map((l) => l.code) }),
  ],
  build: {
    // The first screen must arrive in the first round trip: inline the (small) CSS.
    inlineStylesheets: 'always',
  },
  security: {
    csp: true,
  },
  devToolbar: { enabled: false },
  vite: {
    // Scripts and assets go to cacheable files instead of being inlined into every page: the
    // first round trip carries the lesson text, not code the browser already has.
    // No module-preload helper: dynamic imports here load one small module each, and the helper
    // itself (about 1 KB) would be eager code on every page.
    build: { assetsInlineLimit: 0, modulePreload: false },
  },
});
