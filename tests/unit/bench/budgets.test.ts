import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets, failures, validateBudgets, type BudgetInput, type Budgets, type LabelledPage } from '../../../scripts/bench/budgets.ts';
import { linearity, median, withinLinearity } from '../../../scripts/bench/linearity.ts';
import { blockingStylesheets, distribution, pageKind, summariseKinds } from '../../../scripts/bench/kinds.ts';
import { renderMarkdown, table, type BenchResults } from '../../../scripts/bench/report.ts';
import type { PageWeight } from '../../../scripts/bench/weigh.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const budgets: Budgets = validateBudgets(JSON.parse(readFileSync(join(root, 'bench', 'budgets.json'), 'utf8')));

function weight(fields: Partial<PageWeight> = {}): PageWeight {
  const z = { raw: 0, gzip: 0 };
  return {
    url: '/sv/m/l/',
    lang: 'sv',
    html: { raw: 30000, gzip: 10 * 1024 },
    inlineCss: z,
    linkedCss: z,
    renderBlockingCss: z,
    firstRender: { raw: 30000, gzip: 10 * 1024 },
    inlineJs: z,
    externalJs: z,
    js: { raw: 20000, gzip: 8 * 1024 },
    jsFiles: [],
    onDemandJs: z,
    onDemandFiles: [],
    renderBlockingScripts: [],
    fonts: [],
    fontBytes: z,
    fontsNonBlocking: true,
    fontsSubset: true,
    requests: { total: 1, html: 1, css: 0, js: 0, fonts: 0, other: 0 },
    missing: [],
    ...fields,
  };
}

const input = (fields: Partial<BudgetInput> = {}): BudgetInput => ({
  quick: false,
  pages: [{ build: 'demo', weight: weight() }],
  linearity: linearity({ pages: 10, ms: 5000 }, { pages: 250, ms: 17000 }, { pages: 1000, ms: 54500 }),
  aggregate: { responses: 100_000, ms: 900 },
  cli: { responses: 1_000_000, ms: 8000, peakRssBytes: 200 * 2 ** 20 },
  audio: [{ name: 'sv/m/l', kbPerMinute: 120 }],
  kinds: [{ build: 'synthetic', lessonsPerLocale: 1600, kinds: summariseKinds([
    { url: '/sv/', kind: 'home', htmlGzip: 9000, firstRenderGzip: 9000 },
    { url: '/sv/m/', kind: 'module', htmlGzip: 8000, firstRenderGzip: 8000 },
    { url: '/sv/m/2/', kind: 'module', htmlGzip: 8500, firstRenderGzip: 8500 },
  ]) }],
  largest: { lessonPages: 8000, peakRssBytes: 2500 * 2 ** 20 },
  starlight: { timePerPageRatio: 0.45, peakRssRatio: 0.6 },
  ...fields,
});

const status = (checks: ReturnType<typeof checkBudgets>) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('bench/budgets.json', () => {
  it('holds the budgets of issue 9', () => {
    expect(budgets.lessonPage).toEqual({ firstRenderGzipKb: 14, jsGzipKb: 8, renderBlockingScripts: 0, fontsSwapAndSubset: true });
    expect(budgets.survey.aggregateResponses).toBe(100_000);
    expect(budgets.survey.aggregateMs).toBe(2000);
    expect(budgets.survey.cliResponses).toBe(1_000_000);
  });

  it('rejects a malformed file naming the field', () => {
    expect(() => validateBudgets({ ...budgets, lessonPage: { ...budgets.lessonPage, jsGzipKb: '15' } })).toThrow(/lessonPage\.jsGzipKb/);
    expect(() => validateBudgets({ lessonPage: budgets.lessonPage })).toThrow(/build/);
  });

  it('holds the targets of issue 20', () => {
    expect(budgets.pageKinds).toEqual({ firstRenderGzipKb: 14 });
    expect(budgets.build).toEqual({ maxPerPageRatio: 1.5, toleranceMsPerPage: 5, maxPeakRssMb: 3072, largePages: 8000 });
    expect(budgets.starlight).toEqual({ maxTimePerPageRatio: 0.5, maxPeakRssRatio: 0.7 });
  });
});

