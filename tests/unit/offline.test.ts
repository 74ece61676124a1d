import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  classifyRequest, formatSize, isBuildFile, isUsableResponse, lessonFromPath, lessonTitleFromHtml, MAX_VISITED_PAGES, missingFiles, offlinePageFor, pageCacheKey,
  pageFiles, pagesOverLimit, precacheList, savedCacheName, savedModuleChanges, savedModuleOf, shellCacheName, staleCaches, staleFiles,
} from '../../src/lib/offline/strategy.ts';
import { serviceWorkerManifest } from '../../src/integrations/service-worker.ts';

const origin = 'https://kommun.example';
const base = '/kommun/so/';

describe('classifyRequest', () => {
  const kind = (path: string, mode = 'no-cors', method = 'GET', host = origin) => classifyRequest(new URL(path, host), origin, base, method, mode);
  it('sends pages network first with a cached fallback', () => {
    expect(kind(`${base}sv/halsa/`, 'navigate')).toBe('page');
    expect(kind(`${base}sv/halsa/`)).toBe('page');
    expect(kind(`${base}404.html`)).toBe('page');
  });
  it('serves fingerprinted assets and Pagefind fragments from cache first', () => {
    expect(kind(`${base}_astro/client.abc123.js`)).toBe('immutable');
    expect(kind(`${base}pagefind/fragment/sv_abc.pf_fragment`)).toBe('immutable');
    expect(kind(`${base}pagefind/pagefind.js`)).toBe('network-first');
  });
  it('leaves other origins, other paths, writes and the worker itself alone', () => {
    expect(kind(`${base}sv/`, 'navigate', 'GET', 'https://other.example')).toBe('ignore');
    expect(kind('/other-site/sv/', 'navigate')).toBe('ignore');
    expect(kind(`${base}sv/`, 'navigate', 'POST')).toBe('ignore');
    expect(kind(`${base}sw.js`)).toBe('ignore');
  });
});

describe('cache housekeeping', () => {
  it('names caches per site, and finds old shells of this site only', () => {
    expect(shellCacheName('demo', 'v2')).toBe('orienta:demo:shell:v2');
    expect(savedCacheName('demo', 'ar', 'halsa')).toBe('orienta:demo:saved:ar:halsa');
    expect(staleCaches(['orienta:demo:shell:v1', 'orienta:demo:shell:v2', 'orienta:demo:pages', 'orienta:other:shell:v1'], 'demo', 'v2')).toEqual(['orienta:demo:shell:v1']);
  });
  it('drops cached files the current build no longer has, keeping pages and the search index', () => {
    const cached = [
      `${origin}${base}_astro/a.1.js`, `${origin}${base}_astro/a.2.js`, `${origin}${base}sv/`,
      `${origin}${base}fonts/generated/ethiopic-old.woff2`, `${origin}${base}sv/course.json`,
      `${origin}${base}pagefind/fragment/sv_1.pf_fragment`, `${origin}${base}audio/sv/a/%C3%B6.opus`,
    ];
    const files = new Set([`${base}_astro/a.2.js`, `${base}sv/course.json`, `${base}audio/sv/a/ö.opus`]);
    expect(staleFiles(cached, files, base)).toEqual([`${origin}${base}_astro/a.1.js`, `${origin}${base}fonts/generated/ethiopic-old.woff2`]);
  });
  it('lists every file of a build but pages, the search index and the worker', () => {
    expect(['_astro/a.1.js', 'fonts/generated/x.woff2', 'sv/course.json', 'audio/sv/a/1.opus'].every(isBuildFile)).toBe(true);
    expect(['sv/index.html', '404.html', 'pagefind/fragment/x.pf_fragment', 'pagefind/pagefind.js', 'sw.js', '_headers', '_nginx-csp.conf'].some(isBuildFile)).toBe(false);
  });
  it('only caches real pages, never error responses from a broken deploy', () => {
    expect(isUsableResponse({ ok: true, status: 200, type: 'basic' })).toBe(true);
    expect(isUsableResponse({ ok: false, status: 404, type: 'basic' })).toBe(false);
    expect(isUsableResponse({ ok: false, status: 500, type: 'basic' })).toBe(false);
    expect(isUsableResponse({ ok: true, status: 200, type: 'opaque' })).toBe(false);
  });
});

