import { describe, expect, it } from 'vitest';
import { buildCourse, ContentError, mergeLocalLessons, type BuildCourseInput } from '../../../src/lib/content/course.ts';

const date = new Date('2026-11-20');
const source = [{ title: 'Om a-kassa', publisher: 'IAF', url: 'https://www.iaf.se/' }];
const lesson = (entryId: string, extra: Record<string, unknown> = {}) => ({
  entryId,
  filePath: `content/lessons/${entryId}.mdx`,
  data: { title: `T ${entryId}`, summary: 'A summary of the lesson.', lastReviewed: date, translation: 'machine' as const, ...extra },
});
const original = (entryId: string, order: number) => ({ ...lesson(entryId, { order, minutes: 30, sources: source, translation: 'original', reviewer: 'content-editor' }), revision: `${order}`.padStart(8, '0') });

function input(overrides: Partial<BuildCourseInput> = {}): BuildCourseInput {
  return {
    modules: [
      { entryId: 'arbete', filePath: 'content/modules/arbete.yaml', data: { order: 2, plannedHours: 60, area: 3 } },
      { entryId: 'komma', filePath: 'content/modules/komma.yaml', data: { order: 1, plannedHours: 40, area: 1 } },
    ],
    moduleTexts: [
      { entryId: 'sv/arbete', filePath: 'x', data: { title: 'Arbete', summary: 'Om arbete i Sverige.', translation: 'original' } },
      { entryId: 'sv/komma', filePath: 'x', data: { title: 'Komma', summary: 'Att komma till Sverige.', translation: 'original' } },
      { entryId: 'ar/arbete', filePath: 'x', data: { title: 'العمل', summary: 'عن العمل في السويد.', translation: 'machine' } },
    ],
    lessons: [original('sv/arbete/b-lektion', 2), original('sv/arbete/a-lektion', 1), original('sv/komma/start', 1), lesson('ar/arbete/a-lektion')],
    locales: ['sv', 'ar'],
    enabledModules: 'all',
    ...overrides,
  };
}

