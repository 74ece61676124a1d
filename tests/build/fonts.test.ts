/**
 * The fonts of the built site (issue #19): each script's text font is a subset that still holds
 * every character its pages use and shapes their words as the full font does; pages carry only
 * their own script's faces, and their CSP allows that inline stylesheet.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { parse } from 'node-html-parser';
import { DIST, listFiles } from '../support/dist.ts';
import { SCRIPT_FONTS, type FontScript } from '../../src/integrations/fonts.ts';
import type { MeasurableFont } from '../../src/lib/fonts/metrics.ts';

interface Font extends MeasurableFont {
  layout(text: string, features?: Record<string, boolean>): { advanceWidth: number; glyphs: Array<{ id: number }> };
}
const locales: Array<{ code: string; script: string }> = (await import('../../content/locales.json', { with: { type: 'json' } })).default;
const htmlFiles = listFiles(DIST).filter((f) => f.endsWith('.html'));
const LESSON = 'forsorja-sig/a-kassa/index.html';

/** The text a page can show: its text content and its attribute values, entities decoded. */
function shownText(html: string): string {
  const root = parse(html);
  const attributes = root.querySelectorAll('*').flatMap((el) => Object.values(el.attributes));
  return [root.querySelector('body')?.textContent ?? '', root.querySelector('title')?.textContent ?? '', ...attributes].join(' ');
}

/** The inline stylesheet that declares the script's text face, or undefined. */
const scriptStyle = (html: string, family: string) => parse(html).querySelectorAll('style').map((s) => s.textContent).find((css) => css.includes(`@font-face{font-family:"${family}"`));

describe.each(['ethiopic', 'arabic'] as FontScript[])('the %s text font', (script) => {
  const spec = SCRIPT_FONTS[script];
  const codes = locales.filter((l) => l.script === script).map((l) => l.code);
  const pages = htmlFiles.filter((f) => codes.includes(f.split('/')[0]!)).map((f) => readFileSync(join(DIST, f), 'utf8'));
  const css = scriptStyle(readFileSync(join(DIST, codes[0]!, LESSON), 'utf8'), spec.family)!;
  const url = /url\("([^"]+)"\)/.exec(css)?.[1] ?? '';
  const subset = fontkit.openSync(join(DIST, url)) as unknown as Font;
  const full = fontkit.openSync(spec.source) as unknown as Font;
  const texts = pages.map(shownText);

  it(`is a subset, much smaller than the full font, used by every ${codes.join('/')} page`, () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(url).toMatch(/^\/fonts\/generated\/noto-sans-[a-z]+-[0-9a-f]{10}\.woff2$/);
    expect(readFileSync(join(DIST, url)).length).toBeLessThan(readFileSync(spec.source).length / 2);
    for (const html of pages) expect(scriptStyle(html, spec.family)).toBe(css);
  });

  it('holds every character of the script that the pages show', () => {
    const letters = new Set(texts.flatMap((text) => [...text.matchAll(new RegExp(spec.letters.source, 'gu'))].map((m) => m[0])));
    expect(letters.size).toBeGreaterThan(script === 'ethiopic' ? 150 : 40);
    const missing = [...letters].filter((ch) => !subset.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(missing).toEqual([]);
    for (const ch of spec.extra) expect(subset.hasGlyphForCodePoint(ch.codePointAt(0)!), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(full.hasGlyphForCodePoint(ch.codePointAt(0)!));
  });

  it('shapes every word of the pages as the full font does (joining forms kept)', () => {
    const runs = new Set(texts.flatMap((text) => [...text.matchAll(spec.run)].map((m) => m[0])));
    expect(runs.size).toBeGreaterThan(500);
    const noMarks = { mark: false, mkmk: false };
    const differ: string[] = [];
    for (const run of runs) {
      const a = subset.layout(run, noMarks);
      const b = full.layout(run, noMarks);
      if (a.advanceWidth !== b.advanceWidth || a.glyphs.length !== b.glyphs.length || a.glyphs.some((g) => g.id === 0)) differ.push(run);
    }
    expect(differ.slice(0, 10)).toEqual([]);
  });
});

describe('font stylesheets per script', () => {
  it('a page carries only its own script’s text face, fallbacks and font stack, allowed by its CSP', () => {
    for (const { code, script } of locales) {
      const html = readFileSync(join(DIST, code, LESSON), 'utf8');
      const own = script in SCRIPT_FONTS ? SCRIPT_FONTS[script as FontScript].family : undefined;
      for (const [other, spec] of Object.entries(SCRIPT_FONTS)) {
        if (other !== script) expect(html.includes(`font-family:"${spec.family}`), `${code} has ${spec.family}`).toBe(false);
      }
      if (!own) continue;
      const css = scriptStyle(html, own)!;
      expect(css, code).toContain('size-adjust:');
      expect(css, code).toMatch(/html:root\{font-family:"Noto Sans [A-Za-z]+","Noto Sans [A-Za-z]+ \(/);
      const csp = parse(html).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp, code).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    }
  });
});
