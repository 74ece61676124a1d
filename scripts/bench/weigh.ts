/**
 * The weight of one built page at first load: the HTML, the CSS and JS it needs, the fonts it
 * downloads, and the number of requests. Pure apart from `read`, which returns a site file by URL.
 */
import { collectModuleGraph, staticImports } from './js-graph.ts';
import { extractPageParts, parseHtml } from './html.ts';
import { fontsForPage, NON_BLOCKING_DISPLAY, parseFamilyRules, parseFontFaces } from './fonts.ts';
import { addSizes, sizeOf, ZERO, type Size } from './sizes.ts';

export interface WeighedFont {
  url: string;
  family: string;
  weight: string;
  display: string;
  subset: boolean;
  size: Size;
}

export interface PageWeight {
  /** Page URL path, e.g. `/sv/forsorja-sig/a-kassa/`. */
  url: string;
  lang: string;
  /** The HTML document (inline CSS and JS included). */
  html: Size;
  /** Inline `<style>` contents (already inside `html`). */
  inlineCss: Size;
  /** Linked render-blocking stylesheets (each its own response). */
  linkedCss: Size;
  /** Inline plus linked render-blocking CSS. */
  renderBlockingCss: Size;
  /** What must arrive before the first render: the HTML plus linked render-blocking CSS. */
  firstRender: Size;
  /** Inline scripts (already inside `html`). */
  inlineJs: Size;
  /** External modules loaded without interaction (module scripts, islands, static imports). */
  externalJs: Size;
  /** Inline plus external JS. */
  js: Size;
  jsFiles: string[];
  /** Loaded only on interaction through dynamic import(); not in `js`. */
  onDemandJs: Size;
  onDemandFiles: string[];
  /** External classic scripts in `<head>` without async/defer. Should be empty. */
  renderBlockingScripts: string[];
  fonts: WeighedFont[];
  fontBytes: Size;
  /** Every downloaded font uses `font-display: swap` (or `optional`). */
  fontsNonBlocking: boolean;
  /** Every downloaded font is a subset (has a `unicode-range`). */
  fontsSubset: boolean;
  /** Requests at first load, by kind. */
  requests: { total: number; html: number; css: number; js: number; fonts: number; other: number };
  /** Referenced files that were not found in the build. */
  missing: string[];
}

/** Reads a built file by its URL path; null when it does not exist. */
export type AssetReader = (urlPath: string) => Uint8Array | null;

const decoder = new TextDecoder();

/** Resolves `href` against the page URL to a URL path (query and hash dropped); null for other origins. */
export function toPath(pageUrl: string, href: string): string | null {
  const u = new URL(href, new URL(pageUrl, 'http://page.invalid'));
  if (u.origin !== 'http://page.invalid') return null;
  return decodeURIComponent(u.pathname);
}

export function weighPage(pageUrl: string, html: string, read: AssetReader): PageWeight {
  const parts = extractPageParts(html);
  const root = parseHtml(html);
  const missing: string[] = [];
  const readText = (url: string): string | null => {
    const bytes = read(url);
    return bytes === null ? null : decoder.decode(bytes);
  };

  // CSS
  const linked = parts.stylesheets.filter((s) => s.renderBlocking);
  const linkedTexts: string[] = [];
  let linkedCss: Size = ZERO;
  for (const sheet of linked) {
    const path = toPath(pageUrl, sheet.href);
    const bytes = path ? read(path) : null;
    if (bytes === null) {
      missing.push(sheet.href);
      continue;
    }
    linkedTexts.push(decoder.decode(bytes));
    linkedCss = addSizes(linkedCss, sizeOf(bytes));
  }
  const inlineCss = sizeOf(parts.inlineStyles.join('\n'));
  const htmlSize = sizeOf(html);

  // JS
  const inlineJs = sizeOf(parts.scripts.filter((s) => s.src === undefined).map((s) => s.code).join('\n'));
  const entries = [
    ...parts.scripts.filter((s) => s.src !== undefined).map((s) => s.src!),
    ...parts.islandModules,
    ...parts.modulePreloads,
  ];
  // Module code can also be imported from inline module scripts.
  const inlineModuleImports = parts.scripts.filter((s) => s.src === undefined && s.module).map((s) => s.code);
  const graph = collectModuleGraph(
    [...entries, ...inlineModuleImports.flatMap((code) => staticImports(code))],
    (url) => readText(url),
    pageUrl,
  );
  missing.push(...graph.missing);
  const sizeOfUrl = (url: string) => {
    const bytes = read(url);
    return bytes ? sizeOf(bytes) : ZERO;
  };
  const externalJs = addSizes(...graph.modules.map(sizeOfUrl));
  const onDemandJs = addSizes(...graph.onDemand.map(sizeOfUrl));

  // Fonts
  const allCss = [...parts.inlineStyles, ...linkedTexts].join('\n');
  const faces = parseFontFaces(allCss);
  const used = fontsForPage(root, faces, parseFamilyRules(allCss));
  const fontUrls = new Set<string>();
  const fonts: WeighedFont[] = [];
  for (const face of used) {
    const path = toPath(pageUrl, face.url);
    if (!path || fontUrls.has(path)) continue;
    fontUrls.add(path);
    const bytes = read(path);
    if (bytes === null) missing.push(face.url);
    fonts.push({ url: path, family: face.family, weight: face.weight, display: face.display || 'auto', subset: face.ranges !== null, size: bytes ? { raw: bytes.length, gzip: bytes.length } : ZERO });
  }
  for (const href of parts.fontPreloads) {
    const path = toPath(pageUrl, href);
    if (path && !fontUrls.has(path)) {
      fontUrls.add(path);
      const bytes = read(path);
      fonts.push({ url: path, family: '(preload)', weight: '', display: 'preload', subset: true, size: bytes ? { raw: bytes.length, gzip: bytes.length } : ZERO });
    }
  }

  const other = new Set(parts.otherRequests.map((h) => toPath(pageUrl, h) ?? h));
  const requests = { html: 1, css: linked.length, js: graph.modules.length, fonts: fonts.length, other: other.size, total: 0 };
  requests.total = requests.html + requests.css + requests.js + requests.fonts + requests.other;

  return {
    url: pageUrl,
    lang: parts.lang,
    html: htmlSize,
    inlineCss,
    linkedCss,
    renderBlockingCss: addSizes(inlineCss, linkedCss),
    firstRender: addSizes(htmlSize, linkedCss),
    inlineJs,
    externalJs,
    js: addSizes(inlineJs, externalJs),
    jsFiles: graph.modules,
    onDemandJs,
    onDemandFiles: graph.onDemand,
    renderBlockingScripts: parts.renderBlockingScripts.map((s) => s.src!),
    fonts,
    // woff2 is already compressed; hosts do not gzip it.
    fontBytes: addSizes(...fonts.map((f) => f.size)),
    fontsNonBlocking: fonts.every((f) => f.display === 'preload' || NON_BLOCKING_DISPLAY.has(f.display)),
    fontsSubset: fonts.every((f) => f.subset),
    requests,
    missing,
  };
}

