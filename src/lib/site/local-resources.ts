import type { LocalResource, LocalTopic } from '../../schemas/site.ts';
import { resolveLocalized } from '../content/fallback.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';

/** A local resource with its text resolved to one locale. */
export interface ResolvedResource extends Omit<LocalResource, 'text'> {
  text: string;
  /** The locale the text is actually in (Swedish when no translation is given). */
  textLocale: string;
}

/**
 * The municipality's resources for one LocalInfo topic, with texts in the reader's locale or,
 * failing that, in the source language.
 */
export function resourcesForTopic(resources: LocalResource[], topic: LocalTopic, locale: string): ResolvedResource[] {
  return resources
    .filter((r) => r.topic === topic)
    .map((r) => {
      const text = resolveLocalized(r.text, locale);
      return { ...r, text: text?.value ?? '', textLocale: text?.contentLocale ?? SOURCE_LOCALE };
    });
}
