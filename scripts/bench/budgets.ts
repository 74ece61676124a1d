/**
 * Budgets kept in `bench/budgets.json`, and the comparison of a run's figures with them.
 */
import type { KindSummary } from './kinds.ts';
import { withinLinearity, type Linearity } from './linearity.ts';
import { kb } from './sizes.ts';
import type { PageWeight } from './weigh.ts';

export interface Budgets {
  lessonPage: {
    /** HTML + render-blocking CSS of a lesson page, gzipped, in KB (1 KB = 1024 bytes). */
    firstRenderGzipKb: number;
    /** JS a lesson page loads without interaction, gzipped, in KB. */
    jsGzipKb: number;
    /** External classic scripts in `<head>` without async/defer. */
    renderBlockingScripts: number;
    /** Every web font uses `font-display: swap` (or `optional`) and a `unicode-range` subset. */
    fontsSwapAndSubset: boolean;
  };
  /** Every kind of page (home, module, progress, teacher …), judged on its heaviest page. */
  pageKinds: {
    /** HTML + render-blocking CSS of the heaviest page of each kind, gzipped, in KB. */
    firstRenderGzipKb: number;
  };
  build: {
    /** Marginal build cost of a page at 100 % over the cost at 25 % … */
    maxPerPageRatio: number;
    /** … plus this many milliseconds a page, so noise on a shared machine does not fail it. */
    toleranceMsPerPage: number;
    /** Peak memory of the build's process tree (Astro and Pagefind) at `largePages` lesson pages, MB … */
    maxPeakRssMb: number;
    /** … judged only at this size or more (smaller runs report the figure without a verdict). */
    largePages: number;
  };
  /** Against Astro Starlight building the same synthetic course on the same machine. */
  starlight: {
    /** Our build time per HTML page over Starlight's. */
    maxTimePerPageRatio: number;
    /** Our peak memory (process tree) over Starlight's. */
    maxPeakRssRatio: number;
  };
  survey: {
    /** In-process aggregation of this many responses … */
    aggregateResponses: number;
    /** … in at most this many milliseconds. */
    aggregateMs: number;
    /** The CLI over this many responses … */
    cliResponses: number;
    /** … takes at most this many milliseconds, start to exit … */
    cliMs: number;
    /** … peaks at no more than this resident memory, in MB. */
    cliPeakRssMb: number;
  };
  audio: {
    /** Recorded speech costs at most this many KB per minute of listening (32 kbit/s ≈ 234 KB). */
    maxKbPerMinute: number;
  };
}

export type BudgetStatus = 'pass' | 'fail' | 'skip';

export interface BudgetCheck {
  id: string;
  label: string;
  /** The measured value, formatted. */
  value: string;
  /** The budget, formatted. */
  limit: string;
  status: BudgetStatus;
  /** Which page or why skipped. */
  detail: string;
}

/** A lesson page as measured, with where it comes from. */
export interface LabelledPage {
  /** "demo" (the real course) or "synthetic". */
  build: string;
  weight: PageWeight;
}

/** The page kinds of one build, with the spread of their first view. */
export interface LabelledKinds {
  build: string;
  /** Lessons per locale in that build, for the report. */
  lessonsPerLocale?: number;
  kinds: KindSummary[];
}

/** The side-by-side with Starlight, or null when it did not run. */
export interface StarlightComparison {
  /** Our ms per HTML page over Starlight's. */
  timePerPageRatio: number;
  /** Our peak RSS (process tree) over Starlight's; null when memory was not measured. */
  peakRssRatio: number | null;
}