describe('offline pages', () => {
  it('picks the offline page of the reader’s locale', () => {
    expect(offlinePageFor(`${base}ar/halsa/x/`, base, ['sv', 'ar'])).toBe(`${base}ar/offline/`);
    expect(offlinePageFor(`${base}xx/`, base, ['sv', 'ar'])).toBe(`${base}sv/offline/`);
  });
  it('recognises lesson paths and reads a lesson title as text', () => {
    expect(lessonFromPath('ar/halsa/psykisk-halsa/')).toEqual({ locale: 'ar', moduleId: 'halsa', lessonId: 'psykisk-halsa' });
    expect(lessonFromPath('ar/halsa/')).toBeNull();
    expect(lessonTitleFromHtml('<article data-lesson="a/b" lang="sv"><h1>Lön &amp; skatt <b>x</b></h1>')).toBe('Lön & skatt x');
    expect(lessonTitleFromHtml('<h1>Not a lesson</h1>')).toBeNull();
  });
  it('formats sizes for people', () => {
    expect(formatSize(240_000, 'en')).toMatch(/240\s?kB/);
    expect(formatSize(1_500_000, 'en')).toMatch(/1\.5\s?MB/);
  });
});

describe('a cached page and the files it loads', () => {
  const url = `${origin}${base}sv/halsa/vard/`;
  // Shaped like a built lesson page: island, hoisted scripts, inline CSS with fonts, links.
  const html = `<!doctype html><html><head>
    <link rel="canonical" href="https://exempelby.example/kommun/so/sv/halsa/vard/">
    <link rel="alternate" hreflang="ar" href="${base}ar/halsa/vard/">
    <link rel="icon" href="${base}_astro/logo.D53K.svg">
    <link rel="modulepreload" href='${base}_astro/hooks.ab12.js'>
    <style>@font-face{src:url(${base}fonts/generated/ethiopic-5480.woff2) format("woff2")}
      @font-face{src:url("${base}_astro/arabic.AAMx.woff2")}.x{background:url(data:image/svg+xml;base64,AAAA)}</style>
    <script type="module" src="${base}_astro/ServiceWorker.astro_astro_type_script_index_0_lang.DMpQ.js"></script>
    <script>(()=>{self.Astro=1})();import("./chunk.x1.js")</script>
  </head><body>
    <a href="${base}sv/halsa/">Hälsa</a> <a href="${base}schemas/progress.json">schema</a>
    <p>Read the text from "Försäkringskassan" or from "report.pdf" — prose, not imports.</p>
    <img src="${base}_astro/logo.D53K.svg" srcset="${base}_astro/pic.1.webp 1x, ${base}_astro/pic.2.webp 2x" alt="">
    <img src="https://elsewhere.example/tracker.gif" alt="">
    <astro-island uid="1" component-url="${base}_astro/LessonProgress.Crff.js" renderer-url="${base}_astro/client.Cs6h.js" props="{&quot;href&quot;:&quot;${base}sv/halsa/x/&quot;}"></astro-island>
  </body></html>`;

  it('finds the scripts, island code, fonts and images a page loads, and nothing it only links to', () => {
    expect(pageFiles(html, url, base)).toEqual([
      `${base}_astro/LessonProgress.Crff.js`,
      `${base}_astro/ServiceWorker.astro_astro_type_script_index_0_lang.DMpQ.js`,
      `${base}_astro/arabic.AAMx.woff2`,
      `${base}_astro/client.Cs6h.js`,
      `${base}_astro/hooks.ab12.js`,
      `${base}_astro/logo.D53K.svg`,
      `${base}_astro/pic.1.webp`,
      `${base}_astro/pic.2.webp`,
      `${base}fonts/generated/ethiopic-5480.woff2`,
      `${base}sv/halsa/vard/chunk.x1.js`,
    ]);
  });
  it('keeps a page whose files the build still has, and names what an update took away', () => {
    const files = new Set(pageFiles(html, url, base));
    expect(missingFiles(html, url, base, files)).toEqual([]);
    files.delete(`${base}_astro/LessonProgress.Crff.js`);
    files.delete(`${base}fonts/generated/ethiopic-5480.woff2`);
    expect(missingFiles(html, url, base, files)).toEqual([`${base}_astro/LessonProgress.Crff.js`, `${base}fonts/generated/ethiopic-5480.woff2`]);
  });
  it('judges only files under the site’s own base (another municipality on the same origin is not ours)', () => {
    const other = `<script type="module" src="/kommun/other/_astro/x.1.js"></script><script type="module" src="/_astro/y.1.js"></script>`;
    expect(pageFiles(other, url, base)).toEqual([]);
    expect(pageFiles(other, `${origin}/sv/`, '/')).toEqual(['/_astro/y.1.js', '/kommun/other/_astro/x.1.js']);
  });
});

