/**
 * Setting up a page's localStorage in browser tests. Values are written as the next document
 * starts, before its scripts run: writing from the old page and then navigating can race
 * Chromium's batched storage commit, and the new page may still read the old value.
 */
import type { Page } from 'playwright-core';

/** Before the next document of `page` runs, sets `key` to `value` (or clears everything when value is null). */
export async function onNextLoad(page: Page, key: string | null, value: string | null): Promise<void> {
  const token = `orienta-test-${Math.random()}`;
  await page.addInitScript(([k, v, t]) => {
    if (sessionStorage.getItem(t!)) return;
    sessionStorage.setItem(t!, '1');
    if (k === null || v === null) localStorage.clear();
    else localStorage.setItem(k, v);
  }, [key, value, token] as const);
}

/** Reloads the page with empty localStorage. */
export async function reloadWithEmptyStorage(page: Page): Promise<void> {
  await onNextLoad(page, null, null);
  await page.reload();
}
