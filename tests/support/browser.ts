/**
 * Launches Debian's Chromium through playwright-core with a fresh profile. Never downloads a browser.
 * Records every request, so tests can assert that nothing leaves the local server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  context: BrowserContext;
  /** Every URL requested by any page in the context. */
  requests: string[];
  /** Console errors and uncaught page errors, including CSP violations. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium with its own temporary profile. */
export async function launchBrowser(
  options: { locale?: string; viewport?: { width: number; height: number }; args?: string[]; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'orienta-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...ARGS, ...(options.args ?? [])],
    headless: true,
    locale: options.locale ?? 'sv-SE',
    viewport: options.viewport ?? { width: 390, height: 844 },
    acceptDownloads: true,
    // 'block' lets page.route() see every request: a service worker would answer some first.
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${msg.text()} (${page.url()})`);
    });
    page.on('pageerror', (error) => errors.push(`${error.message} (${page.url()})`));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    requests,
    errors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