export interface BudgetInput {
  quick: boolean;
  pages: LabelledPage[];
  /** Every page kind of each build weighed (demo, synthetic); empty when none. */
  kinds?: LabelledKinds[];
  linearity: Linearity | null;
  /** The largest synthetic build: its lesson pages and peak memory (bytes, process tree). */
  largest?: { lessonPages: number; peakRssBytes: number | null } | null;
  starlight?: StarlightComparison | null;
  /** Why Starlight was not compared, when it was not. */
  starlightNote?: string;
  /** In-process aggregation, or null when not available. */
  aggregate: { responses: number; ms: number } | null;
  /** The CLI run, or null when not available. */
  cli: { responses: number; ms: number; peakRssBytes: number } | null;
  /** Why the survey part did not run, when it did not. */
  surveyNote?: string;
  /** Recorded audio per lesson and language: KB per minute of listening. */
  audio?: Array<{ name: string; kbPerMinute: number }>;
}

/** Checks a budgets object read from JSON; throws naming the first bad field. */
export function validateBudgets(raw: unknown): Budgets {
  const fail = (path: string, want: string): never => {
    throw new Error(`bench/budgets.json: ${path} must be ${want}`);
  };
  const obj = (v: unknown, path: string) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(path, 'an object'));
  const num = (v: unknown, path: string) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fail(path, 'a number ≥ 0'));
  const bool = (v: unknown, path: string) => (typeof v === 'boolean' ? v : fail(path, 'true or false'));
  const root = obj(raw, '(root)');
  const lp = obj(root.lessonPage, 'lessonPage');
  const build = obj(root.build, 'build');
  const kinds = obj(root.pageKinds, 'pageKinds');
  const starlight = obj(root.starlight, 'starlight');
  const survey = obj(root.survey, 'survey');
  const audio = obj(root.audio, 'audio');
  return {
    lessonPage: {
      firstRenderGzipKb: num(lp.firstRenderGzipKb, 'lessonPage.firstRenderGzipKb'),
      jsGzipKb: num(lp.jsGzipKb, 'lessonPage.jsGzipKb'),
      renderBlockingScripts: num(lp.renderBlockingScripts, 'lessonPage.renderBlockingScripts'),
      fontsSwapAndSubset: bool(lp.fontsSwapAndSubset, 'lessonPage.fontsSwapAndSubset'),
    },
    pageKinds: { firstRenderGzipKb: num(kinds.firstRenderGzipKb, 'pageKinds.firstRenderGzipKb') },
    build: {
      maxPerPageRatio: num(build.maxPerPageRatio, 'build.maxPerPageRatio'),
      toleranceMsPerPage: num(build.toleranceMsPerPage, 'build.toleranceMsPerPage'),
      maxPeakRssMb: num(build.maxPeakRssMb, 'build.maxPeakRssMb'),
      largePages: num(build.largePages, 'build.largePages'),
    },
    starlight: {
      maxTimePerPageRatio: num(starlight.maxTimePerPageRatio, 'starlight.maxTimePerPageRatio'),
      maxPeakRssRatio: num(starlight.maxPeakRssRatio, 'starlight.maxPeakRssRatio'),
    },
    survey: {
      aggregateResponses: num(survey.aggregateResponses, 'survey.aggregateResponses'),
      aggregateMs: num(survey.aggregateMs, 'survey.aggregateMs'),
      cliResponses: num(survey.cliResponses, 'survey.cliResponses'),
      cliMs: num(survey.cliMs, 'survey.cliMs'),
      cliPeakRssMb: num(survey.cliPeakRssMb, 'survey.cliPeakRssMb'),
    },
    audio: { maxKbPerMinute: num(audio.maxKbPerMinute, 'audio.maxKbPerMinute') },
  };
}

const pageName = (p: LabelledPage) => `${p.build} ${p.weight.url}`;

/** The page with the largest value, or undefined for no pages. */
function worst(pages: LabelledPage[], value: (p: LabelledPage) => number): LabelledPage | undefined {
  return pages.reduce<LabelledPage | undefined>((w, p) => (w === undefined || value(p) > value(w) ? p : w), undefined);
}

