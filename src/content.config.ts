import { defineCollection } from 'astro:content';
import { parse as parseYaml } from 'yaml';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { existsSync, readFileSync } from 'node:fs';
import { lessonSchema } from './schemas/lesson.ts';
import { moduleSchema, moduleTextSchema } from './schemas/module.ts';
import { guideSchema, pageSchema } from './schemas/page.ts';
import { surveyDefinitionSchema } from './schemas/survey.ts';
import { factFileSchema } from './schemas/fact.ts';
import { mdxEntries } from './astro/mdx-entries.ts';
import { revisionOf } from './lib/content/revision.ts';
import { cardStepIdsIn } from './lib/content/card-steps.ts';
import { changeSchema, cardStepsSchema } from './schemas/change.ts';

/** The content folder; `ORIENTA_CONTENT_DIR` points the benchmark at a synthetic course. */
const CONTENT = process.env.ORIENTA_CONTENT_DIR || './content';

/** Keeps the path as the id (`sv/forsorja-sig/a-kassa`) instead of Astro's slugified default. */
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|md|ya?ml)$/, '');

/** What the course needs from a lesson's body, kept with the entry (the body itself is read when its page renders). */
const describeLesson = (body: string, data: Record<string, unknown>) => ({
  revision: revisionOf({ title: String(data.title), summary: String(data.summary), body }),
  cardSteps: cardStepIdsIn(body),
});

export const collections = {
  /** `content/lessons/<locale>/<module-id>/<lesson-id>.mdx` */
  lessons: defineCollection({
    // Plain entries rendered on demand, not a module each: see astro/mdx-entries.ts.
    loader: mdxEntries({ base: `${CONTENT}/lessons`, include: /^[^/]+\/[^/]+\/[^/]+\.mdx$/, id: (path) => path.replace(/\.mdx$/, ''), describe: describeLesson }),
    schema: lessonSchema,
  }),
  /**
   * `content/sites/<site-id>/lessons/<locale>/<module-id>/<lesson-id>.mdx`: a municipality's own
   * lessons. Id `<site-id>/<locale>/<module-id>/<lesson-id>`; the course loader keeps only the
   * built site's (and the site it shares content from).
   */
  localLessons: defineCollection({
    loader: mdxEntries({ base: `${CONTENT}/sites`, include: /^[^/]+\/lessons\/[^/]+\/[^/]+\/[^/]+\.mdx$/, id: (path) => path.replace(/\/lessons\//, '/').replace(/\.mdx$/, ''), describe: describeLesson }),
    schema: lessonSchema,
  }),
  /** `content/modules/<module-id>.yaml`: language-neutral structure. */
  modules: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${CONTENT}/modules`, generateId: pathId }),
    schema: moduleSchema,
  }),
  /** `content/modules/<locale>/<module-id>.yaml`: titles and summaries per locale. */
  moduleTexts: defineCollection({
    loader: glob({ pattern: '*/*.yaml', base: `${CONTENT}/modules`, generateId: pathId }),
    schema: moduleTextSchema,
  }),
  /** `content/surveys/<survey-id>.yaml` (and archived `<survey-id>.v<n>.yaml`): texts in every locale. */
  surveys: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${CONTENT}/surveys`, generateId: pathId }),
    schema: surveyDefinitionSchema,
  }),
  /** `content/guides/<locale>/<module-id>.mdx`: the teacher guide of each module. */
  guides: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: `${CONTENT}/guides`, generateId: pathId }),
    schema: guideSchema,
  }),
  /** `content/facts/<topic>.yaml`: facts that change (amounts, ages, limits, dates, phone numbers), id → fact. */
  facts: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${CONTENT}/facts`, generateId: pathId }),
    schema: factFileSchema,
  }),
  /** `content/changes/<date>-<slug>.yaml`: the course's change log. */
  changes: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${CONTENT}/changes`, generateId: pathId }),
    schema: changeSchema,
  }),
  /** `content/card-steps.yaml`: steps lessons suggest for the competence card. One entry, `all`; none when the file is absent. */
  cardSteps: defineCollection({
    loader: async () => {
      const path = `${CONTENT}/card-steps.yaml`;
      return existsSync(path) ? [{ id: 'all', steps: parseYaml(readFileSync(path, 'utf8')) ?? {} }] : [];
    },
    schema: z.object({ id: z.string(), steps: cardStepsSchema }),
  }),
  /** `content/pages/<locale>/<page-id>.mdx`: accessibility statement, privacy. */
  pages: defineCollection({
    loader: glob({ pattern: '*/*.mdx', base: `${CONTENT}/pages`, generateId: pathId }),
    schema: pageSchema,
  }),
};

