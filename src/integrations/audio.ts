/**
 * Recorded lesson audio: served from the content folder while developing, copied into the built
 * site, and checked against the built lesson pages.
 *
 * - Dev: a middleware serves `<base>audio/<locale>/<module>/<lesson>/<file>` from the content's
 *   audio folders (nothing is copied into `public/`, which isolated test builds share).
 * - Build: every lesson folder is checked as an audio pack (`lib/audio/pack.ts`): a broken
 *   folder fails the build with a message naming the file. Valid folders are copied to
 *   `dist/audio/…`. Each is then compared with its built lesson page; stale and missing
 *   paragraphs are summarised in the log and written to `reports/audio-status.json`
 *   (`npm run audio:status` prints it).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AUDIO_FILE_PATTERN } from '../schemas/formats.ts';
import { audioRoots, listLessonAudio, readLessonAudio } from '../lib/audio/content.ts';
import { auditLesson, builtLessonPage, type LessonAudioStatus } from '../lib/audio/audit.ts';
import { normaliseBase } from '../lib/routing/paths.ts';

export const AUDIO_REPORT = 'reports/audio-status.json';

const CONTENT_TYPES: Record<string, string> = { webm: 'audio/webm', ogg: 'audio/ogg', opus: 'audio/ogg', m4a: 'audio/mp4', mp3: 'audio/mpeg', json: 'application/json' };

export default function audio(options: { contentDir: string; siteId: string }): AstroIntegration {
  const roots = audioRoots(options.contentDir, options.siteId);
  let base = '/';
  return {
    name: 'orienta-audio',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        base = normaliseBase(config.base);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'orienta-audio-dev',
                configureServer(server: { middlewares: { use(fn: (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(b: Buffer): void }, next: () => void) => void): void } }) {
                  server.middlewares.use((req, res, next) => {
                    const match = /^audio\/([a-z-]+)\/([a-z0-9-]+)\/([a-z0-9-]+)\/([^/]+)$/.exec((req.url ?? '').split('?')[0]!.slice(base.length));
                    if (!match || !(match[4] === 'manifest.json' || AUDIO_FILE_PATTERN.test(match[4]!))) return next();
                    const file = roots.map((root) => join(root, match[1]!, match[2]!, match[3]!, match[4]!)).reverse().find((path) => existsSync(path));
                    if (!file) return next();
                    res.setHeader('Content-Type', CONTENT_TYPES[match[4]!.split('.').pop()!] ?? 'application/octet-stream');
                    res.end(readFileSync(file));
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const now = new Date();
        const statuses: LessonAudioStatus[] = [];
        for (const folder of listLessonAudio(roots)) {
          const read = readLessonAudio(folder, now);
          if (!read.ok) {
            const { code, ...rest } = read.error;
            throw new Error(`${folder.dir}: audio refused (${code}${'name' in rest ? `: ${rest.name}` : ''}${'detail' in rest && rest.detail ? `, ${rest.detail}` : ''})`);
          }
          const html = builtLessonPage(dist, folder.locale, folder.lesson);
          if (!html) {
            logger.warn(`${folder.dir}: no such lesson in this site (${folder.locale}/${folder.lesson}); not published`);
            continue;
          }
          const out = join(dist, 'audio', folder.locale, folder.lesson);
          mkdirSync(out, { recursive: true });
          copyFileSync(join(folder.dir, 'manifest.json'), join(out, 'manifest.json'));
          for (const segment of read.pack.manifest.segments) copyFileSync(join(folder.dir, segment.file), join(out, segment.file));
          statuses.push(auditLesson(folder.locale, read.pack.manifest, html));
        }
        mkdirSync('reports', { recursive: true });
        writeFileSync(AUDIO_REPORT, `${JSON.stringify({ generatedAt: now.toISOString(), lessons: statuses }, null, 2)}\n`);
        const stale = statuses.reduce((sum, s) => sum + s.stale.length, 0);
        const missing = statuses.reduce((sum, s) => sum + s.missing.length, 0);
        logger.info(`audio for ${statuses.length} lesson(s): ${stale} stale recording(s), ${missing} paragraph(s) without a recording (npm run audio:status)`);
      },
    },
  };
}
