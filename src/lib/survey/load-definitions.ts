/**
 * Reads survey definitions from `content/surveys/` in Node (the CLI and tests). The site reads the
 * same files through its content collection and validates them with the same schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SurveyDefinition } from '../../schemas/survey.ts';
import { checkSurveySet, SurveyDefinitionError } from './definitions.ts';
import { checkSurveyDefinition } from './check-definition.ts';

/**
 * Loads and validates every `*.yaml` in `dir` (e.g. `<root>/content/surveys`), sorted by file name.
 *
 * @throws SurveyDefinitionError naming the file and field.
 */
export function loadSurveyDefinitions(dir: string): SurveyDefinition[] {
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const definitions = files.map((name) => {
    const shown = join(dir, name);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(shown, 'utf8'));
    } catch (error) {
      throw new SurveyDefinitionError(`${shown}: not valid YAML: ${(error as Error).message}`);
    }
    return checkSurveyDefinition(shown, raw);
  });
  checkSurveySet(definitions);
  return definitions;
}
