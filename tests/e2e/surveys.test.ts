/**
 * Surveys in Chromium: answer, export (validated with a real JSON Schema validator, no personal
 * data), the report page's indicators from many files, and hostile free text shown as text.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { axeViolations } from '../support/axe.ts';
import { serveForTests } from '../support/harness.ts';
import { reloadWithEmptyStorage } from '../support/storage.ts';

let server: StaticServer;
let browser: TestBrowser;
const dir = mkdtempSync(join(tmpdir(), 'orienta-surveys-'));
const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync('public/schemas/survey-response.v1.json', 'utf8')));

serveForTests({ browser: { locale: 'en-GB' } }, (s, b) => {
  server = s;
  browser = b;
});

async function ready(page: Page) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

/** Answers the course survey: likert answers by question id, and a free text. */
async function answerCourseSurvey(page: Page, likert: number, text: string) {
  await page.goto(`${server.url}en/surveys/course/`);
  await ready(page);
  for (const fieldset of await page.locator('fieldset[data-question]').all()) {
    const radios = fieldset.getByRole('radio');
    const count = await radios.count();
    if (count === 5) await radios.nth(likert - 1).check();
    else if (count > 0) await radios.first().check();
    const boxes = fieldset.getByRole('checkbox');
    if (await boxes.count()) await boxes.first().check();
    const area = fieldset.locator('textarea');
    if (await area.count()) await area.fill(text);
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Thank you/);
}

