/**
 * Device data must never lie (issue #12), tried in Chromium as a participant meets it: a full
 * storage while answering a survey, a damaged value opened many times, a damaged value that
 * cannot even be copied, assignments written by a newer version, an export whose file never
 * arrived, names that carry bidi controls, and imported files dated in the future or built to
 * exhaust the parser.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { serveForTests } from '../support/harness.ts';
import { onNextLoad } from '../support/storage.ts';
import { DIST } from '../support/dist.ts';
import { assignmentLink, makeAssignment } from '../../src/lib/assignment/encode.ts';

let server: StaticServer;
let browser: TestBrowser;
const files = mkdtempSync(join(tmpdir(), 'orienta-device-data-'));
const LESSON = 'forsorja-sig/a-kassa';
const PROGRESS = 'orienta:demo:progress';
const ASSIGNMENTS = 'orienta:demo:assignments';

serveForTests({ browser: { locale: 'en-GB' } }, (s, b) => {
  server = s;
  browser = b;
});

async function ready(page: Page) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr], [data-lesson-completion] [data-complete][disabled]'));
}

/** From the next document on, writes to localStorage fail as on a full device, until `window.__orientaFull = false`. */
async function fillStorage(page: Page, onlyKeysContaining = '') {
  await page.addInitScript((part) => {
    const original = Storage.prototype.setItem;
    (window as unknown as { __orientaFull: boolean }).__orientaFull = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.localStorage && (window as unknown as { __orientaFull: boolean }).__orientaFull && key.includes(part)) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  }, onlyKeysContaining);
}

const keysLike = (page: Page, prefix: string) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix);

describe('a full storage', () => {
  it('a survey answered on a full device says it was not saved, keeps the answers, exports them, and saves on retry', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await fillStorage(page);
    await page.goto(`${server.url}en/surveys/course/`);
    await ready(page);
    const overall = page.locator('fieldset[data-question]').filter({ has: page.getByRole('radio') }).first();
    await overall.getByRole('radio').nth(4).check();
    const text = page.locator('textarea').first();
    await text.fill('More visits to workplaces, please');
    await page.getByRole('button', { name: 'Save my answers' }).click();

    const alert = page.locator('[data-unsaved="storage-full"]');
    await expect.poll(() => alert.textContent()).toMatch(/not saved.*storage is full/s);
    expect(await page.getByText('Thank you').count()).toBe(0);
    expect(await text.inputValue()).toBe('More visits to workplaces, please');
    expect(await overall.getByRole('radio').nth(4).isChecked()).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export these answers to a file' }).click();
    const path = join(files, 'unsaved.json');
    await (await download).saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.responses).toHaveLength(1);
    expect(Object.values(file.responses[0].answers)).toContain('More visits to workplaces, please');

    // Room again: "Try saving again" stores the same answer once.
    await page.evaluate(() => ((window as unknown as { __orientaFull: boolean }).__orientaFull = false));
    await page.getByRole('button', { name: 'Try saving again' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Thank you/);
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('orienta:demo:surveys')))!);
    expect(stored.responses).toHaveLength(1);
    expect(stored.responses[0].responseId).toBe(file.responses[0].responseId);
    await page.close();
  });
});

