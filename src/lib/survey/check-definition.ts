/**
 * Validating one survey definition file (`content/surveys/<survey-id>.yaml`) once it is parsed, at
 * build time and in the CLI. Uses the zod schema, so it never runs in the browser.
 */
import { surveyDefinitionSchema, type SurveyDefinition } from '../../schemas/survey.ts';
import { formatIssues } from '../schema/issues.ts';
import { SurveyDefinitionError } from './definitions.ts';

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

