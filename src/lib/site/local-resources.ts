import type { LocalResource, LocalTopic } from '../../schemas/site.ts';

/** A local resource with its text resolved to one locale. */
export interface ResolvedResource extends Omit<LocalResource, 'text'> {
  text: string;
  /** The locale the text is actually in (Swedish when no translation is given). */
  textLocale: string;
}

/**
 * The municipality's resources for one LocalInfo topic, with texts in the reader's locale or,
 * failing that, in Swedish.
 */
export function resourcesForTopic(resources: LocalResource[], topic: LocalTopic, locale: string): ResolvedResource[] {
  return resources
    .filter((r) => r.topic === topic)
    .map((r) => {
      const own = r.text[locale];
      return { ...r, text: own ?? r.text.sv ?? '', textLocale: own ? locale : 'sv' };
    });
}
