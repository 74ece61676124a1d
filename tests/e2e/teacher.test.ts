/**
 * Teachers and assignments in Chromium: build an assignment, open its link in a fresh browser,
 * complete an assigned lesson, a tampered link, the QR code, the handout, the class grid from files.
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
import { onNextLoad } from '../support/storage.ts';

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
    await page.locator('.lesson-progress [data-complete]').click();
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

describe('the class grid from files', () => {
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

  it('adds participants from progress files to the class grid, once each, and downloads the screen as CSV', async () => {
    const health = ['halsa/varden-i-sverige', 'halsa/psykisk-halsa', 'halsa/halsa-och-arbetsmiljo', 'halsa/levnadsvanor'];
    const paths = [
      ['amal.json', file('Amal', health.map((id) => [id, true, 4] as [string, boolean, number]))],
      ['bo.json', file('Bo', [[health[0]!, true, 2], [health[1]!, false, 1]])],
      ['anon.json', file(undefined, [])],
    ].map(([name, text]) => {
      const path = join(dir, name!);
      writeFileSync(path, text!);
      return path;
    });
    const page = await teacher.newPage();
    await onNextLoad(page, null, null);
    await page.goto(`${server.url}en/teacher/group/`);
    await page.locator('.group-page[data-ready]').waitFor();
    await page.locator('input[data-scan-file]').setInputFiles(paths);
    await expect.poll(() => page.locator('[data-pending]').count()).toBe(3);
    await page.getByRole('button', { name: 'Add to the group' }).click();
    const grid = page.locator('table[data-class-grid]');
    await grid.waitFor();
    await page.getByLabel('Show').selectOption('halsa');
    expect(await grid.locator('thead .module-head').allTextContents()).toEqual(['Taking care of your health in Sweden']);
    expect(await grid.locator('thead .lesson-head').count()).toBe(health.length);
    const rows = await grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th bdi')!.textContent, tr.querySelector('[data-total]')!.textContent]));
    expect(rows).toEqual([['Amal', '4/4'], ['Bo', '1/4'], ['Participant 1', '0/4']]);
    const bo = grid.locator('tbody tr').nth(1).locator('td.cell');
    expect(await bo.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-state')))).toEqual(['done', 'started', 'not-started', 'not-started']);
    expect(await bo.first().locator('.score').textContent()).toBe('2/4');
    expect(await grid.locator('tfoot .col-total').allTextContents()).toEqual(['2', '1', '1', '1']);

    // The same file again changes nothing: one participant is one row.
    await page.locator('input[data-scan-file]').setInputFiles(paths[0]!);
    await page.getByText('nothing new').waitFor();
    await page.getByRole('button', { name: 'Add to the group' }).click();
    expect(await grid.locator('tbody tr').count()).toBe(3);

    await page.getByLabel('Order').selectOption('done-asc');
    expect(await grid.locator('tbody th bdi').allTextContents()).toEqual(['Participant 1', 'Bo', 'Amal']);
    expect(await grid.locator('thead th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as CSV' }).click();
    const csvPath = join(dir, 'group.csv');
    await (await download).saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    const fields = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, -1);
    expect(fields(lines[0]!)).toHaveLength(2 + health.length + 1);
    expect(lines[0]).toMatch(/^Participant,As of,Taking care of your health in Sweden: /);
    expect(lines[3]).toBe('Amal,2026-11-20,done 4/4,done 4/4,done 4/4,done 4/4,4/4');
    expect(readFileSync(csvPath, 'utf8')).not.toContain('amal.json');
    expect(await axeViolations(page)).toEqual([]);
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
