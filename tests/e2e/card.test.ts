/**
 * The competence card (issue #15) as a participant uses it in Chromium: filled in in Arabic,
 * reloaded, printed in Swedish with the Arabic text right to left, saved as a file, storage
 * cleared, and the file opened again; bad input that must be refused or made safe without losing
 * anything; the "Add to my plan" button on a lesson; and the teacher's blank card.
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
import { axeViolations } from '../support/axe.ts';
import { cardFileV1Schema } from '../../src/schemas/competence-card.ts';
import ar from '../../src/i18n/ui/ar.json' with { type: 'json' };
import en from '../../src/i18n/ui/en.json' with { type: 'json' };
import sv from '../../src/i18n/ui/sv.json' with { type: 'json' };

let server: StaticServer;
let browser: TestBrowser;
const files = mkdtempSync(join(tmpdir(), 'orienta-card-'));
const CARD = 'orienta:demo:card';
const PROGRESS = 'orienta:demo:progress';

serveForTests({ browser: { locale: 'ar' } }, (s, b) => {
  server = s;
  browser = b;
});

async function ready(page: Page) {
  await page.waitForSelector('.card-editor[data-ready]');
}

const storedCard = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.card, CARD);

/** A progress envelope with every lesson of the first module completed. */
async function firstModuleDone(): Promise<{ value: string; title: string }> {
  const outline = (await (await fetch(`${server.url}sv/course.json`)).json()) as { modules: Array<{ title: string; lessons: Array<{ id: string }> }> };
  const module = outline.modules[0]!;
  const lessons = Object.fromEntries(module.lessons.map((l) => [l.id, { completedAt: '2026-11-20T10:00:00.000Z' }]));
  return { value: JSON.stringify({ version: 1, siteId: 'demo', updatedAt: '2026-11-20T10:00:00.000Z', lessons }), title: module.title };
}

