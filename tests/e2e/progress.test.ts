/**
 * Participant progress in Chromium, clicking as a participant would: complete, reload, switch
 * language, export/import, bad files, corrupted storage, two tabs and the certificate as PDF.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { serveForTests } from '../support/harness.ts';
import { onNextLoad, reloadWithEmptyStorage } from '../support/storage.ts';

let server: StaticServer;
let browser: TestBrowser;
const LESSON = 'forsorja-sig/a-kassa';
const KEY = 'orienta:demo:progress';
const files = mkdtempSync(join(tmpdir(), 'orienta-files-'));

serveForTests({ browser: { locale: 'en-GB' } }, (s, b) => {
  server = s;
  browser = b;
});

async function open(path: string, page?: Page): Promise<Page> {
  const p = page ?? (await browser.newPage());
  await p.goto(`${server.url}${path}`);
  return p;
}
const markButton = (page: Page) => page.getByRole('button', { name: 'Mark as completed' });
/** The completion control's state as the reader sees it: "todo" (Mark as completed) or "done" (Completed ✓, Undo). */
const completion = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-lesson-completion]');
    if (!root) return 'none';
    const mark = root.querySelector<HTMLButtonElement>('[data-complete]')!;
    if (mark.disabled) return 'loading';
    const todo = !root.querySelector<HTMLElement>('[data-when=todo]')!.hidden;
    const done = !root.querySelector<HTMLElement>('[data-when=done]')!.hidden;
    return todo && !done ? 'todo' : done && !todo ? 'done' : 'both';
  });
async function waitReady(page: Page) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr][component-url*="ProgressPage"], [data-lesson-completion] [data-complete][disabled]'));
}


describe('tracking', () => {
  it('a completed lesson stays completed after a reload and a language switch', async () => {
    const page = await open(`en/${LESSON}/`);
    await reloadWithEmptyStorage(page);
    await waitReady(page);
    await expect.poll(() => completion(page)).toBe('todo');
    await markButton(page).click();
    await expect.poll(() => completion(page)).toBe('done');
    await page.reload();
    await waitReady(page);
    await expect.poll(() => completion(page)).toBe('done');
    // Switch language with the switcher: progress is keyed by lesson id, not by URL.
    await page.getByText('Language:').click();
    await page.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(`${server.url}ar/${LESSON}/`);
    await waitReady(page);
    await expect.poll(() => completion(page)).toBe('done');
    // "Undo" takes it back.
    await page.locator('[data-lesson-completion] [data-undo]').click();
    await expect.poll(() => completion(page)).toBe('todo');
    await page.close();
  });

  it('marking completed shows "Completed ✓" with Undo and the next lesson, by keyboard, and Undo takes it back', async () => {
    const page = await open(`en/${LESSON}/`);
    await reloadWithEmptyStorage(page);
    await waitReady(page);
    await markButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => completion(page)).toBe('done');
    // Focus lands on the new state, which a screen reader reads; the status says it too.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-completed-label'))).toBe(true);
    expect(await page.locator('[data-lesson-completion] [role=status]').textContent()).toBe('This lesson is completed.');
    expect(await page.locator('[data-completed-label]').textContent()).toContain('Completed');
    // The next lesson is offered right away: the same lesson the pager points to.
    const next = page.locator('[data-when=done] a[rel=next]');
    expect(await next.isVisible()).toBe(true);
    expect(await next.getAttribute('href')).toBe(await page.locator('nav.pager a[rel=next]').getAttribute('href'));
    expect(await axeViolations(page)).toEqual([]);
    // Tab reaches Undo; Undo brings the button back, with focus on it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-undo'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => completion(page)).toBe('todo');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-complete'))).toBe(true);
    expect(await page.locator('[data-lesson-completion] [role=status]').textContent()).toBe('This lesson is not completed yet.');
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
    expect(stored.lessons[LESSON]?.completedAt).toBeUndefined();
    await page.close();
  });

  it('records self-check results and offers "Continue" with that lesson on the course home', async () => {
    const page = await open(`en/${LESSON}/`);
    await reloadWithEmptyStorage(page);
    const quiz = page.locator('.selfcheck form');
    await quiz.scrollIntoViewIfNeeded();
    await page.locator('form[data-selfcheck][data-ready]').waitFor();
    const groups = quiz.locator('fieldset');
    for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByRole('radio').first().check();
    await quiz.getByRole('button', { name: 'Check answers' }).click();
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!);
    expect(stored.lessons[LESSON].selfCheck.best.total).toBe(await groups.count());
    // Self-checked but not completed: the home's one primary action continues with this lesson.
    await open('en/', page);
    const next = page.locator('[data-next-step]');
    await expect.poll(() => next.getAttribute('data-next-step')).toBe('continue');
    expect(await next.getAttribute('href')).toBe(`/en/${LESSON}/`);
    expect(await next.locator('[data-next-label]').textContent()).toBe('Continue');
    await page.close();
  });
});