/** Compares the figures with the budgets. Lesson-page budgets apply to the heaviest page measured. */
export function checkBudgets(input: BudgetInput, budgets: Budgets): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const { pages } = input;
  const lp = budgets.lessonPage;

  const first = worst(pages, (p) => p.weight.firstRender.gzip);
  checks.push(
    first
      ? {
          id: 'first-render',
          label: 'Lesson page HTML + render-blocking CSS (gzip)',
          value: kb(first.weight.firstRender.gzip),
          limit: `≤ ${lp.firstRenderGzipKb} KB`,
          status: first.weight.firstRender.gzip <= lp.firstRenderGzipKb * 1024 ? 'pass' : 'fail',
          detail: `heaviest: ${pageName(first)}`,
        }
      : { id: 'first-render', label: 'Lesson page HTML + render-blocking CSS (gzip)', value: '–', limit: `≤ ${lp.firstRenderGzipKb} KB`, status: 'skip', detail: 'no lesson page measured' },
  );

  const js = worst(pages, (p) => p.weight.js.gzip);
  checks.push(
    js
      ? {
          id: 'js',
          label: 'Lesson page JS at load (gzip)',
          value: kb(js.weight.js.gzip),
          limit: `≤ ${lp.jsGzipKb} KB`,
          status: js.weight.js.gzip <= lp.jsGzipKb * 1024 ? 'pass' : 'fail',
          detail: `heaviest: ${pageName(js)}`,
        }
      : { id: 'js', label: 'Lesson page JS at load (gzip)', value: '–', limit: `≤ ${lp.jsGzipKb} KB`, status: 'skip', detail: 'no lesson page measured' },
  );

  const blocking = pages.flatMap((p) => p.weight.renderBlockingScripts.map((s) => `${pageName(p)}: ${s}`));
  checks.push({
    id: 'blocking-scripts',
    label: 'Render-blocking scripts',
    value: String(blocking.length),
    limit: `≤ ${lp.renderBlockingScripts}`,
    status: pages.length === 0 ? 'skip' : blocking.length <= lp.renderBlockingScripts ? 'pass' : 'fail',
    detail: blocking.join('; ') || 'none',
  });

  if (lp.fontsSwapAndSubset) {
    const bad = pages.flatMap((p) =>
      p.weight.fonts.filter((f) => f.display !== 'preload' && (!['swap', 'optional'].includes(f.display) || !f.subset)).map((f) => `${pageName(p)}: ${f.url} (display ${f.display}${f.subset ? '' : ', no unicode-range'})`),
    );
    const fontCount = new Set(pages.flatMap((p) => p.weight.fonts.map((f) => f.url))).size;
    checks.push({
      id: 'fonts',
      label: 'Web fonts non-blocking (swap) and subset',
      value: bad.length ? `${bad.length} blocking` : `${fontCount} fonts, all swap`,
      limit: 'swap + unicode-range',
      status: pages.length === 0 ? 'skip' : bad.length === 0 ? 'pass' : 'fail',
      detail: bad.join('; ') || 'ok',
    });
  }

  const missing = pages.flatMap((p) => p.weight.missing.map((m) => `${pageName(p)}: ${m}`));
  checks.push({
    id: 'missing',
    label: 'Files a lesson page references exist',
    value: String(missing.length),
    limit: '0 missing',
    status: missing.length === 0 ? 'pass' : 'fail',
    detail: missing.join('; ') || 'all found',
  });

  // Every page kind, on its heaviest page in any build weighed.
  const kindLimit = budgets.pageKinds.firstRenderGzipKb;
  const heaviestOfKind = new Map<string, { build: LabelledKinds; summary: KindSummary }>();
  for (const build of input.kinds ?? []) {
    for (const summary of build.kinds) {
      const seen = heaviestOfKind.get(summary.kind);
      if (!seen || summary.firstRender.max > seen.summary.firstRender.max) heaviestOfKind.set(summary.kind, { build, summary });
    }
  }
  for (const [kind, { build, summary }] of [...heaviestOfKind].sort(([a], [b]) => a.localeCompare(b))) {
    const d = summary.firstRender;
    checks.push({
      id: `kind-${kind}`,
      label: `Heaviest ${kind} page, first render (gzip)`,
      value: kb(d.max),
      limit: `≤ ${kindLimit} KB`,
      status: d.max <= kindLimit * 1024 ? 'pass' : 'fail',
      detail: `${build.build}${build.lessonsPerLocale ? ` (${build.lessonsPerLocale} lessons per locale)` : ''} ${summary.heaviest}; ${d.count} pages, median ${kb(d.median)}, p90 ${kb(d.p90)}`,
    });
  }

  const lin = input.linearity;
  const b = budgets.build;
  const linLimit = `≤ ${b.maxPerPageRatio} × + ${b.toleranceMsPerPage} ms`;
  if (lin === null) checks.push({ id: 'linearity', label: 'Build time linear (marginal cost per page)', value: '–', limit: linLimit, status: 'skip', detail: 'not measured' });
  else {
    checks.push({
      id: 'linearity',
      label: 'Build time linear (marginal cost per page)',
      value: lin.ratio === null ? `${lin.largePerPageMs.toFixed(1)} ms` : `${lin.ratio.toFixed(2)} ×`,
      limit: linLimit,
      status: input.quick ? 'skip' : withinLinearity(lin, b.maxPerPageRatio, b.toleranceMsPerPage) ? 'pass' : 'fail',
      detail: input.quick ? 'quick run: too small to judge' : `${lin.smallPerPageMs.toFixed(1)} ms a page from baseline to 25 %, ${lin.largePerPageMs.toFixed(1)} ms from 25 % to 100 %`,
    });
  }

  const largest = input.largest;
  const rssLabel = `Build peak memory at ${b.largePages.toLocaleString('en')} lesson pages (with Pagefind)`;
  if (!largest || largest.peakRssBytes === null) checks.push({ id: 'build-rss', label: rssLabel, value: '–', limit: `≤ ${b.maxPeakRssMb} MB`, status: 'skip', detail: 'not measured' });
  else {
    const rssMb = largest.peakRssBytes / 2 ** 20;
    const full = largest.lessonPages >= b.largePages;
    checks.push({
      id: 'build-rss',
      label: rssLabel,
      value: `${rssMb.toFixed(0)} MB`,
      limit: `≤ ${b.maxPeakRssMb} MB`,
      status: !full ? 'skip' : rssMb <= b.maxPeakRssMb ? 'pass' : 'fail',
      detail: full ? `${largest.lessonPages.toLocaleString('en')} lesson pages, process tree` : `measured at ${largest.lessonPages.toLocaleString('en')} lesson pages only (run with --lessons ${b.largePages})`,
    });
  }

  const st = budgets.starlight;
  const cmp = input.starlight;
  if (!cmp) {
    const note = input.starlightNote ?? 'not run';
    checks.push({ id: 'starlight-time', label: 'Build time per page vs Starlight', value: '–', limit: `≤ ${st.maxTimePerPageRatio} ×`, status: 'skip', detail: note });
    checks.push({ id: 'starlight-rss', label: 'Build peak memory vs Starlight', value: '–', limit: `≤ ${st.maxPeakRssRatio} ×`, status: 'skip', detail: note });
  } else {
    checks.push({
      id: 'starlight-time',
      label: 'Build time per page vs Starlight',
      value: `${cmp.timePerPageRatio.toFixed(2)} ×`,
      limit: `≤ ${st.maxTimePerPageRatio} ×`,
      status: input.quick ? 'skip' : cmp.timePerPageRatio <= st.maxTimePerPageRatio ? 'pass' : 'fail',
      detail: input.quick ? 'quick run: too small to judge' : 'same synthetic course, same machine',
    });
    checks.push({
      id: 'starlight-rss',
      label: 'Build peak memory vs Starlight',
      value: cmp.peakRssRatio === null ? '–' : `${cmp.peakRssRatio.toFixed(2)} ×`,
      limit: `≤ ${st.maxPeakRssRatio} ×`,
      status: input.quick || cmp.peakRssRatio === null ? 'skip' : cmp.peakRssRatio <= st.maxPeakRssRatio ? 'pass' : 'fail',
      detail: cmp.peakRssRatio === null ? 'memory not measured' : input.quick ? 'quick run: too small to judge' : 'process trees, polled',
    });
  }

  const sv = budgets.survey;
  const agg = input.aggregate;
  const aggLabel = `Report: aggregate ${sv.aggregateResponses.toLocaleString('en')} responses`;
  if (agg === null) checks.push({ id: 'aggregate', label: aggLabel, value: '–', limit: `< ${sv.aggregateMs} ms`, status: 'skip', detail: input.surveyNote ?? 'not available' });
  else {
    const full = agg.responses >= sv.aggregateResponses;
    checks.push({
      id: 'aggregate',
      label: aggLabel,
      value: `${Math.round(agg.ms)} ms`,
      limit: `< ${sv.aggregateMs} ms`,
      status: !full ? 'skip' : agg.ms < sv.aggregateMs ? 'pass' : 'fail',
      detail: full ? `${agg.responses.toLocaleString('en')} responses` : `only ${agg.responses.toLocaleString('en')} responses (quick)`,
    });
  }

  const cli = input.cli;
  const cliTimeLabel = `CLI: aggregate ${sv.cliResponses.toLocaleString('en')} responses`;
  if (cli === null) checks.push({ id: 'cli-time', label: cliTimeLabel, value: '–', limit: `< ${sv.cliMs} ms`, status: 'skip', detail: input.surveyNote ?? 'not available' });
  else {
    const full = cli.responses >= sv.cliResponses;
    checks.push({
      id: 'cli-time',
      label: cliTimeLabel,
      value: `${Math.round(cli.ms)} ms`,
      limit: `< ${sv.cliMs} ms`,
      status: !full ? 'skip' : cli.ms < sv.cliMs ? 'pass' : 'fail',
      detail: full ? `${cli.responses.toLocaleString('en')} responses, start to exit` : `only ${cli.responses.toLocaleString('en')} responses (quick)`,
    });
  }
  const cliLabel = `CLI peak RSS, ${sv.cliResponses.toLocaleString('en')} responses`;
  if (cli === null) checks.push({ id: 'cli-rss', label: cliLabel, value: '–', limit: `≤ ${sv.cliPeakRssMb} MB`, status: 'skip', detail: input.surveyNote ?? 'not available' });
  else {
    const full = cli.responses >= sv.cliResponses;
    const rssMb = cli.peakRssBytes / 1024 / 1024;
    checks.push({
      id: 'cli-rss',
      label: cliLabel,
      value: `${rssMb.toFixed(0)} MB`,
      limit: `≤ ${sv.cliPeakRssMb} MB`,
      status: !full ? 'skip' : rssMb <= sv.cliPeakRssMb ? 'pass' : 'fail',
      detail: full ? `${cli.responses.toLocaleString('en')} responses` : `only ${cli.responses.toLocaleString('en')} responses (quick)`,
    });
  }
  const audio = input.audio ?? [];
  const heaviest = audio.reduce<{ name: string; kbPerMinute: number } | undefined>((w, a) => (!w || a.kbPerMinute > w.kbPerMinute ? a : w), undefined);
  checks.push({
    id: 'audio',
    label: 'Recorded audio per minute of listening',
    value: heaviest ? `${heaviest.kbPerMinute} KB` : '–',
    limit: `≤ ${budgets.audio.maxKbPerMinute} KB`,
    status: !heaviest ? 'skip' : heaviest.kbPerMinute <= budgets.audio.maxKbPerMinute ? 'pass' : 'fail',
    detail: heaviest ? `heaviest: ${heaviest.name} (${audio.length} lesson(s) with audio)` : 'no recorded audio in the demo build',
  });
  return checks;
}

/** The failed checks, as lines for the console. */
export function failures(checks: BudgetCheck[]): string[] {
  return checks.filter((c) => c.status === 'fail').map((c) => `${c.label}: ${c.value} (budget ${c.limit}; ${c.detail})`);
}
