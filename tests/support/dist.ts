/** Reading a built site in tests: its pages, parsed, and its internal links. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { listFiles } from '../../src/lib/site/files.ts';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export const DIST = process.env.ORIENTA_OUT_DIR ?? 'dist';

export { listFiles };

/** Parses a page of the built site, e.g. `page('sv/index.html')`. */
export function page(path: string, dir = DIST): HTMLElement {
  return parse(readFileSync(join(dir, path), 'utf8'));
}

/** Maps a URL path under `base` to the file that would serve it, or null. */
export function fileFor(dir: string, base: string, urlPath: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const rest = decodeURIComponent(urlPath.slice(base.length));
  const candidates = rest === '' || rest.endsWith('/') ? [join(rest, 'index.html')] : [rest, `${rest}.html`, join(rest, 'index.html')];
  const found = candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
  return found ?? null;
}

/** One link that does not resolve, and the page it is on. */
export interface BrokenLink {
  from: string;
  target: string;
}

/**
 * Checks every internal href/src/srcset in every HTML page of a built site, and every url() in its
 * inline CSS. External links (other origins, mailto:, tel:) are skipped.
 */
export function brokenLinks(dir: string, base: string, siteOrigin: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const root = parse(readFileSync(join(dir, file), 'utf8'));
    const pageUrl = new URL(`/${file.replace(/index\.html$/, '')}`.replace(/^\/?/, base), siteOrigin);
    const targets: string[] = [];
    for (const el of root.querySelectorAll('[href],[src],[srcset]')) {
      const rel = el.getAttribute('rel') ?? '';
      if (rel.includes('canonical') || rel.includes('alternate')) continue;
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value) targets.push(value);
      }
      const srcset = el.getAttribute('srcset');
      if (srcset) targets.push(...srcset.split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean));
    }
    for (const style of root.querySelectorAll('style')) {
      for (const match of style.text.matchAll(/url\(["']?([^"')]+)["']?\)/g)) targets.push(match[1]!);
    }
    for (const target of targets) {
      if (/^(mailto:|tel:|data:|#)/.test(target)) continue;
      const url = new URL(target, pageUrl);
      if (url.origin !== siteOrigin) continue;
      if (!fileFor(dir, base, url.pathname)) broken.push({ from: relative('.', file), target });
    }
  }
  return broken;
}
