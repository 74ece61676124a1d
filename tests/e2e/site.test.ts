/**
 * The course site in a real Chromium, as a participant uses it.
 */
import { describe, expect, it } from 'vitest';
import type { StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { serveForTests } from '../support/harness.ts';

let server: StaticServer;
let browser: TestBrowser;

serveForTests({}, (s, b) => {
  server = s;
  browser = b;
});

const LESSON = 'forsorja-sig/a-kassa';

describe('lesson page', () => {
  it('the language switcher keeps the reader on the same lesson', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}sv/${LESSON}/`);
    await page.getByText('Språk:').click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(`${server.url}ar/${LESSON}/`);
    expect(await page.getAttribute('[data-lesson]', 'data-lesson')).toBe(LESSON);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.close();
  });

  it('lays out an Arabic page right to left', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`${server.url}ar/${LESSON}/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    // The breadcrumb trail starts at the right edge and runs leftwards.
    const crumbs = page.locator('.crumbs li');
    const first = (await crumbs.first().boundingBox())!;
    const second = (await crumbs.nth(1).boundingBox())!;
    expect(first.x + first.width).toBeGreaterThan(second.x + second.width);
    // The brand logo sits at the inline start, which is the right in RTL.
    const logo = (await page.locator('.brand img').boundingBox())!;
    expect(logo.x).toBeGreaterThan(1000 / 2);
    await page.close();
  });

  it('a keyboard user reaches every control on the lesson page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/${LESSON}/`);
    const expected: string[] = await page.evaluate(() => {
      const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
      const seenGroups = new Set<string>();
      return [...document.querySelectorAll('a[href], button, summary, input, select, textarea')]
        .filter((el) => visible(el) && !(el as HTMLInputElement).disabled && !el.closest('details:not([open]) > :not(summary)'))
        .filter((el) => {
          if (el instanceof HTMLInputElement && el.type === 'radio') {
            if (seenGroups.has(el.name)) return false;
            seenGroups.add(el.name);
          }
          return true;
        })
        .map((el) => (el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 120)));
    });
    await page.evaluate(() => {
      const w = window as unknown as { focused: string[] };
      w.focused = [];
      document.addEventListener('focusin', (event) => {
        const el = event.target as Element;
        w.focused.push(el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : el.outerHTML.slice(0, 120));
      });
    });
    for (let i = 0; i < expected.length + 5; i++) await page.keyboard.press('Tab');
    const reached = new Set(await page.evaluate(() => (window as unknown as { focused: string[] }).focused));
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.filter((e) => !reached.has(e))).toEqual([]);
    // Focus is visible: the focused element draws an outline.
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('SelfCheck asks for every answer, then gives feedback and a score', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/${LESSON}/`);
    const quiz = page.locator('.selfcheck form');
    await quiz.scrollIntoViewIfNeeded();
    await page.locator('form[data-selfcheck][data-ready]').waitFor();
    const check = quiz.getByRole('button', { name: 'Check answers' });
    await check.click();
    await expect.poll(() => quiz.getByRole('status').textContent()).toBe('Answer every question first.');
    const groups = quiz.locator('fieldset');
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').first().check();
    await check.click();
    await expect.poll(() => quiz.locator('.fb:not([hidden])').count()).toBe(count);
    expect(await quiz.getByRole('status').textContent()).toMatch(/^You got \d of \d right\.$/);
    expect(await quiz.locator('.fb:not([hidden])').first().textContent()).toMatch(/^(Correct\.|Not quite\.) \S/);
    // Feedback is hidden until the answers are checked, and "Answer again" starts over.
    await quiz.getByRole('button', { name: 'Answer again' }).click();
    await expect.poll(() => quiz.locator('.fb:not([hidden])').count()).toBe(0);
    expect(await quiz.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.close();
  });
});

describe('root page', () => {
  it('sends an Arabic browser to the Arabic course home', async () => {
    const arabic = await launchBrowser({ locale: 'ar-SE' });
    const page = await arabic.newPage();
    await page.goto(server.url);
    await page.waitForURL(`${server.url}ar/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await arabic.close();
  });

  it('sends a browser in a language we lack to Swedish', async () => {
    const german = await launchBrowser({ locale: 'de-DE' });
    const page = await german.newPage();
    await page.goto(server.url);
    await page.waitForURL(`${server.url}sv/`);
    await german.close();
  });
});

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  // Every page type, in one LTR, one RTL and the Ethiopic locale. The Tigrinya health lesson is a
  // Swedish fallback, so the fallback layout is covered too.
  const pageTypes = [
    ['home', ''], ['module', 'forsorja-sig/'], ['lesson', `${LESSON}/`], ['fallback lesson', 'halsa/varden-i-sverige/'],
    ['accessibility statement', 'accessibility/'], ['privacy', 'privacy/'], ['404', '404/'], ['progress', 'progress/'],
    ['certificate', 'certificate/'], ['surveys', 'surveys/'], ['survey form', 'surveys/course/'], ['report', 'report/'],
    ['teacher', 'teacher/'], ['teacher guide', 'teacher/guide/forsorja-sig/'], ['handout without assignment', 'teacher/handout/'], ['offline', 'offline/'],
    ['changes', 'changes/'], ['older changes', 'changes/2/'],
  ] as const;
  for (const locale of ['sv', 'ar', 'ti']) {
    for (const [name, path] of pageTypes) {
      it(`${locale} ${name} page has no violations`, async () => {
        const page = await browser.newPage();
        await page.goto(`${server.url}${locale}/${path}`);
        await page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="load"]'));
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('privacy', () => {
  it('no request went to any host but the local test server, and nothing broke the CSP', () => {
    expect(browser.requests.length).toBeGreaterThan(20);
    expect(browser.requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    expect(browser.errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });
});
