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
interface Made {
  id: string;
  likert: number;
  job: number;
  locale?: string;
  text?: string;
  date?: string;
  gender?: string;
}
function exportFile(responses: Made[], starts: Array<{ id: string; locale: string; gender?: string; setting?: string }> = []) {
  return JSON.stringify({
    $schema: 'https://exempelby.example/schemas/survey-response.v1.json',
    schemaVersion: 1,
    kind: 'orienta.survey-responses',
    siteId: 'demo',
    exportedAt: '2026-11-20',
    responses: [
      ...responses.map((r) => ({
        responseId: r.id,
        surveyId: 'course',
        surveyVersion: 2,
        locale: r.locale ?? 'sv',
        date: r.date ?? '2026-11-20',
        answers: { overall: r.likert, 'job-knowledge': r.job, ...(r.text ? { improve: r.text } : {}), ...(r.gender ? { gender: r.gender } : {}) },
      })),
      ...starts.map((s) => ({
        responseId: s.id,
        surveyId: 'self-assessment',
        surveyVersion: 2,
        locale: s.locale,
        date: '2026-10-15',
        phase: 'before',
        pairingId: s.id.replace(/^0/, 'f'),
        answers: { 'find-work': 2, ...(s.gender ? { gender: s.gender } : {}), ...(s.setting ? { setting: s.setting } : {}) },
      })),
    ],
  });
}
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function loadFiles(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files' }).click();
  await (await chooser).setFiles(paths);
  await page.locator('.survey-report[data-ready]').waitFor();
}