describe('the course home on a 360 × 740 phone', () => {
  /** A page at the size of a cheap phone's screen. */
  const phonePage = async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    return page;
  };
  /** Whether an element lies wholly inside the first screen, without scrolling. */
  const onFirstScreen = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      return window.scrollY === 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0;
    });

  for (const locale of ['sv', 'ar', 'ti']) {
    it(`${locale}: a new reader sees the course in one sentence and "Start the course" without scrolling`, async () => {
      const page = await phonePage();
      await page.goto(`${server.url}${locale}/`);
      await reloadWithEmptyStorage(page);
      await page.waitForLoadState('load');
      expect(await onFirstScreen(page, 'h1')).toBe(true);
      expect(await onFirstScreen(page, '.home-start .lead')).toBe(true);
      expect(await onFirstScreen(page, '[data-next-step]')).toBe(true);
      const next = page.locator('[data-next-step]');
      await expect.poll(() => next.getAttribute('data-next-step')).toBe('start');
      // The first lesson of the first module, in this language's URL space.
      const firstLesson = await page.locator('[data-course-modules] [data-module]').first().getAttribute('data-lesson-ids');
      expect(await next.getAttribute('href')).toBe(`/${locale}/${firstLesson!.split(' ')[0]}/`);
      // The law reference sits lower, not on the first screen.
      expect(await page.getByText('2010:1138').first().evaluate((e) => e.getBoundingClientRect().top > window.innerHeight)).toBe(true);
      // The module cards carry a pictogram, hours and a place for progress.
      const cards = page.locator('[data-course-modules] > li');
      expect(await cards.count()).toBe(8);
      expect(await cards.locator('svg').count()).toBe(8);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('"Continue" offers the next unfinished lesson, never a completed one, and cards show progress in text', async () => {
    const page = await phonePage();
    const at = new Date().toISOString();
    // The last lesson opened is completed: continue with the next one in its module.
    const lessonIds = (await (await fetch(`${server.url}en/forsorja-sig/`)).text()).match(/data-lesson-card="([^"]+)"/g)!.map((m) => m.slice(18, -1));
    const [first, second, third] = lessonIds;
    const value = { version: 1, siteId: 'demo', updatedAt: at, lessons: { [first!]: { completedAt: at }, [second!]: { completedAt: at } }, lastLesson: { id: first!, locale: 'en', at } };
    await onNextLoad(page, KEY, JSON.stringify(value));
    await page.goto(`${server.url}en/`);
    const next = page.locator('[data-next-step]');
    await expect.poll(() => next.getAttribute('data-next-step')).toBe('continue');
    expect(await next.getAttribute('href')).toBe(`/en/${third}/`);
    expect(await next.locator('[data-next-label]').textContent()).toBe('Continue');
    expect(await onFirstScreen(page, '[data-next-step]')).toBe(true);
    const card = page.locator('[data-course-modules] [data-module="forsorja-sig"] [data-module-mark]');
    await expect.poll(() => card.textContent()).toBe(`◐ Started · 2 of ${lessonIds.length} lessons completed`);
    expect(await card.locator('[aria-hidden=true]').textContent()).toBe('◐');
    await page.close();
  });
});

