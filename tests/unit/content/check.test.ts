/**
 * The curriculum's content checks on the real course, and proof that each rule fires.
 */
import { describe, expect, it } from 'vitest';
import { checkCourse, checkLesson, type CheckContext, type ContentFile } from '../../../src/lib/content/check.ts';
import { readCardStepIds, readContentFiles, readFacts } from '../../../src/lib/content/files.ts';
import { lix } from '../../../src/lib/content/readability.ts';
import { translationStatus } from '../../../src/lib/i18n/status.ts';
import { loadLocales } from '../../../src/lib/site/load.ts';

const root = process.cwd();
const files: ContentFile[] = [...readContentFiles(root, 'content/lessons'), ...readContentFiles(root, 'content/modules')];
const locales = loadLocales('content');
const context: CheckContext = {
  factIds: new Set(readFacts('content').keys()),
  cardStepIds: readCardStepIds('content'),
  plainLanguageLocales: new Set(locales.filter((l) => l.plainLanguageOf).map((l) => l.code)),
  courseLocales: locales.map((l) => l.code),
};
const model = files.find((f) => f.path === 'content/lessons/sv/forsorja-sig/a-kassa.mdx')!;
/** The first fact the model lesson uses. */
const someFact = /<Fact id="[^"]+" \/>/.exec(model.text)![0];
/** Keeps the first `keep` matches of a pattern and removes the rest. */
const keepFirst = (text: string, pattern: RegExp, keep: number) => {
  let seen = 0;
  return text.replace(pattern, (match) => (++seen <= keep ? match : ''));
};
const messages = (file: ContentFile) => checkLesson(file, undefined, context).map((p) => p.message);
const variant = (change: (text: string) => string, path = model.path): ContentFile => ({ path, text: change(model.text) });

describe('the course content', () => {
  it('passes every content check', () => {
    expect(checkCourse(files, undefined, context)).toEqual([]);
  });

  it('is complete in every locale and in easy Swedish: no lesson falls back', () => {
    const lessons = new Map(files.filter((f) => f.path.startsWith('content/lessons/')).map((f) => [f.path, f.text]));
    const rows = translationStatus(locales.map((l) => l.code), lessons, new Map());
    expect(rows[0]!.total).toBeGreaterThanOrEqual(45);
    for (const row of rows) expect(row.missing, row.locale).toEqual([]);
    // Honesty: nothing but the source claims to be an original, and nothing claims a review no person made.
    for (const row of rows.slice(1)) expect(row.reviewed, row.locale).toBe(0);
  });
});

describe('municipalities’ local lessons', () => {
  it('pass the same lesson checks as the course', () => {
    const local = readContentFiles(root, 'content/sites').filter((f) => /^content\/sites\/[^/]+\/lessons\/[^/]+\/[^/]+\/[^/]+\.mdx$/.test(f.path));
    expect(local.length).toBeGreaterThan(0);
    expect(local.flatMap((f) => checkLesson(f, undefined, context))).toEqual([]);
  });
});