describe('buildCourse', () => {
  const course = buildCourse(input());

  it('orders modules and lessons and sums the hours', () => {
    const sv = course.get('sv')!;
    expect(sv.modules.map((m) => m.id)).toEqual(['komma', 'arbete']);
    expect(sv.modules[1]!.lessons.map((l) => l.id)).toEqual(['arbete/a-lektion', 'arbete/b-lektion']);
    expect(sv.totalHours).toBe(100);
  });

  it('generates every Swedish lesson in every locale, flagging the fallbacks', () => {
    const ar = course.get('ar')!;
    const lessons = ar.modules.flatMap((m) => m.lessons);
    expect(lessons.map((l) => [l.id, l.contentLocale, l.isFallback])).toEqual([
      ['komma/start', 'sv', true],
      ['arbete/a-lektion', 'ar', false],
      ['arbete/b-lektion', 'sv', true],
    ]);
    expect(ar.modules[0]!.isFallback).toBe(true);
    expect(ar.modules[1]!.title).toBe('العمل');
  });

  it('takes order, minutes and sources from the Swedish original', () => {
    const translated = course.get('ar')!.modules[1]!.lessons[0]!;
    expect(translated.translation).toBe('machine');
    expect(translated.minutes).toBe(30);
    expect(translated.sources).toEqual(source);
  });

  it('marks a translation made from an older revision of its source as stale', () => {
    const current = buildCourse(input({ lessons: [...input().lessons.slice(0, 3), lesson('ar/arbete/a-lektion', { sourceRevision: '00000001' })] }));
    expect(current.get('ar')!.modules[1]!.lessons[0]).toMatchObject({ isStale: false, sourceRevision: '00000001' });
    const old = buildCourse(input({ lessons: [...input().lessons.slice(0, 3), lesson('ar/arbete/a-lektion', { sourceRevision: 'abcdef12' })] }));
    expect(old.get('ar')!.modules[1]!.lessons[0]!.isStale).toBe(true);
    // A translation that never recorded its source revision is not known to be current.
    expect(course.get('ar')!.modules[1]!.lessons[0]!.isStale).toBe(true);
    // Fallbacks and the source itself are never stale.
    expect(course.get('ar')!.modules[1]!.lessons[1]!.isStale).toBe(false);
    expect(course.get('sv')!.modules[1]!.lessons[0]!.isStale).toBe(false);
  });

  it('tells the source review (facts) from a review of the translation', () => {
    const reviewed = buildCourse(input({ lessons: [...input().lessons.slice(0, 3), lesson('ar/arbete/a-lektion', { translation: 'reviewed', reviewer: 'samhallskommunikator', lastReviewed: new Date('2026-12-01') })] }));
    const ar = reviewed.get('ar')!.modules[1]!.lessons[0]!;
    expect(ar).toMatchObject({ lastReviewed: date, reviewer: 'content-editor', translationReview: { date: new Date('2026-12-01'), reviewer: 'samhallskommunikator' } });
    expect(course.get('ar')!.modules[1]!.lessons[0]!.translationReview).toBeUndefined();
  });

  it('refuses a translation that claims to be an original', () => {
    const bad = input({ lessons: [...input().lessons.slice(0, 3), lesson('ar/arbete/a-lektion', { translation: 'original' })] });
    expect(() => buildCourse(bad)).toThrow(/content\/lessons\/ar\/arbete\/a-lektion\.mdx: translation/);
  });

  it('keeps only enabled modules', () => {
    const only = buildCourse(input({ enabledModules: ['arbete'] }));
    expect(only.get('sv')!.modules.map((m) => m.id)).toEqual(['arbete']);
  });

  it('rejects an orphaned translation, naming the file', () => {
    const bad = input({ lessons: [...input().lessons, lesson('ar/arbete/renamed')] });
    expect(() => buildCourse(bad)).toThrow(ContentError);
    expect(() => buildCourse(bad)).toThrow(/content\/lessons\/ar\/arbete\/renamed\.mdx: .*no Swedish original/);
  });

  it('rejects a Swedish lesson without minutes, naming the file and field', () => {
    const bad = input({ lessons: [lesson('sv/arbete/x', { order: 1, sources: source, translation: 'original', reviewer: 'content-editor' })] });
    expect(() => buildCourse(bad)).toThrow('content/lessons/sv/arbete/x.mdx: minutes: required in the Swedish original');
  });

  it('rejects an unknown enabled module and a reserved module id', () => {
    expect(() => buildCourse(input({ enabledModules: ['nope'] }))).toThrow(/unknown module "nope"/);
    const reserved = input({ reservedSegments: ['komma'] });
    expect(() => buildCourse(reserved)).toThrow(/"komma" is reserved/);
  });

  it('rejects a Swedish lesson without a reviewer role: a review date says who reviewed', () => {
    const bad = input({ lessons: [lesson('sv/arbete/x', { order: 1, minutes: 30, sources: source, translation: 'original' })] });
    expect(() => buildCourse(bad)).toThrow('content/lessons/sv/arbete/x.mdx: reviewer: required in the Swedish original');
  });

  it('rejects a lesson path that is not locale/module/lesson', () => {
    expect(() => buildCourse(input({ lessons: [original('sv/arbete/Bad_Name', 1)] }))).toThrow(/ASCII slugs/);
  });
});

describe('local lessons', () => {
  const core = [original('sv/arbete/a-lektion', 1), original('sv/arbete/b-lektion', 2)];
  const local = [
    original('ekudden/sv/arbete/jobb-har', 3),
    original('ekudden/sv/arbete/a-lektion', 1),
    original('lindas/sv/arbete/a-lektion', 1),
    original('other/sv/arbete/ny', 4),
  ];

  it('adds a site’s own lessons and replaces a course lesson with the same id, for that site only', () => {
    const merged = mergeLocalLessons(core, local, ['ekudden']);
    expect(merged.map((e) => [e.entryId, e.localSite ?? null])).toEqual([
      ['sv/arbete/a-lektion', 'ekudden'],
      ['sv/arbete/b-lektion', null],
      ['sv/arbete/jobb-har', 'ekudden'],
    ]);
    expect(merged[0]!.renderId).toBe('ekudden/sv/arbete/a-lektion');
    expect(merged[0]!.collection).toBe('localLessons');
    expect(mergeLocalLessons(core, local, ['demo'])).toEqual(core);
  });

  it('gives the site’s own lesson precedence over the shared site’s', () => {
    const merged = mergeLocalLessons(core, local, ['lindas', 'ekudden']);
    expect(merged.find((e) => e.entryId === 'sv/arbete/a-lektion')!.localSite).toBe('lindas');
    expect(merged.some((e) => e.entryId === 'sv/arbete/jobb-har')).toBe(true);
  });
});
