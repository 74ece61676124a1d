/**
 * Listening to a lesson (issue #16) in Chromium: the demo lesson's recordings (a computer voice,
 * labelled so) are not downloaded before Listen; the player plays, highlights, pauses, skips a
 * broken file with a note, starts from any paragraph, keeps its speed, gives focus back, and passes
 * axe. An Arabic lesson with only a device voice reads Swedish key terms with a Swedish voice and
 * mirrors its controls. The studio explains a refused microphone and refuses a bad pack by name.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../support/server.ts';
import type { TestBrowser } from '../support/browser.ts';
import { serveForTests } from '../support/harness.ts';
import { onNextLoad } from '../support/storage.ts';
import { axeViolations } from '../support/axe.ts';
import { DIST } from '../support/dist.ts';
import { zipEntries } from '../../src/lib/audio/zip.ts';
import sv from '../../src/i18n/ui/sv.json' with { type: 'json' };
import en from '../../src/i18n/ui/en.json' with { type: 'json' };
import ar from '../../src/i18n/ui/ar.json' with { type: 'json' };

let server: StaticServer;
let browser: TestBrowser;
const DEMO = 'komma-till-sverige/valkommen-till-sverige';
const AUDIO_DIR = join(DIST, 'audio/sv', DEMO);

serveForTests({}, (s, b) => {
  server = s;
  browser = b;
});

/** The shortest demo recording, served for every paragraph so the test does not wait minutes. */
const shortest = () => readdirSync(AUDIO_DIR).filter((f) => f.endsWith('.opus')).sort((a, b) => statSync(join(AUDIO_DIR, a)).size - statSync(join(AUDIO_DIR, b)).size)[0]!;

async function noDeviceVoices(page: Page) {
  await page.addInitScript(() => {
    if ('speechSynthesis' in window) speechSynthesis.getVoices = () => [];
  });
}

const current = (page: Page) => page.locator('[data-listen]').getAttribute('data-current');

describe('the player on a lesson with recordings', () => {
  it('downloads nothing before Listen, then plays, highlights, skips a broken file, pauses, jumps and stops', async () => {
    const page = await browser.newPage();
    await onNextLoad(page, null, null);
    await noDeviceVoices(page);
    const short = shortest();
    const audioRequests: string[] = [];
    // On the context, so requests the service worker makes are routed too.
    const routeAudio = (route: import('playwright-core').Route) => {
      const name = route.request().url().split('/').pop()!;
      audioRequests.push(name);
      if (name.startsWith('003-')) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ path: join(AUDIO_DIR, short), contentType: 'audio/ogg' });
    };
    await browser.context.route('**/audio/**/*.opus', routeAudio);
    await page.goto(`${server.url}sv/${DEMO}/`);
    expect(await page.locator('[data-listen-info]').textContent()).toMatch(/^Datorröst \(demo\) · \d+ kB$/);
    await page.waitForTimeout(500);
    expect(audioRequests).toEqual([]);
    expect(browser.requests.some((url) => url.includes('/audio/'))).toBe(false);

    await page.getByRole('button', { name: sv['listen.start'], exact: true }).click();
    // Focus moves to the player's main button, so a keyboard user can pause at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('toggle');
    await expect.poll(() => current(page)).toBe('0');
    expect(await page.locator('.listen-current').count()).toBe(1);
    expect(await page.locator('article h1').evaluate((el) => el.classList.contains('listen-current'))).toBe(true);
    // Paragraph 3's file is broken: a note, and the player goes on to paragraph 4.
    await expect.poll(() => page.locator('[data-listen-note]').textContent(), { timeout: 20_000 }).toBe(sv['listen.skipped'].replace('{{number}}', '3'));
    await expect.poll(async () => Number(await current(page)), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

    // Pause by keyboard, then the next paragraph.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-listen]').getAttribute('data-state')).toBe('paused');
    const paused = Number(await current(page));
    await page.getByRole('button', { name: sv['listen.next'] }).click();
    await expect.poll(() => current(page)).toBe(String(paused + 1));
    expect(await page.locator('[data-listen]').getAttribute('data-state')).toBe('playing');

    // Any paragraph can start: its "Listen from here".
    const tenth = page.locator('.listen-here').nth(8);
    const target = await tenth.evaluate((button) => {
      const paragraphs = [...document.querySelectorAll('.listen-here')].map((b) => b.parentElement);
      return paragraphs.indexOf(button.parentElement);
    });
    expect(target).toBe(8);
    await tenth.click();
    const jumped = Number(await current(page));
    expect(await page.locator('.listen-current .listen-here').evaluate((b) => b === document.querySelectorAll('.listen-here')[8])).toBe(true);
    expect(jumped).toBeGreaterThan(paused);

    // Speed is a preference kept on the device.
    await page.getByLabel(sv['listen.speed']).selectOption('1.5');
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('orienta:demo:preferences') ?? '{}').speed)).toBe(1.5);

    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: sv['listen.stop'] }).click();
    expect(await page.locator('.listen-current').count()).toBe(0);
    expect(await page.locator('.listen-here').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-listen-start'))).toBe(true);
    expect(await page.locator('.listen-player').isVisible()).toBe(false);

    // Opened again, it starts at the kept speed.
    await page.getByRole('button', { name: sv['listen.start'], exact: true }).click();
    expect(await page.getByLabel(sv['listen.speed']).inputValue()).toBe('1.5');
    await page.getByRole('button', { name: sv['listen.stop'] }).click();
    await browser.context.unroute('**/audio/**/*.opus', routeAudio);
    await page.close();
  });
});

