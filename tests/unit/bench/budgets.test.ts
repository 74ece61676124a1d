import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets, failures, validateBudgets, type BudgetInput, type Budgets, type LabelledPage } from '../../../scripts/bench/budgets.ts';
import { linearity } from '../../../scripts/bench/linearity.ts';
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
});

describe('checkBudgets', () => {
  it('passes figures within every budget', () => {
    const checks = checkBudgets(input(), budgets);
    expect(status(checks)).toEqual({ 'first-render': 'pass', js: 'pass', 'blocking-scripts': 'pass', fonts: 'pass', missing: 'pass', linearity: 'pass', aggregate: 'pass', 'cli-time': 'pass', 'cli-rss': 'pass', audio: 'pass' });
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
    expect(ratio).toBeLessThan(1.3);
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
