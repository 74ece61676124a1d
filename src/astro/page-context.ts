/**
 * What a lesson block needs to know about the page it is rendered in. The page sets it on
 * `Astro.locals` before rendering MDX content, and blocks read it, because MDX components get no
 * page props.
 */
export interface PageContext {
  /** The reader's locale: the page chrome and block headings. */
  uiLocale: string;
  /** The language of the content text (the source language on fallback pages). */
  contentLocale: string;
  /** `<module-id>/<lesson-id>` when rendering a lesson. */
  lessonId?: string;
}

/** Reads the page context, defaulting to the route's locale. */
export function pageContext(locals: { orienta?: PageContext }, params: Record<string, string | undefined>): PageContext {
  if (locals.orienta) return locals.orienta;
  const locale = params.locale ?? '';
  return { uiLocale: locale, contentLocale: locale };
}
