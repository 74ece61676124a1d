/**
 * The benchmark's results: their JSON shape and the Markdown tables written to bench-results/bench.md.
 */
import type { BudgetCheck, LabelledKinds, LabelledPage, StarlightComparison } from './budgets.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { Linearity } from './linearity.ts';
import type { PagefindLanguage } from './pagefind.ts';
import { kb, mb } from './sizes.ts';
import type { SyntheticSummary } from './synthetic.ts';
import type { AudioFigure } from './audio.ts';

export interface BuildFigure {
  /** "baseline", "25 %", "100 %". */
  label: string;
  /** Lesson pages (Swedish lessons × locales). */
  lessonPages: number;
  /** Swedish lessons, translated files, fallback pages. */
  lessons: number;
  translatedFiles: number;
  fallbackPages: number;
  /** Every HTML file written (lessons, module pages, indexes, 404 …). */
  htmlPages: number;
  /** Median wall time over `runsMs`. */
  ms: number;
  /** Wall time of each repeated build, in order. */
  runsMs?: number[];
  msPerPage: number;
  peakRssBytes: number | null;
  treePeakRssBytes: number | null;
  rssSource: string;
}

export interface SurveyFigures {
  available: boolean;
  note?: string;
  aggregate?: { responses: number; files: number; bytes: number; runsMs: number[]; firstMs: number; medianMs: number; counted: number };
  cli?: { responses: number; files: number; bytes: number; ms: number; peakRssBytes: number | null; treePeakRssBytes: number | null; exitCode: number | null; counted: number | null };
}

