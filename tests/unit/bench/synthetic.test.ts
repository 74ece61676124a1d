import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BLOCK_NAMES,
  composeBody,
  countWords,
  extractBlocks,
  isMovableSentence,
  lessonsFor,
  proseUnits,
  sampleLessonPath,
  seededRandom,
  splitFrontmatter,
  splitSentences,
  writeSyntheticCourse,
} from '../../../scripts/bench/synthetic.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const model = readFileSync(join(root, 'content', 'lessons', 'sv', 'forsorja-sig', 'a-kassa.mdx'), 'utf8');

describe('text helpers', () => {
  it('splits sentences in Latin, Arabic and Ethiopic script', () => {
    expect(splitSentences('Hej. Hur mår du?  Bra!')).toEqual(['Hej.', 'Hur mår du?', 'Bra!']);
    expect(splitSentences('مرحبا بك. كيف حالك؟ شكرا.')).toEqual(['مرحبا بك.', 'كيف حالك؟', 'شكرا.']);
    expect(splitSentences('ሰላም ኣለኹም። ከመይ ኣለኹም፧ የቐንየለይ።')).toEqual(['ሰላም ኣለኹም።', 'ከመይ ኣለኹም፧', 'የቐንየለይ።']);
  });

  it('keeps only sentences that can move on their own in MDX', () => {
    expect(isMovableSentence('Du betalar en **medlemsavgift** varje månad.')).toBe(true);
    expect(isMovableSentence('Det heter **arbetsgivar.')).toBe(false);
    expect(isMovableSentence('Läs mer på {url} idag.')).toBe(false);
    expect(isMovableSentence('Se [sidan](https://x.se/ nu.')).toBe(false);
    expect(isMovableSentence('Kort.')).toBe(false);
  });

  it('is deterministic for a seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('needs enough Swedish lessons for the pages asked', () => {
    expect(lessonsFor(1000, 5)).toBe(200);
    expect(lessonsFor(1001, 5)).toBe(201);
    expect(lessonsFor(1, 5)).toBe(1);
  });
});

describe('a real lesson as template', () => {
  const { data, body } = splitFrontmatter(model);
  const { blocks, prose } = extractBlocks(body);

  it('reads the frontmatter and finds every block of the content guide', () => {
    expect(data.translation).toBe('original');
    expect(Object.keys(blocks).sort()).toEqual([...BLOCK_NAMES].sort());
    expect(blocks.SelfCheck).toMatch(/^<SelfCheck[\s\S]*\/>$/);
    expect(prose).not.toMatch(/<(KeyTerms|WorkLink|Equality|Discuss|SelfCheck|LocalInfo)/);
  });

  it('takes headings, sentences and list items from the running text', () => {
    const units = proseUnits(prose);
    expect(units.headings).toContain('Vad är en a-kassa?');
    expect(units.sentences).toContain('En a-kassa är en förening.');
    expect(units.listItems.some((i) => i.includes('**Arbetsförmedlingen**'))).toBe(true);
  });

  it('composes a body in the guide order with about the words asked for', () => {
    const units = proseUnits(prose);
    const out = composeBody({ blocks: blocks as Record<(typeof BLOCK_NAMES)[number], string>, units, targetWords: 500, random: seededRandom(1) });
    const positions = ['<KeyTerms>', '## ', '<WorkLink>', '<Equality>', '<Discuss>', '<SelfCheck', '<LocalInfo'].map((tag) => out.indexOf(tag));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const running = extractBlocks(out).prose;
    expect(countWords(running)).toBeGreaterThanOrEqual(500);
    expect(countWords(running)).toBeLessThan(700);
  });
});

describe('writeSyntheticCourse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orienta-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'content');
  const summary = writeSyntheticCourse({ contentDir: join(root, 'content'), outDir: out, lessonPages: 20, locales: 4, targetWords: 200 });

  it('chooses Swedish first and one locale per script', () => {
    expect(summary.locales).toEqual(['sv', 'en', 'ar', 'ti']);
    const locales = JSON.parse(readFileSync(join(out, 'locales.json'), 'utf8')) as { code: string }[];
    expect(locales.map((l) => l.code)).toEqual(['sv', 'en', 'ar', 'ti']);
  });

  it('writes the Swedish originals and a share of translations; the rest fall back', () => {
    expect(summary.lessons).toBe(5);
    expect(summary.lessonPages).toBe(20);
    expect(summary.translated.sv).toBe(5);
    const files = Object.values(summary.translated).reduce((a, b) => a + b, 0);
    expect(summary.fallbackPages).toBe(20 - files);
  });

  it('writes what the build needs: site, pages, module texts for the chosen locales only', () => {
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['lessons', 'locales.json', 'modules', 'pages', 'sites']));
    expect(readdirSync(join(out, 'pages'))).toContain('sv');
    expect(readdirSync(join(out, 'modules'))).not.toContain('uk');
  });

  it('writes originals and translations with the frontmatter of the content guide', () => {
    const path = sampleLessonPath(out, 'sv')!;
    const [, , moduleId, lessonId] = path.split('/');
    const sv = splitFrontmatter(readFileSync(join(out, 'lessons', 'sv', moduleId!, `${lessonId}.mdx`), 'utf8'));
    expect(Object.keys(sv.data).sort()).toEqual(['lastReviewed', 'minutes', 'order', 'reviewer', 'sources', 'summary', 'title', 'translation']);
    expect(sv.data.translation).toBe('original');
    const arDir = join(out, 'lessons', 'ar');
    const arModule = readdirSync(arDir)[0]!;
    const ar = splitFrontmatter(readFileSync(join(arDir, arModule, readdirSync(join(arDir, arModule))[0]!), 'utf8'));
    expect(Object.keys(ar.data).sort()).toEqual(['lastReviewed', 'summary', 'title', 'translation']);
    expect(ar.data.translation).toBe('machine');
    expect(ar.body).toMatch(/[\u0600-\u06ff]/);
  });
});