describe('progress on the module page', () => {
  it('marks each lesson done or started in text, shows the module line, and updates from another tab', async () => {
    const page = await open('en/forsorja-sig/');
    await reloadWithEmptyStorage(page);
    const ids = await page.locator('[data-lesson-card]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-lesson-card')!));
    const at = new Date().toISOString();
    await page.evaluate(
      ({ key, value }) => localStorage.setItem(key, value),
      { key: KEY, value: JSON.stringify({ version: 1, siteId: 'demo', updatedAt: at, lessons: { [ids[0]!]: { completedAt: at }, [ids[1]!]: { selfCheck: { best: { score: 1, total: 4, at }, latest: { score: 1, total: 4, at } } } } }) },
    );
    await page.reload();
    const mark = (id: string) => page.locator(`[data-lesson-card="${id}"] [data-lesson-mark]`);
    await expect.poll(() => mark(ids[0]!).textContent()).toBe('✓ Completed');
    expect(await mark(ids[1]!).textContent()).toBe('◐ Started');
    expect(await mark(ids[2]!).textContent()).toBe('');
    expect(await page.locator('[data-module-page] [data-progress-text]').textContent()).toMatch(new RegExp(`^1 of ${ids.length} lessons completed`));
    expect(await page.locator('[data-module-page] progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([1, ids.length]);
    expect(await page.locator('[data-module-done]').isHidden()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Completing the second lesson in another tab marks it here without a reload.
    const other = await open(`en/${ids[1]}/`);
    await waitReady(other);
    await markButton(other).click();
    await expect.poll(() => mark(ids[1]!).textContent()).toBe('✓ Completed');
    await other.close();
    await page.close();
  });
});

describe('no layout shift when islands hydrate', () => {
  it('the course home and a lesson keep their layout while saved progress appears', async () => {
    const page = await browser.newPage();
    const at = new Date().toISOString();
    await onNextLoad(page, KEY, JSON.stringify({ version: 1, siteId: 'demo', updatedAt: at, lessons: { [LESSON]: { completedAt: at } }, lastLesson: { id: LESSON, locale: 'en', at } }));
    for (const path of ['en/', `en/${LESSON}/`, 'en/forsorja-sig/']) {
      await page.addInitScript(() => {
        const w = window as unknown as { shift: number };
        w.shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) w.shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.url}${path}`);
      await page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="load"]'));
      await page.waitForTimeout(300);
      // Google's "good" Cumulative Layout Shift is under 0.1; the placeholders keep it near 0.
      expect(await page.evaluate(() => (window as unknown as { shift: number }).shift), path).toBeLessThan(0.05);
      if (path === 'en/') await expect.poll(() => page.locator('[data-next-step]').getAttribute('data-next-step')).toBe('continue');
    }
    await page.close();
  });
});

describe('export and import', () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('public/schemas/progress.v2.json', 'utf8')));

  async function importFile(page: Page, path: string) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import progress' }).click();
    await (await chooser).setFiles(path);
  }

  it('export, clear the storage, import: everything is back', async () => {
    const page = await open(`en/${LESSON}/`);
    await reloadWithEmptyStorage(page);
    await waitReady(page);
    await markButton(page).click();
    await open('en/halsa/', page);
    const firstHealthLesson = await page.locator('[data-lesson-card]').first().getAttribute('data-lesson-card');
    await page.locator('[data-lesson-card] a').first().click();
    await page.waitForURL(`${server.url}en/${firstHealthLesson}/`);
    await waitReady(page);
    await markButton(page).click();
    await expect.poll(() => completion(page)).toBe('done');

    await open('en/progress/', page);
    await waitReady(page);
    // Hand-over comes first on the page: before the first module's list, it explains itself and
    // points to the passport.
    const handover = page.locator('[data-handover]');
    expect(await handover.evaluate((h) => !!(h.compareDocumentPosition(document.querySelector('[data-module-progress]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await handover.getByRole('heading').textContent()).toBe('Give your progress to your teacher, or move it');
    await handover.getByRole('link', { name: /progress passport/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#passport-heading');
    await page.getByLabel('Your name (optional)').fill('Amal');
    await page.getByLabel('Your name (optional)').blur();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const saved = await download;
    // The name tells a teacher's files apart: site, participant, day.
    const day = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    expect(saved.suggestedFilename()).toBe(`demo-progress-Amal-${day}.json`);
    // The page says where the file went and how to give it to the teacher.
    const said = await handover.getByRole('status').textContent();
    expect(said).toContain(`Saved as “demo-progress-Amal-${day}.json”`);
    expect(said).toMatch(/Downloads.*teacher/s);
    const path = join(files, 'export.json');
    await saved.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(exported.$schema).toBe('https://exempelby.example/schemas/progress.v2.json');
    expect(exported.participantName).toBe('Amal');
    expect(exported.lessons.filter((l: { completed: boolean }) => l.completed).map((l: { id: string }) => l.id).sort()).toEqual([LESSON, firstHealthLesson].sort());

    await reloadWithEmptyStorage(page);
    await waitReady(page);
    await expect.poll(() => page.locator('[data-completed="true"]').count()).toBe(0);
    await importFile(page, path);
    const preview = page.getByRole('region', { name: 'Check before you import' });
    await expect.poll(() => preview.textContent()).toContain('Lessons that will be marked completed: 2');
    // Nothing is stored before the participant confirms.
    expect((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '').not.toContain(LESSON);
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'imported' }).count()).toBe(1);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.locator('[data-completed="true"]').count()).toBe(2);
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Amal');
    await page.close();
  });

  it('a malformed file and a wrong version each get an error, and nothing changes', async () => {
    const page = await open('en/progress/');
    await waitReady(page);
    const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
    expect(before).toContain(LESSON);
    const malformed = join(files, 'malformed.json');
    writeFileSync(malformed, '{"kind":"orienta.progress", "schemaVersion": 1, "lessons": [');
    await importFile(page, malformed);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was changed' }).textContent()).toMatch(/not a file from the course/);
    const wrongVersion = join(files, 'v9.json');
    writeFileSync(wrongVersion, JSON.stringify({ $schema: 'x', schemaVersion: 9, kind: 'orienta.progress', siteId: 'demo', exportedAt: new Date().toISOString(), lessons: [] }));
    await importFile(page, wrongVersion);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was changed' }).textContent()).toMatch(/newer version/);
    const hostile = join(files, 'hostile.json');
    writeFileSync(hostile, JSON.stringify({ $schema: 'x', schemaVersion: 1, kind: 'orienta.progress', siteId: 'demo', exportedAt: new Date().toISOString(), participantName: '<img src=x onerror=alert(1)>', lessons: [] }));
    await importFile(page, hostile);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was changed' }).textContent()).toMatch(/contains code/);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
    expect(await page.getByRole('region', { name: 'Check before you import' }).count()).toBe(0);
    await page.close();
  });
});

describe('broken storage', () => {
  it('a corrupted stored value: no crash, a notice, and the raw value kept aside', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, KEY, '{"version":1,"lessons":{oops');
    await open(`en/${LESSON}/`, page);
    await waitReady(page);
    const notice = page.locator('[data-storage-problem="stored-unreadable-kept"]');
    await expect.poll(() => notice.textContent()).toMatch(/could not keep your progress/);
    const kept = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:unreadable:`)).map((k) => localStorage.getItem(k)), KEY);
    expect(kept).toContain('{"version":1,"lessons":{oops');
    // The page still works: the lesson can be marked completed.
    await markButton(page).click();
    await expect.poll(() => completion(page)).toBe('done');
    await page.close();
  });

  it('blocked storage: the page reads fine and says progress will not be kept', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await open(`en/${LESSON}/`, page);
    await waitReady(page);
    await expect.poll(() => page.locator('[data-storage-problem="storage-unavailable"]').textContent()).toMatch(/will not be kept/);
    expect(await page.locator('article[data-lesson]').textContent()).toContain('a-kassa');
    await page.close();
  });
});

