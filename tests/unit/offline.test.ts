import { describe, expect, it } from 'vitest';
import {
  classifyRequest, formatSize, isUsableResponse, lessonFromPath, lessonTitleFromHtml, offlinePageFor, savedCacheName, shellCacheName, staleAssets, staleCaches,
} from '../../src/lib/offline/strategy.ts';

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
  it('drops cached assets the current build no longer has', () => {
    const cached = [`${origin}${base}_astro/a.1.js`, `${origin}${base}_astro/a.2.js`, `${origin}${base}sv/`];
    expect(staleAssets(cached, new Set([`${base}_astro/a.2.js`]))).toEqual([`${origin}${base}_astro/a.1.js`]);
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
