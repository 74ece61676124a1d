import { describe, expect, it } from 'vitest';
import { buildCourse, type BuildCourseInput } from '../../../src/lib/content/course.ts';
import { changeEntries, homeModel, lessonModel, moduleModel, modulePageCount, MODULE_PAGE_SIZE, noticesFor } from '../../../src/lib/page/models.ts';
import { pagerItems } from '../../../src/lib/page/pager.ts';
import { outlineLinks, progressOutline, toOutline } from '../../../src/lib/page/outline.ts';
import type { Change } from '../../../src/schemas/change.ts';

const date = new Date('2026-11-20');
const source = [{ title: 'Om a-kassa', publisher: 'IAF', url: 'https://www.iaf.se/a-kassa' }];
const lesson = (entryId: string, extra: Record<string, unknown> = {}) => ({
  entryId,
  filePath: `content/lessons/${entryId}.mdx`,
  data: { title: `T ${entryId}`, summary: 'A summary of the lesson.', translation: 'machine' as const, ...extra },
});
const original = (entryId: string, order: number) => ({
  ...lesson(entryId, { order, minutes: 30, sources: source, translation: 'original', lastReviewed: date, reviewer: 'content-editor' }),
  revision: 'aaaaaaaa',
});
const input: BuildCourseInput = {
  modules: [
    { entryId: 'arbete', filePath: 'x', data: { order: 2, plannedHours: 60, area: 3 } },
    { entryId: 'komma', filePath: 'x', data: { order: 1, plannedHours: 40, area: 1 } },
  ],
  moduleTexts: [
    { entryId: 'sv/arbete', filePath: 'x', data: { title: 'Arbete', summary: 'Om arbete i Sverige.', translation: 'original' } },
    { entryId: 'sv/komma', filePath: 'x', data: { title: 'Komma', summary: 'Att komma till Sverige.', translation: 'original' } },
    { entryId: 'ar/arbete', filePath: 'x', data: { title: 'العمل', summary: 'عن العمل في السويد.', translation: 'machine' } },
  ],
  lessons: [original('sv/arbete/a', 1), original('sv/arbete/b', 2), original('sv/komma/start', 1), lesson('ar/arbete/a', { sourceRevision: 'aaaaaaaa' }), lesson('ar/arbete/b', { sourceRevision: '00000000' })],
  locales: ['sv', 'ar'],
  enabledModules: 'all',
};
const course = buildCourse(input);
const ar = course.get('ar')!;

describe('the page model', () => {
  it('gives a lesson page its links, neighbours across modules, and its notices', () => {
    const model = lessonModel(ar, 'arbete/a');
    expect(model).toMatchObject({
      locale: 'ar',
      path: 'ar/arbete/a/',
      contentLocale: 'ar',
      isFallback: false,
      notices: ['machine'],
      sourceHref: '/sv/arbete/a/',
      breadcrumbs: { home: '/ar/', module: { title: 'العمل', href: '/ar/arbete/' } },
      previous: { title: 'T sv/komma/start', href: '/ar/komma/start/', lang: 'sv' },
      next: { title: 'T ar/arbete/b', href: '/ar/arbete/b/' },
    });
    expect(lessonModel(ar, 'arbete/b').notices).toEqual(['machine', 'stale']);
  });

  it('shows a fallback lesson in the source language, with the notice and the source language on its title', () => {
    const model = lessonModel(ar, 'komma/start');
    expect(model).toMatchObject({ contentLocale: 'sv', isFallback: true, notices: ['fallback'], breadcrumbs: { module: { lang: 'sv' } } });
    expect(model.previous).toBeUndefined();
    expect(lessonModel(course.get('sv')!, 'komma/start').notices).toEqual([]);
  });

  it('gives module and home pages what they show', () => {
    expect(moduleModel(ar, 'arbete')).toMatchObject({ path: 'ar/arbete/', surveyHref: '/ar/surveys/module/?module=arbete', breadcrumbs: { home: '/ar/' } });
    expect(homeModel(ar)).toMatchObject({ path: 'ar/', totalHours: 100 });
    expect(() => lessonModel(ar, 'arbete/none')).toThrow(/no lesson/);
  });

  it('decides notices once for every kind of text', () => {
    expect(noticesFor({ isFallback: true, translation: 'original' }, 'ti')).toEqual(['fallback']);
    expect(noticesFor({ isFallback: true, translation: 'original' }, 'sv')).toEqual([]);
    expect(noticesFor({ isFallback: false, translation: 'reviewed' }, 'ar')).toEqual([]);
  });
});

