/**
 * The Orienta integration: exposes the validated site config to pages as the virtual module
 * `virtual:orienta/site`, and registers the middleware that finishes each rendered page
 * (`rendered-pages.ts`). Build-time only.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { LoadedSite } from '../lib/site/load.ts';
import { RESERVED_SEGMENTS } from '../lib/routing/paths.ts';

const VIRTUAL_ID = 'virtual:orienta/site';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
// A CSS module (not an inline style attribute) so the bundled, CSP-hashed stylesheet carries it.
const BRAND_CSS_ID = 'virtual:orienta/brand.css';
const RESOLVED_BRAND_CSS_ID = `\0${BRAND_CSS_ID}`;

// Re-exported: the page middleware applies it as each page is rendered (rendered-pages.ts).
export { moveIslandStyleToHead } from './island-style.ts';

export default function orienta(site: LoadedSite): AstroIntegration {
  return {
    name: 'orienta',
    hooks: {
      'astro:config:setup': ({ updateConfig, addMiddleware }) => {
        // Each page's final HTML is made as it is rendered, not by rewriting every file afterwards.
        addMiddleware({ order: 'pre', entrypoint: new URL('../astro/rendered-pages-middleware.ts', import.meta.url) });
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'orienta-site-config',
                resolveId: (id: string) => {
                  if (id === VIRTUAL_ID) return RESOLVED_ID;
                  if (id === BRAND_CSS_ID) return RESOLVED_BRAND_CSS_ID;
                  return undefined;
                },
                load: (id: string) => {
                  if (id === RESOLVED_BRAND_CSS_ID) return `:root{--brand:${site.config.primaryColor};}`;
                  if (id !== RESOLVED_ID) return undefined;
                  return [
                    // Parsed again so dates come back as Date objects after JSON.
                    `import { siteConfigSchema } from ${JSON.stringify(fileURLToPath(new URL('../schemas/site.ts', import.meta.url)))};`,
                    `export const site = siteConfigSchema.parse(${JSON.stringify(site.config)});`,
                    `export const locales = ${JSON.stringify(site.locales)};`,
                    `export const localSiteIds = ${JSON.stringify(site.localSiteIds)};`,
                    `export const localResources = siteConfigSchema.shape.localResources.parse(${JSON.stringify(site.localResources)});`,
                    `export const reservedSegments = ${JSON.stringify(RESERVED_SEGMENTS)};`,
                    `export { default as logoUrl } from ${JSON.stringify(`${site.logoPath}?url`)};`,
                  ].join('\n');
                },
              },
            ],
          },
        });
      },
    },
  };
}
