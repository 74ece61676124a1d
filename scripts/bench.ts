#!/usr/bin/env node
/**
 * `npm run bench -- [--lessons N] [--locales N] [--quick] [--repeat N] [--no-starlight] [--no-linearity] [--no-lighthouse] [--no-survey] [--keep]`
 *
 * Builds a synthetic course (default 1,000 lesson pages over 5 locales) at three sizes, weighs
 * every page of the demo build and of the largest synthetic build by kind (budgets judge the
 * heaviest of each kind), builds the same course with Astro Starlight for a side-by-side, measures the Pagefind index per locale,
 * survey aggregation throughput and memory, runs Lighthouse on the demo lesson page, writes
 * bench-results/bench.json and bench-results/bench.md, and compares the figures with
 * bench/budgets.json. Exit code 0 when every budget is met, 1 when one is exceeded, 2 when the
 * benchmark itself could not run. See docs/bench.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { astroBin, buildSite, countHtml, prepareIsolatedRoot, siteReader } from './bench/build.ts';
import { checkBudgets, failures, validateBudgets, type LabelledPage } from './bench/budgets.ts';
import { findLighthouseCli, runLighthouse, type LighthouseResult } from './bench/lighthouse.ts';
import { linearity, median, type Linearity } from './bench/linearity.ts';
import { firstViews, summariseKinds, type PageFirstView } from './bench/kinds.ts';
import { ensureStarlight, installedStarlightVersion, pinnedStarlightVersion, SITES_DIR, writeStarlightSite } from './bench/starlight.ts';
import type { LabelledKinds, StarlightComparison } from './bench/budgets.ts';
import { pagefindSizes } from './bench/pagefind.ts';
import { renderMarkdown, type BenchResults, type BuildFigure, type SurveyFigures } from './bench/report.ts';
import { runMeasured, tail } from './bench/run.ts';
import { exportTexts, writeExportFolder, type SurveyShape } from './bench/survey.ts';
import { lessonsFor, writeSyntheticCourse, type SyntheticSummary } from './bench/synthetic.ts';
import { weighPage } from './bench/weigh.ts';
import { audioFigures, type AudioFigure } from './bench/audio.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The demo lesson weighed and audited: the content guide's model lesson. */
const DEMO_LESSON = 'forsorja-sig/a-kassa';
/** Locales whose demo lesson is weighed (one per script and direction) and audited with Lighthouse. */
const WEIGH_LOCALES = ['sv', 'en', 'ar', 'ti', 'uk'];
const LIGHTHOUSE_LOCALES = ['sv', 'ar', 'ti'];

const USAGE = `Usage: npm run bench -- [options]

  --lessons <n>      lesson pages in the synthetic course (Swedish lessons × locales), default 1000
  --locales <n>      locales, Swedish first (1–8), default 5: sv, en, ar, ti, uk
  --quick            a tiny smoke run: 20 lesson pages over 2 locales, small survey sets
  --repeat <n>       build each synthetic size n times and take the median time (default 1)
  --no-linearity     build only the 100 % size (no baseline and 25 % builds): for a large course
  --no-starlight     skip the side-by-side build with Astro Starlight
  --no-lighthouse    skip Lighthouse
  --no-survey        skip survey aggregation
  --keep             keep the temporary folders (synthetic content and builds)
  --out <dir>        where to write bench.json and bench.md (default bench-results)
  -h, --help
`;

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      lessons: { type: 'string' },
      locales: { type: 'string' },
      quick: { type: 'boolean', default: false },
      repeat: { type: 'string' },
      'no-linearity': { type: 'boolean', default: false },
      'no-starlight': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      'no-survey': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  usage((error as Error).message);
}
const args = parsed.values;
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const positiveInt = (text: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) usage(`--${name} must be a whole number from 1 to ${max}, got "${text}"`);
  return Number(text);
};
const quick = args.quick ?? false;
const lessonPages = positiveInt(args.lessons, 'lessons', quick ? 20 : 1000);
const localeCount = positiveInt(args.locales, 'locales', quick ? 2 : 5, 8);
const repeat = positiveInt(args.repeat, 'repeat', 1, 9);
const withLinearity = !args['no-linearity'];
const withStarlight = !args['no-starlight'];
const withLighthouse = !args['no-lighthouse'];
const withSurvey = !args['no-survey'];
const outDir = join(ROOT, args.out ?? 'bench-results');
const SURVEY = quick ? { aggregate: 2_000, aggregatePerFile: 10, cli: 20_000, cliPerFile: 20 } : { aggregate: 100_000, aggregatePerFile: 10, cli: 1_000_000, cliPerFile: 20 };