describe('a lesson with only a device voice', () => {
  it('says "computer voice", reads Swedish terms in Swedish, and mirrors the controls in Arabic', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string; voice: string }> = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      const voices = [
        { lang: 'ar-SA', name: 'Test Arabic', default: true, localService: true, voiceURI: 'ar' },
        { lang: 'sv-SE', name: 'Test Swedish', default: false, localService: true, voiceURI: 'sv' },
      ];
      class FakeUtterance {
        text: string;
        lang = '';
        voice: { name: string } | null = null;
        rate = 1;
        onend: (() => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance });
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => voices,
          addEventListener: () => {},
          cancel: () => {},
          speak: (u: FakeUtterance) => {
            spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' });
            setTimeout(() => u.onend?.(), 5);
          },
        },
      });
    });
    await page.goto(`${server.url}ar/forsorja-sig/a-kassa/`);
    const start = page.getByRole('button', { name: ar['listen.start'], exact: true });
    await start.waitFor();
    expect(await page.locator('[data-listen-info]').textContent()).toBe(ar['listen.computerVoice']);
    await start.click();
    await page.waitForSelector('[data-listen][data-state="ended"]', { timeout: 20_000 });
    const spoken = await page.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string; voice: string }> }).spoken);
    expect(spoken[0]).toMatchObject({ lang: 'ar', voice: 'Test Arabic' });
    const swedish = spoken.filter((s) => s.lang.startsWith('sv'));
    expect(swedish.length).toBeGreaterThan(0);
    expect(swedish.every((s) => s.voice === 'Test Swedish')).toBe(true);
    expect(swedish.map((s) => s.text)).toContain('a-kassa');

    // Right to left: the controls start at the right edge, "previous" first.
    const panel = await page.locator('.listen-player').boundingBox();
    const previous = await page.getByRole('button', { name: ar['listen.previous'] }).boundingBox();
    const toggle = await page.locator('[data-action="toggle"]').boundingBox();
    expect(Math.abs(previous!.x + previous!.width - (panel!.x + panel!.width))).toBeLessThan(2);
    if (Math.abs(toggle!.y - previous!.y) < 2) expect(toggle!.x).toBeLessThan(previous!.x);
    await page.close();
  });

  it('says there is no audio yet where the device has no voice for the language', async () => {
    const page = await browser.newPage();
    await noDeviceVoices(page);
    await page.goto(`${server.url}ti/forsorja-sig/a-kassa/`);
    await page.locator('[data-listen-none]:not([hidden])').waitFor();
    expect(await page.getByRole('button', { name: 'ስምዑ', exact: true }).count()).toBe(0);
    await page.close();
  });
});

describe('the recording studio', () => {
  it('explains how to allow the microphone when it is refused', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await page.goto(`${server.url}en/teacher/studio/`);
    await page.locator('#studio-language').selectOption('en');
    await page.locator('#studio-lesson').selectOption('forsorja-sig/a-kassa');
    await page.getByRole('button', { name: en['studio.open'] }).click();
    await page.locator('li[data-paragraph="0"]').getByRole('button', { name: en['studio.record'] }).click();
    await expect.poll(() => page.locator('[data-message="error"]').textContent()).toBe(en['studio.noMic']);
    expect(await page.locator('li[data-paragraph="0"]').getAttribute('data-status')).toBe('missing');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('refuses an audio pack with a file its manifest does not list, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orienta-pack-'));
    const manifest = {
      schemaVersion: 1, kind: 'orienta.audio-manifest', lesson: 'forsorja-sig/a-kassa', locale: 'en', voice: { kind: 'human' }, recordedOn: '2026-12-01', segments: [],
    };
    const path = join(dir, 'pack.zip');
    writeFileSync(path, zipEntries({
      'en/forsorja-sig/a-kassa/manifest.json': new TextEncoder().encode(JSON.stringify(manifest)),
      'en/forsorja-sig/a-kassa/virus.exe': new Uint8Array([0x4d, 0x5a]),
    }));
    const page = await browser.newPage();
    await page.goto(`${server.url}en/teacher/studio/`);
    await page.locator('.studio input[type=file]').setInputFiles(path);
    await expect.poll(() => page.locator('[data-message="error"]').textContent()).toBe(en['audio.error.unknown-file'].replace('{{name}}', 'en/forsorja-sig/a-kassa/virus.exe'));
    await page.close();
  });
});