describe('the competence card in Arabic', () => {
  it('is filled in, survives a reload, prints in Swedish with the Arabic right to left, and moves through a file', async () => {
    const page = await browser.newPage();
    const progress = await firstModuleDone();
    await onNextLoad(page, PROGRESS, progress.value);
    await page.goto(`${server.url}ar/card/`);
    await ready(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    await page.getByLabel(ar['card.name'], { exact: true }).fill('أمينة حسن');
    await page.getByLabel(ar['card.contact'], { exact: true }).fill('070-123 45 67');
    await page.locator('#card-wishes').fill('أريد العمل في رعاية المسنين، بدوام كامل.');

    await page.getByRole('button', { name: ar['card.add.work'] }).click();
    // The new entry's first field has focus, so a keyboard user writes on at once.
    await page.keyboard.type('ممرضة');
    const work = page.locator('[data-entry="work"]').first();
    await work.getByLabel(ar['card.field.employer']).fill('مستشفى حلب');
    await work.getByLabel(ar['card.field.period']).fill('2015–2019');
    await work.getByLabel(ar['card.field.workDescription']).fill('رعاية المرضى\nإعطاء الأدوية');

    await page.getByRole('button', { name: ar['card.add.language'] }).click();
    await page.getByRole('button', { name: ar['card.add.language'] }).click();
    await page.locator('[data-entry="languages"]').nth(1).getByLabel(ar['card.level']).selectOption('basic');
    await page.locator('.licences label').filter({ hasText: /^B$/ }).locator('input').check();
    await page.getByRole('button', { name: ar['card.add.skill'] }).click();
    await page.keyboard.type('رعاية المسنين');

    await expect.poll(async () => (await storedCard(page))?.skills?.[0]?.text).toBe('رعاية المسنين');
    await page.reload();
    await ready(page);
    expect(await page.getByLabel(ar['card.name'], { exact: true }).inputValue()).toBe('أمينة حسن');
    expect(await page.locator('[data-entry="work"]').first().getByLabel(ar['card.field.workTitle']).inputValue()).toBe('ممرضة');
    expect(await page.locator('[data-entry="languages"]').count()).toBe(2);
    expect(await page.locator('.licences label').filter({ hasText: /^B$/ }).locator('input').isChecked()).toBe(true);
    const stored = await storedCard(page);
    expect(stored.textLanguage).toBe('ar');
    expect(stored.languages.map((l: { code: string; level: string }) => [l.code, l.level])).toEqual([['ar', 'mother-tongue'], ['sv', 'basic']]);
    // The finished module is on the card.
    expect(await page.locator('#h-modules + ul li').count()).toBe(1);

    // Print: only the Swedish card, the participant's text marked Arabic and right to left.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('[data-card-print]');
    expect(await printed.isVisible()).toBe(true);
    expect(await page.locator('.card-editor').isVisible()).toBe(false);
    expect(await page.locator('h1').first().isVisible()).toBe(false);
    expect(await printed.getAttribute('lang')).toBe('sv');
    const text = await printed.innerText();
    for (const swedish of [sv['card.printTitle'], sv['card.section.work'], sv['card.section.languages'], sv['card.section.licences'], sv['card.section.skills'], sv['card.section.modules'], 'arabiska: Modersmål', 'svenska: Grundläggande', 'Skrivet av deltagaren på arabiska.', progress.title]) {
      expect(text).toContain(swedish);
    }
    const bodyText = await page.locator('body').innerText();
    expect(bodyText).not.toContain(ar['card.title']);
    expect(bodyText).not.toContain(ar['card.add.work']);
    const nurse = printed.locator('.own-text', { hasText: 'ممرضة' });
    expect(await nurse.getAttribute('lang')).toBe('ar');
    expect(await nurse.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await printed.locator('.own-text', { hasText: 'رعاية المرضى' }).evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    expect(await printed.locator('h3').first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.emulateMedia({ media: 'screen' });

    // Save as a file: the published format, in Swedish where the site speaks.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: ar['card.export'] }).click();
    const path = join(files, 'card.json');
    await (await download).saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(cardFileV1Schema.safeParse(file).success).toBe(true);
    expect(file.$schema).toMatch(/\/schemas\/competence-card\.v1\.json$/);
    expect(file.card.name).toBe('أمينة حسن');
    expect(file.card.work[0]).toMatchObject({ title: 'ممرضة', organisation: 'مستشفى حلب', period: '2015–2019' });
    expect(file.finishedModules).toEqual([expect.objectContaining({ title: progress.title, finishedOn: '2026-11-20' })]);

    // A new device: nothing stored. The file brings the card back after a preview and a yes.
    await onNextLoad(page, null, null);
    await page.reload();
    await ready(page);
    expect(await page.getByLabel(ar['card.name'], { exact: true }).inputValue()).toBe('');
    await page.locator('input[type=file]').setInputFiles(path);
    const preview = page.locator('#card-import-title');
    await preview.waitFor();
    expect(await page.getByText(ar['card.importReplaceWarning']).count()).toBe(0);
    await page.getByRole('button', { name: ar['card.importConfirm'] }).click();
    await expect.poll(() => page.locator('[data-message="ok"]').textContent()).toBe(ar['card.importDone']);
    await page.reload();
    await ready(page);
    expect(await page.getByLabel(ar['card.name'], { exact: true }).inputValue()).toBe('أمينة حسن');
    expect(await page.locator('[data-entry="skills"] input').inputValue()).toBe('رعاية المسنين');

    await page.getByRole('button', { name: ar['card.showSwedish'] }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('bad input on the card', () => {
  it('keeps a text that is too long on screen without saving it, and says why', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/card/`);
    await ready(page);
    const wishes = page.locator('#card-wishes');
    await wishes.fill('Warehouse work');
    await expect.poll(async () => (await storedCard(page))?.wishes).toBe('Warehouse work');
    const long = 'x'.repeat(1200);
    await wishes.fill(long);
    const error = page.locator('#card-wishes-error');
    expect(await error.textContent()).toBe(en['card.tooLong'].replace('{{count}}', '1,200').replace('{{max}}', '1,000'));
    expect(await wishes.getAttribute('aria-invalid')).toBe('true');
    expect(await wishes.inputValue()).toBe(long);
    expect((await storedCard(page)).wishes).toBe('Warehouse work');
    // Leaving the field keeps the text there to shorten.
    await page.locator('#card-name').focus();
    expect(await wishes.inputValue()).toBe(long);
    await wishes.fill('x'.repeat(999));
    expect(await error.count()).toBe(0);
    await expect.poll(async () => (await storedCard(page))?.wishes?.length).toBe(999);
    await page.close();
  });

  it('makes markup and bidi controls harmless, says so, and prints them as text', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/card/`);
    await ready(page);
    await page.locator('#card-name').fill('<b>Ali</b>\u202e Hassan');
    await expect.poll(async () => (await storedCard(page))?.name).toBe('\uff1cb>Ali\uff1c/b> Hassan');
    expect(await page.locator('#card-name-note').textContent()).toBe(en['card.textCleaned']);
    await page.getByRole('button', { name: en['card.showSwedish'] }).click();
    const printed = page.locator('[data-card-print]');
    expect(await printed.locator('b').count()).toBe(0);
    expect(await printed.locator('.print-name').textContent()).toBe('\uff1cb>Ali\uff1c/b> Hassan');
    await page.close();
  });

  it('refuses to print or save an empty card, with a message', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/card/`);
    await ready(page);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: en['card.print'] }).click();
    expect(await page.locator('[data-message="error"]').textContent()).toBe(en['card.empty']);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: en['card.export'] }).click();
    expect(await page.locator('[data-message="error"]').textContent()).toBe(en['card.empty']);
    await page.waitForTimeout(300);
    expect(downloaded).toBe(false);
    // With something on it, printing goes to the browser.
    await page.locator('#card-name').fill('Ali');
    await page.getByRole('button', { name: en['card.print'] }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
  });

  it('refuses hostile or foreign files, and asks before replacing a card', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/card/`);
    await ready(page);
    await page.locator('#card-name').fill('Ali');
    await expect.poll(async () => (await storedCard(page))?.name).toBe('Ali');

    const good = {
      $schema: 'https://example.org/schemas/competence-card.v1.json',
      schemaVersion: 1,
      kind: 'orienta.competence-card',
      exportedAt: '2026-11-01T10:00:00.000Z',
      card: { textLanguage: 'so', name: 'Hodan', education: [], work: [], languages: [], drivingLicences: ['B'], certificates: [], skills: [], steps: [] },
      finishedModules: [],
    };
    const cases: Array<[string, string, string]> = [
      ['markup.json', JSON.stringify({ ...good, card: { ...good.card, name: '<img src=x onerror=alert(1)>' } }), en['data.error.markup']],
      ['progress.json', JSON.stringify({ ...good, kind: 'orienta.progress' }), en['data.error.wrong-kind']],
      ['newer.json', JSON.stringify({ ...good, schemaVersion: 2 }), en['data.error.newer-version']],
      ['broken.json', '{"kind": "orienta.competence-card", ', en['data.error.not-json']],
      ['future.json', JSON.stringify({ ...good, exportedAt: '2031-01-01T00:00:00.000Z' }), en['data.error.future-date']],
      ['dupes.json', JSON.stringify({ ...good, card: { ...good.card, skills: [{ id: '0b0b0b0b-0000-4000-8000-000000000000', text: 'a' }, { id: '0b0b0b0b-0000-4000-8000-000000000000', text: 'b' }] } }), en['data.error.invalid']],
    ];
    for (const [name, content, message] of cases) {
      const path = join(files, name);
      writeFileSync(path, content);
      await page.locator('input[type=file]').setInputFiles(path);
      await expect.poll(() => page.locator('[data-message="error"]').textContent(), { message: name }).toBe(message);
      expect(await page.locator('#card-import-title').count()).toBe(0);
    }
    expect((await storedCard(page)).name).toBe('Ali');

    // A good file over a card that has something: a warning, and Cancel changes nothing.
    const path = join(files, 'good.json');
    writeFileSync(path, JSON.stringify(good));
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByText(en['card.importReplaceWarning']).waitFor();
    await page.getByRole('button', { name: en['card.importCancel'] }).click();
    expect((await storedCard(page)).name).toBe('Ali');
    expect(await page.locator('[data-message="ok"]').textContent()).toBe(en['card.importCancelled']);
    await page.close();
  });

  it('brings back a removed entry with Undo, and asks before clearing the card', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/card/`);
    await ready(page);
    await page.getByRole('button', { name: en['card.add.skill'] }).click();
    await page.keyboard.type('Forklift');
    await page.getByRole('button', { name: en['card.add.skill'] }).click();
    await page.keyboard.type('Welding');
    await page.getByRole('button', { name: 'Remove Forklift' }).click();
    expect(await page.locator('[data-entry="skills"] input').count()).toBe(1);
    // Focus goes somewhere sensible, not to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-skills');
    await page.getByRole('button', { name: en['card.undo'] }).click();
    await expect.poll(async () => (await storedCard(page)).skills.map((s: { text: string }) => s.text)).toEqual(['Forklift', 'Welding']);

    await page.getByRole('button', { name: en['card.clear'] }).click();
    await page.getByRole('button', { name: en['card.importCancel'] }).click();
    expect((await storedCard(page)).skills).toHaveLength(2);
    await page.getByRole('button', { name: en['card.clear'] }).click();
    await page.getByRole('button', { name: en['card.clearYes'] }).click();
    await expect.poll(async () => (await storedCard(page)).skills).toEqual([]);
    expect(await page.locator('[data-message="ok"]').textContent()).toBe(en['card.cleared']);
    await page.close();
  });
});

describe('steps from the lessons', () => {
  it('"Add to my plan" on a lesson puts the step on the card, once, and it prints in Swedish', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/forsorja-sig/validering/`);
    const step = page.locator('[data-card-step="validering.book-meeting"]');
    await step.getByRole('button', { name: en['card.addStep'] }).click();
    await expect.poll(() => step.locator('[role=status]').textContent()).toBe(en['card.stepAdded']);
    expect(await step.getByRole('button', { name: en['card.addStep'] }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en['card.openCard']);

    await page.goto(`${server.url}en/card/`);
    await ready(page);
    const card = await storedCard(page);
    expect(card.steps).toEqual([expect.objectContaining({ stepId: 'validering.book-meeting', lessonId: 'forsorja-sig/validering', status: 'planned' })]);
    expect(await page.locator('[data-suggested-step="validering.book-meeting"]').count()).toBe(0);
    expect(await page.locator('[data-suggested-step="validering.list-experience"]').count()).toBe(1);
    await page.locator('[data-entry="steps"]').getByLabel(en['card.stepStatus']).selectOption('started');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-print-section="steps"]').innerText()).toContain('Boka ett möte om validering hos Arbetsförmedlingen (påbörjat)');
    await page.close();
  });
});

describe('the blank card for the class', () => {
  it('prints headings in Swedish and in the page language, with instructions, and passes axe', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}ar/teacher/card/`);
    const card = page.locator('[data-blank-card]');
    expect(await card.getAttribute('lang')).toMatch(/^sv\b/);
    const heading = card.locator('h3').filter({ hasText: sv['card.section.work'] });
    expect(await heading.locator('[lang="ar"]').textContent()).toBe(ar['card.section.work']);
    expect(await page.locator('.card-instructions li').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await card.isVisible()).toBe(true);
    expect(await page.locator('.card-instructions').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: ar['card.blank.print'] }).isVisible()).toBe(false);
    await page.close();
  });
});
