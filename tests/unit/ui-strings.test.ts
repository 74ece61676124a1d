import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { uiStringsSchema } from '../../src/schemas/ui.ts';

const dir = 'src/i18n/ui';
const read = (code: string): Record<string, string> => JSON.parse(readFileSync(`${dir}/${code}.json`, 'utf8'));
const sv = read('sv');
const svKeys = Object.keys(sv).sort();
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
const locales: Array<{ code: string }> = JSON.parse(readFileSync('content/locales.json', 'utf8'));
const placeholders = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();

describe('UI strings', () => {
  it('Swedish matches the schema exactly', () => {
    const parsed = uiStringsSchema.safeParse(sv);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(svKeys).toEqual(Object.keys(uiStringsSchema.shape).sort());
  });

  it('every locale in content/locales.json has a string file', () => {
    for (const { code } of locales) expect(files, `src/i18n/ui/${code}.json`).toContain(code);
  });

  for (const code of files.filter((c) => c !== 'sv')) {
    it(`${code} has exactly the keys Swedish has`, () => {
      const keys = Object.keys(read(code)).sort();
      expect({ missing: svKeys.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !svKeys.includes(k)) }).toEqual({ missing: [], extra: [] });
    });

    it(`${code} keeps every {{placeholder}} and leaves no string empty`, () => {
      const strings = read(code);
      for (const key of svKeys) {
        expect(strings[key]?.trim(), `${code}: ${key}`).toBeTruthy();
        expect(placeholders(strings[key] ?? ''), `${code}: ${key}`).toEqual(placeholders(sv[key]!));
      }
    });
  }

  it('the parity check catches a missing and an extra key', () => {
    const broken = { ...sv, 'nav.extra': 'x' } as Record<string, string>;
    delete broken['nav.home'];
    expect(uiStringsSchema.safeParse(broken).success).toBe(false);
  });
});
