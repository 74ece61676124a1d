/**
 * The "Export survey answers" file as a format of the device-data engine: written by the survey
 * page, read by the report page and the CLI with the same rules.
 */
import type { SurveyExportFile } from '../../schemas/survey-response.ts';
import { SURVEY_FILE } from '../../schemas/formats.ts';
import type { FileDefinition } from '../device-data/file.ts';
import { isSurveyFileV1 } from '../device-data/validators/survey-file-v1.generated.ts';

/** A file of anonymous survey answers. */
export const surveyFile: FileDefinition<SurveyExportFile> = {
  ...SURVEY_FILE,
  validate: isSurveyFileV1,
  // Option ids chosen in a multiple-choice answer must not repeat (JSON Schema's uniqueItems,
  // which the generated validator leaves to this rule).
  accepts: (file) => {
    for (const { answers } of file.responses) {
      for (const questionId in answers) {
        const answer = answers[questionId];
        if (Array.isArray(answer) && new Set(answer).size !== answer.length) return false;
      }
    }
    return true;
  },
  siteOf: (file) => file.siteId,
  datesOf: (file) => [file.exportedAt, ...file.responses.map((response) => response.date)],
};
