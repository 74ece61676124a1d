/**
 * The Orienta integration: exposes the validated site config to pages as the virtual module
 * `virtual:orienta/site`. Build-time only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../lib/site/files.ts';
import type { AstroIntegration } from 'astro';
import type { LoadedSite } from '../lib/site/load.ts';
import { RESERVED_SEGMENTS } from '../lib/routing/paths.ts';

const VIRTUAL_ID = 'virtual:orienta/site';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
// A CSS module (not an inline style attribute) so the bundled, CSP-hashed stylesheet carries it.
const BRAND_CSS_ID = 'virtual:orienta/brand.css';
const RESOLVED_BRAND_CSS_ID = `\0${BRAND_CSS_ID}`;

/** Astro writes its island style into the body where the first island is; HTML only permits it in head. */
const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

/** Moves Astro's island style from the body into the head, so every page is valid HTML. Pure. */
export function moveIslandStyleToHead(html: string): string {
  const at = html.indexOf(ISLAND_STYLE);
  const head = html.indexOf('</head>');
  if (at === -1 || head === -1 || at < head) return html;
  const without = html.slice(0, at) + html.slice(at + ISLAND_STYLE.length);
  return without.replace('</head>', `${ISLAND_STYLE}</head>`);
}

export default function orienta(site: LoadedSite): AstroIntegration {
  return {
    name: 'orienta',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
          const path = join(outDir, file);
          const html = readFileSync(path, 'utf8');
          const fixed = moveIslandStyleToHead(html);
          if (fixed !== html) writeFileSync(path, fixed);
        }
      },
      'astro:config:setup': ({ updateConfig }) => {
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