export interface BenchResults {
  schema: 'orienta.bench/1';
  startedAt: string;
  durationS: number;
  machine: { cpus: number; memoryGb: number; node: string; platform: string };
  options: { lessonPages: number; locales: number; quick: boolean; lighthouse: boolean; survey: boolean; repeat?: number; starlight?: boolean; linearity?: boolean };
  synthetic: SyntheticSummary | null;
  builds: BuildFigure[];
  linearity: Linearity | null;
  /** The demo build used: built by the bench or found in dist/. */
  demoBuild: { dir: string; builtNow: boolean; ms?: number };
  pages: LabelledPage[];
  /** Every page of each build weighed, by kind (the heaviest of each kind is what budgets judge). */
  kinds?: LabelledKinds[];
  /** Astro Starlight building the same synthetic course (the 100 % size). */
  starlight?: { version: string; build: BuildFigure; comparison: StarlightComparison } | { version: string; note: string } | null;
  pagefind: { synthetic: PagefindLanguage[]; demo: PagefindLanguage[] };
  survey: SurveyFigures;
  lighthouse: { available: boolean; note?: string; results: LighthouseResult[] };
  /** Recorded audio in the demo build. */
  audio: AudioFigure[];
  budgets: BudgetCheck[];
  pass: boolean;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mem = (bytes: number | null) => (bytes === null ? '–' : mb(bytes));
const size = (raw: number, gzip: number) => `${kb(raw)} / ${kb(gzip)}`;
const STATUS: Record<string, string> = { pass: '✅ pass', fail: '❌ FAIL', skip: '– skip' };

/** A Markdown table; cells have `|` escaped. */
export function table(header: string[], rows: (string | number)[][]): string {
  const esc = (v: string | number) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** The Markdown report. */
export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  out.push(`# Orienta benchmark`);
  out.push('');
  out.push(
    `${r.startedAt} · ${r.machine.cpus} CPUs, ${r.machine.memoryGb} GB · Node ${r.machine.node} · ${r.options.quick ? 'quick run' : 'full run'} · ${s(r.durationS * 1000)} in all`,
  );
  out.push('');

  out.push('## Budgets');
  out.push('');
  out.push(table(['check', 'value', 'budget', 'result', 'detail'], r.budgets.map((b) => [b.label, b.value, b.limit, STATUS[b.status] ?? b.status, b.detail])));
  out.push('');
  out.push(r.pass ? '**All budgets met.**' : `**Budgets exceeded: ${r.budgets.filter((b) => b.status === 'fail').map((b) => b.label).join('; ')}.**`);
  out.push('');

  if (r.synthetic) {
    const syn = r.synthetic;
    out.push('## Build (synthetic course)');
    out.push('');
    out.push(
      `${syn.lessons} Swedish lessons × ${syn.locales.length} locales (${syn.locales.join(', ')}) = ${syn.lessonPages} lesson pages; ` +
        `translated files: ${Object.entries(syn.translated).map(([l, n]) => `${l} ${n}`).join(', ')}; ${syn.fallbackPages} pages fall back to Swedish. ` +
        `Mean words per lesson: ${Object.entries(syn.meanWords).map(([l, n]) => `${l} ${n}`).join(', ')}.`,
    );
    out.push('');
    out.push(
      table(
        ['build', 'lesson pages', 'HTML pages', 'wall time', 'per HTML page', 'peak RSS (largest process)', 'peak RSS (process tree)'],
        r.builds.map((b) => [b.label, b.lessonPages, b.htmlPages, b.runsMs && b.runsMs.length > 1 ? `${s(b.ms)} (median of ${b.runsMs.map((m) => s(m)).join(', ')})` : s(b.ms), `${b.msPerPage.toFixed(1)} ms`, `${mem(b.peakRssBytes)} (${b.rssSource})`, mem(b.treePeakRssBytes)]),
      ),
    );
    out.push('');
    if (r.linearity) {
      const l = r.linearity;
      out.push(
        `Linearity: the cost of one more page is ${l.smallPerPageMs.toFixed(1)} ms from the baseline to 25 % and ${l.largePerPageMs.toFixed(1)} ms from 25 % to 100 % ` +
          `(ratio ${l.ratio === null ? '– (first cost not positive: noise)' : l.ratio.toFixed(2)}; 1.00 = linear). Fixed start-up about ${s(l.overheadMs)}; raw per-page ratio with start-up included ${l.rawRatio.toFixed(2)}.`,
      );
      out.push('');
    }
  }

  if (r.starlight) {
    out.push(`## Side by side with Astro Starlight ${r.starlight.version}`);
    out.push('');
    if ('note' in r.starlight) out.push(`Not compared: ${r.starlight.note}.`);
    else {
      const ours = r.builds[r.builds.length - 1]!;
      const { build: theirs, comparison: c } = r.starlight;
      out.push('The same synthetic course (the 100 % size), built one after the other on the same machine. Peak RSS is the process tree (Astro, workers, Pagefind).');
      out.push('');
      out.push(
        table(
          ['site', 'HTML pages', 'wall time', 'per HTML page', 'peak RSS (process tree)', 'peak RSS (largest process)'],
          [
            ['Orienta', ours.htmlPages, s(ours.ms), `${ours.msPerPage.toFixed(1)} ms`, mem(ours.treePeakRssBytes), mem(ours.peakRssBytes)],
            ['Starlight', theirs.htmlPages, s(theirs.ms), `${theirs.msPerPage.toFixed(1)} ms`, mem(theirs.treePeakRssBytes), mem(theirs.peakRssBytes)],
            ['ratio', '', '', `${c.timePerPageRatio.toFixed(2)} ×`, c.peakRssRatio === null ? '–' : `${c.peakRssRatio.toFixed(2)} ×`, ''],
          ],
        ),
      );
    }
    out.push('');
  }

  if (r.kinds?.length) {
    out.push('## Every page by kind');
    out.push('');
    out.push('First render (HTML + render-blocking CSS, gzip) of every HTML page, by kind: count, smallest, median, 90th percentile, largest, and the heaviest page.');
    out.push('');
    out.push(
      table(
        ['build', 'kind', 'pages', 'min', 'median', 'p90', 'max', 'heaviest'],
        r.kinds.flatMap((b) => b.kinds.map((k) => [`${b.build}${b.lessonsPerLocale ? ` (${b.lessonsPerLocale}/locale)` : ''}`, k.kind, k.firstRender.count, kb(k.firstRender.min), kb(k.firstRender.median), kb(k.firstRender.p90), kb(k.firstRender.max), k.heaviest])),
      ),
    );
    out.push('');
  }

  out.push(`## Lesson page weight`);
  out.push('');
  out.push(`Raw / gzip (level 6). "First render" = HTML (CSS inlined) + linked render-blocking CSS. JS = inline + modules loaded without interaction; "on demand" = dynamic import() on click. Fonts are woff2, not gzipped.`);
  out.push('');
  out.push(
    table(
      ['build', 'page', 'HTML', 'inline CSS', 'linked CSS', 'first render (gz)', 'JS (files)', 'on-demand JS (gz)', 'fonts', 'blocking scripts', 'requests'],
      r.pages.map(({ build, weight: w }) => [
        build,
        w.url,
        size(w.html.raw, w.html.gzip),
        size(w.inlineCss.raw, w.inlineCss.gzip),
        w.linkedCss.raw ? size(w.linkedCss.raw, w.linkedCss.gzip) : '–',
        kb(w.firstRender.gzip),
        `${size(w.js.raw, w.js.gzip)} (${w.jsFiles.length})`,
        w.onDemandJs.raw ? kb(w.onDemandJs.gzip) : '–',
        w.fonts.length ? `${w.fonts.length}: ${kb(w.fontBytes.raw)} (${[...new Set(w.fonts.map((f) => f.display))].join(', ')})` : '–',
        w.renderBlockingScripts.length,
        `${w.requests.total} (${w.requests.html} HTML, ${w.requests.css} CSS, ${w.requests.js} JS, ${w.requests.fonts} font${w.requests.other ? `, ${w.requests.other} other` : ''})`,
      ]),
    ),
  );
  out.push('');

  if (r.audio.length) {
    out.push('## Recorded audio (demo build)');
    out.push('');
    out.push('Downloaded only when a participant presses Listen, one paragraph ahead; "Save for offline" offers it with its size.');
    out.push('');
    out.push(table(['lesson', 'voice', 'paragraphs', 'length', 'size', 'per minute'], r.audio.map((a) => [`${a.locale}/${a.lesson}`, a.voice, a.segments, `${Math.round(a.seconds / 60)} min`, kb(a.bytes), `${a.kbPerMinute} KB`])));
    out.push('');
  }

  for (const [label, langs] of [
    ['synthetic course', r.pagefind.synthetic],
    ['demo course', r.pagefind.demo],
  ] as const) {
    if (!langs.length) continue;
    out.push(`## Pagefind index per locale (${label})`);
    out.push('');
    out.push(
      table(
        ['language', 'pages', 'index', 'fragments', 'filters', 'meta', 'wasm', 'total', 'first search ≈'],
        langs.map((p) => [p.language, p.pages, `${kb(p.indexBytes)} (${p.indexFiles})`, `${kb(p.fragmentBytes)} (${p.fragmentFiles})`, kb(p.filterBytes), kb(p.metaBytes), kb(p.wasmBytes), kb(p.totalBytes), kb(p.firstSearchBytes)]),
      ),
    );
    out.push('');
  }

  out.push('## Survey aggregation');
  out.push('');
  const sv = r.survey;
  if (!sv.available) out.push(`Not available: ${sv.note ?? 'src/lib/survey is missing'}.`);
  else {
    const rows: string[][] = [];
    if (sv.aggregate) {
      const a = sv.aggregate;
      rows.push([
        'report (in process)',
        a.responses.toLocaleString('en'),
        `${a.files.toLocaleString('en')} files, ${mb(a.bytes)}`,
        `${Math.round(a.medianMs)} ms median (runs: ${a.runsMs.map((m) => Math.round(m)).join(', ')} ms)`,
        '–',
        `${a.counted.toLocaleString('en')} counted`,
      ]);
    }
    if (sv.cli) {
      const c = sv.cli;
      rows.push([
        'CLI surveys-aggregate.ts',
        c.responses.toLocaleString('en'),
        `${c.files.toLocaleString('en')} files, ${mb(c.bytes)}`,
        s(c.ms),
        mem(c.peakRssBytes),
        c.exitCode === 0 ? `${c.counted?.toLocaleString('en') ?? '?'} counted` : `exit ${c.exitCode}`,
      ]);
    }
    out.push(table(['run', 'responses', 'input', 'time', 'peak RSS', 'result'], rows));
    if (sv.note) out.push('', sv.note);
  }
  out.push('');

  out.push('## Lighthouse (demo course, mobile emulation)');
  out.push('');
  if (!r.lighthouse.available) out.push(`Not run: ${r.lighthouse.note ?? 'lighthouse is not installed'}.`);
  else {
    const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v / 1000).toFixed(2)} s`);
    out.push(
      table(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'],
        r.lighthouse.results.map((l) => [
          l.url,
          l.scores.performance ?? '–',
          l.scores.accessibility ?? '–',
          l.scores['best-practices'] ?? '–',
          l.scores.seo ?? '–',
          ms(l.metrics['first-contentful-paint']),
          ms(l.metrics['largest-contentful-paint']),
          l.metrics['total-blocking-time'] === null ? '–' : `${Math.round(l.metrics['total-blocking-time']!)} ms`,
          l.metrics['cumulative-layout-shift'] === null ? '–' : l.metrics['cumulative-layout-shift']!.toFixed(3),
        ]),
      ),
    );
    const lost = r.lighthouse.results.flatMap((l) => l.failing.filter((f) => (f.score ?? 0) < 0.9).map((f) => `- ${l.url}: ${f.category} · ${f.title}${f.display ? ` (${f.display})` : ''}${f.items?.length ? ` — ${f.items.join('; ')}` : ''}`));
    if (lost.length) out.push('', 'Audits that cost points:', '', ...lost);
    if (r.lighthouse.note) out.push('', r.lighthouse.note);
  }
  out.push('');
  return out.join('\n');
}
