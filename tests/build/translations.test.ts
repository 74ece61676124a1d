/**
 * Translations that know when they are stale, tested on a real build: a translation stamped with
 * the current revision of its source shows no notice; after the source text changes, the
 * translated page says so and links the source, and `translationStatus` lists it as outdated.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { isolatedBuilds } from '../support/isolated-build.ts';
import { translationStatus } from '../../src/lib/i18n/status.ts';

const { contentWith, build } = isolatedBuilds('orienta-translations-');
const LESSON = 'forsorja-sig/a-kassa';

/** Content with the Arabic translation of a-kassa as committed (stamped with the source's current revision). */
const withArabic = (name: string, changeSource?: (text: string) => string) =>
  contentWith(name, (dir) => {
    mkdirSync(join(dir, 'lessons/ar/forsorja-sig'), { recursive: true });
    cpSync(`content/lessons/ar/${LESSON}.mdx`, join(dir, `lessons/ar/${LESSON}.mdx`));
    if (changeSource) {
      const file = join(dir, `lessons/sv/${LESSON}.mdx`);
      writeFileSync(file, changeSource(readFileSync(file, 'utf8')));
    }
  });

const page = (dist: string, path: string) => parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
const status = (dir: string) =>
  translationStatus(['sv', 'ar'], new Map(['sv', 'ar'].map((l) => [`content/lessons/${l}/${LESSON}.mdx`, readFileSync(join(dir, `lessons/${l}/${LESSON}.mdx`), 'utf8')])), new Map())[1]!;

describe('a translation of an older revision of its source', () => {
  it('is current as committed: no notice, not outdated', () => {
    const dir = withArabic('current');
    const { status: exit, output, dist } = build(dir);
    expect(exit, output.slice(-2000)).toBe(0);
    const ar = page(dist, `ar/${LESSON}`);
    expect(ar.querySelectorAll('[data-notice="stale"]')).toHaveLength(0);
    expect(ar.querySelectorAll('[data-notice="machine"]')).toHaveLength(1);
    expect(status(dir).outdated).toEqual([]);
  });

  it('says so on the page, with a link to the source text, once the source changes', () => {
    const dir = withArabic('changed', (text) => text.replace(/^(Många [^\n]*)/m, 'Ny mening först. $1'));
    const { status: exit, output, dist } = build(dir);
    expect(exit, output.slice(-2000)).toBe(0);
    const notice = page(dist, `ar/${LESSON}`).querySelector('[data-notice="stale"]');
    expect(notice, 'stale notice on the Arabic page').not.toBeNull();
    expect(notice!.querySelector('a')!.getAttribute('href')).toBe(`/sv/${LESSON}/`);
    expect(page(dist, `sv/${LESSON}`).querySelectorAll('[data-notice]')).toHaveLength(0);
    expect(status(dir).outdated).toEqual([LESSON]);
  });
});
