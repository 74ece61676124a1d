/**
 * Answering one survey. Every kind of question is a native form control in a fieldset with a
 * legend, so it works on a phone, with the keyboard and with a screen reader. Free text is
 * `dir="auto"`. Answers go to the device's survey store; nothing is sent anywhere.
 */
import { useMemo, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../schemas/survey.ts';
import type { LocalizedSurvey } from '../lib/survey/localize.ts';
import { addResponse, findResponses } from '../lib/survey/store.ts';
import { surveyClient } from '../lib/survey/client.ts';
import type { AnswerError } from '../lib/survey/answers.ts';
import { useEnvelope } from './useProgress.ts';

export const SURVEY_FORM_KEYS = [
  'survey.required', 'survey.optional', 'survey.phaseBefore', 'survey.phaseAfter', 'survey.moduleLabel', 'survey.submit', 'survey.saved',
  'survey.errorsIntro', 'survey.error.required', 'survey.error.invalid', 'survey.error.tooLong', 'survey.error.empty', 'survey.back',
  'survey.unknownModule', 'survey.storageProblem', 'survey.answered',
] as const;
type Strings = Record<(typeof SURVEY_FORM_KEYS)[number], string>;

interface Props {
  siteId: string;
  locale: string;
  definition: SurveyDefinition;
  survey: LocalizedSurvey;
  /** Module ids and titles, for module surveys (`?module=<id>`). */
  modules: Array<{ id: string; title: string }>;
  hubHref: string;
  strings: Strings;
}

type Value = number | string | string[];
const ERROR_KEY: Record<AnswerError['code'], keyof Strings> = {
  required: 'survey.error.required',
  invalid: 'survey.error.invalid',
  'too-long': 'survey.error.tooLong',
  empty: 'survey.error.empty',
};

export default function SurveyForm({ siteId, locale, definition, survey, modules, hubHref, strings }: Props) {
  const [snapshot, client] = useEnvelope(() => surveyClient(siteId), [siteId]);
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<AnswerError[]>([]);
  const [saved, setSaved] = useState(false);
  const moduleId = useMemo(() => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('module')), []);
  const module = modules.find((m) => m.id === moduleId);
  const store = snapshot?.value;
  // Self-assessment: `?phase=` from the surveys page, else "before" until that is answered.
  const askedPhase = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('phase');
  const phase =
    survey.kind !== 'self-assessment' || !store
      ? undefined
      : askedPhase === 'before' || askedPhase === 'after'
        ? askedPhase
        : findResponses(store, { surveyId: survey.id, phase: 'before' }).length
          ? 'after'
          : 'before';

  if (survey.kind === 'module' && snapshot && !module) {
    return <p class="notice" role="note">{strings['survey.unknownModule']} <a href={hubHref}>{strings['survey.back']}</a></p>;
  }

  const set = (id: string, value: Value | undefined) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[id];
      else next[id] = value;
      return next;
    });
  const errorFor = (id: string) => errors.find((e) => e.questionId === id);

  function submit(event: Event) {
    event.preventDefault();
    if (!client) return;
    let problems: AnswerError[] = [];
    client.update((current) => {
      const result = addResponse(current, { definition, locale, answers, ...(module ? { moduleId: module.id } : {}), ...(phase ? { phase } : {}) });
      if (!result.ok) {
        problems = result.errors;
        return current;
      }
      return result.store;
    });
    setErrors(problems);
    setSaved(problems.length === 0);
    if (problems.length) {
      const first = problems[0]!.questionId;
      document.getElementById(first ? `q-${first}` : 'survey-errors')?.focus();
    }
  }

  if (saved) {
    return (
      <div class="survey-done">
        <p role="status" class="fb fb-ok">{strings['survey.saved']}</p>
        <p><a class="btn" href={hubHref}>{strings['survey.back']}</a></p>
      </div>
    );
  }

  return (
    <form class="survey-form" onSubmit={submit} noValidate>
      {snapshot?.problem === 'unreadable' && <p class="notice" role="alert">{strings['survey.storageProblem']}</p>}
      {module && <p><strong>{strings['survey.moduleLabel']}:</strong> {module.title}</p>}
      {phase && <p class="notice">{strings[phase === 'before' ? 'survey.phaseBefore' : 'survey.phaseAfter']}</p>}
      <p class="hint">{strings['survey.optional']}</p>
      <div id="survey-errors" tabIndex={-1} role="alert">
        {errors.length > 0 && <p class="fb fb-bad">{strings['survey.errorsIntro']}{errors.some((e) => !e.questionId) && ` ${strings['survey.error.empty']}`}</p>}
      </div>
      {survey.questions.map((q) => {
        const error = errorFor(q.id);
        const errorId = `q-${q.id}-error`;
        const legend = (
          <legend id={`q-${q.id}`} tabIndex={-1}>
            <span lang={q.text.locale !== locale ? q.text.locale : undefined}>{q.text.text}</span>
            {q.required && <span class="required"> ({strings['survey.required']})</span>}
          </legend>
        );
        const describedBy = error ? errorId : undefined;
        return (
          <fieldset key={q.id} class={error ? 'invalid' : undefined} aria-describedby={describedBy} data-question={q.id}>
            {legend}
            {q.type === 'likert5' &&
              q.scale.map((point) => (
                <label key={point.value}>
                  <input type="radio" name={q.id} value={point.value} checked={answers[q.id] === point.value} required={q.required} onChange={() => set(q.id, point.value)} />
                  <span>{point.value} – {point.label.text}</span>
                </label>
              ))}
            {q.type === 'single' &&
              q.options.map((o) => (
                <label key={o.id}>
                  <input type="radio" name={q.id} value={o.id} checked={answers[q.id] === o.id} required={q.required} onChange={() => set(q.id, o.id)} />
                  <span>{o.label.text}</span>
                </label>
              ))}
            {q.type === 'multiple' &&
              q.options.map((o) => {
                const chosen = (answers[q.id] as string[] | undefined) ?? [];
                return (
                  <label key={o.id}>
                    <input type="checkbox" name={q.id} value={o.id} checked={chosen.includes(o.id)} onChange={(e) => set(q.id, (e.currentTarget as HTMLInputElement).checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))} />
                    <span>{o.label.text}</span>
                  </label>
                );
              })}
            {q.type === 'text' && (
              <textarea name={q.id} dir="auto" rows={4} maxLength={2000} aria-labelledby={`q-${q.id}`} value={(answers[q.id] as string | undefined) ?? ''} onInput={(e) => set(q.id, (e.currentTarget as HTMLTextAreaElement).value)} />
            )}
            {error && <p id={errorId} class="fb fb-bad">{strings[ERROR_KEY[error.code]]}</p>}
          </fieldset>
        );
      })}
      <p><button type="submit" class="btn" disabled={!snapshot}>{strings['survey.submit']}</button></p>
    </form>
  );
}