describe('answering and exporting', () => {
  it('a required question blocks saving with a clear message on the question', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/surveys/course/`);
    await ready(page);
    const required = page.locator('fieldset[data-question]:has(.required)');
    if ((await required.count()) === 0) return void (await page.close());
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect.poll(() => required.first().locator('.fb-bad').textContent()).toBe('Please answer this question.');
    await page.close();
  });

  it('exports anonymous answers that validate against the schema, once', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}en/`);
    await reloadWithEmptyStorage(page);
    await answerCourseSurvey(page, 5, 'More about CVs, please. Amal');
    await page.goto(`${server.url}en/surveys/self-assessment/?phase=before`);
    await ready(page);
    for (const fieldset of await page.locator('fieldset[data-question]').all()) await fieldset.getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Thank you/);

    await page.goto(`${server.url}en/surveys/`);
    await ready(page);
    expect(await page.getByText('Answers not exported yet: 2').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export survey answers' }).click();
    const path = join(dir, 'export.json');
    await (await download).saveAs(path);
    const text = readFileSync(path, 'utf8');
    const file = JSON.parse(text);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.schemaVersion).toBe(1);
    expect(file.$schema).toBe('https://exempelby.example/schemas/survey-response.v1.json');
    expect(file.responses).toHaveLength(2);
    // Anonymous: no name, no device details, no time of day; before/after linked only by a random id.
    expect(text).not.toMatch(/participantName|userAgent|Mozilla|Chrome/);
    expect(text).not.toMatch(/T\d\d:\d\d/);
    const self = file.responses.find((r: { surveyId: string }) => r.surveyId === 'self-assessment');
    expect(self.pairingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(file.responses.find((r: { surveyId: string }) => r.surveyId === 'course').pairingId).toBeUndefined();
    // The answers count as exported only once the participant says the file was saved.
    expect(await page.getByText('Answers not exported yet: 2').count()).toBe(1);
    await page.getByRole('button', { name: 'Yes, I have the file' }).click();
    // Exported answers are kept but not exported again.
    await expect.poll(() => page.getByText('Answers not exported yet: 0').count()).toBe(1);
    expect(await page.locator('[data-answered="true"]').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});

/** A survey export file with one course response per entry. */
function exportFile(responses: Array<{ id: string; likert: number; job: number; locale?: string; text?: string }>) {
  return JSON.stringify({
    $schema: 'https://exempelby.example/schemas/survey-response.v1.json',
    schemaVersion: 1,
    kind: 'orienta.survey-responses',
    siteId: 'demo',
    exportedAt: '2026-11-20',
    responses: responses.map((r) => ({
      responseId: r.id,
      surveyId: 'course',
      surveyVersion: 1,
      locale: r.locale ?? 'sv',
      date: '2026-11-20',
      answers: { overall: r.likert, 'job-knowledge': r.job, ...(r.text ? { improve: r.text } : {}) },
    })),
  });
}
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the report page', () => {
  it('reads many files, lists invalid ones, removes duplicates and shows the indicators', async () => {
    const course = readFileSync('content/surveys/course.yaml', 'utf8');
    expect(course).toMatch(/id: overall\n/);
    expect(course).toMatch(/id: job-knowledge/);
    // 10 participants: satisfaction 5,5,5,5,4,4,3,2,5,5 → very satisfied 6/10, satisfied 8/10.
    // Job knowledge 5,4,4,4,3,2,5,4,4,1 → 4–5: 7/10.
    const sat = [5, 5, 5, 5, 4, 4, 3, 2, 5, 5];
    const job = [5, 4, 4, 4, 3, 2, 5, 4, 4, 1];
    const paths: string[] = [];
    for (let i = 0; i < 10; i++) {
      const path = join(dir, `p${i}.json`);
      writeFileSync(path, exportFile([{ id: uuid(i), likert: sat[i]!, job: job[i]! }]));
      paths.push(path);
    }
    const duplicate = join(dir, 'dup.json');
    writeFileSync(duplicate, exportFile([{ id: uuid(0), likert: 5, job: 5 }]));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"kind": "orienta.survey-responses", ');
    const hostile = join(dir, 'hostile.json');
    writeFileSync(hostile, exportFile([{ id: uuid(99), likert: 1, job: 1, text: '<img src=x onerror=alert(1)>' }]));

    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await page.goto(`${server.url}en/report/`);
    await ready(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles([...paths, duplicate, broken, hostile]);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Files: 13 read, 11 valid, 2 invalid');
    expect(await page.locator('[data-responses]').textContent()).toBe('Responses: 10 counted, 1 duplicates removed, 0 skipped');
    expect(await page.locator('[data-invalid-files] li').allTextContents()).toEqual([
      'broken.json: This is not a file from the course. Nothing was changed.',
      'hostile.json: The file contains code and was refused. Nothing was changed.',
    ]);
    const row = (name: string) => page.locator(`[data-indicator="${name}"] td`).allTextContents();
    expect(await row('verySatisfied')).toEqual(['60 %', '10']);
    expect(await row('satisfied')).toEqual(['80 %', '10']);
    expect(await row('jobKnowledge')).toEqual(['70 %', '10']);
    expect(dialogs).toBe(0);
    // Charts are SVG images with a name, beside a table with the same numbers.
    const chart = page.locator('[data-distribution="overall"]').first();
    expect(await chart.locator('svg[role=img]').getAttribute('aria-label')).toMatch(/^Chart: /);
    expect(await chart.locator('tbody td').allTextContents()).toEqual(['0', '1', '1', '2', '6']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('hides breakdown cells under the small-group threshold', async () => {
    // 6 answers in Swedish, 2 in Arabic: the Arabic row is hidden (threshold 5).
    const path = join(dir, 'locales.json');
    writeFileSync(path, exportFile([...Array.from({ length: 6 }, (_, i) => ({ id: uuid(200 + i), likert: 5, job: 5 })), ...Array.from({ length: 2 }, (_, i) => ({ id: uuid(300 + i), likert: 1, job: 1, locale: 'ar' }))]));
    const page = await browser.newPage();
    await page.goto(`${server.url}en/report/`);
    await ready(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles([path]);
    const table = page.locator('[data-survey-summary="course"] table[data-breakdown="By language"]');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.find((r) => r.startsWith('العربية'))).toBe('العربيةfewer than 5');
    expect(rows.find((r) => r.startsWith('Svenska'))).toMatch(/^Svenska6100 % \(n = 6\)/);
    await page.close();
  });

  it('free text typed by a participant, hostile or Arabic, is shown as text and runs nothing', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await page.goto(`${server.url}en/`);
    await reloadWithEmptyStorage(page);
    await answerCourseSurvey(page, 4, '<img src=x onerror=alert(1)> نريد المزيد عن السيرة الذاتية');
    await page.goto(`${server.url}en/surveys/`);
    await ready(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export survey answers' }).click();
    const path = join(dir, 'typed.json');
    await (await download).saveAs(path);
    expect(validate(JSON.parse(readFileSync(path, 'utf8')))).toBe(true);
    await page.goto(`${server.url}en/report/`);
    await ready(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles([path]);
    const answers = page.locator('[data-survey-summary="course"] .free-text li');
    await answers.first().waitFor();
    const shown = await answers.first().textContent();
    expect(shown).toContain('img src=x onerror=alert(1)');
    expect(shown).toContain('نريد المزيد عن السيرة الذاتية');
    expect(await answers.first().getAttribute('dir')).toBe('auto');
    expect(await page.locator('.survey-report img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});