describe('the report page', () => {
  it('reads many files, counts invalid ones by reason only, removes duplicates and shows the indicators', async () => {
    // 10 participants: satisfaction 5,5,5,5,4,4,3,2,5,5 → very satisfied 6/10, satisfied 8/10. Job knowledge 4–5: 7/10.
    const sat = [5, 5, 5, 5, 4, 4, 3, 2, 5, 5];
    const job = [5, 4, 4, 4, 3, 2, 5, 4, 4, 1];
    const paths: string[] = [];
    for (let i = 0; i < 10; i++) {
      const path = join(dir, `amina-hassan-${i}.json`);
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
    await loadFiles(page, [...paths, duplicate, broken, hostile]);
    expect(await page.getByRole('status').first().textContent()).toBe('Files: 13 read, 11 valid, 2 invalid');
    expect(await page.locator('[data-responses]').textContent()).toBe('Responses: 10 counted, 1 duplicates removed, 0 skipped');
    const invalid = await page.locator('[data-invalid-files] li').allTextContents();
    expect(invalid).toHaveLength(2);
    expect(invalid.join(' ')).not.toMatch(/broken|hostile|amina/);
    const row = (name: string) => page.locator(`[data-indicator="${name}"] td`).first().textContent();
    expect(await row('verySatisfied')).toMatch(/^60% \(n = 10\) · 95 % interval \d+(\.\d)?%–\d+(\.\d)?%$/);
    expect(await row('satisfied')).toMatch(/^80% \(n = 10\)/);
    expect(await row('jobKnowledge')).toMatch(/^70% \(n = 10\)/);
    expect(dialogs).toBe(0);
    // Each bar carries its category and value; the same numbers stand in the table.
    const chart = page.locator('[data-distribution="overall"]').first();
    expect(await chart.locator('.bar-row').first().textContent()).toMatch(/^1 – .+0$/);
    expect(await chart.locator('tbody td').allTextContents()).toEqual(['0', '1', '1', '2', '6']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows no indicator, distribution or free text for three answers; all of them for forty; and the follow-up summary', async () => {
    const three = [0, 1, 2].map((i) => {
      const path = join(dir, `three-${i}.json`);
      writeFileSync(path, exportFile([{ id: uuid(500 + i), likert: 5, job: 4, text: 'Bra kurs' }]));
      return path;
    });
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}en/report/`);
    await ready(page);
    await loadFiles(page, three);
    expect(await page.locator('[data-indicator][data-hidden="true"]').count()).toBe(await page.locator('[data-indicator]').count());
    expect(await page.locator('[data-survey-summary="course"] [data-distribution]:not([data-hidden])').count()).toBe(0);
    expect(await page.locator('.free-text li').count()).toBe(0);
    expect(await page.locator('[data-survey-summary="course"]').textContent()).not.toContain('Bra kurs');

    // Forty: 20 Swedish women, 20 Arabic men, all in this period; and 26 who started (self-assessment before).
    const forty = join(dir, 'forty.json');
    const answers: Made[] = Array.from({ length: 40 }, (_, i) => ({ id: uuid(600 + i), likert: 1 + (i % 5), job: 4, locale: i < 20 ? 'sv' : 'ar', gender: i < 20 ? 'woman' : 'man', text: `Kommentar ${i}` }));
    const starts = Array.from({ length: 26 }, (_, i) => ({ id: uuid(700 + i), locale: i < 15 ? 'sv' : 'ar', gender: i % 2 ? 'man' : 'woman', setting: 'classroom' }));
    writeFileSync(forty, exportFile(answers, starts));
    await page.getByRole('button', { name: 'Start over' }).click();
    await loadFiles(page, [forty]);
    expect(await page.locator('[data-indicator="verySatisfied"] td').first().textContent()).toMatch(/^20% \(n = 40\)/);
    expect(await page.locator('[data-survey-summary="course"] [data-distribution="overall"]:not([data-hidden])').count()).toBe(1);
    expect(await page.locator('[data-survey-summary="course"] .free-text li').count()).toBe(40);
    // The page fits the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('[data-follow-up-total] td').allTextContents()).toEqual(['26', '40']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the follow-up summary (CSV)' }).click();
    const csvPath = join(dir, 'follow-up.csv');
    await (await download).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[1]).toBe('Reporting period,2026-10 – 2027-09');
    expect(csv).toContain('Total,,26,40');
    expect(csv).toContain('Language of instruction,Svenska,15,20');
    expect(csv).toContain('Setting,In a classroom,26,0');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('hides a small language group and its neighbour, so it cannot be worked out from the total', async () => {
    // 6 answers in Swedish, 2 in Arabic: the Arabic row is hidden, and so is the Swedish one.
    const path = join(dir, 'locales.json');
    writeFileSync(path, exportFile([...Array.from({ length: 6 }, (_, i) => ({ id: uuid(200 + i), likert: 5, job: 5 })), ...Array.from({ length: 2 }, (_, i) => ({ id: uuid(300 + i), likert: 1, job: 1, locale: 'ar' }))]));
    const page = await browser.newPage();
    await page.goto(`${server.url}en/report/`);
    await ready(page);
    await loadFiles(page, [path]);
    const table = page.locator('[data-survey-summary="course"] table[data-breakdown="locale"]');
    await table.waitFor();
    expect(await table.locator('tbody tr[data-hidden="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual(['ar', 'sv']);
    expect(await page.locator('[data-indicator="verySatisfied"] td').first().textContent()).toMatch(/^75% \(n = 8\)/);
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
    // Four more English answers, so the comments' language group reaches the minimum of five.
    const others = join(dir, 'others.json');
    writeFileSync(others, exportFile(Array.from({ length: 4 }, (_, i) => ({ id: uuid(800 + i), likert: 4, job: 4, locale: 'en', date: new Date().toISOString().slice(0, 10), text: `Fine ${i}` }))));
    await page.goto(`${server.url}en/report/`);
    await ready(page);
    await loadFiles(page, [path, others]);
    const answers = page.locator('[data-survey-summary="course"] .free-text li');
    await answers.first().waitFor();
    const shown = (await answers.allTextContents()).find((t) => t.includes('onerror'));
    expect(shown).toContain('img src=x onerror=alert(1)');
    expect(shown).toContain('نريد المزيد عن السيرة الذاتية');
    expect(await answers.first().getAttribute('dir')).toBe('auto');
    expect(await page.locator('.survey-report img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});