describe('the visited-pages cache', () => {
  it('keys a page by its path: queries and fragments carry no content on a static host', () => {
    expect(pageCacheKey(`${origin}${base}sv/halsa/?utm_source=sms&utm_medium=x`)).toBe(`${origin}${base}sv/halsa/`);
    expect(pageCacheKey(`${origin}${base}sv/?from=teacher#a=1.abc`)).toBe(`${origin}${base}sv/`);
    expect(pageCacheKey(`${origin}${base}sv/surveys/start/?module=halsa&phase=end`)).toBe(`${origin}${base}sv/surveys/start/`);
    expect(pageCacheKey(`${origin}${base}sv/halsa/`)).toBe(`${origin}${base}sv/halsa/`);
  });
  it('drops the pages not opened for the longest time beyond the limit', () => {
    const urls = ['a', 'b', 'c', 'd', 'e'].map((p) => `${origin}${base}sv/${p}/`);
    expect(pagesOverLimit(urls, 3)).toEqual(urls.slice(0, 2));
    expect(pagesOverLimit(urls, 5)).toEqual([]);
    expect(pagesOverLimit(urls, 10)).toEqual([]);
    expect(pagesOverLimit(urls, 0)).toEqual(urls);
    expect(MAX_VISITED_PAGES).toBeGreaterThanOrEqual(65);
  });
});

describe('saved modules after an update', () => {
  it('reads the module a saved cache belongs to, for this site only', () => {
    expect(savedModuleOf('orienta:demo:saved:sv-easy:halsa', 'demo')).toEqual({ locale: 'sv-easy', moduleId: 'halsa' });
    expect(savedModuleOf('orienta:demo:pages', 'demo')).toBeNull();
    expect(savedModuleOf('orienta:other:saved:sv:halsa', 'demo')).toBeNull();
    expect(savedModuleOf('orienta:demo:saved:sv', 'demo')).toBeNull();
  });
  it('fetches the lessons the module has and the cache lacks, drops lessons it lost, keeps audio', () => {
    const at = (p: string) => `${origin}${base}${p}`;
    const cached = [at('sv/halsa/vard/'), at('sv/halsa/gammal/'), at('audio/sv/halsa/vard/manifest.json')];
    const lessons = [at('sv/halsa/vard/'), at('sv/halsa/tandvard/')];
    expect(savedModuleChanges(cached, lessons, base)).toEqual({ fetch: [at('sv/halsa/tandvard/')], drop: [at('sv/halsa/gammal/')] });
    expect(savedModuleChanges(lessons, lessons, base)).toEqual({ fetch: [], drop: [] });
  });
});

describe('pages and scripts versioned together', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orienta-sw-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const options = { base, siteId: 'demo', locales: ['sv', 'ar'] };
  const lessonHtml = `<script type="module" src="${base}_astro/completion.A1.js"></script><h1>Vård</h1>`;
  write('sv/halsa/vard/index.html', lessonHtml);
  write('_astro/completion.A1.js', 'import("./changes-since.A2.js")');
  write('_astro/changes-since.A2.js', 'export {}');
  write('_astro/site.A3.css', 'body{}');
  write('sv/course.json', '{}');
  write('ar/course.json', '{}');
  write('pagefind/fragment/sv_1.pf_fragment', 'x');
  write('sw.js', 'old worker');
  write('_headers', '/*\n  X-Content-Type-Options: nosniff');

  it('lists every file a page may load, and no page, search index or worker', () => {
    expect(serviceWorkerManifest(dir, options).files).toEqual(['_astro/changes-since.A2.js', '_astro/completion.A1.js', '_astro/site.A3.css', 'ar/course.json', 'sv/course.json']);
  });
  it('precaches the offline page and outline of every locale and every script, also those loaded on first use', () => {
    expect(precacheList(serviceWorkerManifest(dir, options))).toEqual([
      `${base}sv/offline/`, `${base}ar/offline/`, `${base}sv/course.json`, `${base}ar/course.json`,
      `${base}_astro/changes-since.A2.js`, `${base}_astro/completion.A1.js`,
    ]);
  });
  it('a deploy that changes any file is a new version, and a page of the old one no longer fits it', () => {
    const before = serviceWorkerManifest(dir, options);
    const url = `${origin}${base}sv/halsa/vard/`;
    expect(missingFiles(lessonHtml, url, base, new Set(before.files.map((f) => base + f)))).toEqual([]);
    // The new build renames the script (its name is a hash of its content).
    rmSync(join(dir, '_astro/completion.A1.js'));
    write('_astro/completion.B1.js', 'import("./changes-since.A2.js");globalThis.b=1');
    write('sv/halsa/vard/index.html', lessonHtml.replace('A1', 'B1'));
    const after = serviceWorkerManifest(dir, options);
    expect(after.version).not.toBe(before.version);
    expect(shellCacheName('demo', after.version)).not.toBe(shellCacheName('demo', before.version));
    const files = new Set(after.files.map((f) => base + f));
    expect(missingFiles(lessonHtml, url, base, files)).toEqual([`${base}_astro/completion.A1.js`]);
    expect(missingFiles(lessonHtml.replace('A1', 'B1'), url, base, files)).toEqual([]);
    // The worker file itself does not count: writing it does not change the version.
    write('sw.js', 'new worker');
    expect(serviceWorkerManifest(dir, options).version).toBe(after.version);
  });
});
