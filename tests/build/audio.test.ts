/**
 * Recorded audio from end to end (issue #16), on real builds and in Chromium with its fake
 * microphone: a teacher records two paragraphs in the studio and exports the pack; the pack goes
 * into the content; the lesson plays the two recordings in order while the highlight moves; after
 * one paragraph's text changes, its recording is reported stale by the build and is not played.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { unzipSync } from 'fflate';
import { isolatedBuilds } from '../support/isolated-build.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { auditLesson } from '../../src/lib/audio/audit.ts';
import type { AudioManifest } from '../../src/schemas/audio.ts';
import en from '../../src/i18n/ui/en.json' with { type: 'json' };
import sv from '../../src/i18n/ui/sv.json' with { type: 'json' };

const { contentWith, build, work } = isolatedBuilds('orienta-audio-');
const LESSON = 'forsorja-sig/a-kassa';
const MDX = `lessons/sv/${LESSON}.mdx`;
let browser: TestBrowser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser({ locale: 'en-GB', args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'] });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(dist: string): Promise<string> {
  const server = await serveStatic(dist);
  servers.push(server);
  return server.url;
}

/** No device voices, so what is heard is only what was recorded. */
async function withoutDeviceVoices(page: Page) {
  await page.addInitScript(() => {
    if ('speechSynthesis' in window) speechSynthesis.getVoices = () => [];
  });
}

/** Presses Listen on a Swedish page and follows the player: the paragraphs highlighted, in order, until the end. */
async function listen(page: Page): Promise<{ highlighted: number[]; audio: string[] }> {
  const audio: string[] = [];
  page.on('request', (request) => {
    if (/\/audio\/.+\.(webm|ogg|m4a)$/.test(request.url())) audio.push(request.url().split('/').pop()!);
  });
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { highlighted: number[] }).highlighted = seen;
    new MutationObserver(() => {
      const current = document.querySelector('[data-listen]')?.getAttribute('data-current');
      if (current !== null && current !== undefined && seen.at(-1) !== Number(current)) seen.push(Number(current));
    }).observe(document.querySelector('[data-listen]')!, { attributes: true, attributeFilter: ['data-current'] });
  });
  await page.getByRole('button', { name: sv['listen.start'], exact: true }).click();
  await page.waitForSelector('[data-listen][data-state="ended"]', { timeout: 30_000 });
  return { highlighted: await page.evaluate(() => (window as unknown as { highlighted: number[] }).highlighted), audio };
}

