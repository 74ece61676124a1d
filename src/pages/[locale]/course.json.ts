/** `/<locale>/course.json`: the course outline islands load when they start (see `lib/page/outline.ts`). */
import type { APIRoute } from 'astro';
import { getCourse } from '../../astro/content.ts';
import { localeRoutes, type LocaleRoute } from '../../astro/routes.ts';
import { toOutline } from '../../lib/page/outline.ts';

export const getStaticPaths = localeRoutes;

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as LocaleRoute;
  return new Response(JSON.stringify(toOutline(await getCourse(locale))), { headers: { 'Content-Type': 'application/json' } });
};
