/**
 * `/<locale>/<module>/audio.json`: the recorded audio of a module's lessons (every file and their
 * size), which "Save for offline" offers. Only for modules with recordings; fetched when the
 * island starts, so the module page does not carry the list.
 */
import type { APIRoute } from 'astro';
import { getCourses, getLessonAudio } from '../../../astro/content.ts';
import { audioPath, href } from '../../../lib/routing/paths.ts';
import type { ModuleAudio } from '../../../islands/ModuleSaveOffline.tsx';

export async function getStaticPaths() {
  return (await getCourses()).flatMap((course) =>
    course.modules.flatMap((module) => {
      // The audio in the language each lesson is read in (a fallback lesson: its source language).
      const recorded = module.lessons.flatMap((l) => {
        const manifest = getLessonAudio(l.contentLocale, l.id);
        return manifest ? [{ lesson: l, manifest }] : [];
      });
      if (!recorded.length) return [];
      const audio: ModuleAudio = {
        urls: recorded.flatMap(({ lesson, manifest }) => [audioPath(lesson.contentLocale, lesson.id, 'manifest.json'), ...manifest.segments.map((s) => audioPath(lesson.contentLocale, lesson.id, s.file))].map((path) => href(path))),
        bytes: recorded.reduce((sum, { manifest }) => sum + manifest.segments.reduce((s, x) => s + x.bytes, 0), 0),
      };
      return [{ params: { locale: course.locale, module: module.id }, props: { audio } }];
    }),
  );
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { audio: ModuleAudio }).audio), { headers: { 'Content-Type': 'application/json' } });
