/**
 * A module with many lessons (a county's course with local lessons): its page lists 15 lessons a
 * page over further pages with a pager, carries no list of the module's lessons in its props,
 * and its progress still counts every lesson (from the course outline). Built for real from a
 * content folder whose module has 35 lessons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedBuilds } from '../support/isolated-build.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { page as builtPage } from '../support/dist.ts';
import sv from '../../src/i18n/ui/sv.json' with { type: 'json' };

const { contentWith, build } = isolatedBuilds('orienta-long-module-');
const EXTRA = 34;
const id = (i: number) => `lektion-${String(i).padStart(2, '0')}`;
let dist = '';
let browser: TestBrowser;
let server: StaticServer;

beforeAll(async () => {
  const content = contentWith('long', (dir) => {
    const source = readFileSync('content/lessons/sv/forsorja-sig/a-kassa.mdx', 'utf8');
    for (let i = 1; i <= EXTRA; i++) {
      writeFileSync(join(dir, `lessons/sv/forsorja-sig/${id(i)}.mdx`), source.replace(/^title: .*$/m, `title: Lektion ${i}`).replace(/^order: .*$/m, `order: ${20 + i}`));
    }
    cpSync('content/lessons/sv/forsorja-sig/a-kassa.mdx', join(dir, 'lessons/sv/forsorja-sig/a-kassa.mdx'));
  });
  const built = build(content);
  expect(built.status, built.output.slice(-2000)).toBe(0);
  dist = built.dist;
  server = await serveStatic(dist);
  browser = await launchBrowser({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a module of 35 lessons', () => {
  it('lists 15 lessons a page, every lesson once, and links a lesson back to its page', () => {
    const pages = ['sv/forsorja-sig/index.html', 'sv/forsorja-sig/2/index.html', 'sv/forsorja-sig/3/index.html'].map((p) => builtPage(p, dist));
    const cards = pages.map((p) => p.querySelectorAll('[data-lesson-card]').map((c) => c.getAttribute('data-lesson-card')));
    expect(cards.map((c) => c.length)).toEqual([15, 15, 5]);
    expect(new Set(cards.flat()).size).toBe(EXTRA + 1);
    expect(pages[2]!.querySelector('ol.cards')!.getAttribute('start')).toBe('31');
    expect(pages[2]!.querySelector('title')!.text).toContain(sv['module.page'].replace('{{number}}', '3'));
    // The first page carries no lesson of the later pages, in its list or in any island's props.
    const first = readFileSync(join(dist, 'sv/forsorja-sig/index.html'), 'utf8');
    for (const later of cards[2]!) expect(first).not.toContain(later!);
    const last = cards[2]![4]!;
    const lesson = builtPage(`sv/${last}/index.html`, dist);
    expect(lesson.querySelectorAll('nav a').map((a) => a.getAttribute('href'))).toContain('/sv/forsorja-sig/3/');
  });

  it('moves between pages with the pager, counts every lesson in the progress, and passes axe', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}sv/forsorja-sig/`);
    const pager = page.getByRole('navigation', { name: sv['module.pages'] });
    await pager.getByRole('link', { name: sv['module.nextPage'] }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sv\/forsorja-sig\/2\/$/);
    expect(await page.locator('[data-lesson-range]').textContent()).toBe(sv['module.lessonRange'].replace('{{from}}', '16').replace('{{to}}', '30').replace('{{total}}', String(EXTRA + 1)));
    expect(await pager.locator('[aria-current="page"]').textContent()).toBe('2');
    // Progress comes from the course outline: the module's 35 lessons, not the 15 on this page.
    await page.locator('[data-module-page][data-progress-done]').waitFor();
    expect(await page.locator('[data-progress-text]').textContent()).toContain(sv['progress.lessonsDone'].replace('{{done}}', '0').replace('{{total}}', String(EXTRA + 1)));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
