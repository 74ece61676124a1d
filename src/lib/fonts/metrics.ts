/**
 * Metric-matched fallback faces, computed from the fonts themselves (read with fontkit), so that
 * text laid out in a local font before the web font arrives takes the same room as after the swap.
 *
 * Two things can move text when a font swaps in: the width of the words (lines re-wrap) and the
 * height of the line box where `line-height` is `normal` (ascent + descent + line gap). A fallback
 * `@font-face` over a local font fixes both: `size-adjust` scales the local font so the site's own
 * words are as wide as in the web font, and `ascent-override`/`descent-override`/`line-gap-override`
 * give it the web font's vertical metrics. Browsers multiply the overrides by `size-adjust`, so they
 * are divided by it here.
 */

/** What we read from a font (the subset of fontkit's `Font` used here). */
export interface MeasurableFont {
  unitsPerEm: number;
  hhea: { ascent: number; descent: number; lineGap: number };
  'OS/2'?: { typoAscender: number; typoDescender: number; typoLineGap: number; fsSelection?: { useTypoMetrics?: boolean } };
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: Record<string, boolean>): { advanceWidth: number };
}

/** Vertical metrics in em. */
export interface VerticalMetrics {
  ascent: number;
  descent: number;
  lineGap: number;
}

/** The descriptors of a fallback face, as fractions (1 = 100 %). */
export interface FallbackOverrides {
  sizeAdjust: number;
  ascent: number;
  descent: number;
  lineGap: number;
}

/**
 * The ascent, descent (positive) and line gap a browser lays a line out with, in em: the OS/2
 * typographic values when the font sets USE_TYPO_METRICS, else the `hhea` values (what Chromium
 * and Firefox use on Android, Linux and macOS).
 */
export function verticalMetrics(font: MeasurableFont): VerticalMetrics {
  const os2 = font['OS/2'];
  const source = os2?.fsSelection?.useTypoMetrics
    ? { ascent: os2.typoAscender, descent: os2.typoDescender, lineGap: os2.typoLineGap }
    : font.hhea;
  return { ascent: source.ascent / font.unitsPerEm, descent: Math.abs(source.descent) / font.unitsPerEm, lineGap: source.lineGap / font.unitsPerEm };
}

/** How often each run (a word, or words joined by spaces) matched by `run` occurs in the texts. */
export function countRuns(texts: Iterable<string>, run: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  const global = new RegExp(run.source, run.flags.includes('g') ? run.flags : `${run.flags}g`);
  for (const text of texts) for (const [match] of text.matchAll(global)) counts.set(match, (counts.get(match) ?? 0) + 1);
  return counts;
}

/**
 * The advance width of a shaped run, in font units. Mark positioning moves marks, not the pen, and
 * fontkit fails on some fonts' mark anchors, so `mark`/`mkmk` are left out of the shaping.
 */
function advance(font: MeasurableFont, text: string): number {
  return font.layout(text, NO_MARK_POSITIONING).advanceWidth;
}
const NO_MARK_POSITIONING = { mark: false, mkmk: false };

/**
 * How much wider the web font sets the runs than the fallback font, at the same font size: the
 * `size-adjust` that makes the fallback take the web font's room. Runs with a character the
 * fallback cannot draw are left out (the browser would draw them in yet another font).
 * Returns null when no run can be measured.
 */
export function widthRatio(web: MeasurableFont, fallback: MeasurableFont, runs: Map<string, number>): number | null {
  let webWidth = 0;
  let fallbackWidth = 0;
  const drawable = (font: MeasurableFont, text: string) => [...text].every((ch) => ch === ' ' || font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  for (const [text, count] of runs) {
    if (!drawable(fallback, text) || !drawable(web, text)) continue;
    webWidth += (count * advance(web, text)) / web.unitsPerEm;
    fallbackWidth += (count * advance(fallback, text)) / fallback.unitsPerEm;
  }
  return fallbackWidth > 0 ? webWidth / fallbackWidth : null;
}

/** The fallback face's descriptors that make `fallback` lay the runs out like `web`. */
export function fallbackOverrides(web: MeasurableFont, fallback: MeasurableFont, runs: Map<string, number>): FallbackOverrides | null {
  const sizeAdjust = widthRatio(web, fallback, runs);
  if (sizeAdjust === null) return null;
  const metrics = verticalMetrics(web);
  return { sizeAdjust, ascent: metrics.ascent / sizeAdjust, descent: metrics.descent / sizeAdjust, lineGap: metrics.lineGap / sizeAdjust };
}

const percent = (value: number) => `${Math.round(value * 10000) / 100}%`;

/** A CSS string literal. */
const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** The `@font-face` rule of a fallback family over local fonts. */
export function fallbackFaceCss(family: string, locals: string[], overrides: FallbackOverrides): string {
  return `@font-face{font-family:${quote(family)};src:${locals.map((name) => `local(${quote(name)})`).join(',')};size-adjust:${percent(overrides.sizeAdjust)};ascent-override:${percent(overrides.ascent)};descent-override:${percent(overrides.descent)};line-gap-override:${percent(overrides.lineGap)}}`;
}
