/**
 * Picking a survey's texts for a locale, with the Swedish fallback and the translation status the
 * page shows ("machine translated", "in Swedish").
 */
import type { LocalizedText, QuestionType, SurveyDefinition } from '../../schemas/survey.ts';
import { resolveLocalized } from '../content/fallback.ts';
import { SOURCE_LOCALE } from '../i18n/locales.ts';
import { scaleLabels } from './scales.ts';

/** A text and the locale it is actually in (`sv` when it fell back), for the `lang` attribute. */
export interface LocalizedString {
  text: string;
  locale: string;
}

/**
 * Picks `locale` from a localized map, falling back to Swedish.
 *
 * @example
 * localize({ sv: 'Hej', en: 'Hello' }, 'ar') // { text: 'Hej', locale: 'sv' }
 */
export function localize(map: LocalizedText, locale: string): LocalizedString {
  const resolved = resolveLocalized(map, locale);
  return { text: resolved?.value ?? '', locale: resolved?.contentLocale ?? SOURCE_LOCALE };
}

/** How a survey's texts in a locale came to be: the Swedish original, a machine or reviewed translation, or none (Swedish shown). */
export type SurveyTextStatus = 'original' | 'machine' | 'reviewed' | 'missing';

/** The translation status of a survey in `locale`, from its `translations` map. */
export function surveyTranslationStatus(definition: SurveyDefinition, locale: string): SurveyTextStatus {
  if (locale === SOURCE_LOCALE) return 'original';
  return definition.translations[locale] ?? 'missing';
}

/** One localized map of a survey and where it sits, e.g. `questions.2.options.1.label`. */
export interface SurveyTextEntry {
  path: string;
  text: LocalizedText;
}

/** Every localized text of a survey, including the labels of its likert scales. */
export function surveyTextEntries(definition: SurveyDefinition): SurveyTextEntry[] {
  const entries: SurveyTextEntry[] = [
    { path: 'title', text: definition.title },
    { path: 'intro', text: definition.intro },
  ];
  definition.questions.forEach((question, q) => {
    entries.push({ path: `questions.${q}.text`, text: question.text });
    question.options?.forEach((option, o) => entries.push({ path: `questions.${q}.options.${o}.label`, text: option.label }));
    if (question.scale !== undefined) {
      scaleLabels(question.scale).forEach((label, point) => entries.push({ path: `questions.${q}.scale.${point + 1}`, text: label }));
    }
  });
  return entries;
}

/** Paths of the survey's texts that have no text in `locale` (and so show in Swedish). */
export function missingTexts(definition: SurveyDefinition, locale: string): string[] {
  return surveyTextEntries(definition)
    .filter((entry) => !(typeof entry.text[locale] === 'string' && entry.text[locale]!.length > 0))
    .map((entry) => entry.path);
}

/** A question ready to render in one locale. */
export interface LocalizedQuestion {
  id: string;
  type: QuestionType;
  required: boolean;
  text: LocalizedString;
  /** Choices of single and multiple questions; empty otherwise. */
  options: { id: string; label: LocalizedString }[];
  /** Labels of points 1–5 of likert5 questions; empty otherwise. */
  scale: { value: number; label: LocalizedString }[];
}

/** A survey ready to render in one locale. Texts missing in that locale come in Swedish, marked by their `locale`. */
export interface LocalizedSurvey {
  id: string;
  version: number;
  kind: SurveyDefinition['kind'];
  /** The locale asked for. */
  locale: string;
  translation: SurveyTextStatus;
  title: LocalizedString;
  intro: LocalizedString;
  questions: LocalizedQuestion[];
}

/** Resolves every text of a survey for `locale`, for the survey form. */
export function localizeSurvey(definition: SurveyDefinition, locale: string): LocalizedSurvey {
  return {
    id: definition.id,
    version: definition.version,
    kind: definition.kind,
    locale,
    translation: surveyTranslationStatus(definition, locale),
    title: localize(definition.title, locale),
    intro: localize(definition.intro, locale),
    questions: definition.questions.map((question) => ({
      id: question.id,
      type: question.type,
      required: question.required,
      text: localize(question.text, locale),
      options: (question.options ?? []).map((option) => ({ id: option.id, label: localize(option.label, locale) })),
      scale: question.scale === undefined ? [] : scaleLabels(question.scale).map((label, index) => ({ value: index + 1, label: localize(label, locale) })),
    })),
  };
}

/** A localized map cut down to the text `localize(map, locale)` resolves to, and the source. */
function narrowText(map: LocalizedText, locale: string): LocalizedText {
  const shown = localize(map, locale);
  return { [SOURCE_LOCALE]: map[SOURCE_LOCALE]!, ...(shown.locale !== SOURCE_LOCALE ? { [shown.locale]: shown.text } : {}) } as LocalizedText;
}

/**
 * A survey definition that carries only the texts a reader of `locale` sees (and the source
 * text), for pages that need whole definitions, such as the report: `localize()` gives the same
 * result on it for `locale`, and the page does not carry every language's questions.
 */
export function surveyForLocale(definition: SurveyDefinition, locale: string): SurveyDefinition {
  return {
    ...definition,
    title: narrowText(definition.title, locale),
    intro: narrowText(definition.intro, locale),
    questions: definition.questions.map((question) => ({
      ...question,
      text: narrowText(question.text, locale),
      ...(question.options ? { options: question.options.map((option) => ({ ...option, label: narrowText(option.label, locale) })) } : {}),
      ...(Array.isArray(question.scale) ? { scale: question.scale.map((label) => narrowText(label, locale)) } : {}),
    })),
  };
}
