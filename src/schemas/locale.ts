import { z } from 'astro/zod';

/** Locale codes are lower-case ISO 639 codes (two or three letters), as used in URLs and file paths. */
export const localeCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'a lower-case ISO 639 code of two or three letters, e.g. "sv" or "prs"');

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
  })
  .strict();

/** The whole locale list. The first entry must be Swedish, the course's source language. */
export const localeListSchema = z
  .array(localeSchema)
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.code)) {
        ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `duplicate locale code "${entry.code}"` });
      }
      seen.add(entry.code);
    });
    if (list[0]?.code !== 'sv') {
      ctx.addIssue({ code: 'custom', path: [0, 'code'], message: 'the first locale must be "sv", the source language' });
    }
  });

export type Locale = z.infer<typeof localeSchema>;
export type LocaleCode = Locale['code'];
