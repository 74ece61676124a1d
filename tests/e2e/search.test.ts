/**
 * Search in Chromium: per-locale Pagefind indexes, Swedish key terms in every locale, Tigrinya word
 * splitting, the module filter, keyboard use and RTL layout.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { DIST, page as builtPage } from '../support/dist.ts';
import { serveForTests } from '../support/harness.ts';

let server: StaticServer;
let browser: TestBrowser;
serveForTests({}, (s, b) => {
  server = s;
  browser = b;
});

/** Opens search on a page with the keyboard and types a query. */
async function search(path: string, query: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  await page.locator('[data-search-open]').focus();
  await page.keyboard.press('Enter');
  const input = page.locator('dialog.search-dialog input[type=search]');
  await input.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await page.keyboard.type(query);
  await page.locator('.search-results li, .search-status:has-text(" ")').first().waitFor();
  await expect.poll(() => page.locator('.search-status').textContent()).not.toMatch(/^$|…/);
  return page;
}
const resultUrls = (page: Page) => page.locator('.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));

/** The longest word of a translated lesson's title, to search for. */
function wordFrom(locale: string): { word: string; lesson: string } {
  const moduleId = readdirSync(`content/lessons/${locale}`).find((m) => readdirSync(`content/lessons/${locale}/${m}`).length > 0)!;
  const lessonId = readdirSync(`content/lessons/${locale}/${moduleId}`).sort()[0]!.replace('.mdx', '');
  const title = builtPage(`${locale}/${moduleId}/${lessonId}/index.html`).querySelector('[data-lesson] h1')!.text;
  const word = title.split(/[\s፡።–:,()«»"]+/).filter((w) => /\p{L}/u.test(w)).sort((a, b) => b.length - a.length)[0]!;
  return { word, lesson: `${moduleId}/${lessonId}` };
}

describe('search', () => {
  it('finds Arabic lessons for an Arabic word on /ar/, and only Arabic results', async () => {
    const { word, lesson } = wordFrom('ar');
    const page = await search('ar/', word);
    const urls = await resultUrls(page);
    expect(urls).toContain(`/ar/${lesson}/`);
    expect(urls.every((u) => u.startsWith('/ar/'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('dialog.search-dialog')!).direction)).toBe('rtl');
    await page.close();
  });

  it('finds a Tigrinya lesson for a Tigrinya word on /ti/', async () => {
    const { word, lesson } = wordFrom('ti');
    expect(word).toMatch(/[\u1200-\u137F]/);
    const page = await search('ti/', word);
    expect(await resultUrls(page)).toContain(`/ti/${lesson}/`);
    await page.close();
  });

  it('treats the Ethiopic word space ፡ in a Tigrinya query as a word break', async () => {
    // A reader who writes in the traditional way joins words with ፡ and no space. Two words of the
    // same lesson title joined that way must find the lesson, as they would with a space between.
    const { lesson } = wordFrom('ti');
    const title = builtPage(`ti/${lesson}/index.html`).querySelector('[data-lesson] h1')!.text;
    const words = title.split(/[\s፡።–:,()«»"]+/).filter((w) => /[\u1200-\u137F]{2,}/u.test(w));
    expect(words.length).toBeGreaterThanOrEqual(2);
    const page = await search('ti/', `${words[0]}፡${words[1]}`);
    expect(await resultUrls(page)).toContain(`/ti/${lesson}/`);
    await page.close();
  });

  it('finds the lesson that explains a Swedish key term on /en/', async () => {
    const page = await search('en/', 'a-kassa');
    const urls = await resultUrls(page);
    expect(urls[0]).toBe('/en/forsorja-sig/a-kassa/');
    expect(urls.every((u) => u.startsWith('/en/'))).toBe(true);
    await page.close();
  });

  it('finds untranslated lessons by their Swedish key terms, without indexing their Swedish text', async () => {
    // Somali covers modules 1–3; health lessons are Swedish fallbacks under /so/.
    const lessonId = readdirSync('content/lessons/sv/halsa')[0]!.replace('.mdx', '');
    const svHtml = readFileSync(`${DIST}/sv/halsa/${lessonId}/index.html`, 'utf8');
    const term = builtPage(`sv/halsa/${lessonId}/index.html`).querySelector('.key-terms dt')!.text.trim();
    expect(svHtml).toContain(term);
    const page = await search('so/', term);
    expect(await resultUrls(page)).toContain(`/so/halsa/${lessonId}/`);
    await page.close();
  });

  it('filters results by module and is usable with the keyboard alone', async () => {
    const page = await search('en/', 'work');
    const all = await resultUrls(page);
    expect(new Set(all.map((u) => u.split('/')[2])).size).toBeGreaterThan(1);
    await page.keyboard.press('Tab'); // to the module filter (past the hint)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-module');
    const option = await page.locator('#search-module option').nth(1).textContent();
    await page.selectOption('#search-module', { label: option! });
    await expect.poll(async () => new Set((await resultUrls(page)).map((u) => u.split('/')[2])).size).toBe(1);
    const results = page.locator('.search-results li small');
    expect(await results.first().textContent()).toBe(option);
    // Tab reaches a result and Enter opens it.
    await page.locator('.search-results a').first().focus();
    const target = await page.locator('.search-results a').first().getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}${target}`);
    await page.close();
  });

  it('closes with Escape and returns focus to the search button; axe finds no violations', async () => {
    const page = await search('ar/', wordFrom('ar').word);
    expect(await axeViolations(page)).toEqual([]);
    // The first Escape clears the search field (native behaviour of type=search), the second closes.
    await page.keyboard.press('Escape');
    if (await page.locator('dialog.search-dialog[open]').count()) await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog[open]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    await page.close();
  });

  it('shows results as text: excerpts carry no markup but <mark>', async () => {
    const page = await search('en/', 'a-kassa');
    const tags = await page.locator('.search-results p').evaluateAll((ps) => ps.flatMap((p) => [...p.querySelectorAll('*')].map((e) => e.tagName)));
    expect(tags.every((t) => t === 'MARK')).toBe(true);
    await page.close();
  });
});
