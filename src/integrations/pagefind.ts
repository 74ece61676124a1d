/**
 * Builds the Pagefind search index through its Node API after `astro build`.
 *
 * Each locale gets its own index (Pagefind splits by `<html lang>`). Translated lessons are indexed
 * in full. Fallback lessons (Swedish text under another locale) are indexed in that locale only by
 * their title and Swedish key terms, as custom records: a reader can find "a-kassa" in any
 * language, but Swedish running text never pollutes another language's results. The Swedish text
 * itself is indexed once, under Swedish.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'node-html-parser';
import * as pagefind from 'pagefind';
import { prepareHtmlForIndex } from '../lib/search/prepare.ts';
import { listFiles } from '../lib/site/files.ts';
import { SOURCE_LOCALE } from '../lib/i18n/locales.ts';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'orienta-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        let full = 0;
        let keyTermsOnly = 0;
        for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
          const html = readFileSync(join(outDir, file), 'utf8');
          // Site-relative: Pagefind's client prefixes its own location's base (e.g. /kommun/so/).
          const url = `/${file.replace(/index\.html$/, '')}`;
          if (html.includes('data-pagefind-body')) {
            const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? SOURCE_LOCALE;
            const added = await index.addHTMLFile({ url, content: prepareHtmlForIndex(html, lang) });
            if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
            full++;
          } else if (html.includes('data-search-fallback')) {
            const doc = parse(html);
            const lang = doc.querySelector('html')?.getAttribute('lang') ?? SOURCE_LOCALE;
            const article = doc.querySelector('[data-search-fallback]')!;
            const title = article.querySelector('h1')?.text.trim() ?? '';
            const module = article.getAttribute('data-search-module') ?? '';
            const terms = article.querySelectorAll('.key-terms dt').map((dt) => dt.text.trim());
            await index.addCustomRecord({
              url,
              language: lang,
              content: prepareHtmlForIndex([title, ...terms].join('\n'), lang),
              meta: { title, module },
              filters: { module: [module] },
            });
            keyTermsOnly++;
          }
        }
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${full} pages in full and ${keyTermsOnly} fallback pages by key terms`);
      },
    },
  };
}
