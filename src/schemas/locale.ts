import { z } from 'astro/zod';
import { LOCALE_CODE_PATTERN } from './formats.ts';
import { SOURCE_LOCALE } from './formats.ts';

/** Locale codes are lower-case ISO 639 codes (two or three letters), as used in URLs and file paths. */
export const localeCodeSchema = z
  .string()
  .regex(LOCALE_CODE_PATTERN, 'a lower-case ISO 639 code of two or three letters, with an optional variant: "en", "prs", "sv-easy"');

/** One language the course can be read in. Entries live in `content/locales.json`. */
export const localeSchema = z
  .object({
    /** URL segment and folder name, e.g. `prs`. Stable: it is part of every link. */
    code: localeCodeSchema.meta({ description: 'URL segment and folder name' }),
    /** BCP-47 tag written into `<html lang>`, e.g. `fa-IR`. */
    tag: z.string().min(2).meta({ description: 'BCP-47 tag for the lang attribute' }),
    /** The language's own name for itself (endonym), shown in the language switcher. */
    label: z.string().min(1).meta({ description: 'Endonym shown in the language switcher' }),
    /** English name, for tooling and reports. */
    englishName: z.string().min(1).meta({ description: 'English name, for tooling' }),
    /** Text direction. Kept as data because Firefox lacks `Intl.Locale#textInfo`. */
    dir: z.enum(['ltr', 'rtl']).meta({ description: 'Text direction' }),
    /** Writing system; picks the self-hosted font that covers it. */
    script: z.enum(['latin', 'arabic', 'ethiopic', 'cyrillic']).meta({ description: 'Writing system; selects a font' }),
    /**
     * The digits numbers and dates are written with: `latn` (0–9), `arab` (٠–٩) or `arabext`
     * (۰–۹). Phone numbers always keep 0–9, as on a phone's keypad. Default `latn`.
     */
    numerals: z.enum(['latn', 'arab', 'arabext']).default('latn').meta({ description: 'Digits for numbers and dates: latn, arab or arabext' }),
    /**
     * Set for a plain-language edition of another locale (easy Swedish: `sv`). Its lessons must
     * meet the readability limit (LIX) of `npm run content:check`, and a lesson page in any other
     * locale can show it side by side.
     */
    plainLanguageOf: z.string().optional().meta({ description: 'The locale this is a plain-language edition of (easy Swedish: sv)' }),
  })
  .strict();

/**
 * Languages written right to left. Kept as data beside each locale's `dir` (Firefox lacks
 * `Intl.Locale#getTextInfo`), so a new locale with a wrong direction fails the build.
 */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'he', 'yi', 'ckb', 'dv', 'sd', 'ug']);

/** The whole locale list. The first entry must be the course's source language. */
export const localeListSchema = z
  .array(localeSchema)
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      const language = entry.code.split('-')[0]!;
      if (RTL_LANGUAGES.has(language) !== (entry.dir === 'rtl')) {
        ctx.addIssue({ code: 'custom', path: [index, 'dir'], message: `"${entry.code}" is written ${RTL_LANGUAGES.has(language) ? 'right to left' : 'left to right'}; dir must be "${RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr'}"` });
      }
      if (entry.plainLanguageOf && !list.some((other) => other.code === entry.plainLanguageOf)) {
        ctx.addIssue({ code: 'custom', path: [index, 'plainLanguageOf'], message: `no locale "${entry.plainLanguageOf}" in the list` });
      }
      if (seen.has(entry.code)) {
        ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `duplicate locale code "${entry.code}"` });
      }
      seen.add(entry.code);
    });
    if (list[0]?.code !== SOURCE_LOCALE) {
      ctx.addIssue({ code: 'custom', path: [0, 'code'], message: `the first locale must be "${SOURCE_LOCALE}", the source language` });
    }
  });

export type Locale = z.infer<typeof localeSchema>;
export type LocaleCode = Locale['code'];