describe('checkBudgets', () => {
  it('passes figures within every budget', () => {
    const checks = checkBudgets(input(), budgets);
    expect(status(checks)).toEqual({
      'first-render': 'pass', js: 'pass', 'blocking-scripts': 'pass', fonts: 'pass', missing: 'pass', 'kind-home': 'pass', 'kind-module': 'pass', linearity: 'pass',
      'build-rss': 'pass', 'starlight-time': 'pass', 'starlight-rss': 'pass', aggregate: 'pass', 'cli-time': 'pass', 'cli-rss': 'pass', audio: 'pass',
    });
    expect(failures(checks)).toEqual([]);
  });

  it('judges lesson-page budgets on the heaviest page, naming it', () => {
    const heavy: LabelledPage = { build: 'synthetic', weight: weight({ url: '/ar/m/l/', firstRender: { raw: 50000, gzip: 14 * 1024 + 1 }, js: { raw: 1, gzip: 15 * 1024 + 1 } }) };
    const checks = checkBudgets(input({ pages: [{ build: 'demo', weight: weight() }, heavy] }), budgets);
    expect(status(checks)['first-render']).toBe('fail');
    expect(status(checks).js).toBe('fail');
    expect(checks.find((c) => c.id === 'first-render')!.detail).toBe('heaviest: synthetic /ar/m/l/');
    expect(failures(checks)).toHaveLength(2);
  });

  it('passes exactly at the limit', () => {
    const edge = weight({ firstRender: { raw: 1, gzip: 14 * 1024 }, js: { raw: 1, gzip: 8 * 1024 } });
    expect(failures(checkBudgets(input({ pages: [{ build: 'demo', weight: edge }] }), budgets))).toEqual([]);
  });

  it('fails render-blocking scripts, blocking fonts and missing files', () => {
    const bad = weight({
      renderBlockingScripts: ['/x.js'],
      fonts: [{ url: '/f.woff2', family: 'F', weight: '400', display: 'block', subset: true, size: { raw: 1, gzip: 1 } }],
      missing: ['/gone.js'],
    });
    const checks = checkBudgets(input({ pages: [{ build: 'demo', weight: bad }] }), budgets);
    expect(status(checks)).toMatchObject({ 'blocking-scripts': 'fail', fonts: 'fail', missing: 'fail' });
  });

  it('fails super-linear build time', () => {
    // Quadratic: t = 3000 + 0.05 n².
    const t = (n: number) => ({ pages: n, ms: 3000 + 0.05 * n * n });
    const checks = checkBudgets(input({ linearity: linearity(t(10), t(250), t(1000)) }), budgets);
    expect(status(checks).linearity).toBe('fail');
  });

  it('fails slow aggregation and memory over budget', () => {
    const checks = checkBudgets(input({ aggregate: { responses: 100_000, ms: 2000 }, cli: { responses: 1_000_000, ms: 10_000, peakRssBytes: 2 ** 30 } }), budgets);
    expect(status(checks)).toMatchObject({ aggregate: 'fail', 'cli-time': 'fail', 'cli-rss': 'fail' });
  });

  it('skips what a quick run cannot judge, and what is not available', () => {
    const quick = checkBudgets(input({ quick: true, aggregate: { responses: 2000, ms: 5000 }, cli: { responses: 20_000, ms: 60_000, peakRssBytes: 2 ** 31 } }), budgets);
    expect(status(quick)).toMatchObject({ linearity: 'skip', aggregate: 'skip', 'cli-time': 'skip', 'cli-rss': 'skip' });
    const none = checkBudgets(input({ aggregate: null, cli: null, linearity: null, surveyNote: 'not available: src/lib/survey missing' }), budgets);
    expect(status(none)).toMatchObject({ linearity: 'skip', aggregate: 'skip', 'cli-time': 'skip', 'cli-rss': 'skip' });
    expect(none.find((c) => c.id === 'aggregate')!.detail).toMatch(/not available/);
  });
});

