/**
 * Rules across survey definitions, and finding one. Zod-free, so the report page can use it in the
 * browser; validating one file against its schema is `check-definition.ts` (build time, Node).
 */
import type { SurveyDefinition, SurveyQuestion } from '../../schemas/survey.ts';

/** Thrown for an invalid survey definition; the message names the file and the field. */
export class SurveyDefinitionError extends Error {
  override name = 'SurveyDefinitionError';
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
