import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareIsolatedRoot, siteReader, wrapperConfigSource } from '../../../scripts/bench/build.ts';
import { chromeFlags, summarizeLhr } from '../../../scripts/bench/lighthouse.ts';
import { pagefindSizes } from '../../../scripts/bench/pagefind.ts';
import { parseStatusField, parseTimeVerbose } from '../../../scripts/bench/run.ts';
import { compressible, contentType, resolveFile } from '../../../scripts/bench/serve.ts';
import { exportTexts, fileSizes, ResponseFactory, writeExportFolder, type SurveyShape } from '../../../scripts/bench/survey.ts';
import { createAggregator } from '../../../src/lib/survey/aggregate.ts';
import { loadSurveyDefinitions } from '../../../src/lib/survey/load-definitions.ts';
import { surveyExportFileSchema } from '../../../src/schemas/survey-response.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'orienta-bench-helpers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic survey exports', () => {
  const surveys = loadSurveyDefinitions(join(root, 'content', 'surveys'));

  it('are valid export files that the aggregator counts in full', () => {
    const texts = exportTexts(surveys as SurveyShape[], 500, 10, 3);
    expect(texts).toHaveLength(50);
    for (const text of texts.slice(0, 5)) expect(surveyExportFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
    const aggregator = createAggregator({ surveys });
    texts.forEach((t) => aggregator.addFile(t));
    const summary = aggregator.partial();
    expect(summary.files.invalid).toEqual({});
    expect(summary.responses).toMatchObject({ read: 500, counted: 500, duplicates: 0, skipped: 0 });
    // Self-assessments come in before/after pairs.
    const self = summary.surveys.find((s) => s.kind === 'self-assessment');
    expect(Object.values(self?.pairs ?? {}).reduce((n, p) => n + p.linked, 0)).toBeGreaterThan(0);
  });

  it('are deterministic for a seed, with unique ids', () => {
    const a = new ResponseFactory(surveys as SurveyShape[], 9);
    const b = new ResponseFactory(surveys as SurveyShape[], 9);
    const first = Array.from({ length: 200 }, () => a.next());
    expect(Array.from({ length: 200 }, () => b.next())).toEqual(first);
    expect(new Set(first.map((r) => r.responseId)).size).toBe(200);
    expect(first.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.responseId))).toBe(true);
  });

  it('are written to a folder in groups of 100 files', () => {
    const out = join(dir, 'exports');
    const written = writeExportFolder(out, surveys as SurveyShape[], 2050, 10);
    expect(written.files).toBe(205);
    expect(readdirSync(out)).toEqual(['group-0000', 'group-0001', 'group-0002']);
    expect(fileSizes(25, 10)).toEqual([10, 10, 5]);
  });
});

describe('measuring processes', () => {
  it('reads the peak RSS from GNU time -v', () => {
    const text = '\tCommand being timed: "node x"\n\tMaximum resident set size (kbytes): 765432\n\tExit status: 0\n';
    expect(parseTimeVerbose(text)).toBe(765432 * 1024);
    expect(parseTimeVerbose('nothing')).toBeNull();
  });

  it('reads VmRSS and VmHWM from /proc status', () => {
    const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
    expect(parseStatusField(status, 'VmHWM')).toBe(200 * 2 ** 20);
    expect(parseStatusField(status, 'VmRSS')).toBe(100 * 2 ** 20);
  });
});

describe('isolated build root', () => {
  it('links the project but not its build state, and wraps the config', () => {
    const project = join(dir, 'project');
    for (const d of ['src', 'node_modules', '.astro', 'dist', '.git']) mkdirSync(join(project, d), { recursive: true });
    writeFileSync(join(project, 'astro.config.mjs'), 'export default {}');
    const isolated = join(dir, 'isolated');
    const config = prepareIsolatedRoot(project, isolated);
    expect(readdirSync(isolated).sort()).toEqual(['astro.bench.config.mjs', 'astro.config.mjs', 'node_modules', 'src']);
    expect(readFileSync(join(isolated, config), 'utf8')).toBe(wrapperConfigSource('astro.config.mjs'));
    expect(wrapperConfigSource('astro.config.mjs')).toContain("cacheDir: './.bench-cache/'");
  });

  it('reads built files by URL path, folders as their index.html, never outside the site', () => {
    const site = join(dir, 'site');
    mkdirSync(join(site, 'sv', 'a'), { recursive: true });
    writeFileSync(join(site, 'sv', 'a', 'index.html'), 'page');
    writeFileSync(join(site, 'x.js'), 'js');
    const read = siteReader(site);
    expect(String(read('/sv/a/'))).toBe('page');
    expect(String(read('/x.js'))).toBe('js');
    expect(read('/missing.js')).toBeNull();
    expect(read('/../helpers.test.ts')).toBeNull();
  });
});

