/**
 * Reading in one's own language and in easy Swedish (issue #14): the side-by-side view on an
 * Arabic lesson, remembered on the device, loaded only when asked for.
 */
import { describe, expect, it } from 'vitest';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { serveForTests } from '../support/harness.ts';
import { onNextLoad } from '../support/storage.ts';
import { axeViolations } from '../support/axe.ts';

let server: StaticServer;
let browser: TestBrowser;
const LESSON = 'forsorja-sig/a-kassa';

serveForTests({ browser: { locale: 'ar' } }, (s, b) => {
  server = s;
  browser = b;
});

describe('every language’s own name', () => {
  it('the language switcher on a Swedish page draws "ትግርኛ" with the bundled names font', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}sv/`);
    await page.locator('.lang-switch summary').click();
    const link = page.locator('.lang-switch a[lang="ti"]');
    expect(await link.textContent()).toBe('ትግርኛ');
    await page.waitForFunction(() => document.fonts.check('16px "Orienta Names"', 'ትግርኛ'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.lang-switch a[lang="ti"]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // Drawn with a web font (the system here has no Ethiopic font at all), all four letters.
    expect(fonts).toEqual([expect.objectContaining({ familyName: 'Noto Sans Ethiopic', isCustomFont: true, glyphCount: 4 })]);
    // That font is the names subset: the Tigrinya text font itself is not loaded on a Swedish page.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/fonts/generated/')));
    expect(loaded.some((name) => name.includes('/names-ethiopic-'))).toBe(true);
    expect(loaded.some((name) => name.includes('/noto-sans-ethiopic-'))).toBe(false);
    await page.close();
  });
});

describe('side by side with easy Swedish', () => {
  it('shows an Arabic lesson (rtl) beside easy Swedish (ltr), section by section, and remembers the choice', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}ar/${LESSON}/`);
    await page.waitForLoadState('networkidle');
    // Nothing of the easy-Swedish text is loaded before the reader asks.
    expect(fetched.some((path) => path.includes('/sv-easy/'))).toBe(false);
    const button = page.locator('[data-side-by-side] button');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');

    const rows = page.locator('article[data-lesson] .sbs-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    const own = rows.first().locator('.sbs-own');
    const easy = rows.first().locator('.sbs-easy');
    expect([await own.getAttribute('lang'), await own.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect([await easy.getAttribute('lang'), await easy.getAttribute('dir')]).toEqual(['sv-x-easy', 'ltr']);
    expect((await easy.textContent())!.length).toBeGreaterThan(40);
    // Each section pairs with its easy-Swedish section: the second heading on both sides.
    const section = rows.filter({ has: page.locator('.sbs-own h2') }).nth(1);
    expect(await section.locator('.sbs-easy h2').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Remembered on this device.
    await page.reload();
    await expect.poll(() => page.locator('article[data-lesson] .sbs-row').count()).toBeGreaterThanOrEqual(6);
    await page.locator('[data-side-by-side] button').click();
    await expect.poll(() => page.locator('article[data-lesson] .sbs-row').count()).toBe(0);
    // The self-check still works after the page was put back together.
    expect(await page.locator('form[data-selfcheck][data-ready="true"]').count()).toBe(1);
    await page.close();
  });

  it('is not offered on Swedish and easy-Swedish pages', async () => {
    const page = await browser.newPage();
    for (const locale of ['sv-easy']) {
      await page.goto(`${server.url}${locale}/${LESSON}/`);
      expect(await page.locator('[data-side-by-side]').count(), locale).toBe(0);
    }
    await page.close();
  });
});
