/**
 * Self-hosted fonts made to measure at build time, so that a page in Arabic script or Ethiopic
 * loads as little as it can and never moves when the font arrives:
 *
 * - **Text fonts**: Noto Sans Arabic and Noto Sans Ethiopic, one weight each (bold is
 *   synthesised), subset to the characters the site's content and interface use.
 * - **Language names**: two tiny subsets (the Ethiopic and Arabic-script names of the languages)
 *   for the language switcher and the root page, so "ትግርኛ" shows on any page of any device, even
 *   without an Ethiopic system font. They load only when such a name is drawn.
 * - **Fallback faces** over local fonts (one family per local font, each with its own metrics,
 *   measured by `scripts/fonts-fallbacks.ts` into `fallback-fonts.json`), so text laid out before
 *   the web font arrives takes the same room as after the swap.
 *
 * The fonts are written to `public/fonts/generated/` (ignored by git; named by their content's
 * hash, so they cache for ever). The language-name faces are in `virtual:orienta/fonts.css`, which
 * every page imports; a script's text faces, fallbacks and font stack are in `fontsByScript` of
 * `virtual:orienta/fonts`, which the layout inlines only on pages in that script (a Latin or
 * Cyrillic page carries none of them).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { listFiles } from '../lib/site/files.ts';
import { normaliseBase } from '../lib/routing/paths.ts';
import { fallbackFaceCss, type FallbackOverrides } from '../lib/fonts/metrics.ts';
import fallbackFonts from './fallback-fonts.json' with { type: 'json' };

const VIRTUAL_ID = 'virtual:orienta/fonts.css';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const URLS_ID = 'virtual:orienta/fonts';
const RESOLVED_URLS_ID = `\0${URLS_ID}`;
const OUT = 'public/fonts/generated';

const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/gu;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;

/** A script with its own web font: where the font comes from, what it covers, how text in it runs. */
export interface ScriptFont {
  family: string;
  /** The full font (one weight) the subset is cut from. */
  source: string;
  /** The characters of the script, as found in the site's texts. */
  letters: RegExp;
  /** Characters every text in the script needs beside its letters. */
  extra: string;
  /** The face's `unicode-range`: what the font draws once loaded. */
  unicodeRange: string;
  /**
   * A run of text the web font draws as one piece (words, with the spaces between them when the
   * face's range covers the space): what widths are compared on.
   */
  run: RegExp;
  /** The page's font stack after the web font and its fallbacks. */
  stack: string;
  /**
   * Whether pages preload the font: Ethiopic, because most devices have no Ethiopic font and draw
   * boxes until it comes; not Arabic, which every phone can draw at once in its own font.
   */
  preload: boolean;
}

const ETHIOPIC_LETTER = '\\u1200-\\u139F\\u2D80-\\u2DDF\\uAB00-\\uAB2F';
const ARABIC_RANGE = 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';
const ETHIOPIC_RANGE = 'U+1200-139F,U+2D80-2DDF,U+AB00-AB2F';

export const SCRIPT_FONTS = {
  arabic: {
    family: 'Noto Sans Arabic',
    source: 'node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2',
    letters: ARABIC,
    // Joiners (Persian needs ZWNJ, which the font draws with its space glyph) and the marks
    // fontsource's Arabic range carries.
    extra: ' \u200c\u200d\u200e\u2010\u2011\u204f\u2e41',
    unicodeRange: ARABIC_RANGE,
    run: /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200c\u200d]+/gu,
    stack: 'system-ui,Tahoma,sans-serif;line-height:1.8',
    preload: false,
  },
  ethiopic: {
    family: 'Noto Sans Ethiopic',
    source: 'node_modules/@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2',
    letters: ETHIOPIC,
    extra: ' .,:;!?()«»"\'-–—/0123456789%\u200c\u200d',
    // The font also draws ASCII on Ethiopic pages, so a line is set in one font, spaces included.
    unicodeRange: `${ETHIOPIC_RANGE},U+0020-007E,U+00AB,U+00BB,U+2013-2014`,
    run: new RegExp(`[${ETHIOPIC_LETTER}](?:[ ${ETHIOPIC_LETTER}]*[${ETHIOPIC_LETTER}])?`, 'gu'),
    stack: 'system-ui,sans-serif;line-height:1.8',
    preload: true,
  },
} satisfies Record<string, ScriptFont>;

export type FontScript = keyof typeof SCRIPT_FONTS;

/** One measured fallback: a local font and the descriptors that make it stand in for the web font. */
export interface MeasuredFallback extends FallbackOverrides {
  /** The local font's family name, for the fallback family's name. */
  name: string;
  /** Names `local()` finds the font by (full name and PostScript name). */
  locals: string[];
  /** The Debian package and file it was measured on. */
  package: string;
  file: string;
}

/** The fallbacks measured by `scripts/fonts-fallbacks.ts`, by script, closest first. */
export const FALLBACKS = fallbackFonts.fallbacks as Record<FontScript, MeasuredFallback[]>;

/** The characters of a script used anywhere in the site's text. */
export function charactersOf(texts: Iterable<string>, script: RegExp): string {
  const found = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(script)) found.add(match[0]);
  return [...found].sort().join('');
}