const started = new Date();
const t0 = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const budgets = validateBudgets(JSON.parse(readFileSync(join(ROOT, 'bench', 'budgets.json'), 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'orienta-bench-'));
mkdirSync(outDir, { recursive: true });

const pages: LabelledPage[] = [];
const kinds: LabelledKinds[] = [];
let starlight: BenchResults['starlight'] = null;
let starlightComparison: StarlightComparison | null = null;
const builds: BuildFigure[] = [];
let synthetic: SyntheticSummary | null = null;
let lin: Linearity | null = null;
let demoBuild: BenchResults['demoBuild'] = { dir: join(ROOT, 'dist'), builtNow: false };
let syntheticPagefind: BenchResults['pagefind']['synthetic'] = [];
let demoPagefind: BenchResults['pagefind']['demo'] = [];
const survey: SurveyFigures = { available: false };
const lighthouse: BenchResults['lighthouse'] = { available: false, results: [] };
let audio: AudioFigure[] = [];

try {
  // -------------------------------------------------------------------------------------------
  // 1. The demo build (dist/), built when missing, as `npm run build` does.
  const demoDir = join(ROOT, 'dist');
  const demoLessonFile = (locale: string) => join(demoDir, locale, ...DEMO_LESSON.split('/'), 'index.html');
  if (!existsSync(demoLessonFile('sv'))) {
    log('dist/ has no demo lesson: building the demo site (npm run build) …');
    const run = await buildSite({ projectRoot: ROOT, root: ROOT, outDir: demoDir, log: join(work, 'demo-build.log') });
    demoBuild = { dir: demoDir, builtNow: true, ms: run.ms };
  }
  const demoRead = siteReader(demoDir);
  for (const locale of WEIGH_LOCALES) {
    const file = demoLessonFile(locale);
    if (!existsSync(file)) continue;
    pages.push({ build: 'demo', weight: weighPage(`/${locale}/${DEMO_LESSON}/`, readFileSync(file, 'utf8'), demoRead) });
  }
  kinds.push({ build: 'demo', kinds: summariseKinds(firstViews(demoDir, demoRead)) });
  demoPagefind = pagefindSizes(join(demoDir, 'pagefind'));
  audio = audioFigures(demoDir);
  log(`weighed ${pages.length} demo lesson pages`);

  // -------------------------------------------------------------------------------------------
  // 2. Synthetic builds: a baseline (one lesson per locale) for the fixed start-up cost, 25 % and 100 %.
  const isolated = join(work, 'root');
  const config = prepareIsolatedRoot(ROOT, isolated);
  const smallPages = Math.max(localeCount * 2, Math.round(lessonPages / 4));
  const sizes = [
    { label: 'baseline', pages: localeCount },
    { label: '25 %', pages: smallPages },
    { label: '100 %', pages: lessonPages },
  ]
    .filter((size, i, all) => i === all.length - 1 || lessonsFor(size.pages, localeCount) < lessonsFor(all[all.length - 1]!.pages, localeCount))
    .filter((size, i, all) => withLinearity || i === all.length - 1);
  const points: { pages: number; ms: number }[] = [];
  for (const [i, size] of sizes.entries()) {
    const last = i === sizes.length - 1;
    const contentDir = join(work, `content-${i}`);
    const siteDir = join(work, `site-${i}`);
    const summary = writeSyntheticCourse({ contentDir: join(ROOT, 'content'), outDir: contentDir, lessonPages: size.pages, locales: localeCount });
    log(`building synthetic course ${size.label}: ${summary.lessons} lessons × ${summary.locales.length} locales = ${summary.lessonPages} lesson pages …`);
    // Repeated builds: the median time (a shared machine is noisy), memory from the slowest.
    const runs = [];
    for (let r = 0; r < repeat; r++) {
      rmSync(siteDir, { recursive: true, force: true });
      runs.push(await buildSite({ projectRoot: ROOT, root: isolated, config, contentDir, outDir: siteDir, log: join(work, `build-${i}-${r}.log`) }));
    }
    const runsMs = runs.map((r) => r.ms);
    const ms = median(runsMs);
    const maxOf = (values: (number | null)[]) => (values.some((v) => v !== null) ? Math.max(...values.map((v) => v ?? 0)) : null);
    const htmlPages = countHtml(siteDir);
    const files = Object.values(summary.translated).reduce((a, b) => a + b, 0);
    builds.push({
      label: size.label,
      lessonPages: summary.lessonPages,
      lessons: summary.lessons,
      translatedFiles: files,
      fallbackPages: summary.fallbackPages,
      htmlPages,
      ms,
      runsMs,
      msPerPage: ms / htmlPages,
      peakRssBytes: maxOf(runs.map((r) => r.peakRssBytes)),
      treePeakRssBytes: maxOf(runs.map((r) => r.treePeakRssBytes)),
      rssSource: runs[0]!.rssSource,
    });
    points.push({ pages: htmlPages, ms });
    const peak = builds[builds.length - 1]!;
    log(`  ${htmlPages} HTML pages in ${runsMs.map((m) => (m / 1000).toFixed(1)).join(' / ')} s, peak RSS ${peak.peakRssBytes ? Math.round(peak.peakRssBytes / 2 ** 20) : '?'} MB (process tree ${peak.treePeakRssBytes ? Math.round(peak.treePeakRssBytes / 2 ** 20) : '?'} MB)`);
    if (last) {
      synthetic = summary;
      const read = siteReader(siteDir);
      // Every page by kind; the heaviest lesson page of each locale weighed in full (JS, fonts …).
      const views = firstViews(siteDir, read);
      kinds.push({ build: 'synthetic', lessonsPerLocale: summary.lessons, kinds: summariseKinds(views) });
      const heaviestLesson = new Map<string, PageFirstView>();
      for (const view of views.filter((v) => v.kind === 'lesson')) {
        const locale = view.url.split('/')[1]!;
        if ((heaviestLesson.get(locale)?.firstRenderGzip ?? -1) < view.firstRenderGzip) heaviestLesson.set(locale, view);
      }
      for (const view of heaviestLesson.values()) {
        const html = read(view.url);
        if (html) pages.push({ build: 'synthetic', weight: weighPage(view.url, new TextDecoder().decode(html), read) });
      }
      syntheticPagefind = pagefindSizes(join(siteDir, 'pagefind'));
      rmSync(siteDir, { recursive: true, force: true });

      // The same course with Astro Starlight, one build, measured the same way.
      if (!withStarlight) starlight = { version: pinnedStarlightVersion(ROOT), note: 'skipped (--no-starlight)' };
      else {
        try {
          await ensureStarlight(ROOT, log);
          const siteRoot = join(ROOT, SITES_DIR, `bench-${process.pid}`);
          rmSync(siteRoot, { recursive: true, force: true });
          writeStarlightSite(contentDir, siteRoot);
          const starlightOut = join(work, 'starlight-dist');
          log(`building the same course with Starlight ${installedStarlightVersion(ROOT)} …`);
          const run = await runMeasured(process.execPath, [astroBin(join(ROOT, 'bench', 'starlight')), 'build'], {
            cwd: siteRoot,
            env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', STARLIGHT_OUT_DIR: starlightOut },
            log: join(work, 'starlight-build.log'),
          });
          if (run.code !== 0) throw new Error(`Starlight's build failed (exit ${run.code}):\n${tail(join(work, 'starlight-build.log'))}`);
          const theirPages = countHtml(starlightOut);
          const theirs: BuildFigure = {
            label: 'Starlight',
            lessonPages: summary.lessonPages,
            lessons: summary.lessons,
            translatedFiles: files,
            fallbackPages: summary.fallbackPages,
            htmlPages: theirPages,
            ms: run.ms,
            runsMs: [run.ms],
            msPerPage: run.ms / theirPages,
            peakRssBytes: run.peakRssBytes,
            treePeakRssBytes: run.treePeakRssBytes,
            rssSource: run.rssSource,
          };
          const oursRss = peak.treePeakRssBytes ?? peak.peakRssBytes;
          const theirRss = theirs.treePeakRssBytes ?? theirs.peakRssBytes;
          starlightComparison = { timePerPageRatio: peak.msPerPage / theirs.msPerPage, peakRssRatio: oursRss && theirRss ? oursRss / theirRss : null };
          starlight = { version: installedStarlightVersion(ROOT) ?? pinnedStarlightVersion(ROOT), build: theirs, comparison: starlightComparison };
          log(`  Starlight: ${theirPages} HTML pages in ${(run.ms / 1000).toFixed(1)} s, process tree ${theirRss ? Math.round(theirRss / 2 ** 20) : '?'} MB; ratio ${starlightComparison.timePerPageRatio.toFixed(2)} × per page, ${starlightComparison.peakRssRatio?.toFixed(2) ?? '?'} × memory`);
          rmSync(siteRoot, { recursive: true, force: true });
          rmSync(starlightOut, { recursive: true, force: true });
        } catch (error) {
          starlight = { version: pinnedStarlightVersion(ROOT), note: (error as Error).message.split('\n').slice(0, 6).join(' ') };
          log(`  Starlight not compared: ${(starlight as { note: string }).note}`);
        }
      }
    } else rmSync(siteDir, { recursive: true, force: true });
  }
  if (points.length === 3 && points[0]!.pages < points[1]!.pages && points[1]!.pages < points[2]!.pages) {
    lin = linearity(points[0]!, points[1]!, points[2]!);
  }

  // -------------------------------------------------------------------------------------------
  // 3. Survey aggregation: in process (the report page's code) and the CLI (bounded memory).
  if (withSurvey) {
    let aggregateModule: typeof import('../src/lib/survey/aggregate.ts') | null = null;
    let publishModule: typeof import('../src/lib/survey/publish.ts') | null = null;
    let definitions: SurveyShape[] | null = null;
    try {
      aggregateModule = await import(pathToFileURL(join(ROOT, 'src/lib/survey/aggregate.ts')).href);
      publishModule = await import(pathToFileURL(join(ROOT, 'src/lib/survey/publish.ts')).href);
      const load = (await import(pathToFileURL(join(ROOT, 'src/lib/survey/load-definitions.ts')).href)) as typeof import('../src/lib/survey/load-definitions.ts');
      definitions = load.loadSurveyDefinitions(join(ROOT, 'content', 'surveys')) as SurveyShape[];
    } catch (error) {
      survey.note = `src/lib/survey or content/surveys not available (${(error as Error).message.split('\n')[0]})`;
    }
    if (aggregateModule && publishModule && definitions) {
      survey.available = true;
      log(`survey: generating ${SURVEY.aggregate.toLocaleString('en')} responses …`);
      const texts = exportTexts(definitions, SURVEY.aggregate, SURVEY.aggregatePerFile, 1);
      const runsMs: number[] = [];
      let counted = 0;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        const aggregator = aggregateModule.createAggregator({ surveys: definitions as never });
        texts.forEach((text) => aggregator.addFile(text));
        const report = publishModule.publish(aggregator.partial(), { minGroupSize: 5, period: null, texts: aggregator.texts() });
        runsMs.push(performance.now() - start);
        counted = report.responses.counted;
      }
      const sorted = [...runsMs].sort((a, b) => a - b);
      survey.aggregate = {
        responses: SURVEY.aggregate,
        files: texts.length,
        bytes: texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
        runsMs,
        firstMs: runsMs[0]!,
        medianMs: sorted[1]!,
        counted,
      };
      log(`  aggregated in ${runsMs.map((m) => Math.round(m)).join(' / ')} ms, ${counted.toLocaleString('en')} counted`);

      const cliScript = join(ROOT, 'scripts', 'surveys-aggregate.ts');
      if (existsSync(cliScript)) {
        const folder = join(work, 'survey-exports');
        log(`survey CLI: writing ${SURVEY.cli.toLocaleString('en')} responses …`);
        const written = writeExportFolder(folder, definitions, SURVEY.cli, SURVEY.cliPerFile, 2);
        log(`  ${written.files.toLocaleString('en')} files, ${Math.round(written.bytes / 2 ** 20)} MB; running the CLI …`);
        const cliLog = join(work, 'surveys-cli.log');
        const run = await runMeasured(process.execPath, [cliScript, folder], { cwd: ROOT, log: cliLog });
        const countedText = /Responses:\s*([\d,\s]+?)\s+counted/.exec(readFileSync(cliLog, 'utf8'))?.[1];
        survey.cli = {
          responses: SURVEY.cli,
          files: written.files,
          bytes: written.bytes,
          ms: run.ms,
          peakRssBytes: run.peakRssBytes,
          treePeakRssBytes: run.treePeakRssBytes,
          exitCode: run.code,
          counted: countedText ? Number(countedText.replace(/[,\s]/g, '')) : null,
        };
        if (run.code !== 0) survey.note = `The CLI exited with ${run.code}:\n${tail(cliLog, 10)}`;
        log(`  CLI: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.peakRssBytes ? Math.round(run.peakRssBytes / 2 ** 20) : '?'} MB`);
        rmSync(folder, { recursive: true, force: true });
      } else survey.note = 'scripts/surveys-aggregate.ts not available: CLI not measured';
    }
  } else survey.note = 'skipped (--no-survey)';

  // -------------------------------------------------------------------------------------------
  // 4. Lighthouse on the demo lesson page.
  if (!withLighthouse) lighthouse.note = 'skipped (--no-lighthouse)';
  else {
    const cli = findLighthouseCli(ROOT);
    if (!cli) lighthouse.note = 'the `lighthouse` package is not installed (add it as a devDependency; see docs/bench.md)';
    else {
      lighthouse.available = true;
      const errors: string[] = [];
      for (const locale of quick ? ['sv'] : LIGHTHOUSE_LOCALES) {
        if (!existsSync(demoLessonFile(locale))) continue;
        try {
          const result: LighthouseResult = await runLighthouse(cli, demoDir, `/${locale}/${DEMO_LESSON}/`, log, join(outDir, `lighthouse-${locale}.json`));
          lighthouse.results.push(result);
          log(`  ${result.url}: ${Object.entries(result.scores).map(([k, v]) => `${k} ${v}`).join(', ')}`);
        } catch (error) {
          errors.push(`${locale}: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
        }
      }
      if (errors.length) lighthouse.note = `Lighthouse failed: ${errors.join('; ')}`;
    }
  }
} catch (error) {
  log(`the benchmark could not run: ${(error as Error).stack ?? error}`);
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// 5. Budgets, results, report.
const checks = checkBudgets(
  {
    quick,
    pages,
    linearity: lin,
    kinds,
    largest: builds.length ? { lessonPages: builds[builds.length - 1]!.lessonPages, peakRssBytes: builds[builds.length - 1]!.treePeakRssBytes ?? builds[builds.length - 1]!.peakRssBytes } : null,
    starlight: starlightComparison,
    starlightNote: starlight && 'note' in starlight ? starlight.note : undefined,
    aggregate: survey.aggregate ? { responses: survey.aggregate.responses, ms: survey.aggregate.medianMs } : null,
    cli: survey.cli && survey.cli.exitCode === 0 && survey.cli.peakRssBytes !== null ? { responses: survey.cli.responses, ms: survey.cli.ms, peakRssBytes: survey.cli.peakRssBytes } : null,
    surveyNote: survey.note,
    audio: audio.map((a) => ({ name: `${a.locale}/${a.lesson}`, kbPerMinute: a.kbPerMinute })),
  },
  budgets,
);
const results: BenchResults = {
  schema: 'orienta.bench/1',
  startedAt: started.toISOString(),
  durationS: (performance.now() - t0) / 1000,
  machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.versions.node, platform: `${process.platform}-${process.arch}` },
  options: { lessonPages, locales: localeCount, quick, lighthouse: withLighthouse, survey: withSurvey, repeat, starlight: withStarlight, linearity: withLinearity },
  synthetic,
  builds,
  linearity: lin,
  demoBuild,
  pages,
  kinds,
  starlight,
  pagefind: { synthetic: syntheticPagefind, demo: demoPagefind },
  survey,
  lighthouse,
  audio,
  budgets: checks,
  pass: checks.every((c) => c.status !== 'fail'),
};
const markdown = renderMarkdown(results);
writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDir, 'bench.md'), markdown);
process.stdout.write(`${markdown}\n`);
process.stdout.write(`Wrote ${join(outDir, 'bench.json')} and bench.md\n`);

if (args.keep) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
// Temporary Lighthouse profiles are removed by runLighthouse; nothing else is left running.
const failed = failures(checks);
if (failed.length) {
  process.stderr.write(`\nBudgets exceeded:\n${failed.map((f) => `  - ${f}`).join('\n')}\n`);
  process.exitCode = 1;
} else process.exitCode = 0;
