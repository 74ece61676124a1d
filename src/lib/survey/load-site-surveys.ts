/** The latest version of each survey, from the `surveys` collection, for pages. Astro-only. */
import { getCollection } from 'astro:content';
import type { SurveyDefinition } from '../../schemas/survey.ts';
import { checkSurveySet } from './definitions.ts';

/** Every survey definition (all versions, for the report) and the latest of each (for forms). */
export async function siteSurveys(): Promise<{ all: SurveyDefinition[]; latest: SurveyDefinition[] }> {
  const all = (await getCollection('surveys')).map((e) => e.data);
  checkSurveySet(all);
  const latest = [...new Map(all.sort((a, b) => a.version - b.version).map((s) => [s.id, s])).values()];
  return { all, latest };
}