describe('damaged stored values', () => {
  it('are copied aside once, however often the participant comes back', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/`);
    await page.evaluate(() => localStorage.clear());
    await onNextLoad(page, PROGRESS, '{"version":1,"lessons":{broken-once');
    // The progress page only reads: the damaged value stays until the participant changes something.
    for (let visit = 0; visit < 3; visit++) {
      await page.goto(`${server.url}en/progress/`);
      await ready(page);
      await expect.poll(() => page.locator('[data-storage-problem="stored-unreadable-kept"]').count()).toBe(1);
    }
    expect(await keysLike(page, `${PROGRESS}:unreadable:`)).toHaveLength(1);
    // The first change replaces the damaged value (its copy is kept); the notice is then gone.
    await page.goto(`${server.url}en/${LESSON}/`);
    await ready(page);
    await page.goto(`${server.url}en/progress/`);
    await ready(page);
    expect(await page.locator('[data-storage-problem]').count()).toBe(0);
    expect(await keysLike(page, `${PROGRESS}:unreadable:`)).toHaveLength(1);
    await page.close();
  });

  it('are left untouched when not even a copy fits, the notice says so truthfully, and the page keeps working', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, PROGRESS, '{"version":1,"lessons":{broken-no-room');
    await fillStorage(page, ':unreadable:');
    await page.goto(`${server.url}en/${LESSON}/`);
    await ready(page);
    // The lesson says in one line that progress could not be kept, and links to the details.
    const notice = page.locator('[data-storage-problem="stored-unreadable-not-kept"]');
    await expect.poll(() => notice.textContent()).toMatch(/could not keep your progress.*See why in My progress/s);
    const button = page.getByRole('button', { name: 'Mark as completed' });
    await button.click();
    await expect.poll(() => page.locator('[data-completed-label]').isVisible()).toBe(true);
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS)).toBe('{"version":1,"lessons":{broken-no-room');
    expect(await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:unreadable:`)).map((k) => localStorage.getItem(k)), PROGRESS)).not.toContain('{"version":1,"lessons":{broken-no-room');
    // "My progress" names the exact problem, truthfully: no copy was kept.
    await page.locator('[data-storage-problem] a').click();
    await ready(page);
    await expect.poll(() => page.locator('[data-storage-problem="stored-unreadable-not-kept"]').textContent()).toMatch(/no room to keep a copy.*left it untouched/s);
    expect(await page.getByText('We kept a copy').count()).toBe(0);
    await page.close();
  });
});

describe('assignments', () => {
  const made = makeAssignment({ group: 'SFI B tisdagar', locale: 'en', modules: ['forsorja-sig'], lessons: [], site: 'demo' });
  if (!made.ok) throw new Error('test assignment is invalid');

  it('written by a newer version are left untouched when a link arrives, and the page says why', async () => {
    const newer = JSON.stringify({ version: 7, assignments: [{ from: 'the future' }] });
    const page = await browser.newPage();
    await onNextLoad(page, ASSIGNMENTS, newer);
    await page.goto(assignmentLink(server.url, 'en', made.assignment));
    await ready(page);
    await expect.poll(() => page.locator('[data-storage-problem="stored-newer"]').textContent()).toMatch(/newer version.*left it untouched/s);
    // The link's assignment shows for this visit, and the stored value is exactly as it was.
    await expect.poll(() => page.locator('[data-assignment]').count()).toBe(1);
    expect(await page.evaluate((key) => localStorage.getItem(key), ASSIGNMENTS)).toBe(newer);
    await page.close();
  });

  it('that cannot be read show a notice instead of silently disappearing', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, ASSIGNMENTS, '{"version":1,"assignments":[{"group":');
    await page.goto(`${server.url}en/`);
    await ready(page);
    await expect.poll(() => page.locator('.assignments [data-storage-problem="stored-unreadable-kept"]').count()).toBe(1);
    expect(await page.locator('.assignments').isVisible()).toBe(true);
    await page.close();
  });
});

