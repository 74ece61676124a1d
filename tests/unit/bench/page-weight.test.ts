import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fontsForPage, parseFamilyRules, parseFontFaces, parseUnicodeRange, queryableSelector, textHitsRanges } from '../../../scripts/bench/fonts.ts';
import { extractPageParts, parseHtml } from '../../../scripts/bench/html.ts';
import { collectModuleGraph, dynamicImports, resolveSpecifier, staticImports } from '../../../scripts/bench/js-graph.ts';
import { addSizes, kb, sizeOf } from '../../../scripts/bench/sizes.ts';
import { toPath, weighPage } from '../../../scripts/bench/weigh.ts';

const FONT_CSS = `
@font-face{font-family:"Noto Sans Arabic";font-weight:400;font-display:swap;src:url(/_astro/ar-400.woff2) format("woff2");unicode-range:U+06??,U+0750-077F}
@font-face{font-family:Noto Sans Arabic;font-weight:700;font-display:swap;src:url(/_astro/ar-700.woff2)format("woff2");unicode-range:U+6??}
@font-face{font-family:"Noto Sans Ethiopic";font-display:block;src:url('/_astro/ti.woff2');unicode-range:U+1200-1399}
:root{font-family:system-ui,sans-serif}
:root:is([lang=ar],[lang^=fa],[lang=prs]){font-family:"Noto Sans Arabic",system-ui}
:root[lang=ti]{font-family:Noto Sans Ethiopic,system-ui}
@media print{:root{font-family:serif}}
`;

