import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './schemas/lesson.ts';
import { moduleSchema, moduleTextSchema } from './schemas/module.ts';
import { pageSchema } from './schemas/page.ts';

/** Keeps the path as the id (`sv/forsorja-sig/a-kassa`) instead of Astro's slugified default. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|md|ya?ml)$/, '');

export const collections = {
  /** `content/lessons/<locale>/<module-id>/<lesson-id>.mdx` */
  lessons: defineCollection({
    loader: glob({ pattern: '*/*/*.mdx', base: './content/lessons', generateId: pathId }),
    schema: lessonSchema,
  }),
  /** `content/modules/<module-id>.yaml`: language-neutral structure. */
  modules: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './content/modules', generateId: pathId }),
    schema: moduleSchema,
  }),
  /** `content/modules/<locale>/<module-id>.yaml`: titles and summaries per locale. */
  moduleTexts: defineCollection({
    loader: glob({ pattern: '*/*.yaml', base: './content/modules', generateId: pathId }),
    schema: moduleTextSchema,
  }),
  /** `content/pages/<locale>/<page-id>.mdx`: accessibility statement, privacy. */
  pages: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: './content/pages', generateId: pathId }),
    schema: pageSchema,
  }),
};

