/**
 * Lighthouse on one page of a built site, served locally, in Lighthouse's default mobile emulation
 * (Moto G class phone, simulated slow 4G), with Debian's Chromium. Lighthouse comes from the npm
 * registry (the `lighthouse` devDependency); it never downloads a browser: chrome-launcher uses
 * CHROME_PATH.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './serve.ts';

export const CHROME_PATH = '/usr/bin/chromium';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseResult {
  url: string;
  version: string;
  /** Scores 0–100 by category. */
  scores: Record<string, number | null>;
  /** Main metrics in ms (CLS unitless). */
  metrics: Record<string, number | null>;
  /** Audits that cost points (score < 1 in a scored category), id and title. */
  failing: { category: string; id: string; title: string; score: number | null; display?: string; items?: string[] }[];
}

/** Where the Lighthouse CLI is: `LIGHTHOUSE_CLI`, else the project's `lighthouse` package; null when absent. */
export function findLighthouseCli(projectRoot: string): string | null {
  const fromEnv = process.env.LIGHTHOUSE_CLI;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const require = createRequire(join(projectRoot, 'package.json'));
    const pkg = require.resolve('lighthouse/package.json');
    const cli = join(pkg, '..', 'cli', 'index.js');
    return existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

/** Chrome flags for a headless, quiet, sandbox-free run with its own profile folder. */
export function chromeFlags(userDataDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${userDataDir}`,
  ];
}

interface LhrAuditRef {
  id: string;
  weight: number;
}
interface Lhr {
  lighthouseVersion: string;
  finalDisplayedUrl?: string;
  categories: Record<string, { score: number | null; auditRefs: LhrAuditRef[] }>;
  audits: Record<string, { title: string; score: number | null; numericValue?: number; displayValue?: string; scoreDisplayMode?: string; details?: { items?: unknown[] } }>;
}

/** A short description of one audit detail item (issue type, node, URL …). */
export function describeItem(item: unknown): string {
  if (typeof item !== 'object' || item === null) return String(item);
  const record = item as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['issueType', 'description', 'url', 'source', 'label']) {
    const value = record[key];
    if (typeof value === 'string') parts.push(value);
    else if (value && typeof value === 'object' && 'url' in value) parts.push(String((value as { url: unknown }).url));
  }
  const node = record.node as { snippet?: string } | undefined;
  if (node?.snippet) parts.push(node.snippet);
  const sub = (record.subItems as { items?: unknown[] } | undefined)?.items;
  if (sub?.length) parts.push(sub.slice(0, 2).map((s) => JSON.stringify(s)).join(' '));
  return (parts.join(' – ') || JSON.stringify(item)).slice(0, 240);
}

/** The figures we keep from a Lighthouse JSON report. */
export function summarizeLhr(lhr: Lhr, url: string): LighthouseResult {
  const scores: Record<string, number | null> = {};
  const failing: LighthouseResult['failing'] = [];
  for (const name of CATEGORIES) {
    const category = lhr.categories[name];
    scores[name] = category?.score === null || category === undefined ? null : Math.round(category.score * 100);
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
      const items = (audit.details?.items ?? []).slice(0, 3).map(describeItem);
      failing.push({ category: name, id: ref.id, title: audit.title, score: audit.score, display: audit.displayValue, ...(items.length ? { items } : {}) });
    }
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  return {
    url,
    version: lhr.lighthouseVersion,
    scores,
    metrics: {
      'first-contentful-paint': metric('first-contentful-paint'),
      'largest-contentful-paint': metric('largest-contentful-paint'),
      'total-blocking-time': metric('total-blocking-time'),
      'cumulative-layout-shift': metric('cumulative-layout-shift'),
      'speed-index': metric('speed-index'),
    },
    failing,
  };
}

/**
 * Serves `siteDir`, runs Lighthouse on `pagePath` and returns the summary; `saveReport` keeps the
 * full JSON report there. Throws with the CLI's output on failure.
 */
export async function runLighthouse(cli: string, siteDir: string, pagePath: string, log: (line: string) => void, saveReport?: string): Promise<LighthouseResult> {
  if (!existsSync(CHROME_PATH)) throw new Error(`${CHROME_PATH} not found (apt-get install chromium)`);
  const server = await serveStatic(siteDir);
  const work = mkdtempSync(join(tmpdir(), 'orienta-lighthouse-'));
  const url = `${server.url}${pagePath}`;
  try {
    const out = join(work, 'report.json');
    const args = [
      cli,
      url,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${chromeFlags(join(work, 'profile')).join(' ')}`,
      '--max-wait-for-load=60000',
    ];
    log(`lighthouse ${url}`);
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => output.push(String(d)));
      child.stderr.on('data', (d) => output.push(String(d)));
      const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
      child.on('error', reject);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code !== 0 || !existsSync(out)) throw new Error(`lighthouse exited with ${code}:\n${output.join('').slice(-2000)}`);
    if (saveReport) copyFileSync(out, saveReport);
    return summarizeLhr(JSON.parse(readFileSync(out, 'utf8')) as Lhr, pagePath);
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
