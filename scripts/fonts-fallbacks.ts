#!/usr/bin/env node
/**
 * `npm run fonts:fallbacks [-- --check]`: measures the local fonts that stand in for the web fonts
 * until they arrive, and writes `src/integrations/fallback-fonts.json`, which the fonts integration
 * turns into metric-matched fallback faces.
 *
 * Each fallback is a font phones or desktops have installed (Android's Noto fonts, Linux's DejaVu
 * Sans and Abyssinica SIL). It is read from `/usr/share/fonts` when installed, else from its Debian
 * package, fetched with `apt-get download` into a temporary folder and unpacked there (nothing is
 * installed). Its `size-adjust` is the width of the site's own words in the web font over their
 * width in the fallback; its ascent, descent and line gap are the web font's, divided by that.
 * Fonts whose files cannot be had here (Windows' Tahoma, Apple's Geeza Pro) get no fallback face:
 * no figure is written that was not measured.
 *
 * Run it again when the content changes much or a web font is updated; `--check` measures and
 * exits 1 when a written figure is off by more than 1 %, without writing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { countRuns, fallbackOverrides, type MeasurableFont } from '../src/lib/fonts/metrics.ts';
import { SCRIPT_FONTS, siteTexts, type FontScript, type MeasuredFallback } from '../src/integrations/fonts.ts';
import { contentDirFromEnv } from '../src/lib/site/load.ts';

/** The local fonts measured, by script, closest first: the order of the page's font stack. */
const CANDIDATES: Record<FontScript, Array<Omit<MeasuredFallback, 'sizeAdjust' | 'ascent' | 'descent' | 'lineGap'>>> = {
  arabic: [
    { name: 'Noto Sans Arabic', locals: ['Noto Sans Arabic', 'NotoSansArabic-Regular'], package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf' },
    { name: 'Noto Naskh Arabic', locals: ['Noto Naskh Arabic', 'NotoNaskhArabic-Regular'], package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf' },
    { name: 'DejaVu Sans', locals: ['DejaVu Sans', 'DejaVuSans'], package: 'fonts-dejavu-core', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' },
  ],
  ethiopic: [
    { name: 'Noto Sans Ethiopic', locals: ['Noto Sans Ethiopic', 'NotoSansEthiopic-Regular'], package: 'fonts-noto-core', file: '/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf' },
    { name: 'Abyssinica SIL', locals: ['Abyssinica SIL', 'AbyssinicaSIL-Regular'], package: 'fonts-sil-abyssinica', file: '/usr/share/fonts/truetype/abyssinica/AbyssinicaSIL-Regular.ttf' },
  ],
};

const OUT = 'src/integrations/fallback-fonts.json';
const root = process.cwd();
const check = process.argv.includes('--check');
const work = mkdtempSync(join(tmpdir(), 'orienta-fonts-'));
const unpacked = new Set<string>();

/** The font file: installed, or unpacked from its Debian package. */
function fontFile(pkg: string, file: string): string | null {
  if (existsSync(file)) return file;
  const extracted = join(work, 'root', file);
  if (!unpacked.has(pkg)) {
    unpacked.add(pkg);
    try {
      execFileSync('apt-get', ['download', pkg], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
      const deb = execFileSync('sh', ['-c', `ls ${pkg}_*.deb`], { cwd: work, encoding: 'utf8' }).trim().split('\n')[0]!;
      execFileSync('dpkg-deb', ['-x', deb, join(work, 'root')], { cwd: work });
    } catch (error) {
      console.error(`could not fetch ${pkg}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return existsSync(extracted) ? extracted : null;
}

const open = (path: string) => fontkit.openSync(path) as unknown as MeasurableFont;

try {
  const texts = siteTexts(root, contentDirFromEnv(root));
  const result: Record<string, MeasuredFallback[]> = {};
  for (const script of Object.keys(CANDIDATES) as FontScript[]) {
    const spec = SCRIPT_FONTS[script];
    const web = open(join(root, spec.source));
    const runs = countRuns(texts, spec.run);
    result[script] = [];
    for (const candidate of CANDIDATES[script]) {
      const path = fontFile(candidate.package, candidate.file);
      if (!path) {
        console.error(`${script}: ${candidate.name} not measured (no ${candidate.file})`);
        continue;
      }
      const overrides = fallbackOverrides(web, open(path), runs);
      if (!overrides) {
        console.error(`${script}: ${candidate.name} draws none of the site's ${script} text`);
        continue;
      }
      const round = (n: number) => Math.round(n * 10000) / 10000;
      result[script].push({ ...candidate, sizeAdjust: round(overrides.sizeAdjust), ascent: round(overrides.ascent), descent: round(overrides.descent), lineGap: round(overrides.lineGap) });
      console.log(`${script}: ${candidate.name.padEnd(20)} size-adjust ${(overrides.sizeAdjust * 100).toFixed(2)}%  ascent ${(overrides.ascent * 100).toFixed(2)}%  descent ${(overrides.descent * 100).toFixed(2)}%  (${runs.size} distinct runs)`);
    }
  }
  if (check) {
    const written = JSON.parse(readFileSync(join(root, OUT), 'utf8')).fallbacks as Record<string, MeasuredFallback[]>;
    const off = Object.entries(result).flatMap(([script, list]) =>
      list.filter((m) => {
        const w = written[script]?.find((x) => x.name === m.name);
        return !w || Math.abs(w.sizeAdjust / m.sizeAdjust - 1) > 0.01 || Math.abs(w.ascent / m.ascent - 1) > 0.01;
      }).map((m) => `${script}/${m.name}`),
    );
    if (off.length) {
      console.error(`out of date: ${off.join(', ')} (run npm run fonts:fallbacks)`);
      process.exitCode = 1;
    } else console.log('fallback-fonts.json matches the fonts and the content');
  } else {
    const json = { $comment: 'Written by scripts/fonts-fallbacks.ts (npm run fonts:fallbacks): fallback faces measured on the fonts with fontkit. Do not edit by hand.', fallbacks: result };
    writeFileSync(join(root, OUT), `${JSON.stringify(json, null, 2)}\n`);
    console.log(`wrote ${OUT}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
