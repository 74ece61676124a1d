/**
 * Teachers and assignments in Chromium: build an assignment, open its link in a fresh browser,
 * complete an assigned lesson, a tampered link, the QR code, the handout, the group overview.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { decodeQrSvg } from '../support/qr.ts';
import { serveForTests } from '../support/harness.ts';

let server: StaticServer;
let teacher: TestBrowser;
let link = '';
const dir = mkdtempSync(join(tmpdir(), 'orienta-teacher-'));

serveForTests({ browser: { locale: 'en-GB' } }, (s, b) => {
  server = s;
  teacher = b;
});

async function ready(page: Page) {
  // Islands that load on page load; SelfCheck and Save for offline wait until they are visible.
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr][client="load"]'));
}

describe('building an assignment', () => {
  it('picks modules and a single lesson with a running total, and makes a link, a QR code and a handout', async () => {
    const page = await teacher.newPage();
    await page.goto(`${server.url}en/teacher/`);
    await ready(page);
    await page.locator('[data-pick-module="halsa"] > label input').check();
    const work = page.locator('[data-pick-module="forsorja-sig"]');
    await work.getByText('Choose single lessons').click();
    await work.locator('details label').filter({ hasText: /unemployed|a-kassa/i }).locator('input').check();
    await expect.poll(() => page.locator('[data-total]').textContent()).toMatch(/^Chosen: 5 lessons, about [\d.]+ hours$/);
    await page.getByRole('button', { name: 'Create link and QR code' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("Write the group's name");
    await page.getByLabel('Group name').fill('مجموعة الثلاثاء');
    await page.getByLabel('Due date (optional)').fill('2026-12-15');
    await page.getByLabel("The participants' language").selectOption('ar');
    await page.getByRole('button', { name: 'Create link and QR code' }).click();
    const input = page.locator('#assignment-link');
    await input.waitFor();
    link = await input.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}ar/#a=1\\.`));
    // The QR code decodes back to the link.
    const svg = await page.locator('.qr').innerHTML();
    expect(decodeQrSvg(svg)).toBe(link);
    expect(await page.locator('.qr').getAttribute('aria-label')).toBe('QR code for the assignment of مجموعة الثلاثاء');
    // The handout carries the logo, the modules in Arabic and Swedish, the due date and the QR code.
    await page.getByRole('link', { name: 'Open the printable handout' }).click();
    await page.locator('.handout').waitFor();
    expect(await page.locator('.certificate-head img').getAttribute('alt')).toBe('Exempelby kommun');
    const langs = await page.locator('.handout-lang').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
    expect(langs).toEqual(['ar', 'sv-SE']);
    expect(await page.locator('.handout-lang[lang="sv-SE"]').textContent()).toContain('Att vårda sin hälsa i Sverige');
    expect(await page.locator('.handout-lang[lang="sv-SE"]').textContent()).toContain('15 december 2026');
    expect(decodeQrSvg(await page.locator('.handout .qr').innerHTML())).toBe(link);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('receiving an assignment', () => {
  it('opening the link in a fresh browser saves and shows it; completing a lesson shows progress', async () => {
    const participant = await launchBrowser({ locale: 'ar' });
    const page = await participant.newPage();
    await page.goto(link);
    await ready(page);
    const card = page.locator('[data-assignment]');
    await card.waitFor();
    expect(await card.textContent()).toContain('مجموعة الثلاثاء');
    expect(page.url()).toBe(`${server.url}ar/`);
    expect(await card.locator('[data-assigned-item]').count()).toBe(2);
    expect(await card.locator('[data-assignment-progress]').textContent()).toMatch(/\b0\D+5\b/);
    // Opening the same link again keeps one assignment.
    await page.goto('about:blank');
    await page.goto(link);
    await ready(page);
    await expect.poll(() => page.locator('[data-assignment]').count()).toBe(1);
    // Complete the assigned single lesson.
    await page.goto(`${server.url}ar/forsorja-sig/a-kassa/`);
    await ready(page);
    await page.locator('.lesson-progress button').click();
    await page.goto(`${server.url}ar/`);
    await ready(page);
    await expect.poll(() => page.locator('[data-assigned-item="forsorja-sig/a-kassa"]').getAttribute('data-done')).toBe('true');
    expect(await page.locator('[data-assignment-progress]').textContent()).toMatch(/\b1\D+5\b/);
    // It shows on the progress page too, and can be removed there.
    await page.goto(`${server.url}ar/progress/`);
    await ready(page);
    await page.locator('[data-assignment] button').click();
    await expect.poll(() => page.locator('[data-assignment]').count()).toBe(0);
    await participant.close();
  });

  it('a tampered or truncated link shows an error and stores nothing', async () => {
    const participant = await launchBrowser({ locale: 'en-GB' });
    const page = await participant.newPage();
    const fragment = link.split('#')[1]!;
    const tampered = `${server.url}en/#${fragment.replace(/halsa/, 'halsb')}`;
    await page.goto(tampered);
    await ready(page);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).textContent()).toMatch(/has been changed/);
    await page.goto(`${server.url}en/#${fragment.slice(0, 30)}`);
    await page.reload();
    await ready(page);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).textContent()).toMatch(/not complete|changed/);
    expect(await page.evaluate(() => localStorage.getItem('orienta:demo:assignments'))).toBeNull();
    await participant.close();
  });
});

describe('the group overview', () => {
  const file = (name: string | undefined, lessons: Array<[string, boolean, number?]>) =>
    JSON.stringify({
      $schema: 'https://exempelby.example/schemas/progress.v1.json',
      schemaVersion: 1,
      kind: 'orienta.progress',
      siteId: 'demo',
      exportedAt: '2026-11-20T10:00:00.000Z',
      ...(name ? { participantName: name } : {}),
      lessons: lessons.map(([id, completed, score]) => ({
        id,
        completed,
        ...(completed ? { completedAt: '2026-11-19T10:00:00.000Z' } : {}),
        ...(score !== undefined ? { selfCheck: { latest: { score, total: 4, at: '2026-11-19T10:00:00.000Z' }, best: { score, total: 4, at: '2026-11-19T10:00:00.000Z' } } } : {}),
      })),
    });

  it('shows participants × assigned modules from three progress files, and downloads CSV', async () => {
    const health = readFileSync('content/lessons/sv/halsa/varden-i-sverige.mdx', 'utf8') ? ['halsa/varden-i-sverige', 'halsa/psykisk-halsa', 'halsa/halsa-och-arbetsmiljo', 'halsa/levnadsvanor'] : [];
    const paths = [
      ['amal.json', file('Amal', health.map((id) => [id, true, 4] as [string, boolean, number]))],
      ['bo.json', file('Bo', [[health[0]!, true, 2], [health[1]!, false]])],
      ['anon.json', file(undefined, [])],
    ].map(([name, text]) => {
      const path = join(dir, name!);
      writeFileSync(path, text!);
      return path;
    });
    const page = await teacher.newPage();
    await page.goto(`${server.url}en/teacher/`);
    await ready(page);
    await page.locator('[data-pick-module="halsa"] > label input').check();
    await page.locator('input[type=file][multiple]').setInputFiles(paths);
    const table = page.locator('table[data-overview]');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Participant', 'Taking care of your health in Sweden']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.getAttribute('data-status')]));
    expect(rows).toEqual([['Amal', 'completed'], ['Bo', 'in-progress'], ['Participant 1', 'not-started']]);
    expect(await table.locator('tbody tr').first().locator('td').textContent()).toContain('self-check: 100 %');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the table (CSV)' }).click();
    const csvPath = join(dir, 'overview.csv');
    await (await download).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^Amal,/);
    expect(csv).not.toContain('amal.json');
    await page.close();
  });
});

describe('accessibility of teacher pages (axe)', () => {
  for (const locale of ['en', 'ar']) {
    it(`${locale}/teacher/ has no violations`, async () => {
      const page = await teacher.newPage();
      await page.goto(`${server.url}${locale}/teacher/`);
      await ready(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
