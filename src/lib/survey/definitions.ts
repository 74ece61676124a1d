/**
 * Validating survey definitions (`content/surveys/<survey-id>.yaml`) once they are parsed. Pure:
 * reading the files is `load-definitions.ts` (Node) or Astro's content collection (the site).
 */
import { surveyDefinitionSchema, type SurveyDefinition, type SurveyQuestion } from '../../schemas/survey.ts';
import { formatIssues } from '../content/format-issues.ts';

/** Thrown for an invalid survey definition; the message names the file and the field. */
export class SurveyDefinitionError extends Error {
  override name = 'SurveyDefinitionError';
}

/**
 * Validates one parsed survey file and checks that its `id` is the file name. The current version
 * lives in `<survey-id>.yaml`; an earlier version may be kept as `<survey-id>.v<version>.yaml` so
 * that answers given to it still count in the report.
 *
 * @param fileName Shown in errors, e.g. `content/surveys/course.yaml`; its base name gives the id.
 * @throws SurveyDefinitionError naming the file and field.
 */
export function checkSurveyDefinition(fileName: string, raw: unknown): SurveyDefinition {
  const parsed = surveyDefinitionSchema.safeParse(raw);
  if (!parsed.success) throw new SurveyDefinitionError(formatIssues(fileName, parsed.error));
  const baseName = fileName.split(/[\\/]/).pop()!.replace(/\.ya?ml$/, '');
  const archived = /^(.+)\.v(\d+)$/.exec(baseName);
  const expectedId = archived ? archived[1]! : baseName;
  if (parsed.data.id !== expectedId) {
    throw new SurveyDefinitionError(`${fileName}: id: must equal the file name "${expectedId}", found "${parsed.data.id}"`);
  }
  if (archived && parsed.data.version !== Number(archived[2])) {
    throw new SurveyDefinitionError(`${fileName}: version: must be ${archived[2]} as the file name says, found ${parsed.data.version}`);
  }
  return parsed.data;
}

/**
 * Checks a set of definitions together: one definition per id and version, and a question id keeps
 * its type and indicator across versions (so the report can add the versions up).
 *
 * @throws SurveyDefinitionError
 */
export function checkSurveySet(definitions: readonly SurveyDefinition[]): void {
  const versions = new Set<string>();
  const questions = new Map<string, SurveyQuestion>();
  const kinds = new Map<string, string>();
  for (const definition of definitions) {
    const key = `${definition.id}@${definition.version}`;
    if (versions.has(key)) throw new SurveyDefinitionError(`survey "${definition.id}" version ${definition.version} is defined twice`);
    versions.add(key);
    const kind = kinds.get(definition.id);
    if (kind !== undefined && kind !== definition.kind) throw new SurveyDefinitionError(`survey "${definition.id}" changes kind between versions`);
    kinds.set(definition.id, definition.kind);
    for (const question of definition.questions) {
      const questionKey = `${definition.id}/${question.id}`;
      const earlier = questions.get(questionKey);
      if (earlier && (earlier.type !== question.type || earlier.indicator !== question.indicator)) {
        throw new SurveyDefinitionError(`survey "${definition.id}" question "${question.id}" changes type or indicator between versions; give it a new id`);
      }
      questions.set(questionKey, question);
    }
  }
}

/** Finds a definition by survey id and version. */
export function findSurvey(definitions: readonly SurveyDefinition[], surveyId: string, version?: number): SurveyDefinition | undefined {
  const matching = definitions.filter((d) => d.id === surveyId && (version === undefined || d.version === version));
  return matching.sort((a, b) => b.version - a.version)[0];
}
