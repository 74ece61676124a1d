/**
 * Reads a built HTML page for what a browser fetches and runs before and at first load: inline and
 * linked CSS, scripts (and which of them block rendering), island bundles, fonts preloaded, images.
 * Pure: takes the HTML text, returns plain data.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface ScriptRef {
  /** `src` of an external script; undefined for an inline one. */
  src?: string;
  /** Contents of an inline script ('' for an external one). */
  code: string;
  /** `module` scripts are deferred by default; others are classic. */
  module: boolean;
  async: boolean;
  defer: boolean;
  /** In `<head>` (where a classic script blocks the first render). */
  inHead: boolean;
}

export interface StylesheetRef {
  href: string;
  media: string | undefined;
  /** A stylesheet blocks rendering unless its media never matches at load (`print`) or it is disabled. */
  renderBlocking: boolean;
}

export interface PageParts {
  /** `<html lang>` as written, '' when missing. */
  lang: string;
  /** `<html dir>`. */
  dir: string;
  /** Contents of every `<style>` element (they all block rendering of what follows them). */
  inlineStyles: string[];
  stylesheets: StylesheetRef[];
  scripts: ScriptRef[];
  /** Module URLs that Astro islands load (`component-url`, `renderer-url`, `before-hydration-url`). */
  islandModules: string[];
  /** `<link rel="modulepreload">` URLs. */
  modulePreloads: string[];
  /** `<link rel="preload" as="font">` URLs. */
  fontPreloads: string[];
  /** Images and icons fetched at load (`<img src>`, `<link rel="icon">`, manifest), data: URLs left out. */
  otherRequests: string[];
  /** Classic scripts in `<head>` without `async`/`defer`: each blocks the first render. */
  renderBlockingScripts: ScriptRef[];
}

const isDataUrl = (url: string) => /^data:/i.test(url);

/** Parses built HTML. `blockTextElements` keeps script and style contents as text. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false, blockTextElements: { script: true, noscript: true, style: true, pre: true } });
}

/** The resources of one built page. */
export function extractPageParts(html: string): PageParts {
  const root = parseHtml(html);
  const htmlEl = root.querySelector('html');
  const head = root.querySelector('head');
  const inHead = (el: HTMLElement) => {
    for (let p: HTMLElement | null = el.parentNode; p; p = p.parentNode) if (p === head) return true;
    return false;
  };

  const inlineStyles = root.querySelectorAll('style').map((el) => el.textContent);

  const stylesheets: StylesheetRef[] = [];
  const modulePreloads: string[] = [];
  const fontPreloads: string[] = [];
  const otherRequests: string[] = [];
  for (const link of root.querySelectorAll('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href');
    if (!href || isDataUrl(href)) continue;
    if (rel.includes('stylesheet')) {
      const media = link.getAttribute('media');
      const disabled = link.hasAttribute('disabled');
      const nonMatching = media !== undefined && /^\s*print\s*$/i.test(media);
      stylesheets.push({ href, media, renderBlocking: !disabled && !nonMatching && !rel.includes('alternate') });
    } else if (rel.includes('modulepreload')) modulePreloads.push(href);
    else if (rel.includes('preload') && link.getAttribute('as') === 'font') fontPreloads.push(href);
    else if (rel.includes('icon') || rel.includes('manifest')) otherRequests.push(href);
  }
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    // Lazy images are fetched only near the viewport; count eager ones.
    if (src && !isDataUrl(src) && img.getAttribute('loading') !== 'lazy') otherRequests.push(src);
  }

  const scripts: ScriptRef[] = root.querySelectorAll('script').flatMap((el) => {
    const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
    // Data blocks (JSON, speculation rules …) are not scripts.
    const runnable = type === '' || type === 'module' || /^(text|application)\/(java|ecma)script$/.test(type);
    if (!runnable) return [];
    const src = el.getAttribute('src');
    return [{ src: src || undefined, code: src ? '' : el.textContent, module: type === 'module', async: el.hasAttribute('async'), defer: el.hasAttribute('defer'), inHead: inHead(el) }];
  });

  const islandModules = new Set<string>();
  for (const island of root.querySelectorAll('astro-island')) {
    for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const url = island.getAttribute(attr);
      if (url) islandModules.add(url);
    }
  }

  return {
    lang: htmlEl?.getAttribute('lang') ?? '',
    dir: htmlEl?.getAttribute('dir') ?? '',
    inlineStyles,
    stylesheets,
    scripts,
    islandModules: [...islandModules],
    modulePreloads,
    fontPreloads,
    otherRequests,
    renderBlockingScripts: scripts.filter((s) => s.src !== undefined && s.inHead && !s.module && !s.async && !s.defer),
  };
}

/** The text a reader sees in `<body>` (scripts, styles and templates left out), for font matching. */
export function visibleText(root: HTMLElement): string {
  const body = root.querySelector('body') ?? root;
  const parts: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent);
      else if (child.nodeType === 1) {
        const tag = (child as HTMLElement).tagName?.toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
        walk(child as HTMLElement);
      }
    }
  };
  walk(body);
  return parts.join(' ');
}
