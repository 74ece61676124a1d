import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { charactersOf, FALLBACKS, SCRIPT_FONTS, scriptCss, siteTexts, unicodeSpan, type FontScript } from '../../src/integrations/fonts.ts';
import { countRuns, fallbackFaceCss, fallbackOverrides, verticalMetrics, widthRatio, type MeasurableFont } from '../../src/lib/fonts/metrics.ts';
import { contentDirFromEnv } from '../../src/lib/site/load.ts';

/** A font whose every character is `width` units wide. */
function fakeFont(width: number, options: { upm?: number; hhea?: [number, number, number]; typo?: [number, number, number]; useTypo?: boolean; lacks?: string } = {}): MeasurableFont {
  const [ascent, descent, lineGap] = options.hhea ?? [800, -200, 0];
  const [typoAscender, typoDescender, typoLineGap] = options.typo ?? [700, -300, 100];
  return {
    unitsPerEm: options.upm ?? 1000,
    hhea: { ascent, descent, lineGap },
    'OS/2': { typoAscender, typoDescender, typoLineGap, fsSelection: { useTypoMetrics: options.useTypo ?? false } },
    hasGlyphForCodePoint: (cp) => !(options.lacks ?? '').includes(String.fromCodePoint(cp)),
    layout: (text) => ({ advanceWidth: [...text].length * width }),
  };
}

const open = (path: string) => fontkit.openSync(path) as unknown as MeasurableFont;

