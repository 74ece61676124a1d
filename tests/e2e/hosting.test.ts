/**
 * The real server: the sub-path build served by nginx with `hosting/nginx.conf` and the
 * Content-Security-Policy the build wrote for it, checked with `hosting/check-headers.sh` and in
 * Chromium: every page's inline code runs under the header policy (and stops when a hash is
 * missing), search compiles its WebAssembly, the service worker serves a lesson offline, and
 * everything stays under the sub-path. Needs nginx and curl (`.ci/run` installs both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveWithNginx, type NginxServer } from '../support/nginx.ts';
import { serveStatic } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { SCENARIOS, scenarioDir } from '../../scripts/build-scenarios.ts';
import { metaPolicy, missingFromHeader, parsePolicy } from '../../src/lib/hosting/csp.ts';

const SITE = scenarioDir('subpath');
const BASE = SCENARIOS.subpath!.ORIENTA_BASE!;
const LESSON = 'en/forsorja-sig/a-kassa/';
const BRAND = /primaryColor:\s*"(#[0-9a-f]{6})"/i.exec(readFileSync(`content/sites/${SCENARIOS.subpath!.ORIENTA_SITE}/site.yaml`, 'utf8'))![1]!;

let server: NginxServer;
let browser: TestBrowser;

beforeAll(async () => {
  if (spawnSync('curl', ['--version']).error) throw new Error('curl is not installed; hosting/check-headers.sh needs it (Debian: apt-get install curl; .ci/run does this in CI)');
  server = await serveWithNginx(SITE, BASE);
  browser = await launchBrowser({ locale: 'en-GB' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs hosting/check-headers.sh against a URL (asynchronously: a server in this process must answer). */
function checkHeaders(url: string, locale = 'sv'): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['hosting/check-headers.sh', url, locale], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', fail);
    child.once('close', (status) => done({ status, output }));
  });
}

/** Waits until an island has hydrated: Astro's inline runtime defines <astro-island>, which drops `ssr` on hydration. */
const hydrated = (page: Page) => page.waitForFunction(() => [...document.querySelectorAll('astro-island')].some((island) => !island.hasAttribute('ssr')), null, { timeout: 15_000 });
const islands = (page: Page) => page.locator('astro-island').evaluateAll((all) => all.map((island) => island.hasAttribute('ssr')));
const brandColour = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());