describe('static server', () => {
  it('maps URL paths to files, folders to index.html, and refuses to leave the root', () => {
    const site = join(dir, 'served');
    mkdirSync(join(site, 'sv'), { recursive: true });
    writeFileSync(join(site, 'sv', 'index.html'), '<p>hej</p>');
    expect(resolveFile(site, '/sv/')).toBe(join(site, 'sv', 'index.html'));
    expect(resolveFile(site, '/sv/index.html?x=1')).toBe(join(site, 'sv', 'index.html'));
    expect(resolveFile(site, '/../../etc/passwd')).toBeNull();
    expect(resolveFile(site, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveFile(site, '/nope/')).toBeNull();
  });

  it('gzips text but not fonts or Pagefind files', () => {
    expect(compressible(contentType('a.html'))).toBe(true);
    expect(compressible(contentType('a.js'))).toBe(true);
    expect(compressible(contentType('a.woff2'))).toBe(false);
    expect(compressible(contentType('x.pf_fragment'))).toBe(false);
  });
});

describe('lighthouse', () => {
  it('runs Chromium headless with a fresh profile and no background traffic', () => {
    const flags = chromeFlags('/tmp/p');
    expect(flags).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--user-data-dir=/tmp/p']));
  });

  it('keeps the four scores, the metrics and the audits that cost points', () => {
    const lhr = {
      lighthouseVersion: '13.5.0',
      categories: {
        performance: { score: 0.99, auditRefs: [{ id: 'total-blocking-time', weight: 30 }, { id: 'diagnostics', weight: 0 }] },
        accessibility: { score: 1, auditRefs: [] },
        'best-practices': { score: 0.96, auditRefs: [{ id: 'inspector-issues', weight: 1 }] },
        seo: { score: 1, auditRefs: [] },
      },
      audits: {
        'total-blocking-time': { title: 'Total Blocking Time', score: 0.97, numericValue: 120, displayValue: '120 ms' },
        diagnostics: { title: 'Diagnostics', score: 0 },
        'inspector-issues': { title: 'Issues were logged', score: 0, details: { items: [{ issueType: 'Content security policy', subItems: { items: [] } }] } },
        'first-contentful-paint': { title: 'FCP', score: 1, numericValue: 800 },
      },
    };
    const result = summarizeLhr(lhr, '/sv/x/');
    expect(result.scores).toEqual({ performance: 99, accessibility: 100, 'best-practices': 96, seo: 100 });
    expect(result.metrics['first-contentful-paint']).toBe(800);
    expect(result.metrics['largest-contentful-paint']).toBeNull();
    expect(result.failing.map((f) => f.id)).toEqual(['total-blocking-time', 'inspector-issues']);
    expect(result.failing[1]!.items).toEqual(['Content security policy']);
  });
});

describe('pagefind sizes', () => {
  it('adds up each language’s meta, index, filter, fragment and wasm files', () => {
    const pf = join(dir, 'pagefind');
    for (const d of ['index', 'fragment', 'filter']) mkdirSync(join(pf, d), { recursive: true });
    writeFileSync(
      join(pf, 'pagefind-entry.json'),
      JSON.stringify({ version: '1.6.0', languages: { 'sv-se': { hash: 'sv-se_abc', wasm: 'sv-se', page_count: 2 }, ti: { hash: 'ti_def', wasm: null, page_count: 1 } } }),
    );
    writeFileSync(join(pf, 'pagefind.sv-se_abc.pf_meta'), 'x'.repeat(10));
    writeFileSync(join(pf, 'wasm.sv-se.pagefind'), 'x'.repeat(1000));
    writeFileSync(join(pf, 'wasm.unknown.pagefind'), 'x'.repeat(900));
    writeFileSync(join(pf, 'index', 'sv-se_1.pf_index'), 'x'.repeat(100));
    writeFileSync(join(pf, 'index', 'sv-se_2.pf_index'), 'x'.repeat(300));
    writeFileSync(join(pf, 'fragment', 'sv-se_a.pf_fragment'), 'x'.repeat(20));
    writeFileSync(join(pf, 'fragment', 'sv-se_b.pf_fragment'), 'x'.repeat(40));
    writeFileSync(join(pf, 'fragment', 'ti_a.pf_fragment'), 'x'.repeat(7));
    writeFileSync(join(pf, 'filter', 'sv-se_f.pf_filter'), 'x'.repeat(5));
    const [sv, ti] = pagefindSizes(pf);
    expect(sv).toMatchObject({ language: 'sv-se', pages: 2, metaBytes: 10, indexBytes: 400, indexFiles: 2, fragmentBytes: 60, filterBytes: 5, wasmBytes: 1000, totalBytes: 1475 });
    expect(sv!.firstSearchBytes).toBe(10 + 1000 + 300 + 5 * 30);
    expect(ti).toMatchObject({ language: 'ti', wasmBytes: 900, fragmentBytes: 7, metaBytes: 0 });
    expect(pagefindSizes(join(dir, 'none'))).toEqual([]);
  });
});