describe('recorded audio', () => {
  it('is recorded in the studio, added as a pack, played in order, and a changed paragraph is stale and silent', async () => {
    // 1. The site without audio: the lesson says no audio yet; the studio records two paragraphs.
    const plain = contentWith('plain', () => {});
    const first = build(plain);
    expect(first.status, first.output.slice(-2000)).toBe(0);
    const url = await serve(first.dist);
    const lesson = await browser.newPage();
    await withoutDeviceVoices(lesson);
    await lesson.goto(`${url}en/${LESSON}/`);
    await lesson.locator('[data-listen-none]:not([hidden])').waitFor();
    expect(await lesson.getByRole('button', { name: en['listen.start'], exact: true }).isVisible()).toBe(false);
    await lesson.close();

    const studio = await browser.newPage();
    await studio.goto(`${url}en/teacher/studio/`);
    await studio.locator('#studio-language').selectOption('sv');
    await studio.locator('#studio-lesson').selectOption(LESSON);
    await studio.getByRole('button', { name: en['studio.open'] }).click();
    await studio.locator(`[data-studio-lesson="${LESSON}"]`).waitFor();
    for (const index of [0, 1]) {
      const paragraph = studio.locator(`li[data-paragraph="${index}"]`);
      await paragraph.getByRole('button', { name: en['studio.record'] }).click();
      await studio.locator(`li[data-paragraph="${index}"][data-status="recording"]`).waitFor();
      await studio.waitForTimeout(1200);
      await paragraph.getByRole('button', { name: en['studio.stop'] }).click();
      await studio.locator(`li[data-paragraph="${index}"][data-status="new"]`).waitFor();
    }
    expect(await studio.locator('[data-studio-progress]').textContent()).toMatch(/^2 of \d+ paragraphs recorded$/);
    const download = studio.waitForEvent('download');
    await studio.getByRole('button', { name: en['studio.export'] }).click();
    const zip = join(work, 'pack.zip');
    await (await download).saveAs(zip);
    expect(await studio.locator('[data-message="ok"]').textContent()).toContain('audio-sv-forsorja-sig-a-kassa.zip');
    await studio.close();

    // 2. The pack drops into content/audio as it is.
    const entries = unzipSync(new Uint8Array(readFileSync(zip)));
    const manifestPath = `sv/${LESSON}/manifest.json`;
    expect(Object.keys(entries).sort()).toEqual([manifestPath, ...Object.keys(entries).filter((p) => p !== manifestPath)].sort());
    const manifest = JSON.parse(new TextDecoder().decode(entries[manifestPath])) as AudioManifest;
    expect(manifest).toMatchObject({ kind: 'orienta.audio-manifest', lesson: LESSON, locale: 'sv', voice: { kind: 'human' } });
    expect(manifest.segments.map((s) => s.file)).toEqual([expect.stringMatching(/^001-[0-9a-f]{8}\.webm$/), expect.stringMatching(/^002-[0-9a-f]{8}\.webm$/)]);
    for (const segment of manifest.segments) {
      expect(segment.seconds).toBeGreaterThan(0.8);
      // Speech quality: about 24 kbit/s, so a second is a few kilobytes, not hundreds.
      expect(segment.bytes / segment.seconds).toBeLessThan(8000);
    }
    const addAudio = (dir: string) => {
      for (const [path, bytes] of Object.entries(entries)) {
        mkdirSync(dirname(join(dir, 'audio', path)), { recursive: true });
        writeFileSync(join(dir, 'audio', path), bytes);
      }
    };

    // 3. With the audio: Listen shows the size first, then plays 001 and 002 in order, highlighting each.
    const recorded = contentWith('recorded', addAudio);
    const second = build(recorded);
    expect(second.status, second.output.slice(-2000)).toBe(0);
    expect(second.output).toMatch(/audio for 1 lesson\(s\): 0 stale recording\(s\)/);
    const url2 = await serve(second.dist);
    const page = await browser.newPage();
    await withoutDeviceVoices(page);
    await page.goto(`${url2}sv/${LESSON}/`);
    expect(await page.locator('[data-listen-info]').textContent()).toMatch(/^Inläst av en person · \d+(,\d)? kB/);
    const heard = await listen(page);
    expect(heard.audio).toEqual(manifest.segments.map((s) => s.file));
    expect(heard.highlighted).toEqual([0, 1]);
    // The rest has no recording and there is no device voice: the player ends there.
    expect(await page.locator('[data-listen-note]').textContent()).toBe(sv['listen.done']);
    await page.close();

    // 4. The first paragraph's text changes: its recording is stale, reported, and not played.
    const changed = contentWith('changed', (dir) => {
      addAudio(dir);
      const file = join(dir, MDX);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('Många som kommer till Sverige');
      writeFileSync(file, text.replace('Många som kommer till Sverige', 'Många som flyttar till Sverige'));
    });
    const third = build(changed);
    expect(third.status, third.output.slice(-2000)).toBe(0);
    expect(third.output).toMatch(/audio for 1 lesson\(s\): 1 stale recording\(s\)/);
    const status = auditLesson('sv', manifest, readFileSync(join(third.dist, 'sv', LESSON, 'index.html'), 'utf8'));
    expect(status.stale.map((s) => s.file)).toEqual([manifest.segments[1]!.file]);
    expect(status.recorded).toBe(1);
    const url3 = await serve(third.dist);
    const stale = await browser.newPage();
    await withoutDeviceVoices(stale);
    await stale.goto(`${url3}sv/${LESSON}/`);
    const after = await listen(stale);
    expect(after.audio).toEqual([manifest.segments[0]!.file]);
    expect(after.highlighted).toEqual([0]);
    await stale.close();

    // The studio shows that paragraph as changed since it was recorded.
    const studio2 = await browser.newPage();
    await studio2.goto(`${url3}en/teacher/studio/`);
    await studio2.locator('#studio-language').selectOption('sv');
    await studio2.locator('#studio-lesson').selectOption(LESSON);
    await studio2.getByRole('button', { name: en['studio.open'] }).click();
    await studio2.locator('li[data-paragraph="1"][data-status="stale"]').waitFor();
    expect(await studio2.locator('li[data-paragraph="0"]').getAttribute('data-status')).toBe('recorded');
    expect(await studio2.locator('[data-stale-file]').count()).toBe(1);
    await studio2.close();
  });
});