describe('the course outline islands load', () => {
  const outline = toOutline(ar);

  it('has every module and lesson in course order, with links and the language of fallback titles', () => {
    expect(outline.modules.map((m) => [m.id, m.number, m.lang ?? 'ar'])).toEqual([
      ['komma', 1, 'sv'],
      ['arbete', 2, 'ar'],
    ]);
    expect(outline.modules[1]!.lessons.map((l) => [l.id, l.href])).toEqual([
      ['arbete/a', '/ar/arbete/a/'],
      ['arbete/b', '/ar/arbete/b/'],
    ]);
    expect(outline.totalHours).toBe(100);
  });

  it('reduces to what progress needs, and looks up any module or lesson', () => {
    expect(progressOutline(outline)).toEqual([
      { id: 'komma', plannedHours: 40, lessonIds: ['komma/start'] },
      { id: 'arbete', plannedHours: 60, lessonIds: ['arbete/a', 'arbete/b'] },
    ]);
    expect(outlineLinks(outline).get('komma/start')).toEqual({ title: 'T sv/komma/start', lang: 'sv', href: '/ar/komma/start/' });
  });
});

describe('the change log as a locale shows it', () => {
  const changes: Change[] = [
    { date: new Date('2026-06-01'), kind: 'correction' as const, lessons: ['arbete/a'], facts: [], summary: { sv: 'Rättat.', ar: 'تم التصحيح.' } },
    { date: new Date('2026-12-07'), kind: 'rule-change' as const, lessons: ['arbete/b', 'other/gone'], facts: [], summary: { sv: 'Nya regler.' } },
  ];

  it('lists entries newest first, in the reader’s language or the source marked, with links to the lessons the site has', () => {
    expect(changeEntries(ar, changes)).toEqual([
      { date: '2026-12-07', kind: 'rule-change', summary: 'Nya regler.', lang: 'sv', lessons: [{ id: 'arbete/b', title: 'T ar/arbete/b', href: '/ar/arbete/b/' }] },
      { date: '2026-06-01', kind: 'correction', summary: 'تم التصحيح.', lessons: [{ id: 'arbete/a', title: 'T ar/arbete/a', href: '/ar/arbete/a/' }] },
    ]);
  });

  it('gives a lesson page only its own entries', () => {
    expect(lessonModel(ar, 'arbete/a', changes).changes.map((c) => c.date)).toEqual(['2026-06-01']);
    expect(lessonModel(ar, 'komma/start', changes).changes).toEqual([]);
  });
});

describe('a long module over several pages', () => {
  const many = MODULE_PAGE_SIZE * 2 + 3;
  const long = buildCourse({
    ...input,
    lessons: [...input.lessons, ...Array.from({ length: many }, (_, i) => original(`sv/komma/l${String(i).padStart(3, '0')}`, i + 2))],
  }).get('sv')!;
  const lessons = long.modules.find((m) => m.id === 'komma')!.lessons;

  it('lists at most MODULE_PAGE_SIZE lessons a page, every lesson once, with links to every page', () => {
    expect(modulePageCount(0)).toBe(1);
    expect(modulePageCount(MODULE_PAGE_SIZE)).toBe(1);
    expect(modulePageCount(MODULE_PAGE_SIZE + 1)).toBe(2);
    const pages = [1, 2, 3].map((n) => moduleModel(long, 'komma', n));
    expect(pages.map((p) => p.lessons.length)).toEqual([MODULE_PAGE_SIZE, MODULE_PAGE_SIZE, lessons.length - 2 * MODULE_PAGE_SIZE]);
    expect(pages.flatMap((p) => p.lessons.map((l) => l.id))).toEqual(lessons.map((l) => l.id));
    expect(pages[1]!).toMatchObject({ path: 'sv/komma/2/', page: { number: 2, count: 3, from: MODULE_PAGE_SIZE + 1, to: 2 * MODULE_PAGE_SIZE, hrefs: ['/sv/komma/', '/sv/komma/2/', '/sv/komma/3/'] } });
    expect(() => moduleModel(long, 'komma', 4)).toThrow(/no page 4/);
  });

  it('links a lesson back to the page of the list that shows it', () => {
    const last = lessons[lessons.length - 1]!;
    expect(lessonModel(long, last.id).breadcrumbs.module.href).toBe('/sv/komma/3/');
    expect(lessonModel(long, lessons[0]!.id).breadcrumbs.module.href).toBe('/sv/komma/');
  });

  it('refuses a lesson id of digits only: it would be the address of a page of the list', () => {
    expect(() => buildCourse({ ...input, lessons: [...input.lessons, original('sv/komma/2', 9)] })).toThrow(/digits only/);
  });
});

describe('the pager', () => {
  it('shows every page when there are few, else the ends and the neighbours with gaps', () => {
    expect(pagerItems(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerItems(5, 12)).toEqual([1, null, 4, 5, 6, null, 12]);
    expect(pagerItems(1, 12)).toEqual([1, 2, null, 12]);
    expect(pagerItems(3, 12)).toEqual([1, 2, 3, 4, null, 12]);
  });
});

describe('change-log pages', () => {
  it('cuts the log into pages of 20 in order, and gives an empty log one page', async () => {
    const { changePages, CHANGES_PAGE_SIZE } = await import('../../../src/lib/page/models.ts');
    expect(CHANGES_PAGE_SIZE).toBe(20);
    const log = Array.from({ length: 45 }, (_, i) => i);
    const pages = changePages(log);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(log);
    expect(changePages([])).toEqual([[]]);
  });
});
