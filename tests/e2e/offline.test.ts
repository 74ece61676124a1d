/**
 * Reading offline in Chromium: the service worker keeps visited pages, "Save for offline" keeps a
 * whole module, the offline page lists what is saved, and a new deploy shows the update notice.
 * Runs against a copy of dist/, so the test can "deploy" a changed build into it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { DIST } from '../support/dist.ts';
import { writeServiceWorker } from '../../src/integrations/service-worker.ts';

const site = mkdtempSync(join(tmpdir(), 'orienta-offline-'));
let server: StaticServer;
let browser: TestBrowser;
const LESSON = 'forsorja-sig/a-kassa';

beforeAll(async () => {
  cpSync(DIST, site, { recursive: true });
  server = await serveStatic(site);
  browser = await launchBrowser({ locale: 'en-GB' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

async function controlled(page: Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller);
  });
}
async function offline<T>(fn: () => Promise<T>): Promise<T> {
  await browser.context.setOffline(true);
  try {
    return await fn();
  } finally {
    await browser.context.setOffline(false);
  }
}

describe('offline reading', () => {
  it('a visited lesson stays readable offline after a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/${LESSON}/`);
    await controlled(page);
    await page.waitForFunction(async (url) => Boolean(await caches.match(url)), `${server.url}en/${LESSON}/`);
    await offline(async () => {
      await page.reload();
      expect(await page.locator('[data-lesson] h1').textContent()).toMatch(/a-kassa/i);
      expect(await page.getAttribute('[data-lesson]', 'data-lesson')).toBe(LESSON);
    });
    await page.close();
  });

  it('"Save for offline" keeps every lesson of a module, shows the size, and can be undone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/halsa/`);
    await controlled(page);
    const lessons = await page.locator('[data-lesson-card] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(lessons.length).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Save for offline' }).click();
    const status = page.locator('.save-offline [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^Saved on this device: ${lessons.length} lessons, \\d`));
    await offline(async () => {
      for (const url of lessons) {
        await page.goto(url);
        expect(await page.locator('[data-lesson]').count(), url).toBe(1);
      }
      // A page that was never visited nor saved shows the offline page in the reader's language,
      // listing the saved lessons.
      await page.goto(`${server.url}en/paverka/`);
      expect(await page.locator('h1').textContent()).toBe('You are offline');
      await expect.poll(() => page.locator('[data-offline-list] li a').count()).toBeGreaterThanOrEqual(lessons.length);
    });
    await page.goto(`${server.url}en/halsa/`);
    await page.getByRole('button', { name: 'Remove from this device' }).click();
    await expect.poll(() => status.textContent()).toBe('The lessons have been removed from this device.');
    expect(await page.evaluate(() => caches.keys())).not.toContain('orienta:demo:saved:en:halsa');
    await page.close();
  });

  it('progress works offline', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/${LESSON}/`);
    await controlled(page);
    await offline(async () => {
      await page.reload();
      await page.waitForFunction(() => !document.querySelector('[data-lesson-completion] [data-complete][disabled]'));
      await page.getByRole('button', { name: 'Mark as completed' }).click();
      await expect.poll(() => page.locator('[data-completed-label]').isVisible()).toBe(true);
    });
    await page.close();
  });
});

describe('a broken deploy', () => {
  it('a page that now fails on the server still shows its last good version, not an error', async () => {
    const page = await browser.newPage();
    const path = 'en/forsorja-sig/lon-och-skatt/';
    await page.goto(`${server.url}${path}`);
    await controlled(page);
    await page.waitForFunction(async (url) => Boolean(await caches.match(url)), `${server.url}${path}`);
    const title = await page.locator('[data-lesson] h1').textContent();
    rmSync(join(site, path, 'index.html'));
    await page.reload();
    expect(await page.locator('[data-lesson] h1').textContent()).toBe(title);
    await page.close();
  });
});

describe('updates', () => {
  it('a changed deploy shows a quiet "new version" notice, and Reload brings it in', async () => {
    const page = await browser.newPage();
    const url = `${server.url}en/${LESSON}/`;
    await page.goto(url);
    await controlled(page);
    const notice = page.locator('[data-update-notice]');
    expect(await notice.isHidden()).toBe(true);

    // Deploy: change a lesson page and rebuild the service worker for the changed files.
    const file = join(site, 'en', LESSON, 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</h1>', ' (updated)</h1>'));
    const locales = readdirSync(site).filter((d) => /^[a-z]{2,3}$/.test(d));
    await writeServiceWorker(site, { base: '/', siteId: 'demo', locales });

    await page.reload();
    await expect.poll(() => notice.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await notice.textContent()).toContain('A new version of the course is available.');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await page.waitForEvent('load');
    await expect.poll(() => page.locator('[data-lesson] h1').textContent()).toContain('(updated)');
    await page.close();
  });
});
