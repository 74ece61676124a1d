/**
 * The progress passport (issue #17) in Chromium: the code a participant shows on "My progress" is
 * read from the page, photographed into the teacher's group (the camera step fed a still image,
 * decoded in the page as on a laptop without a barcode reader), appears once in the grid, and a
 * second scan after more lessons updates the same row. The same passport moves progress to a new
 * phone through its link. Tampered and foreign codes change nothing; a refused camera falls back
 * to a photo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { serveForTests } from '../support/harness.ts';
import { onNextLoad } from '../support/storage.ts';
import { axeViolations } from '../support/axe.ts';
import { decodeQrSvg } from '../support/qr.ts';
import { encodePassport, passportLinks } from '../../src/lib/passport/codec.ts';
import sv from '../../src/i18n/ui/sv.json' with { type: 'json' };

let server: StaticServer;
let browser: TestBrowser;
const files = mkdtempSync(join(tmpdir(), 'orienta-passport-'));
const PROGRESS = 'orienta:demo:progress';
const LESSONS = ['komma-till-sverige/valkommen-till-sverige', 'komma-till-sverige/uppehallstillstand', 'forsorja-sig/a-kassa', 'forsorja-sig/validering', 'halsa/varden-i-sverige'];

serveForTests({}, (s, b) => {
  server = s;
  browser = b;
});
// The teacher's laptop is another device: its own browser profile and storage.
let laptop: TestBrowser;
beforeAll(async () => {
  laptop = await launchBrowser({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await laptop?.close();
});

const progressWith = (ids: string[], name = 'Amina H.') =>
  JSON.stringify({
    version: 1,
    siteId: 'demo',
    updatedAt: '2026-12-01T10:00:00.000Z',
    participantName: name,
    lessons: Object.fromEntries(ids.map((id, i) => [id, { completedAt: '2026-12-01T10:00:00.000Z', ...(i === 0 ? { selfCheck: { latest: { score: 3, total: 4, at: '2026-12-01T10:00:00.000Z' }, best: { score: 3, total: 4, at: '2026-12-01T10:00:00.000Z' } } } : {}) }])),
  });

/** Shows the passport on "My progress" and returns the code as drawn and as a photo of the screen. */
async function showPassport(page: Page): Promise<{ link: string; photo: string }> {
  await page.goto(`${server.url}sv/progress/`);
  await page.locator('.passport[data-ready]').waitFor();
  await page.getByRole('button', { name: sv['passport.show'] }).click();
  const figure = page.locator('[data-passport-code="1"]');
  await figure.waitFor();
  const link = decodeQrSvg(await figure.locator('svg').evaluate((svg) => svg.outerHTML));
  const photo = join(files, `passport-${Date.now()}.png`);
  writeFileSync(photo, await figure.screenshot());
  return { link, photo };
}

/** Feeds a photo to the group page's scanner and adds what it previews. */
async function scanIntoGroup(page: Page, photo: string, expected: string) {
  await page.locator('input[data-scan-file]').setInputFiles(photo);
  await page.getByText(expected).waitFor();
  await page.getByRole('button', { name: sv['group.add'] }).click();
}

