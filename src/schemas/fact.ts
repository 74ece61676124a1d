import { z } from 'astro/zod';

/**
 * A fact that changes: an amount, threshold, age, time limit, date or phone number. Facts live once
 * in `content/facts/<topic>.yaml` (a map from id to fact) and lessons in every language show them
 * with `<Fact id="…" />`, formatted for the reader's locale. One edit updates every language.
 */

/** `<topic>.<name>`, lower-case ASCII with dots and hyphens, e.g. `akassa.income-total`. */
export const factIdSchema = z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'a fact id "<topic>.<name>" in lower-case ASCII');

/** The units a number can be in. The sentence around `<Fact>` says the unit in words. */
export const factUnitSchema = z.enum(['SEK', 'SEK per month', 'SEK per day', 'SEK per year', 'percent', 'years', 'months', 'weeks', 'days', 'hours', 'count']);

/** The exact page that states the fact. */
const factSourceSchema = z
  .object({
    /** Page title as published. */
    title: z.string().min(3).meta({ description: 'Page title as published' }),
    /** The authority or body that publishes it. */
    publisher: z.string().min(2).meta({ description: 'Publisher' }),
    /** The page itself: an https deep link, never a front page. */
    url: z
      .url({ protocol: /^https$/, error: 'an absolute https:// URL' })
      .refine((url) => new URL(url).pathname.replace(/\/+$/, '') !== '' || new URL(url).search !== '', { message: 'a deep link to the page that states the fact, not the front page' })
      .meta({ description: 'https deep link to the page that states it' }),
  })
  .strict();

const common = {
  /** When the value or rule started to apply (optional). */
  validFrom: z.coerce.date().optional().meta({ description: 'When this value started to apply' }),
  /** The page that states it. */
  source: factSourceSchema,
  /** The day a person read that page and confirmed the value. */
  checked: z.coerce.date().meta({ description: 'Day the source was read' }),
  /**
   * `confirmed` when the source states it; `unconfirmed` when no authority page could confirm the
   * current value: pages then say "check the current figure" with the source instead of a number.
   */
  status: z.enum(['confirmed', 'unconfirmed']).meta({ description: 'confirmed, or unconfirmed (the page then shows no value)' }),
  /** For translators and reviewers: what the fact is, in English. */
  note: z.string().min(10).meta({ description: 'What the fact is, for translators (English)' }),
};

/** One fact. */
export const factSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('number'), value: z.number(), unit: factUnitSchema, ...common }).strict(),
  z.object({ type: z.literal('year'), value: z.int().min(1000).max(3000), ...common }).strict(),
  z.object({ type: z.literal('date'), value: z.iso.date(), ...common }).strict(),
  z.object({ type: z.literal('phone'), value: z.string().regex(/^[0-9 +-]{3,20}$/, 'digits, spaces, + and - only'), ...common }).strict(),
]);

/** A fact file: ids to facts. */
export const factFileSchema = z.record(factIdSchema, factSchema);

export type Fact = z.infer<typeof factSchema>;
export type FactUnit = z.infer<typeof factUnitSchema>;