/**
 * The smallest `unicode-range` of one span that covers the characters: a face whose font holds
 * only these characters needs no wider range (and a short one keeps every page's CSS small).
 */
export function unicodeSpan(characters: string): string {
  const points = [...characters].map((ch) => ch.codePointAt(0)!);
  const hex = (n: number) => n.toString(16).toUpperCase();
  const [min, max] = [Math.min(...points), Math.max(...points)];
  return min === max ? `U+${hex(min)}` : `U+${hex(min)}-${hex(max)}`;
}

async function writeSubset(root: string, source: string, text: string, name: string): Promise<string> {
  const font = await subsetFont(readFileSync(join(root, source)), text, { targetFormat: 'woff2' });
  const file = `${name}-${createHash('sha256').update(font).digest('hex').slice(0, 10)}.woff2`;
  writeFileSync(join(root, OUT, file), font);
  return file;
}

/** Every text of the site: content files and interface strings. */
export function siteTexts(root: string, contentDir: string): string[] {
  const files = [
    ...listFiles(contentDir).filter((f) => /\.(mdx|ya?ml|json)$/.test(f)).map((f) => join(contentDir, f)),
    ...listFiles(join(root, 'src/i18n/ui')).map((f) => join(root, 'src/i18n/ui', f)),
  ];
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** The name of the fallback family of `family` over one local font. */
export const fallbackFamily = (family: string, local: string) => `${family} (${local})`;

/** A script's fonts as a page in it needs them: the stylesheet (and its CSP hash) and the font to preload. */
export interface ScriptFontCss {
  css: string;
  /** `sha256-…` of `css`, for the page's Content-Security-Policy. */
  hash: string;
  /** URL of the text font when pages in the script preload it. */
  preload?: string;
}

/** The stylesheet of a script's pages: its text face, its fallback faces and the page's font stack. */
export function scriptCss(script: FontScript, fontUrl: string, fallbacks: MeasuredFallback[]): string {
  const spec = SCRIPT_FONTS[script];
  const families = [spec.family, ...fallbacks.map((f) => fallbackFamily(spec.family, f.name))];
  return [
    `@font-face{font-family:"${spec.family}";font-style:normal;font-weight:400;font-display:swap;src:url("${fontUrl}") format("woff2");unicode-range:${spec.unicodeRange}}`,
    ...fallbacks.map((f) => fallbackFaceCss(fallbackFamily(spec.family, f.name), f.locals, f)),
    // Inlined only on the script's pages; `html:root` outweighs the shared `:root` in any order.
    `html:root{font-family:${families.map((f) => `"${f}"`).join(',')},${spec.stack}}`,
  ].join('\n');
}

/** The stylesheet every page carries, and each script's own. */
export interface BuiltFonts {
  css: string;
  byScript: Partial<Record<FontScript, ScriptFontCss>>;
}

/** Writes the fonts and returns the stylesheets that describe them. */
export async function buildFonts(root: string, contentDir: string, base: string): Promise<BuiltFonts> {
  const dir = join(root, OUT);
  if (existsSync(dir)) for (const old of readdirSync(dir)) rmSync(join(dir, old));
  mkdirSync(dir, { recursive: true });
  const texts = siteTexts(root, contentDir);
  const locales = JSON.parse(readFileSync(join(contentDir, 'locales.json'), 'utf8')) as Array<{ label: string }>;
  const names = locales.map((l) => l.label);
  const url = (file: string) => `${normaliseBase(base)}fonts/generated/${file}`;

  const byScript: BuiltFonts['byScript'] = {};
  for (const script of Object.keys(SCRIPT_FONTS) as FontScript[]) {
    const spec = SCRIPT_FONTS[script];
    const file = await writeSubset(root, spec.source, charactersOf(texts, spec.letters) + spec.extra, spec.family.toLowerCase().replace(/ /g, '-'));
    const css = scriptCss(script, url(file), FALLBACKS[script]);
    byScript[script] = { css, hash: `sha256-${createHash('sha256').update(css).digest('base64')}`, ...(spec.preload ? { preload: url(file) } : {}) };
  }
  const css = [];
  for (const [script, letters] of [['ethiopic', ETHIOPIC], ['arabic', ARABIC]] as const) {
    const chars = charactersOf(names, letters);
    if (!chars) continue;
    const file = await writeSubset(root, SCRIPT_FONTS[script].source, chars, `names-${script}`);
    css.push(`@font-face{font-family:"Orienta Names";font-display:swap;src:url("${url(file)}") format("woff2");unicode-range:${unicodeSpan(chars)}}`);
  }
  return { css: css.join('\n'), byScript };
}

/** The integration: builds the fonts when the build (or dev server) starts. */
export default function fonts(options: { contentDir: string }): AstroIntegration {
  let built: BuiltFonts = { css: '', byScript: {} };
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
                load: (id: string) => (id === RESOLVED_ID ? built.css : id === RESOLVED_URLS_ID ? `export const fontsByScript = ${JSON.stringify(built.byScript)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