describe('exporting survey answers', () => {
  it('a download the participant says did not arrive leaves the answers in the next export', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/surveys/course/`);
    await ready(page);
    await page.locator('fieldset[data-question]').filter({ has: page.getByRole('radio') }).first().getByRole('radio').nth(3).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Thank you/);
    await page.goto(`${server.url}en/surveys/`);
    await ready(page);

    const first = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export survey answers' }).click();
    await (await first).cancel();
    await page.getByRole('button', { name: 'No, it did not save' }).click();
    expect(await page.getByText('Answers not exported yet: 1').count()).toBe(1);

    const second = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export survey answers' }).click();
    const path = join(files, 'second.json');
    await (await second).saveAs(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).responses).toHaveLength(1);
    await page.getByRole('button', { name: 'Yes, I have the file' }).click();
    await expect.poll(() => page.getByText('Answers not exported yet: 0').count()).toBe(1);
    // Everything can still be exported again, whenever the participant needs it.
    const again = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all answers again' }).click();
    const againPath = join(files, 'again.json');
    await (await again).saveAs(againPath);
    expect(JSON.parse(readFileSync(againPath, 'utf8')).responses).toHaveLength(1);
    await page.close();
  });
});

describe('changes to the course', () => {
  it('a returning reader is told what changed in a lesson since they last opened it; a first-time reader is not', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/${LESSON}/`);
    await ready(page);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-changed-since]').isVisible()).toBe(false);
    // Opened long before the course's a-kassa entry (new rules from 1 October 2025, logged 2026-12-07).
    await onNextLoad(page, 'orienta:demo:visits', JSON.stringify({ version: 1, lessons: { [LESSON]: '2026-01-10' } }));
    await page.reload();
    await ready(page);
    const notice = page.locator('[data-changed-since]');
    await expect.poll(() => notice.textContent()).toMatch(/Changed since you last looked/);
    await notice.getByRole('link', { name: 'All changes to the course' }).click();
    await page.waitForURL(`${server.url}en/changes/`);
    expect(await page.locator(`[data-change] a[href$="/en/${LESSON}/"]`).count()).toBeGreaterThan(0);
    // Seen now: the next visit is quiet.
    await page.goto(`${server.url}en/${LESSON}/`);
    await ready(page);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-changed-since]').isVisible()).toBe(false);
    await page.close();
  });
});

describe('names and imported files', () => {
  const outline = JSON.parse(readFileSync(join(DIST, 'en', 'course.json'), 'utf8')) as { modules: Array<{ lessons: Array<{ id: string }> }> };
  const allDone = (name: string) => {
    const at = '2026-11-01T10:00:00.000Z';
    const lessons = Object.fromEntries(outline.modules.flatMap((m) => m.lessons.map((l) => [l.id, { completedAt: at }])));
    return JSON.stringify({ version: 1, siteId: 'demo', updatedAt: at, lessons, participantName: name });
  };

  it('a name with bidi controls cannot reverse the certificate sentence, and a typed one is stored without them', async () => {
    const page = await browser.newPage();
    // Stored by an earlier version, with a right-to-left override inside.
    await onNextLoad(page, PROGRESS, allDone('Amina \u202EKhalil'));
    await page.goto(`${server.url}en/certificate/`);
    await ready(page);
    const statement = page.locator('.certificate .statement');
    await expect.poll(() => statement.locator('bdi').count()).toBe(1);
    expect(await statement.textContent()).toMatch(/has completed the course/);

    const field = page.getByLabel('Your name on the certificate').or(page.locator('#certificate-name'));
    await field.fill('\u2067Omar\u2069 Ali\u202E');
    await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).participantName, PROGRESS)).toBe('Omar Ali');
    await page.close();
  });

  it('an import dated in the future and one nested to exhaust the parser each get their own message', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/progress/`);
    await ready(page);
    const importFile = async (name: string, text: string) => {
      const path = join(files, name);
      writeFileSync(path, text);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import progress' }).click();
      await (await chooser).setFiles(path);
    };
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
    await importFile('future.json', JSON.stringify({ $schema: 'x', schemaVersion: 1, kind: 'orienta.progress', siteId: 'demo', exportedAt: future, lessons: [] }));
    await expect.poll(() => page.locator('[data-message="error"]:not(:empty)').textContent()).toMatch(/date in the future/);
    await importFile('deep.json', `{"kind":"orienta.progress","schemaVersion":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    await expect.poll(() => page.locator('[data-message="error"]:not(:empty)').textContent()).toMatch(/built in a way that no file from the course is/);
    expect(await page.locator('[data-message="error"]:not(:empty)').textContent()).not.toMatch(/contains code/);
    await page.close();
  });
});
