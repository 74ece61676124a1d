/**
 * Municipality builds in Chromium: a sub-path build crawled over HTTP from every locale's home
 * (links, assets and Pagefind's files), search under the sub-path, and the selected
 * municipality's logo on the lesson printout and the certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { scenarioDir } from '../../scripts/build-scenarios.ts';

const BASE = '/kommun/samhallsorientering/';
let subpath: StaticServer;
let ekudden: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  subpath = await serveStatic(scenarioDir('subpath'), BASE);
  ekudden = await serveStatic(scenarioDir('ekudden'));
  browser = await launchBrowser({ locale: 'en-GB' });
});
afterAll(async () => {
  await browser?.close();
  await subpath?.close();
  await ekudden?.close();
});

describe('a site under a sub-path', () => {
  it('crawls from every locale home: every link, asset and Pagefind file answers 200', async () => {
    const locales: Array<{ code: string }> = JSON.parse(readFileSync('content/locales.json', 'utf8'));
    const queue = [BASE, ...locales.map((l) => `${BASE}${l.code}/`)];
    const seen = new Set<string>();
    const broken: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetch(`${subpath.origin}${path}`);
      if (response.status !== 200) {
        broken.push(`${response.status} ${path}`);
        continue;
      }
      if (!(response.headers.get('content-type') ?? '').includes('html')) continue;
      const doc = parse(await response.text());
      const targets = doc.querySelectorAll('[href],[src]').map((el) => el.getAttribute('href') ?? el.getAttribute('src')!);
      for (const style of doc.querySelectorAll('style')) for (const m of style.rawText.matchAll(/url\(["']?([^"')]+)/g)) targets.push(m[1]!);
      for (const target of targets) {
        if (/^(mailto:|tel:|data:|#)/.test(target)) continue;
        const url = new URL(target, `${subpath.origin}${path}`);
        if (url.origin !== subpath.origin) continue;
        // Only pages of this site are followed further; every same-origin URL must resolve.
        queue.push(url.pathname);
      }
    }
    // Pagefind's entry file and every language's metadata and wasm under the base.
    const entry = await (await fetch(`${subpath.origin}${BASE}pagefind/pagefind-entry.json`)).json();
    for (const [lang, info] of Object.entries(entry.languages as Record<string, { hash: string; wasm?: string }>)) {
      for (const file of [`pagefind.${info.hash}.pf_meta`, ...(info.wasm ? [`wasm.${info.wasm}.pagefind`] : [])]) {
        const status = (await fetch(`${subpath.origin}${BASE}pagefind/${file}`)).status;
        if (status !== 200) broken.push(`${status} pagefind ${lang} ${file}`);
      }
    }
    expect(seen.size).toBeGreaterThan(400);
    expect(broken).toEqual([]);
    expect([...seen].every((p) => p.startsWith(BASE))).toBe(true);
  });

  it('search works under the sub-path and links to lessons under it', async () => {
    const page = await browser.newPage();
    await page.goto(`${subpath.url}en/`);
    await page.locator('[data-search-open]').click();
    await page.locator('dialog.search-dialog input[type=search]').fill('a-kassa');
    const first = page.locator('.search-results a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`${BASE}en/forsorja-sig/a-kassa/`);
    expect(browser.requests.filter((u) => u.includes('/pagefind/')).every((u) => u.includes(`${BASE}pagefind/`))).toBe(true);
    await page.close();
  });
});

describe('the selected municipality on paper', () => {
  const norm = (svg: string) => svg.replace(/["'\s]/g, '');
  const logo = norm(readFileSync('content/sites/ekudden/logo.svg', 'utf8'));
  /** True when the image the page shows is Ekudden's logo, inlined or as a fingerprinted file. */
  const sameLogo = async (src: string | null) => {
    if (!src) return false;
    const svg = src.startsWith('data:') ? decodeURIComponent(src.replace(/^data:image\/svg\+xml,/, '')) : await (await fetch(new URL(src, ekudden.url))).text();
    return norm(svg) === logo;
  };

  it('the lesson printout carries Ekudden’s logo and name', async () => {
    const page = await browser.newPage();
    await page.goto(`${ekudden.url}sv/forsorja-sig/a-kassa/`);
    await page.emulateMedia({ media: 'print' });
    const header = page.locator('.print-header');
    expect(await header.isVisible()).toBe(true);
    expect(await sameLogo(await header.locator('img').getAttribute('src'))).toBe(true);
    expect(await header.textContent()).toContain('Ekudden kommun');
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.close();
  });

  it('the certificate carries Ekudden’s logo, name and contact', async () => {
    const page = await browser.newPage();
    await page.goto(`${ekudden.url}en/certificate/`);
    await page.emulateMedia({ media: 'print' });
    expect(await sameLogo(await page.locator('.certificate-head img').getAttribute('src'))).toBe(true);
    expect(await page.locator('.certificate-head').textContent()).toContain('Ekudden kommun');
    expect(await page.locator('.certificate-foot').textContent()).toMatch(/Ekudden kommun/);
    await page.close();
  });
});