describe('fonts made to measure', () => {
  it('collect each script’s characters once', () => {
    expect(charactersOf(['ትግርኛ ሰላም', 'ትግርኛ'], /[\u1200-\u139F]/gu)).toBe([...new Set('ትግርኛሰላም')].sort().join(''));
    expect(charactersOf(['Svenska'], /[\u1200-\u139F]/gu)).toBe('');
  });

  it('give a names subset the one span of code points its letters lie in', () => {
    expect(unicodeSpan('ትግርኛ')).toBe('U+122D-130D');
    expect(unicodeSpan('العربية فارسی'.replace(/ /g, ''))).toBe('U+627-6CC');
    expect(unicodeSpan('ب')).toBe('U+628');
  });

  it('read the vertical metrics a browser uses: typographic ones only when the font asks for them', () => {
    expect(verticalMetrics(fakeFont(500))).toEqual({ ascent: 0.8, descent: 0.2, lineGap: 0 });
    expect(verticalMetrics(fakeFont(500, { useTypo: true }))).toEqual({ ascent: 0.7, descent: 0.3, lineGap: 0.1 });
    expect(verticalMetrics(fakeFont(500, { upm: 2048, hhea: [1901, -483, 0] })).ascent).toBeCloseTo(0.9282, 4);
  });

  it('cut text into the runs a font draws: Arabic words alone, Ethiopic words with the spaces between them', () => {
    expect([...countRuns(['سلام علیکم، سلام'], SCRIPT_FONTS.arabic.run)]).toEqual([['سلام', 2], ['علیکم،', 1]]);
    expect([...countRuns(['ሰላም ዓለም. A-kassa ሰላም'], SCRIPT_FONTS.ethiopic.run)]).toEqual([['ሰላም ዓለም', 1], ['ሰላም', 1]]);
  });

  it('size the fallback so the site’s words keep their width, and give it the web font’s ascent and descent', () => {
    const web = fakeFont(550, { useTypo: true, typo: [1069, -293, 0] });
    const fallback = fakeFont(1100, { upm: 2048 });
    const runs = new Map([['ሰላም', 3], ['ዓለም', 1]]);
    expect(widthRatio(web, fallback, runs)).toBeCloseTo(0.55 / (1100 / 2048), 6);
    const overrides = fallbackOverrides(web, fallback, runs)!;
    expect(overrides.sizeAdjust * overrides.ascent).toBeCloseTo(1.069, 6);
    expect(overrides.sizeAdjust * overrides.descent).toBeCloseTo(0.293, 6);
    expect(overrides.lineGap).toBe(0);
    // Runs the fallback cannot draw are not measured; with none left there is nothing to match.
    expect(widthRatio(web, fakeFont(100, { lacks: 'ሰ' }), new Map([['ሰላም', 1], ['ዓለም', 1]]))).toBeCloseTo(5.5, 6);
    expect(fallbackOverrides(web, fakeFont(100, { lacks: 'ሰዓ' }), runs)).toBeNull();
  });

  it('write a fallback face over local fonts with the overrides in per cent', () => {
    expect(fallbackFaceCss('Noto Sans Arabic (DejaVu Sans)', ['DejaVu Sans', 'DejaVuSans'], { sizeAdjust: 0.94931, ascent: 1.44736, descent: 0.7774, lineGap: 0 })).toBe(
      '@font-face{font-family:"Noto Sans Arabic (DejaVu Sans)";src:local("DejaVu Sans"),local("DejaVuSans");size-adjust:94.93%;ascent-override:144.74%;descent-override:77.74%;line-gap-override:0%}',
    );
  });

  it('put a script’s web font first, then each measured fallback, in the page’s font stack', () => {
    const css = scriptCss('arabic', '/fonts/generated/noto-sans-arabic-0123456789.woff2', FALLBACKS.arabic);
    expect(css).toContain('src:url("/fonts/generated/noto-sans-arabic-0123456789.woff2") format("woff2")');
    expect(css).toContain('font-display:swap');
    const stack = /html:root\{font-family:([^;]+);/.exec(css)![1]!;
    expect(stack).toBe(['"Noto Sans Arabic"', ...FALLBACKS.arabic.map((f) => `"Noto Sans Arabic (${f.name})"`), 'system-ui', 'Tahoma', 'sans-serif'].join(','));
    for (const f of FALLBACKS.arabic) expect(css).toContain(`@font-face{font-family:"Noto Sans Arabic (${f.name})";src:local("${f.locals[0]}")`);
  });
});

describe('the measured fallbacks (src/integrations/fallback-fonts.json)', () => {
  const scripts = Object.keys(SCRIPT_FONTS) as FontScript[];

  it('exist for Android’s and Linux’s fonts of each script, each giving the web font’s ascent and descent', () => {
    expect(FALLBACKS.arabic.map((f) => f.name)).toEqual(expect.arrayContaining(['Noto Naskh Arabic', 'DejaVu Sans']));
    expect(FALLBACKS.ethiopic.map((f) => f.name)).toEqual(expect.arrayContaining(['Noto Sans Ethiopic', 'Abyssinica SIL']));
    for (const script of scripts) {
      const web = verticalMetrics(open(SCRIPT_FONTS[script].source));
      for (const f of FALLBACKS[script]) {
        expect(f.sizeAdjust, f.name).toBeGreaterThan(0.8);
        expect(f.sizeAdjust, f.name).toBeLessThan(1.25);
        expect(f.ascent * f.sizeAdjust, f.name).toBeCloseTo(web.ascent, 3);
        expect(f.descent * f.sizeAdjust, f.name).toBeCloseTo(web.descent, 3);
      }
    }
  });

  it('still match the fonts and today’s content, for each fallback font installed here (DejaVu Sans at least)', () => {
    const texts = siteTexts(process.cwd(), contentDirFromEnv(process.cwd()));
    let measured = 0;
    for (const script of scripts) {
      const web = open(SCRIPT_FONTS[script].source);
      const runs = countRuns(texts, SCRIPT_FONTS[script].run);
      for (const f of FALLBACKS[script].filter((x) => existsSync(x.file))) {
        const now = fallbackOverrides(web, open(f.file), runs)!;
        // Off by more than 1 %: run `npm run fonts:fallbacks`.
        expect(Math.abs(now.sizeAdjust / f.sizeAdjust - 1), `${script}/${f.name}`).toBeLessThan(0.01);
        measured++;
      }
    }
    expect(measured).toBeGreaterThan(0);
  }, 60_000);
});
