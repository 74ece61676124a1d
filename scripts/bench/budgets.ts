/**
 * Budgets kept in `bench/budgets.json`, and the comparison of a run's figures with them.
 */
import type { Linearity } from './linearity.ts';
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
  build: {
    /** Per-page build time of the full build over the 25 % build, fixed start-up removed. */
    maxPerPageRatio: number;
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

export interface BudgetInput {
  quick: boolean;
  pages: LabelledPage[];
  linearity: Linearity | null;
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
  const survey = obj(root.survey, 'survey');
  const audio = obj(root.audio, 'audio');
  return {
    lessonPage: {
      firstRenderGzipKb: num(lp.firstRenderGzipKb, 'lessonPage.firstRenderGzipKb'),
      jsGzipKb: num(lp.jsGzipKb, 'lessonPage.jsGzipKb'),
      renderBlockingScripts: num(lp.renderBlockingScripts, 'lessonPage.renderBlockingScripts'),
      fontsSwapAndSubset: bool(lp.fontsSwapAndSubset, 'lessonPage.fontsSwapAndSubset'),
    },
    build: { maxPerPageRatio: num(build.maxPerPageRatio, 'build.maxPerPageRatio') },
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

  const lin = input.linearity;
  const ratioLimit = budgets.build.maxPerPageRatio;
  if (lin === null) checks.push({ id: 'linearity', label: 'Build time linear (per-page ratio)', value: '–', limit: `≤ ${ratioLimit}`, status: 'skip', detail: 'not measured' });
  else {
    checks.push({
      id: 'linearity',
      label: 'Build time linear (per-page ratio)',
      value: lin.ratio.toFixed(2),
      limit: `≤ ${ratioLimit}`,
      status: input.quick ? 'skip' : lin.ratio <= ratioLimit ? 'pass' : 'fail',
      detail: input.quick ? 'quick run: too small to judge' : `${lin.smallPerPageMs.toFixed(1)} → ${lin.largePerPageMs.toFixed(1)} ms/page after ${(lin.overheadMs / 1000).toFixed(1)} s start-up`,
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