describe('the progress passport', () => {
  it('is scanned from a photo into the group once, and a second scan updates the same row', async () => {
    const participant = await browser.newPage();
    await onNextLoad(participant, PROGRESS, progressWith(LESSONS.slice(0, 3)));
    const first = await showPassport(participant);
    expect(first.link).toMatch(new RegExp(`^${server.url}sv/progress/#p=1\\.1-1\\.`));
    expect(await participant.locator('[data-passport-codes]').textContent()).toContain('3 avslutade lektioner, 1 resultat från självtest');
    expect(await participant.locator('[data-passport-codes]').textContent()).toContain('Amina H.');
    expect(await axeViolations(participant)).toEqual([]);
    const passportId = await participant.evaluate(() => JSON.parse(localStorage.getItem('orienta:demo:passport')!).id as string);

    const teacher = await laptop.newPage();
    await onNextLoad(teacher, null, null);
    await teacher.goto(`${server.url}sv/teacher/group/`);
    await teacher.locator('.group-page[data-ready]').waitFor();
    await scanIntoGroup(teacher, first.photo, sv['group.previewNew']);
    const grid = teacher.locator('table[data-class-grid]');
    await grid.waitFor();
    expect(await grid.locator('tbody tr').count()).toBe(1);
    expect(await grid.locator(`tbody tr[data-participant="${passportId}"] th bdi`).textContent()).toBe('Amina H.');
    expect(await grid.locator('tbody tr [data-total]').textContent()).toMatch(/^3\//);
    expect(await grid.locator(`thead th[data-lesson="${LESSONS[0]}"]`).count()).toBe(1);

    // Two more lessons later: the new code updates the same row.
    await participant.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS, progressWith(LESSONS)]);
    const second = await showPassport(participant);
    expect(second.link).not.toBe(first.link);
    await scanIntoGroup(teacher, second.photo, sv['group.previewUpdate']);
    await expect.poll(() => grid.locator('tbody tr [data-total]').textContent()).toMatch(/^5\//);
    expect(await grid.locator('tbody tr').count()).toBe(1);
    expect(await axeViolations(teacher)).toEqual([]);

    // The same participant's progress file is the same row too (the file carries the passport id).
    await participant.goto(`${server.url}sv/progress/`);
    await participant.locator('.progress-page[data-ready]').waitFor();
    const download = participant.waitForEvent('download');
    await participant.getByRole('button', { name: sv['progress.export'] }).click();
    const file = join(files, 'progress.json');
    await (await download).saveAs(file);
    await teacher.locator('input[data-scan-file]').setInputFiles(file);
    await teacher.getByText(sv['group.previewSame']).waitFor();
    await teacher.getByRole('button', { name: sv['group.add'] }).click();
    expect(await grid.locator('tbody tr').count()).toBe(1);
    await participant.close();
    await teacher.close();
  });

  it('refuses a tampered code and one from another municipality, and changes nothing', async () => {
    const payload = encodePassport({ id: '00112233445566ff', siteId: 'demo', issuedOn: '2026-12-01', lessons: { [LESSONS[0]!]: { completedAt: '2026-12-01T10:00:00.000Z' } } });
    const [link] = passportLinks(server.url, 'sv', payload);
    const tampered = link!.slice(0, -3) + (link!.at(-3) === 'A' ? 'B' : 'A') + link!.slice(-2);
    const foreign = passportLinks(server.url, 'sv', encodePassport({ id: '00112233445566ff', siteId: 'lindas', issuedOn: '2026-12-01', lessons: {} }))[0]!;
    const teacher = await laptop.newPage();
    await onNextLoad(teacher, null, null);
    await teacher.goto(`${server.url}sv/teacher/group/`);
    await teacher.locator('.group-page[data-ready]').waitFor();
    for (const [text, reason] of [[tampered, sv['data.error.tampered']], [foreign, sv['data.error.other-site']]] as const) {
      const png = join(files, `code-${reason.length}.png`);
      await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', width: 480 });
      await teacher.locator('input[data-scan-file]').setInputFiles(png);
      await expect.poll(() => teacher.locator('[data-message="error"]').textContent()).toBe(sv['group.refused'].replace('{{reason}}', reason));
    }
    expect(await teacher.locator('[data-pending]').count()).toBe(0);
    expect(await teacher.evaluate(() => localStorage.getItem('orienta:demo:group'))).toBeNull();
    await teacher.close();
  });

  it('falls back to a photo when the camera is refused', async () => {
    const page = await laptop.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await page.goto(`${server.url}sv/teacher/group/`);
    await page.locator('.group-page[data-ready]').waitFor();
    await page.getByRole('button', { name: sv['scan.camera'] }).click();
    await expect.poll(() => page.locator('[data-scan-note]').textContent()).toBe(sv['scan.denied']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(sv['scan.photo']);
    await page.close();
  });

  it('moves progress to a new phone through the passport link, keeping the passport id', async () => {
    const old = await browser.newPage();
    await onNextLoad(old, PROGRESS, progressWith(LESSONS.slice(0, 2)));
    const { link } = await showPassport(old);
    const oldId = await old.evaluate(() => JSON.parse(localStorage.getItem('orienta:demo:passport')!).id as string);
    await old.close();

    const phone = await browser.newPage();
    await onNextLoad(phone, null, null);
    await phone.goto(link);
    await phone.getByRole('button', { name: sv['passport.confirm'] }).click();
    await expect.poll(() => phone.locator('.passport [data-message="ok"]').textContent()).toBe(sv['passport.moved']);
    const stored = await phone.evaluate(() => JSON.parse(localStorage.getItem('orienta:demo:progress')!));
    expect(Object.keys(stored.lessons).sort()).toEqual(LESSONS.slice(0, 2).sort());
    expect(stored.lessons[LESSONS[0]!].selfCheck.best).toMatchObject({ score: 3, total: 4 });
    expect(await phone.evaluate(() => JSON.parse(localStorage.getItem('orienta:demo:passport')!).id)).toBe(oldId);
    expect(phone.url()).not.toContain('#p=');
    await phone.close();
  });
});
