/**
 * Builds the Pagefind search index through its Node API while `astro build` renders the pages.
 *
 * Each locale gets its own index (Pagefind splits by `<html lang>`). Translated lessons are indexed
 * in full. Fallback lessons (Swedish text under another locale) are indexed in that locale only by
 * their title and Swedish key terms, as custom records: a reader can find "a-kassa" in any
 * language, but Swedish running text never pollutes another language's results. The Swedish text
 * itself is indexed once, under Swedish.
 *
 * Pages reach the index as they are rendered (`rendered-pages.ts`), so Pagefind's own process
 * indexes one page while Astro renders the next, and no file is read back. Pagefind gets only the
 * part it indexes (`searchableHtml`): the same index from less than half the bytes. When no page
 * came that way (the middleware did not run), the written files are read instead.
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
import { onRenderedPage } from './rendered-pages.ts';

/** Pages handed to Pagefind and not yet indexed, before rendering waits for it. */
const IN_FLIGHT = 16;

/**
 * The element marked `data-pagefind-body` (with what it holds), inside the page's own `<html>`
 * tag: all Pagefind reads from a page that has one. Null when the page has none.
 */
export function searchableHtml(html: string): string | null {
  const marker = html.indexOf('data-pagefind-body');
  if (marker === -1) return null;
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))?.[1];
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  if (!tag) return html;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return `<!doctype html>${htmlTag}<body>${html.slice(start, m.index + m[0].length)}</body></html>`;
  }
  return html;
}

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Adds one page to the index. Returns how it was indexed, or null when it is not searchable. */
async function addPage(index: Index, path: string, html: string): Promise<'full' | 'terms' | null> {
  // Site-relative: Pagefind's client prefixes its own location's base (e.g. /kommun/so/).
  const url = `/${path.replace(/index\.html$/, '')}`;
  const searchable = searchableHtml(html);
  if (searchable) {
    const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? SOURCE_LOCALE;
    const added = await index.addHTMLFile({ url, content: prepareHtmlForIndex(searchable, lang) });
    if (added.errors.length) throw new Error(`Pagefind: ${path}: ${added.errors.join('; ')}`);
    return 'full';
  }
  if (!html.includes('data-search-fallback')) return null;
  const doc = parse(html);
  const lang = doc.querySelector('html')?.getAttribute('lang') ?? SOURCE_LOCALE;
  const article = doc.querySelector('[data-search-fallback]')!;
  const title = article.querySelector('h1')?.text.trim() ?? '';
  const module = article.getAttribute('data-search-module') ?? '';
  const terms = article.querySelectorAll('.key-terms dt').map((dt) => dt.text.trim());
  const added = await index.addCustomRecord({
    url,
    language: lang,
    content: prepareHtmlForIndex([title, ...terms].join('\n'), lang),
    meta: { title, module },
    filters: { module: [module] },
  });
  if (added.errors.length) throw new Error(`Pagefind: ${path}: ${added.errors.join('; ')}`);
  return 'terms';
}

export default function pagefindIndex(): AstroIntegration {
  let index: Index | undefined;
  let stop: (() => void) | undefined;
  const inFlight = new Set<Promise<unknown>>();
  const counts = { full: 0, terms: 0, pages: 0 };
  let failure: Error | undefined;

  const track = (path: string, html: string) => {
    counts.pages++;
    const job = addPage(index!, path, html).then(
      (kind) => {
        if (kind) counts[kind]++;
      },
      (error: Error) => {
        failure ??= error;
      },
    );
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    return job;
  };

  return {
    name: 'orienta-pagefind',
    hooks: {
      'astro:build:start': async () => {
        const created = await pagefind.createIndex({});
        if (!created.index) throw new Error(`Pagefind: ${created.errors.join('; ')}`);
        index = created.index;
        stop = onRenderedPage(async ({ path, html }) => {
          track(path, html);
          // Back-pressure: the renderer waits while Pagefind has enough queued.
          while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stop?.();
        const outDir = fileURLToPath(dir);
        index ??= (await pagefind.createIndex({})).index;
        if (!index) throw new Error('Pagefind: no index');
        if (counts.pages === 0) {
          for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) await track(file, readFileSync(join(outDir, file), 'utf8'));
        }
        await Promise.all(inFlight);
        if (failure) throw failure;
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${counts.full} pages in full and ${counts.terms} fallback pages by key terms`);
      },
    },
  };
}