describe('content rules fire', () => {
  it('a lesson without WorkLink, Discuss or LocalInfo', () => {
    const file = variant((t) => t.replace(/<WorkLink>[\s\S]*?<\/WorkLink>/, '').replace(/<Discuss>[\s\S]*?<\/Discuss>/, '').replace(/<LocalInfo[^>]*\/>/, ''));
    expect(messages(file)).toEqual(expect.arrayContaining(['missing or empty <WorkLink>', 'missing <Discuss>', 'missing <LocalInfo topic="…" />']));
  });

  it('too few key terms, discussion questions or self-check questions', () => {
    const file = variant((t) =>
      keepFirst(t, /<Term [\s\S]*?<\/Term>\n?/g, 4).replace(/(- [^\n]*\n){2}(?=<\/Discuss>)/, '').replace(/questions=\{\[\s*\{[\s\S]*?\},\s*\{[\s\S]*?\},/, 'questions={['),
    );
    const found = messages(file);
    expect(found.some((m) => /^<KeyTerms> has 4 /.test(m)), found.join('\n')).toBe(true);
    expect(found.some((m) => /^<Discuss> has 2 questions/.test(m)), found.join('\n')).toBe(true);
    expect(found.some((m) => /^<SelfCheck> has 2 questions/.test(m)), found.join('\n')).toBe(true);
  });

  it('a self-check question that is not a literal, or not the right shape, is named', () => {
    expect(messages(variant((t) => t.replace('answer: 1,', 'answer: pick(),')))).toEqual([expect.stringMatching(/<SelfCheck questions=\{…\}>: CallExpression is not a literal/)]);
    expect(messages(variant((t) => t.replace('answer: 1,', 'answer: 9,')))).toEqual([expect.stringMatching(/^<SelfCheck questions>: 0\.answer: answer must be the index of one of the options/)]);
  });

  it('placeholder text and a short source lesson', () => {
    const found = messages(variant((t) => t.replace(/## Vad är en a-kassa\?[\s\S]*?<WorkLink>/, 'TODO: write this.\n\n<WorkLink>')));
    expect(found).toContain('placeholder text "TODO"');
    expect(found.some((m) => /words; a source lesson needs at least 500/.test(m))).toBe(true);
  });

  it('a source that is a front page, an unknown fact and an unknown card step', () => {
    const found = messages(variant((t) => t.replace(/url: https:\/\/[^\n]+/, 'url: https://www.iaf.se/').replace(someFact, '<Fact id="akassa.no-such-fact" />') + '\n<CardStep id="nope.step" />\n'));
    expect(found).toEqual(expect.arrayContaining([
      'sources.0.url: "https://www.iaf.se/" is a front page; link the page that says it',
      expect.stringMatching(/<Fact id="akassa.no-such-fact" \/>: no such fact/),
      expect.stringMatching(/<CardStep id="nope.step" \/>: no such step/),
    ]));
  });

  it('a translation that claims to be original, records no source revision, or reads too hard for easy Swedish', () => {
    const translated = variant((t) => t.replace(/order: \d+\nminutes: \d+\n/, ''), 'content/lessons/en/forsorja-sig/a-kassa.mdx');
    expect(messages(translated)).toEqual(expect.arrayContaining(['translation: a translation is "machine" or "reviewed", never "original"', expect.stringMatching(/^sourceRevision: missing/)]));
    const easy = variant((t) => t.replace('translation: original', 'translation: machine\nsourceRevision: "00000000"'), 'content/lessons/sv-easy/forsorja-sig/a-kassa.mdx');
    expect(lix(model.text).lix).toBeGreaterThan(25);
    expect(messages(easy).some((m) => /^LIX [\d.]+: easy Swedish needs at most 30/.test(m))).toBe(lix(model.text).lix > 30 || messages(easy).some((m) => m.startsWith('LIX')));
  });

  it('an orphaned translation, an untranslated copy, a changed structure, too few lessons, hours and spread answers', () => {
    const allFirst = { ...model, text: model.text.replace(/answer: \d,/g, 'answer: 0,') };
    const asTranslation = (text: string) => text.replace('translation: original', 'translation: machine\nsourceRevision: "00000000"');
    const orphan = { path: 'content/lessons/ar/forsorja-sig/renamed.mdx', text: asTranslation(allFirst.text) };
    const copy = { path: 'content/lessons/ar/forsorja-sig/a-kassa.mdx', text: asTranslation(allFirst.text) };
    const changed = { path: 'content/lessons/uk/forsorja-sig/a-kassa.mdx', text: copy.text.replace(someFact, '20').replace('answer: 0,', 'answer: 1,').replace('Många', 'Багато') };
    const course = [allFirst, orphan, copy, changed, { path: 'content/modules/forsorja-sig.yaml', text: 'order: 3\narea: 3\nplannedHours: 30' }];
    const found = checkCourse(course, undefined, context).map((p) => `${p.path}: ${p.message}`);
    expect(found).toEqual(expect.arrayContaining([
      'content/lessons/ar/forsorja-sig/renamed.mdx: no source lesson content/lessons/sv/forsorja-sig/renamed.mdx: renamed or orphaned translation',
      'content/lessons/ar/forsorja-sig/a-kassa.mdx: identical to the source text: not translated',
      expect.stringMatching(/^content\/lessons\/uk\/forsorja-sig\/a-kassa\.mdx: facts differ from the source lesson/),
      expect.stringMatching(/^content\/lessons\/uk\/forsorja-sig\/a-kassa\.mdx: self-check answers differ from the source lesson/),
      'content/lessons/sv/forsorja-sig/: 1 lessons; the module needs at least 8',
      'content/modules: planned hours add up to 30; the law asks for at least 100',
      // A lesson that has not arrived in every language yet.
      expect.stringMatching(/^content\/lessons\/sv\/forsorja-sig\/a-kassa\.mdx: not yet in sv-easy, en, fa, prs, so, ti: add/),
      expect.stringMatching(/^content\/lessons\/sv\/: option 1 is the right self-check answer in 4 of 4 questions/),
    ]));
  });
});