describe('page kinds, build memory and Starlight', () => {
  it('judge every page kind on its heaviest page, in any build', () => {
    const heavy = input({ kinds: [...input().kinds!, { build: 'demo', kinds: summariseKinds([{ url: '/sv/progress/', kind: 'progress', htmlGzip: 15 * 1024, firstRenderGzip: 15 * 1024 }]) }] });
    const checks = checkBudgets(heavy, budgets);
    expect(status(checks)['kind-progress']).toBe('fail');
    expect(checks.find((c) => c.id === 'kind-module')!.detail).toContain('/sv/m/2/');
    expect(checks.find((c) => c.id === 'kind-module')!.detail).toContain('1600 lessons per locale');
  });

  it('judge build memory only at the large size, and say what was measured otherwise', () => {
    expect(status(checkBudgets(input({ largest: { lessonPages: 8000, peakRssBytes: 4 * 2 ** 30 } }), budgets))['build-rss']).toBe('fail');
    const small = checkBudgets(input({ largest: { lessonPages: 1000, peakRssBytes: 4 * 2 ** 30 } }), budgets).find((c) => c.id === 'build-rss')!;
    expect(small).toMatchObject({ status: 'skip', value: '4096 MB' });
    expect(small.detail).toMatch(/1,000 lesson pages only/);
  });

  it('compare with Starlight when it ran, and skip with the reason when not', () => {
    expect(status(checkBudgets(input({ starlight: { timePerPageRatio: 1.03, peakRssRatio: 1.05 } }), budgets))).toMatchObject({ 'starlight-time': 'fail', 'starlight-rss': 'fail' });
    const none = checkBudgets(input({ starlight: null, starlightNote: 'skipped (--no-starlight)' }), budgets);
    expect(status(none)).toMatchObject({ 'starlight-time': 'skip', 'starlight-rss': 'skip' });
    expect(none.find((c) => c.id === 'starlight-time')!.detail).toBe('skipped (--no-starlight)');
  });
});

describe('page kinds', () => {
  it('classifies built pages by their path', () => {
    expect(pageKind('index.html')).toBe('root');
    expect(pageKind('sv/index.html')).toBe('home');
    expect(pageKind('sv/forsorja-sig/index.html')).toBe('module');
    expect(pageKind('sv/forsorja-sig/3/index.html')).toBe('module');
    expect(pageKind('sv/forsorja-sig/a-kassa/index.html')).toBe('lesson');
    expect(pageKind('sv/progress/index.html')).toBe('progress');
    expect(pageKind('sv/certificate/index.html')).toBe('certificate');
    expect(pageKind('sv/teacher/index.html')).toBe('teacher');
    expect(pageKind('sv/teacher/intyg/index.html')).toBe('teacher-intyg');
    expect(pageKind('sv/teacher/guide/halsa/index.html')).toBe('teacher-guide');
    expect(pageKind('sv/surveys/module/index.html')).toBe('survey');
    expect(pageKind('sv/404/index.html')).toBe('not-found');
    expect(pageKind('sv/changes/index.html')).toBe('changes');
    expect(pageKind('sv/changes/2/index.html')).toBe('changes');
    expect(pageKind('sv/a/b/c/d/index.html')).toBe('other');
  });

  it('summarises the spread of each kind, with its heaviest page', () => {
    expect(distribution([])).toEqual({ count: 0, min: 0, median: 0, p90: 0, max: 0 });
    expect(distribution([5, 1, 3, 2, 4, 6, 7, 8, 9, 10])).toEqual({ count: 10, min: 1, median: 5, p90: 9, max: 10 });
    const [lesson] = summariseKinds([
      { url: '/sv/m/a/', kind: 'lesson', htmlGzip: 1, firstRenderGzip: 3 },
      { url: '/sv/m/b/', kind: 'lesson', htmlGzip: 1, firstRenderGzip: 7 },
    ]);
    expect(lesson).toMatchObject({ kind: 'lesson', heaviest: '/sv/m/b/', firstRender: { count: 2, max: 7 } });
  });

  it('finds the stylesheets that block the first render', () => {
    const html = '<link rel="stylesheet" href="/a.css"><link rel=stylesheet href=/b.css media=print><link rel="preload" href="/c.css"><link href="/d.css" rel="alternate stylesheet" disabled>';
    expect(blockingStylesheets(html)).toEqual(['/a.css']);
  });
});