describe('nginx with hosting/nginx.conf', () => {
  it('passes hosting/check-headers.sh: headers, caching, types, compression, 404 pages in the reader\'s language', async () => {
    for (const locale of ['sv', 'ar']) {
      const { status, output } = await checkHeaders(server.url, locale);
      expect(output, output).toContain('All checks passed.');
      expect(status).toBe(0);
      expect(output).toContain("ok    content-security-policy: script-src has every hash of the page's own policy");
      expect(output).toContain(`404 page in the reader's language (lang="${locale}`);
    }
  });

  it('check-headers.sh fails a server that sends no headers, and one whose policy is older than the pages', async () => {
    const plain = await serveStatic(SITE, BASE);
    try {
      const { status, output } = await checkHeaders(plain.url);
      expect(status).toBe(1);
      expect(output).toMatch(/FAIL {2}content-security-policy is ""/);
    } finally {
      await plain.close();
    }
    // A deploy whose nginx still has the previous build's policy: one script hash differs.
    const dir = mkdtempSync(join(tmpdir(), 'orienta-stale-csp-'));
    const include = readFileSync(join(SITE, '_nginx-csp.conf'), 'utf8');
    const firstScriptHash = /script-src 'self' ('sha256-[^']+')/.exec(include)![1]!;
    writeFileSync(join(dir, 'csp.conf'), include.replace(firstScriptHash, `'sha256-${'A'.repeat(43)}='`));
    const stale = await serveWithNginx(SITE, BASE, { cspInclude: join(dir, 'csp.conf') });
    try {
      const { status, output } = await checkHeaders(stale.url);
      expect(status).toBe(1);
      expect(output).toContain("FAIL  content-security-policy: script-src lacks 1 hash(es) of the page's own policy");
    } finally {
      await stale.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends a policy as strict as each page\'s own: its hashes, no \'unsafe-inline\', plus WebAssembly for search', async () => {
    for (const path of [LESSON, 'sv/', 'ar/progress/', 'sv/no-such-page/']) {
      const response = await fetch(`${server.url}${path}`);
      const header = response.headers.get('content-security-policy') ?? '';
      const own = metaPolicy(await response.text());
      expect(own, path).not.toBeNull();
      expect(missingFromHeader(header, own!), path).toEqual([]);
      const policy = parsePolicy(header);
      expect(policy.get('script-src'), path).not.toContain("'unsafe-inline'");
      expect(policy.get('style-src'), path).not.toContain("'unsafe-inline'");
      expect(policy.get('script-src'), path).toContain("'wasm-unsafe-eval'");
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
    }
  });

  it('redirects the bare sub-path and folders to their slash, relatively, and plain HTTP to HTTPS', async () => {
    const bare = await fetch(`${server.origin}${BASE.slice(0, -1)}`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, BASE]);
    const folder = await fetch(`${server.url}sv`, { redirect: 'manual' });
    expect([folder.status, folder.headers.get('location')]).toEqual([301, `${BASE}sv/`]);
    const http = await fetch(`${server.redirectOrigin}${BASE}sv/`, { redirect: 'manual' });
    expect([http.status, http.headers.get('location')]).toEqual([301, `https://127.0.0.1${BASE}sv/`]);
  });
});

describe('Chromium through nginx', () => {
  it('runs every page\'s inline code under the header policy: islands hydrate, styles apply, no CSP errors, no axe violations', async () => {
    const errors = browser.errors.length;
    const page = await browser.newPage();
    // Lessons carry no islands (plain module scripts); the home and My progress do.
    for (const path of [LESSON, 'sv/', 'ar/progress/']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
      expect(await brandColour(page), path).toBe(BRAND);
    }
    await hydrated(page);
    // The lesson's own script ran under the header: its completion button came alive.
    await page.goto(`${server.url}${LESSON}`);
    await page.locator('[data-lesson-completion] [data-complete]:not([disabled])').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.errors.slice(errors)).toEqual([]);
    await page.close();
  });

  it('blocks inline code whose hash the header lacks, and search without \'wasm-unsafe-eval\' (the header decides)', async () => {
    // A browser of its own without service workers, which would answer before the routes below.
    const fresh = await launchBrowser({ locale: 'en-GB', serviceWorkers: 'block' });
    try {
      const page = await fresh.newPage();
      const withIslands = 'en/progress/';
      await page.route(`${server.url}${withIslands}`, async (route) => {
        const response = await route.fetch();
        const headers = response.headers();
        headers['content-security-policy'] = headers['content-security-policy']!.replace(/ 'sha256-[^']+'/g, '');
        await route.fulfill({ response, headers });
      });
      await page.goto(`${server.url}${withIslands}`);
      await expect.poll(() => fresh.errors.join('\n')).toMatch(/Content Security Policy/);
      expect(await brandColour(page)).toBe('');
      // Not one island hydrated: the inline runtime that defines <astro-island> was refused.
      const ssr = await islands(page);
      expect(ssr.length).toBeGreaterThan(0);
      expect(ssr.every(Boolean)).toBe(true);
      await page.close();

      // Without 'wasm-unsafe-eval' on the worker's response, search cannot compile its index code.
      const search = await fresh.newPage();
      await search.route('**/pagefind/pagefind-worker.js', async (route) => {
        const response = await route.fetch();
        const headers = response.headers();
        headers['content-security-policy'] = headers['content-security-policy']!.replace(" 'wasm-unsafe-eval'", '');
        await route.fulfill({ response, headers });
      });
      await search.goto(`${server.url}en/`);
      await search.locator('[data-search-open]').click();
      await search.locator('dialog.search-dialog input[type=search]').fill('a-kassa');
      await expect.poll(() => fresh.errors.join('\n')).toMatch(/Pagefind WASM[\s\S]*Content Security Policy/);
      expect(await search.locator('.search-results a').count()).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('search finds a lesson under the sub-path: Pagefind\'s worker compiles its WebAssembly under the header', async () => {
    const errors = browser.errors.length;
    const page = await browser.newPage();
    await page.goto(`${server.url}en/`);
    await page.locator('[data-search-open]').click();
    await page.locator('dialog.search-dialog input[type=search]').fill('a-kassa');
    const first = page.locator('.search-results a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`${BASE}${LESSON}`);
    expect(browser.requests.some((u) => u.startsWith(`${server.url}pagefind/wasm.`))).toBe(true);
    expect(browser.errors.slice(errors)).toEqual([]);
    await page.close();
  });

  it('the service worker registers for the sub-path and serves a visited lesson offline', async () => {
    const page = await browser.newPage();
    const url = `${server.url}${LESSON}`;
    await page.goto(url);
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.scope;
    });
    expect(scope).toBe(server.url);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    await page.waitForFunction(async (u) => Boolean(await caches.match(u)), url);
    const title = await page.locator('[data-lesson] h1').textContent();
    await browser.context.setOffline(true);
    try {
      await page.reload();
      expect(await page.locator('[data-lesson] h1').textContent()).toBe(title);
      // Offline, the page still runs its code under the policy it was cached with: the lesson's
      // script brings the completion button to life.
      await page.locator('[data-lesson-completion] [data-complete]:not([disabled])').waitFor();
      expect(await brandColour(page)).toBe(BRAND);
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });

  it('keeps every request under the sub-path, and the access log keeps no full IP address or browser', () => {
    const own = browser.requests.filter((u) => u.startsWith(server.origin)).map((u) => new URL(u).pathname);
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((p) => !p.startsWith(BASE))).toEqual([]);
    const log = readFileSync(server.accessLog, 'utf8').trim().split('\n');
    expect(log.length).toBeGreaterThan(10);
    for (const line of log) expect(line).toMatch(/^127\.0\.0\.0 \[[^\]]+\] "[A-Z]+ \S+ HTTP\/1\.1" \d{3} \d+$/);
  });
});
