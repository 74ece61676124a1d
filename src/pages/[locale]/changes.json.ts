/**
 * `/<locale>/changes.json`: the change-log entries of each lesson, newest first, with the date as
 * the reader writes it. A lesson page fetches it when idle, only when its lesson has entries, to
 * say what changed since the reader last looked; keeping it out of every page keeps pages light.
 */
import type { APIRoute } from 'astro';
import { formatDate } from '../../astro/i18n.ts';
import { changeLogRoutes, type ChangeLogRoute } from '../../astro/routes.ts';
import type { LessonChange } from '../../lib/progress/visits.ts';

export const getStaticPaths = changeLogRoutes;

export const GET: APIRoute = ({ props }) => {
  const { locale, entries } = props as ChangeLogRoute;
  const byLesson: Record<string, LessonChange[]> = {};
  for (const entry of entries) {
    for (const lesson of entry.lessons) {
      (byLesson[lesson.id] ??= []).push({ date: entry.date, shown: formatDate(entry.date, locale), summary: entry.summary, ...(entry.lang ? { lang: entry.lang } : {}) });
    }
  }
  return new Response(JSON.stringify(byLesson), { headers: { 'Content-Type': 'application/json' } });
};