describe('tabs', () => {
  it('completion in one tab shows in the other', async () => {
    const first = await open(`en/${LESSON}/`);
    await reloadWithEmptyStorage(first);
    const second = await open('en/progress/');
    await waitReady(first);
    await waitReady(second);
    const row = second.locator(`[data-lesson-progress="${LESSON}"]`);
    await expect.poll(() => row.getAttribute('data-completed')).toBe('false');
    await markButton(first).click();
    await expect.poll(() => row.getAttribute('data-completed')).toBe('true');
    await first.close();
    await second.close();
  });
});

describe('certificate', () => {
  it('prints to PDF with the typed name and the completed modules', async () => {
    const page = await open('en/progress/');
    await waitReady(page);
    // The lesson list comes with the course outline, which the page loads after it starts.
    await page.locator('.progress-page[data-ready="true"]').waitFor();
    const ids = await page.locator('[data-lesson-progress]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson-progress')!));
    const at = new Date().toISOString();
    await onNextLoad(page, KEY, JSON.stringify({ version: 1, siteId: 'demo', updatedAt: at, lessons: Object.fromEntries(ids.map((id) => [id, { completedAt: at }])) }));
    await open('en/certificate/', page);
    await page.getByLabel('Name on the summary').fill('Amal Hassan');
    await expect.poll(() => page.locator('.certificate[data-complete="true"] .statement').textContent()).toContain('Amal Hassan');
    const pdf = await page.pdf({ format: 'A4' });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('Amal Hassan');
    expect(text).toContain('Exempelby kommun');
    expect(text).toContain('Course summary');
    const titles = await page.locator('.certificate tbody td:first-child').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(8);
    for (const title of titles) expect(text.replace(/\s+/g, ' ')).toContain(title.replace(/\s+/g, ' '));
    await page.close();
  });
});

describe('accessibility of progress pages (axe)', () => {
  for (const locale of ['en', 'ar']) {
    for (const path of ['progress/', 'certificate/']) {
      it(`${locale}/${path} has no violations`, async () => {
        const page = await open(`${locale}/${path}`);
        await waitReady(page);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});
