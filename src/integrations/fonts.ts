/**
 * Self-hosted fonts made to measure at build time, so that a page in Arabic script or Ethiopic
 * loads as little as it can and never moves when the font arrives:
 *
 * - **Ethiopic text**: Noto Sans Ethiopic (one weight; bold is synthesised) subset to the
 *   characters the site's content and interface use — about a quarter of the full file.
 * - **Language names**: two tiny subsets (the Ethiopic and Arabic-script names of the languages)
 *   for the language switcher and the root page, so "ትግርኛ" shows on any page of any device, even
 *   without an Ethiopic system font. They load only when such a name is drawn.
 * - **Fallback faces** whose metrics match the web fonts (`size-adjust`, `ascent-override`,
 *   `descent-override`), so text laid out in the fallback does not re-wrap when the font swaps in.
 *
 * The fonts are written to `public/fonts/generated/` (ignored by git; named by their content's
 * hash, so they cache for ever), described in the virtual stylesheet `virtual:orienta/fonts.css`
 * that every page imports, and named in `virtual:orienta/fonts` for pages that preload them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { listFiles } from '../lib/site/files.ts';
import { normaliseBase } from '../lib/routing/paths.ts';

const VIRTUAL_ID = 'virtual:orienta/fonts.css';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const URLS_ID = 'virtual:orienta/fonts';
const RESOLVED_URLS_ID = `\0${URLS_ID}`;
const OUT = 'public/fonts/generated';

const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/gu;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
/** Marks and punctuation every Ethiopic text needs beside its letters. */
const ETHIOPIC_EXTRA = ' .,:;!?()«»"\'-–—/0123456789%\u200c\u200d';

const FONTS = {
  ethiopic: 'node_modules/@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2',
  arabic: 'node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2',
};

/**
 * Fallback metrics, measured with fontkit on the fonts themselves: Noto Sans Arabic sets Arabic
 * text 2.9 % narrower than DejaVu Sans (the Arabic system font of Linux, near Tahoma's width),
 * with ascent 1.374 em and descent 0.738 em; Noto Sans Ethiopic has ascent 1.069 em and descent
 * 0.293 em. `tests/unit/fonts.test.ts` holds these figures to the font files.
 */
export const FALLBACK_METRICS = {
  arabic: { sizeAdjust: 0.971, ascent: 1.374, descent: 0.738 },
  ethiopic: { sizeAdjust: 1, ascent: 1.069, descent: 0.293 },
} as const;

/** The characters of a script used anywhere in the site's text. */
export function charactersOf(texts: Iterable<string>, script: RegExp): string {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(script)) found.add(match[0]);
  return [...found].sort().join('');
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** A fallback face that lays text out like the web font. */
function fallbackFace(family: string, locals: string[], metrics: { sizeAdjust: number; ascent: number; descent: number }): string {
  return `@font-face{font-family:"${family}";src:${locals.map((name) => `local("${name}")`).join(',')};size-adjust:${percent(metrics.sizeAdjust)};ascent-override:${percent(metrics.ascent / metrics.sizeAdjust)};descent-override:${percent(metrics.descent / metrics.sizeAdjust)};line-gap-override:0%}`;
}

async function writeSubset(root: string, source: string, text: string, name: string): Promise<string> {
  const font = await subsetFont(readFileSync(join(root, source)), text, { targetFormat: 'woff2' });
  const file = `${name}-${createHash('sha256').update(font).digest('hex').slice(0, 10)}.woff2`;
  writeFileSync(join(root, OUT, file), font);
  return file;
}

/** Every text of the site: content files and interface strings. */
function siteTexts(root: string, contentDir: string): string[] {
  const files = [
    ...listFiles(contentDir).filter((f) => /\.(mdx|ya?ml|json)$/.test(f)).map((f) => join(contentDir, f)),
    ...listFiles(join(root, 'src/i18n/ui')).map((f) => join(root, 'src/i18n/ui', f)),
  ];
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** The stylesheet describing the fonts, and the fonts a page of a script should preload. */
export interface BuiltFonts {
  css: string;
  preload: Partial<Record<'ethiopic', string>>;
}

/** Writes the fonts and returns the stylesheet that describes them. */
export async function buildFonts(root: string, contentDir: string, base: string): Promise<BuiltFonts> {
  const dir = join(root, OUT);
  if (existsSync(dir)) for (const old of readdirSync(dir)) rmSync(join(dir, old));
  mkdirSync(dir, { recursive: true });
  const texts = siteTexts(root, contentDir);
  const locales = JSON.parse(readFileSync(join(contentDir, 'locales.json'), 'utf8')) as Array<{ label: string }>;
  const names = locales.map((l) => l.label);
  const url = (file: string) => `${normaliseBase(base)}fonts/generated/${file}`;

  const ethiopicText = await writeSubset(root, FONTS.ethiopic, charactersOf(texts, ETHIOPIC) + ETHIOPIC_EXTRA, 'noto-sans-ethiopic');
  const ethiopicNames = await writeSubset(root, FONTS.ethiopic, charactersOf(names, ETHIOPIC), 'names-ethiopic');
  const arabicNames = await writeSubset(root, FONTS.arabic, charactersOf(names, ARABIC), 'names-arabic');
  const ethiopicRange = 'U+1200-139F,U+2D80-2DDF,U+AB00-AB2F';
  const arabicRange = 'U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF';
  const css = [
    `@font-face{font-family:"Noto Sans Ethiopic";font-style:normal;font-weight:400;font-display:swap;src:url("${url(ethiopicText)}") format("woff2");unicode-range:${ethiopicRange},U+0020-007E,U+00AB,U+00BB,U+2013-2014}`,
    `@font-face{font-family:"Orienta Names";font-display:swap;src:url("${url(ethiopicNames)}") format("woff2");unicode-range:${ethiopicRange}}`,
    `@font-face{font-family:"Orienta Names";font-display:swap;src:url("${url(arabicNames)}") format("woff2");unicode-range:${arabicRange}}`,
    fallbackFace('Noto Sans Arabic Fallback', ['Noto Sans Arabic UI', 'DejaVu Sans', 'Tahoma', 'Arial'], FALLBACK_METRICS.arabic),
    fallbackFace('Noto Sans Ethiopic Fallback', ['Noto Sans Ethiopic', 'Ebrima', 'Kefa', 'Abyssinica SIL'], FALLBACK_METRICS.ethiopic),
  ].join('\n');
  return { css, preload: { ethiopic: url(ethiopicText) } };
}

/** The integration: builds the fonts when the build (or dev server) starts. */
export default function fonts(options: { contentDir: string }): AstroIntegration {
  let built: BuiltFonts = { css: '', preload: {} };
  return {
    name: 'orienta-fonts',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig }) => {
        const root = resolve(new URL('.', config.root).pathname);
        built = await buildFonts(root, options.contentDir, config.base);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'orienta-fonts',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : id === URLS_ID ? RESOLVED_URLS_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? built.css : id === RESOLVED_URLS_ID ? `export const preloadFonts = ${JSON.stringify(built.preload)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
