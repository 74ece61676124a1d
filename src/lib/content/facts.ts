/**
 * Facts that change, shown in every language from one source (`content/facts/*.yaml`). Pure: the
 * Astro adapter loads the files; `<Fact id="…" />` renders with `formatFact()`; the content check
 * and `npm run facts:status` use the rest.
 */
import type { Fact } from '../../schemas/fact.ts';
import { formatLongDate } from '../i18n/dates.ts';
import { formatNumber } from '../i18n/numbers.ts';

/** A fact as a page shows it. */
export type FactDisplay =
  /** The value, formatted for the locale; phone numbers keep 0–9 and left-to-right order. */
  | { kind: 'value'; text: string; dir?: 'ltr' }
  /** No confirmed value: the page points to the source instead of showing a number. */
  | { kind: 'check'; publisher: string; url: string };

/**
 * How a fact reads in a locale.
 *
 * @param intlTag the locale's `intlTag()` (digits and calendar)
 * @example formatFact(akassaIncomeTotal, 'sv-SE-u-ca-gregory-nu-latn') // { kind: 'value', text: '120 000' }
 */
export function formatFact(fact: Fact, intlTag: string): FactDisplay {
  if (fact.status === 'unconfirmed') return { kind: 'check', publisher: fact.source.publisher, url: fact.source.url };
  switch (fact.type) {
    case 'number':
      return { kind: 'value', text: formatNumber(fact.value, intlTag) };
    case 'year':
      return { kind: 'value', text: formatNumber(fact.value, intlTag, { useGrouping: false }) };
    case 'date':
      return { kind: 'value', text: formatLongDate(fact.value, intlTag) };
    case 'phone':
      return { kind: 'value', text: fact.value, dir: 'ltr' };
  }
}

/** Thrown for a fact id no fact file defines, or one defined twice. */
export class FactError extends Error {
  override name = 'FactError';
}

/**
 * Joins the fact files into one map, refusing an id defined in two files.
 *
 * @param files fact file name → its facts
 */
export function mergeFactFiles(files: ReadonlyArray<{ file: string; facts: Record<string, Fact> }>): Map<string, Fact & { file: string }> {
  const facts = new Map<string, Fact & { file: string }>();
  for (const { file, facts: entries } of files) {
    for (const [id, fact] of Object.entries(entries)) {
      const earlier = facts.get(id);
      if (earlier) throw new FactError(`${file}: ${id}: already defined in ${earlier.file}; a fact lives once`);
      facts.set(id, { ...fact, file });
    }
  }
  return facts;
}

/** Days since a fact was checked. */
export function factAgeDays(fact: Pick<Fact, 'checked'>, now: Date): number {
  return Math.floor((now.getTime() - fact.checked.getTime()) / 86_400_000);
}

/** A fact not checked for this long gets a warning in the build and in `npm run facts:status`. */
export const FACT_MAX_AGE_DAYS = 365;

/** The ids of `<Fact id="…" />` used in an MDX text. */
export function factIdsIn(mdx: string): string[] {
  return [...mdx.matchAll(/<Fact\s+id="([^"]+)"\s*\/>/g)].map((match) => match[1]!);
}
