/**
 * Every built HTML page by kind (home, module, lesson, progress, teacher …), with the spread of
 * its first-view weight, so that a budget is judged on the heaviest page of each kind and not on
 * one sample. A page the classifier does not know is reported as "other", never left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { toPath, type AssetReader } from './weigh.ts';

/** Single-segment pages inside a locale, by their segment (`/<locale>/<segment>/`). */
const LOCALE_PAGES = new Set(['accessibility', 'privacy', 'progress', 'certificate', 'card', 'changes', 'offline', 'report', 'verify', 'surveys']);
/** Pages below `/<locale>/teacher/`. */
const TEACHER_PAGES = new Set(['group', 'handout', 'studio', 'intyg', 'card']);

/**
 * The kind of a built page from its path relative to the site root (`sv/forsorja-sig/a-kassa/`
 * or `sv/forsorja-sig/a-kassa/index.html`).
 *
 * @example pageKind('sv/forsorja-sig/a-kassa/index.html') // 'lesson'
 * @example pageKind('sv/teacher/guide/halsa/') // 'teacher-guide'
 */
export function pageKind(path: string): string {
  const clean = path.replace(/^\/+/, '').replace(/index\.html$/, '');
  if (clean === '') return 'root';
  if (clean === '404.html' || /^[^/]+\/404\/$/.test(clean)) return 'not-found';
  const parts = clean.replace(/\/$/, '').split('/');
  if (parts.length === 1) return 'home';
  const [, second, third, fourth] = parts;
  if (parts.length === 2) return LOCALE_PAGES.has(second!) ? second! : second === 'teacher' ? 'teacher' : 'module';
  if (second === 'surveys' && parts.length === 3) return 'survey';
  if (second === 'teacher') {
    if (parts.length === 3 && TEACHER_PAGES.has(third!)) return `teacher-${third}`;
    if (parts.length === 4 && third === 'guide') return 'teacher-guide';
    return 'other';
  }
  if (second === 'changes' && parts.length === 3) return 'changes';
  if (parts.length === 3) return /^\d+$/.test(third!) ? 'module' : 'lesson';
  if (parts.length === 4 && fourth === 'text') return 'lesson-text';
  return 'other';
}

/** Count, smallest, median, 90th percentile and largest of a list of numbers (nearest rank). */
export interface Distribution {
  count: number;
  min: number;
  median: number;
  p90: number;
  max: number;
}

/** The distribution of `values`; all zero for an empty list. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, min: 0, median: 0, p90: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { count: sorted.length, min: sorted[0]!, median: rank(0.5), p90: rank(0.9), max: sorted[sorted.length - 1]! };
}

/** One page's first view: gzipped HTML plus its linked render-blocking CSS (each gzipped on its own). */
export interface PageFirstView {
  /** URL path, `/sv/forsorja-sig/a-kassa/`. */
  url: string;
  kind: string;
  htmlGzip: number;
  firstRenderGzip: number;
}

/** Per kind: how many pages, the spread of their first view, and the heaviest page. */
export interface KindSummary {
  kind: string;
  firstRender: Distribution;
  heaviest: string;
}

/** Groups pages by kind, heaviest first within the order of first appearance. */
export function summariseKinds(pages: readonly PageFirstView[]): KindSummary[] {
  const byKind = new Map<string, PageFirstView[]>();
  for (const page of pages) byKind.set(page.kind, [...(byKind.get(page.kind) ?? []), page]);
  return [...byKind].map(([kind, list]) => {
    const heaviest = list.reduce((w, p) => (p.firstRenderGzip > w.firstRenderGzip ? p : w));
    return { kind, firstRender: distribution(list.map((p) => p.firstRenderGzip)), heaviest: heaviest.url };
  });
}

/** Every `*.html` below `dir`, `/`-separated, relative to it. */
export function htmlFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) return rel === 'pagefind' || rel === '_astro' ? [] : htmlFiles(join(dir, d.name), rel);
    return d.name.endsWith('.html') ? [rel] : [];
  });
}

/**
 * The stylesheets a page links that block its first render: `<link rel="stylesheet">` whose media
 * can match at load (not `print`) and that is not disabled. A quick scan of the tags, so that
 * tens of thousands of pages can be read; `html.ts` parses a page in full.
 */
export function blockingStylesheets(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const value = (name: string) => {
      const m = attr(name);
      return m ? (m[2] ?? m[3] ?? m[4] ?? '') : undefined;
    };
    if (!(value('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet')) continue;
    const media = (value('media') ?? 'all').trim().toLowerCase();
    if (media === 'print' || /\sdisabled\b/i.test(tag)) continue;
    const href = value('href');
    if (href) out.push(href);
  }
  return out;
}

/** The first view of every HTML page of a built site. Linked stylesheets are read and gzipped once each. */
export function firstViews(siteDir: string, read: AssetReader): PageFirstView[] {
  const cssGzip = new Map<string, number>();
  const out: PageFirstView[] = [];
  for (const file of htmlFiles(siteDir).sort()) {
    const url = `/${file.replace(/index\.html$/, '')}`;
    const html = readFileSync(join(siteDir, file));
    const htmlGzip = gzipSync(html, { level: 6 }).length;
    let css = 0;
    for (const href of blockingStylesheets(html.toString('utf8'))) {
      const path = toPath(url, href);
      if (!path) continue;
      if (!cssGzip.has(path)) {
        const bytes = read(path);
        cssGzip.set(path, bytes ? gzipSync(bytes, { level: 6 }).length : 0);
      }
      css += cssGzip.get(path)!;
    }
    out.push({ url, kind: pageKind(file), htmlGzip, firstRenderGzip: htmlGzip + css });
  }
  return out;
}
