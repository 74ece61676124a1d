/**
 * The curriculum's content checks on the real course (issue #3), and proof that each rule fires.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/site/files.ts';
import { checkCourse, checkLesson, type ContentFile } from '../../src/lib/content/check.ts';
import { translationStatus } from '../../src/lib/i18n/status.ts';

const files: ContentFile[] = ['content/lessons', 'content/modules'].flatMap((dir) =>
  listFiles(dir).map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(dir, f), 'utf8') })),
);
const model = files.find((f) => f.path === 'content/lessons/sv/forsorja-sig/a-kassa.mdx')!;

describe('the course content', () => {
  it('passes every content check', () => {
    expect(checkCourse(files)).toEqual([]);
  });

  it('is complete in sv, en, ar, fa and uk, and covers modules 1–3 in prs, so and ti', () => {
    const lessons = new Map(files.filter((f) => f.path.startsWith('content/lessons/')).map((f) => [f.path, f.text]));
    const rows = translationStatus(['sv', 'en', 'ar', 'fa', 'uk', 'prs', 'so', 'ti'], lessons, new Map());
    expect(rows[0]!.total).toBeGreaterThanOrEqual(36);
    for (const row of rows.slice(0, 5)) expect(row.missing, row.locale).toEqual([]);
    for (const row of rows.slice(5)) {
      expect(row.missing.filter((id) => /^(komma-till-sverige|bo-i-sverige|forsorja-sig)\//.test(id)), row.locale).toEqual([]);
    }
    // Honesty: nothing but Swedish claims to be an original, and nothing claims a review no person made.
    for (const row of rows.slice(1)) expect(row.reviewed, row.locale).toBe(0);
  });
});

describe('municipalities’ local lessons', () => {
  it('pass the same lesson checks as the course', () => {
    const local = listFiles('content/sites')
      .filter((f) => /^[^/]+\/lessons\/[^/]+\/[^/]+\/[^/]+\.mdx$/.test(f))
      .map((f) => ({ path: `content/sites/${f}`, text: readFileSync(join('content/sites', f), 'utf8') }));
    expect(local.length).toBeGreaterThan(0);
    expect(local.flatMap((f) => checkLesson(f))).toEqual([]);
  });
});

describe('content rules fire', () => {
  const variant = (path: string, change: (text: string) => string): ContentFile => ({ path, text: change(model.text) });
  const messages = (file: ContentFile) => checkLesson(file).map((p) => p.message);

  it('a lesson without WorkLink, Discuss or LocalInfo', () => {
    const file = variant(model.path, (t) => t.replace(/<WorkLink>[\s\S]*?<\/WorkLink>/, '').replace(/<Discuss>[\s\S]*?<\/Discuss>/, '').replace(/<LocalInfo[^>]*\/>/, ''));
    expect(messages(file)).toEqual(expect.arrayContaining(['missing or empty <WorkLink>', 'missing <Discuss>', 'missing <LocalInfo topic="…" />']));
  });

  it('too few key terms, discussion questions or self-check questions', () => {
    const file = variant(model.path, (t) =>
      t.replace(/( *<Term [^\n]*\n){3}/, '').replace(/- Varför[^\n]*\n- Hur kan[^\n]*\n/, '').replace(/\{\s*question: "Var hittar[\s\S]*?\},\n/, ''),
    );
    const found = messages(file);
    expect(found.some((m) => /<KeyTerms> has 4/.test(m))).toBe(true);
    expect(found.some((m) => /<Discuss> has 2 questions/.test(m))).toBe(true);
    expect(found.some((m) => /<SelfCheck> has 2 questions/.test(m))).toBe(true);
  });

  it('placeholder text and a short Swedish lesson', () => {
    const file = variant(model.path, (t) => t.replace(/## Vad är en a-kassa\?[\s\S]*?<WorkLink>/, 'TODO: write this.\n\n<WorkLink>'));
    const found = messages(file);
    expect(found).toContain('placeholder text "TODO"');
    expect(found.some((m) => /words; a Swedish lesson needs at least 500/.test(m))).toBe(true);
  });

  it('a non-https source and a wrong translation status', () => {
    const file = variant(model.path, (t) => t.replace('https://www.iaf.se/', 'http://www.iaf.se/'));
    expect(messages(file).some((m) => m.startsWith('sources.0.url'))).toBe(true);
    const translated = variant('content/lessons/en/forsorja-sig/a-kassa.mdx', (t) => t.replace(/order: 7\nminutes: 45\n/, '').replace(/sources:[\s\S]*?---/, '---'));
    expect(messages(translated)).toContain('translation: a translation is "machine" or "reviewed", never "original"');
  });

  it('an orphaned translation, an untranslated copy, too few lessons and too few hours', () => {
    const orphan = { path: 'content/lessons/ar/forsorja-sig/renamed.mdx', text: model.text.replace('translation: original', 'translation: machine') };
    const copy = { path: 'content/lessons/ar/forsorja-sig/a-kassa.mdx', text: model.text.replace('translation: original', 'translation: machine') };
    const course = [model, orphan, copy, { path: 'content/modules/forsorja-sig.yaml', text: 'order: 3\narea: 3\nplannedHours: 30' }];
    const found = checkCourse(course).map((p) => `${p.path}: ${p.message}`);
    expect(found).toEqual(expect.arrayContaining([
      'content/lessons/ar/forsorja-sig/renamed.mdx: no Swedish original content/lessons/sv/forsorja-sig/renamed.mdx: renamed or orphaned translation',
      'content/lessons/ar/forsorja-sig/a-kassa.mdx: identical to the Swedish text: not translated',
      'content/lessons/sv/forsorja-sig/: 1 lessons; the module needs at least 8',
      'content/modules: planned hours add up to 30; the law asks for at least 100',
    ]));
  });
});
