/**
 * Fonts on a cheap phone (issue #19): a page in Arabic script is drawn in its web font under the
 * page's own CSP, its text takes the same room before the font arrives as after (the fallback face
 * over the local font is metric-matched), and a Ukrainian page loads no text font at all.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { serveForTests } from '../support/harness.ts';

let server: StaticServer;
let browser: TestBrowser;
const LESSON = 'forsorja-sig/a-kassa';

serveForTests({ browser: { viewport: { width: 360, height: 740 } } }, (s, b) => {
  server = s;
  browser = b;
});

/** The fonts Chromium drew a node's own text with. */
async function fontsOf(page: Page, selector: string): Promise<Array<{ familyName: string; isCustomFont: boolean; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

/** Where each paragraph, heading and list item of the lesson sits, in CSS pixels. */
function layoutOf(page: Page): Promise<Array<{ top: number; height: number }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main :is(h1, h2, h3, p, li)')]
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.height > 0)
      .map((box) => ({ top: Math.round(box.top + scrollY), height: Math.round(box.height) })),
  );
}

describe('fonts', () => {
  it('an Arabic lesson is drawn in Noto Sans Arabic, allowed by the page’s CSP', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${server.url}ar/${LESSON}/`);
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'ب'))).toBe(true);
    // Arabic letters in the web font (a Latin name in the heading stays in the local font).
    const fonts = await fontsOf(page, 'main h1');
    expect(fonts).toContainEqual(expect.objectContaining({ familyName: 'Noto Sans Arabic', isCustomFont: true }));
    expect(fonts.filter((f) => f.isCustomFont).map((f) => f.familyName)).toEqual(['Noto Sans Arabic']);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('Arabic text takes the same room in the fallback font as in the web font, so the swap moves nothing', async () => {
    // Before the font arrives: the same page with the web font's request refused.
    const before = await browser.newPage();
    await before.route('**/fonts/generated/noto-sans-arabic-*', (route) => route.abort());
    await before.goto(`${server.url}ar/${LESSON}/`);
    await before.evaluate(() => document.fonts.ready);
    // Drawn in this machine's Arabic font (DejaVu Sans) through the metric-matched fallback face.
    expect(await fontsOf(before, 'main h1')).toEqual([expect.objectContaining({ familyName: 'DejaVu Sans', isCustomFont: false })]);
    const fallback = await layoutOf(before);
    await before.close();

    const after = await browser.newPage();
    await after.goto(`${server.url}ar/${LESSON}/`);
    await after.evaluate(() => document.fonts.ready);
    expect(await fontsOf(after, 'main h1')).toContainEqual(expect.objectContaining({ familyName: 'Noto Sans Arabic', isCustomFont: true }));
    const web = await layoutOf(after);
    await after.close();

    expect(web.length).toBe(fallback.length);
    expect(web.length).toBeGreaterThan(20);
    // Where a paragraph's last line is nearly full it may wrap differently; nearly all keep their
    // lines, and the end of the lesson stays within two lines of where it was. (Without the fallback
    // faces, in DejaVu Sans as it comes: 16 of 72 blocks re-wrap and the end moves 806 px.)
    const lineHeight = 1.8 * 17;
    const rewrapped = web.filter((box, i) => Math.abs(box.height - fallback[i]!.height) > lineHeight / 2).length;
    expect(rewrapped / web.length).toBeLessThan(0.05);
    expect(Math.abs(web.at(-1)!.top - fallback.at(-1)!.top)).toBeLessThan(2 * lineHeight);
  });

  it('a Ukrainian lesson carries and loads no text font, only the language names', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}uk/${LESSON}/`);
    await page.waitForLoadState('networkidle');
    const faces = await page.evaluate(() => [...document.fonts].map((f) => f.family.replace(/"/g, '')));
    expect(faces.length).toBeGreaterThan(0);
    expect(faces.every((family) => family === 'Orienta Names')).toBe(true);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/fonts/generated/noto-sans-')));
    expect(loaded).toEqual([]);
    await page.close();
  });
});
