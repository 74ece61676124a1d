import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { charactersOf, FALLBACK_METRICS } from '../../src/integrations/fonts.ts';

const font = (path: string) => fontkit.openSync(path) as unknown as { unitsPerEm: number; ascent: number; descent: number; layout(text: string): { advanceWidth: number } };
const NOTO_ARABIC = 'node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2';
const NOTO_ETHIOPIC = 'node_modules/@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2';

describe('fonts made to measure', () => {
  it('collect each script’s characters once', () => {
    expect(charactersOf(['ትግርኛ ሰላም', 'ትግርኛ'], /[\u1200-\u139F]/gu)).toBe([...new Set('ትግርኛሰላም')].sort().join(''));
    expect(charactersOf(['Svenska'], /[\u1200-\u139F]/gu)).toBe('');
  });

  it('fallback metrics match the web fonts they stand in for', () => {
    for (const [path, metrics] of [[NOTO_ARABIC, FALLBACK_METRICS.arabic], [NOTO_ETHIOPIC, FALLBACK_METRICS.ethiopic]] as const) {
      const f = font(path);
      expect(f.ascent / f.unitsPerEm).toBeCloseTo(metrics.ascent, 3);
      expect(-f.descent / f.unitsPerEm).toBeCloseTo(metrics.descent, 3);
    }
  });

  it('the Arabic fallback is sized so Arabic text keeps its width when the font swaps in (against DejaVu Sans, where installed)', () => {
    let dejavu;
    try {
      dejavu = font('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    } catch {
      return; // No DejaVu here: the committed figure stands, measured where it was.
    }
    const text = readFileSync('content/lessons/ar/forsorja-sig/a-kassa.mdx', 'utf8').replace(/^---[\s\S]*?---/, '').replace(/<[^>]+>/g, ' ').slice(0, 4000);
    const noto = font(NOTO_ARABIC);
    const ratio = noto.layout(text).advanceWidth / noto.unitsPerEm / (dejavu.layout(text).advanceWidth / dejavu.unitsPerEm);
    expect(ratio).toBeCloseTo(FALLBACK_METRICS.arabic.sizeAdjust, 1);
  });
});