describe('linearity', () => {
  it('gives 1 for linear growth whatever the start-up cost', () => {
    const t = (n: number) => ({ pages: n, ms: 8000 + 60 * n });
    const l = linearity(t(10), t(250), t(1000));
    expect(l.ratio).toBeCloseTo(1, 6);
    expect(l.marginalMsPerPage).toBeCloseTo(60, 6);
    expect(l.overheadMs).toBeCloseTo(8000, 6);
    // The raw ratio hides nothing here but is below 1: the start-up is shared by more pages.
    expect(l.rawRatio).toBeLessThan(1);
  });

  it('gives about large/small for quadratic growth', () => {
    const t = (n: number) => ({ pages: n, ms: 8000 + 0.05 * n * n });
    expect(linearity(t(10), t(250), t(1000)).ratio).toBeGreaterThan(3);
  });

  it('gives a little over 1 for n log n growth', () => {
    const t = (n: number) => ({ pages: n, ms: 8000 + 10 * n * Math.log2(n) });
    const ratio = linearity(t(10), t(250), t(1000)).ratio;
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.4);
  });

  it('never reports an infinite ratio: noise larger than the work gives no ratio, and the check uses a tolerance', () => {
    // A noisy small course: the 25 % build happened to be faster than the baseline.
    const l = linearity({ pages: 40, ms: 9000 }, { pages: 200, ms: 8800 }, { pages: 800, ms: 12_000 });
    expect(l.ratio).toBeNull();
    expect(Number.isFinite(l.largePerPageMs)).toBe(true);
    expect(withinLinearity(l, 1.5, 5)).toBe(false);
    expect(withinLinearity({ smallPerPageMs: 40, largePerPageMs: 62 }, 1.5, 5)).toBe(true);
    expect(withinLinearity({ smallPerPageMs: 40, largePerPageMs: 66 }, 1.5, 5)).toBe(false);
    expect(withinLinearity({ smallPerPageMs: -3, largePerPageMs: 4 }, 1.5, 5)).toBe(true);
    const checks = checkBudgets(input({ linearity: l }), budgets);
    expect(checks.find((c) => c.id === 'linearity')!.value).toBe('5.3 ms');
  });

  it('takes the median of repeated runs', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('needs three increasing sizes', () => {
    expect(() => linearity({ pages: 10, ms: 1 }, { pages: 10, ms: 2 }, { pages: 20, ms: 3 })).toThrow(/baseline < small < large/);
  });
});

describe('report', () => {
  it('escapes pipes in Markdown tables', () => {
    expect(table(['a', 'b'], [['x|y', 1]])).toBe('| a | b |\n|---|---|\n| x\\|y | 1 |');
  });

  it('renders every section, and says what did not run', () => {
    const checks = checkBudgets(input(), budgets);
    const results: BenchResults = {
      schema: 'orienta.bench/1',
      startedAt: '2026-11-22T10:00:00.000Z',
      durationS: 300,
      machine: { cpus: 2, memoryGb: 24, node: '24.21.0', platform: 'linux-x64' },
      options: { lessonPages: 1000, locales: 5, quick: false, lighthouse: false, survey: false },
      synthetic: { locales: ['sv', 'ar'], lessons: 2, lessonPages: 4, translated: { sv: 2, ar: 1 }, fallbackPages: 1, meanWords: { sv: 1200, ar: 1100 } },
      builds: [{ label: '100 %', lessonPages: 4, lessons: 2, translatedFiles: 3, fallbackPages: 1, htmlPages: 40, ms: 6000, msPerPage: 150, peakRssBytes: 2 ** 29, treePeakRssBytes: null, rssSource: 'time -v' }],
      linearity: input().linearity,
      demoBuild: { dir: 'dist', builtNow: false },
      pages: input().pages,
      pagefind: { synthetic: [], demo: [] },
      survey: { available: false, note: 'skipped (--no-survey)' },
      lighthouse: { available: false, note: 'skipped (--no-lighthouse)', results: [] },
      audio: [{ locale: 'sv', lesson: 'm/l', voice: 'synthetic', segments: 3, bytes: 102400, seconds: 60, kbPerMinute: 100 }],
      budgets: checks,
      pass: true,
    };
    const md = renderMarkdown(results);
    expect(md).toContain('## Budgets');
    expect(md).toContain('| 100 % | 4 | 40 | 6.0 s | 150.0 ms | 512.0 MB (time -v) | – |');
    expect(md).toContain('Not available: skipped (--no-survey).');
    expect(md).toContain('Not run: skipped (--no-lighthouse).');
    expect(md).toContain('**All budgets met.**');
    expect(md).toContain('| sv/m/l | synthetic | 3 | 1 min | 100.0 KB | 100 KB |');
  });

  it('holds recorded audio to its bytes per minute of listening', () => {
    const check = (kbPerMinute: number) => checkBudgets(input({ audio: [{ name: 'ar/m/l', kbPerMinute }] }), budgets).find((c) => c.id === 'audio')!;
    expect(check(180).status).toBe('pass');
    expect(check(budgets.audio.maxKbPerMinute + 1).status).toBe('fail');
    expect(checkBudgets(input({ audio: [] }), budgets).find((c) => c.id === 'audio')!.status).toBe('skip');
  });
});
