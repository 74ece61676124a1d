/**
 * Checking and normalising a participant's answers against a survey definition. Used when answers
 * are saved on the device and again by the report for every imported response.
 */
import type { SurveyDefinition } from '../../schemas/survey.ts';
import { MAX_TEXT_ANSWER_LENGTH } from '../../schemas/formats.ts';
import { defuseMarkup } from '../text/markup.ts';

/** One stored answer: a likert point 1–5, an option id or free text, or the option ids chosen. */
export type AnswerValue = number | string | string[];

/**
 * What answering a survey needs of its definition: ids, version, kind and each question's type,
 * whether it is required and its option ids — none of the texts in every language. The survey
 * form receives this, so a survey page does not carry every language's questions twice.
 */
export interface SurveyAnswerShape {
  id: SurveyDefinition['id'];
  version: SurveyDefinition['version'];
  kind: SurveyDefinition['kind'];
  questions: Array<{ id: string; type: SurveyDefinition['questions'][number]['type']; required?: boolean; options?: Array<{ id: string }> }>;
}

/** The answer shape of a survey definition (see `SurveyAnswerShape`). */
export function answerShape(definition: SurveyDefinition): SurveyAnswerShape {
  return {
    id: definition.id,
    version: definition.version,
    kind: definition.kind,
    questions: definition.questions.map((q) => ({
      id: q.id,
      type: q.type,
      ...(q.required !== undefined ? { required: q.required } : {}),
      ...(q.options ? { options: q.options.map((o) => ({ id: o.id })) } : {}),
    })),
  };
}
/** Answers by question id. Unanswered questions are left out. */
export type Answers = Record<string, AnswerValue>;

/**
 * Why an answer cannot be saved. The page turns the code into a translated message:
 * - `required`: a required question is unanswered
 * - `invalid`: a wrong kind of value, an unknown option, a point outside 1–5, or an unknown question
 * - `too-long`: free text over 2000 characters
 * - `empty`: nothing at all was answered (`questionId` is null)
 */
export interface AnswerError {
  questionId: string | null;
  code: 'required' | 'invalid' | 'too-long' | 'empty';
}

/** Answers normalised for storage, with the problems found. Save only when `errors` is empty. */
export interface PreparedAnswers {
  answers: Answers;
  errors: AnswerError[];
}

function isUnanswered(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks raw form answers against the definition and normalises them: unanswered questions
 * (`undefined`, `null`, blank text, no options chosen) are dropped, text is trimmed and defused,
 * multiple-choice ids are de-duplicated into the definition's order, and likert points given as
 * strings ("4", as form fields give them) become numbers.
 */
export function prepareAnswers(definition: SurveyAnswerShape, raw: Readonly<Record<string, unknown>>): PreparedAnswers {
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  const known = new Set(definition.questions.map((q) => q.id));
  for (const questionId of Object.keys(raw)) {
    if (!known.has(questionId) && !isUnanswered(raw[questionId])) errors.push({ questionId, code: 'invalid' });
  }
  for (const question of definition.questions) {
    const value = Object.hasOwn(raw, question.id) ? raw[question.id] : undefined;
    if (isUnanswered(value)) {
      if (question.required) errors.push({ questionId: question.id, code: 'required' });
      continue;
    }
    const invalid = () => errors.push({ questionId: question.id, code: 'invalid' });
    switch (question.type) {
      case 'likert5': {
        const point = typeof value === 'string' && /^[1-5]$/.test(value.trim()) ? Number(value) : value;
        if (typeof point === 'number' && Number.isInteger(point) && point >= 1 && point <= 5) answers[question.id] = point;
        else invalid();
        break;
      }
      case 'single': {
        if (typeof value === 'string' && question.options!.some((o) => o.id === value)) answers[question.id] = value;
        else invalid();
        break;
      }
      case 'multiple': {
        const chosen = Array.isArray(value) ? new Set(value) : undefined;
        const optionIds = question.options!.map((o) => o.id);
        if (chosen && [...chosen].every((id) => typeof id === 'string' && optionIds.includes(id))) {
          answers[question.id] = optionIds.filter((id) => chosen.has(id));
        } else invalid();
        break;
      }
      case 'text': {
        if (typeof value !== 'string') {
          invalid();
          break;
        }
        const text = defuseMarkup(value.trim());
        if ([...text].length > MAX_TEXT_ANSWER_LENGTH) errors.push({ questionId: question.id, code: 'too-long' });
        else answers[question.id] = text;
        break;
      }
    }
  }
  if (errors.length === 0 && Object.keys(answers).length === 0) errors.push({ questionId: null, code: 'empty' });
  return { answers, errors };
}

/**
 * The problems that stop these answers from being saved, in question order; empty when they can be.
 * Codes, not texts: the page translates them.
 *
 * @example
 * validateAnswers(course, { overall: 7 }) // [{ questionId: 'overall', code: 'invalid' }]
 */
export function validateAnswers(definition: SurveyDefinition, answers: Readonly<Record<string, unknown>>): AnswerError[] {
  return prepareAnswers(definition, answers).errors;
}