function page({ lang = 'sv', head = '', body = '<p>Hej</p>' }: { lang?: string; head?: string; body?: string }) {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

describe('sizes', () => {
  it('gives raw bytes and a gzip size that unzips to the same text', () => {
    const text = 'å'.repeat(1000);
    const size = sizeOf(text);
    expect(size.raw).toBe(2000);
    expect(size.gzip).toBe(gzipSync(Buffer.from(text), { level: 6 }).length);
    expect(gunzipSync(gzipSync(Buffer.from(text))).toString()).toBe(text);
    expect(sizeOf('')).toEqual({ raw: 0, gzip: 0 });
  });

  it('adds sizes and formats KB', () => {
    expect(addSizes({ raw: 1, gzip: 2 }, { raw: 3, gzip: 4 })).toEqual({ raw: 4, gzip: 6 });
    expect(kb(14 * 1024)).toBe('14.0 KB');
  });
});

describe('extractPageParts', () => {
  it('finds inline and linked CSS, and which stylesheets block rendering', () => {
    const parts = extractPageParts(
      page({ head: '<style>a{color:red}</style><link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/print.css" media="print"><link rel="icon" href="data:image/svg+xml,x">' }),
    );
    expect(parts.inlineStyles).toEqual(['a{color:red}']);
    expect(parts.stylesheets.map((s) => [s.href, s.renderBlocking])).toEqual([
      ['/a.css', true],
      ['/print.css', false],
    ]);
    expect(parts.otherRequests).toEqual([]);
  });

  it('flags only classic external scripts in <head> without async or defer as render-blocking', () => {
    const parts = extractPageParts(
      page({
        head: '<script src="/blocking.js"></script><script src="/d.js" defer></script><script src="/a.js" async></script><script type="module" src="/m.js"></script><script type="application/ld+json">{}</script><script>var inline=1</script>',
        body: '<script src="/body.js"></script>',
      }),
    );
    expect(parts.renderBlockingScripts.map((s) => s.src)).toEqual(['/blocking.js']);
    expect(parts.scripts.map((s) => s.src ?? 'inline')).toEqual(['/blocking.js', '/d.js', '/a.js', '/m.js', 'inline', '/body.js']);
  });

  it('collects island bundles once each', () => {
    const island = (c: string) => `<astro-island component-url="${c}" renderer-url="/_astro/client.js"></astro-island>`;
    const parts = extractPageParts(page({ body: island('/_astro/A.js') + island('/_astro/B.js') }));
    expect(parts.islandModules).toEqual(['/_astro/A.js', '/_astro/client.js', '/_astro/B.js']);
  });
});

describe('JS module graph', () => {
  it('reads static imports and exports of minified bundles, not dynamic ones', () => {
    const code = 'import{a as e}from"./preact.js";import"./side.js";export{x}from"./re.js";let t=()=>import(`./lazy.js`);const s="import x from \'y\'";';
    expect(staticImports(code)).toEqual(['./preact.js', './side.js', './re.js']);
    expect(dynamicImports(code)).toEqual(['./lazy.js']);
  });

  it('resolves specifiers against the importing module', () => {
    expect(resolveSpecifier('/_astro/a.js', './b.js')).toBe('/_astro/b.js');
    expect(resolveSpecifier('/_astro/a.js', '../c.js')).toBe('/c.js');
    expect(resolveSpecifier('/_astro/a.js', 'preact')).toBeNull();
  });

  it('walks static imports once each and lists lazy modules apart', () => {
    const files: Record<string, string> = {
      '/_astro/entry.js': 'import{a}from"./shared.js";import{b}from"./other.js";x=()=>import("./lazy.js")',
      '/_astro/other.js': 'import{a}from"./shared.js";',
      '/_astro/shared.js': 'export const a=1',
      '/_astro/lazy.js': 'import{a}from"./shared.js";import"./lazy-dep.js"',
      '/_astro/lazy-dep.js': '',
    };
    const graph = collectModuleGraph(['/_astro/entry.js', '/_astro/gone.js'], (url) => files[url] ?? null);
    expect(graph.modules).toEqual(['/_astro/entry.js', '/_astro/shared.js', '/_astro/other.js']);
    expect(graph.onDemand).toEqual(['/_astro/lazy.js', '/_astro/lazy-dep.js']);
    expect(graph.missing).toEqual(['/_astro/gone.js']);
  });
});

describe('fonts', () => {
  it('parses unicode-range values, wildcards included', () => {
    expect(parseUnicodeRange('U+0600-06FF, U+6??, U+200C')).toEqual([
      [0x600, 0x6ff],
      [0x600, 0x6ff],
      [0x200c, 0x200c],
    ]);
    expect(textHitsRanges('Hej مرحبا', [[0x600, 0x6ff]])).toBe(true);
    expect(textHitsRanges('Hej', [[0x600, 0x6ff]])).toBe(false);
    expect(textHitsRanges('Hej', null)).toBe(true);
  });

  it('parses @font-face rules and family rules, leaving print media out', () => {
    const faces = parseFontFaces(FONT_CSS);
    expect(faces.map((f) => [f.family, f.weight, f.display, f.url])).toEqual([
      ['Noto Sans Arabic', '400', 'swap', '/_astro/ar-400.woff2'],
      ['Noto Sans Arabic', '700', 'swap', '/_astro/ar-700.woff2'],
      ['Noto Sans Ethiopic', '400', 'block', '/_astro/ti.woff2'],
    ]);
    expect(parseFamilyRules(FONT_CSS).map((r) => r.selector)).toEqual([':root', ':root:is([lang=ar],[lang^=fa],[lang=prs])', ':root[lang=ti]']);
  });

  it('makes selectors queryable', () => {
    expect(queryableSelector(':root[lang=ti] a:hover::before')).toBe('html[lang=ti] a');
    expect(queryableSelector('html:root')).toBe('html');
    expect(queryableSelector('.x > :root')).toBe('.x > html');
  });

  it('downloads a script font only on pages in that language with text in its range', () => {
    const faces = parseFontFaces(FONT_CSS);
    const rules = parseFamilyRules(FONT_CSS);
    const fonts = (lang: string, body: string) => fontsForPage(parseHtml(page({ lang, body })), faces, rules).map((f) => f.url);
    // A Swedish page that names Arabic and Tigrinya in its language menu still uses the system font.
    expect(fonts('sv-SE', '<p>Hej</p><a lang="ar">العربية</a><a lang="ti">ትግርኛ</a>')).toEqual([]);
    expect(fonts('ar', '<p>مرحبا</p>')).toEqual(['/_astro/ar-400.woff2', '/_astro/ar-700.woff2']);
    expect(fonts('fa-IR', '<p>سلام</p>')).toEqual(['/_astro/ar-400.woff2', '/_astro/ar-700.woff2']);
    expect(fonts('ti', '<p>ሰላም</p>')).toEqual(['/_astro/ti.woff2']);
    // An Arabic page whose text is all Latin (a fallback lesson) downloads nothing.
    expect(fonts('ar', '<p>Hej</p>')).toEqual([]);
    // A fallback face over a local font downloads nothing, even where it draws the page.
    const local = '@font-face{font-family:"Noto Sans Arabic (DejaVu Sans)";src:local("DejaVu Sans");size-adjust:95%}html:root{font-family:"Noto Sans Arabic","Noto Sans Arabic (DejaVu Sans)",sans-serif}';
    expect(fontsForPage(parseHtml(page({ lang: 'ar', body: '<p>مرحبا</p>' })), [...faces, ...parseFontFaces(local)], [...rules, ...parseFamilyRules(local)]).map((f) => f.url)).toEqual(['/_astro/ar-400.woff2', '/_astro/ar-700.woff2']);
  });
});

describe('weighPage', () => {
  const files: Record<string, string> = {
    '/_astro/island.js': 'import{h}from"./preact.js";export default 1',
    '/_astro/preact.js': 'export const h=1;'.repeat(50),
    '/_astro/client.js': 'import{h}from"./preact.js";let s=()=>import("./search.js")',
    '/_astro/search.js': 'export const s=2',
    '/_astro/ar-400.woff2': 'x'.repeat(1000),
    '/_astro/ar-700.woff2': 'x'.repeat(2000),
    '/_astro/ti.woff2': 'x'.repeat(500),
    '/site.css': 'body{margin:0}',
  };
  const read = (url: string) => (url in files ? Buffer.from(files[url]!) : null);
  const html = page({
    lang: 'ar',
    head: `<style>${FONT_CSS}</style><link rel="stylesheet" href="../../../site.css"><script src="/missing.js" defer></script>`,
    body: '<p>مرحبا</p><astro-island component-url="/_astro/island.js" renderer-url="/_astro/client.js"></astro-island><script>inline()</script>',
  });
  const w = weighPage('/ar/modul/lektion/', html, read);

  it('adds linked CSS to the first-render weight and counts inline CSS within the HTML', () => {
    expect(w.html).toEqual(sizeOf(html));
    expect(w.linkedCss).toEqual(sizeOf(files['/site.css']!));
    expect(w.firstRender.gzip).toBe(w.html.gzip + w.linkedCss.gzip);
    expect(w.inlineCss.raw).toBe(Buffer.byteLength(FONT_CSS));
  });

  it('counts JS loaded at first load and keeps on-demand code apart', () => {
    expect(w.jsFiles).toEqual(['/_astro/island.js', '/_astro/client.js', '/_astro/preact.js']);
    expect(w.onDemandFiles).toEqual(['/_astro/search.js']);
    expect(w.js.raw).toBe(w.inlineJs.raw + w.externalJs.raw);
    expect(w.missing).toEqual(['/missing.js']);
  });

  it('counts requests and the fonts the page downloads', () => {
    expect(w.fonts.map((f) => f.url)).toEqual(['/_astro/ar-400.woff2', '/_astro/ar-700.woff2']);
    expect(w.fontBytes.raw).toBe(3000);
    expect(w.fontsNonBlocking).toBe(true);
    expect(w.requests).toEqual({ html: 1, css: 1, js: 3, fonts: 2, other: 0, total: 7 });
  });

  it('flags a blocking font-display', () => {
    const ti = weighPage('/ti/x/', page({ lang: 'ti', head: `<style>${FONT_CSS}</style>`, body: '<p>ሰላም</p>' }), read);
    expect(ti.fonts.map((f) => f.display)).toEqual(['block']);
    expect(ti.fontsNonBlocking).toBe(false);
  });

  it('resolves page-relative URLs and ignores other origins', () => {
    expect(toPath('/sv/a/b/', '../../x.css')).toBe('/sv/x.css');
    expect(toPath('/sv/', 'https://cdn.example/x.js')).toBeNull();
  });
});
