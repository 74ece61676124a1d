/**
 * Answering one survey. Every kind of question is a native form control in a fieldset with a
 * legend, so it works on a phone, with the keyboard and with a screen reader. Free text is
 * `dir="auto"`. Answers go to the device's survey store; nothing is sent anywhere.
 */
import { useMemo, useState } from 'preact/hooks';
import type { LocalizedSurvey } from '../lib/survey/localize.ts';
import { addResponse, findResponses, surveyStore, type StoredResponse } from '../lib/survey/store.ts';
import { exportFileName, writeSurveyFile } from '../lib/survey/export.ts';
import { surveyFile } from '../lib/survey/file.ts';
import type { AnswerError, SurveyAnswerShape } from '../lib/survey/answers.ts';
import type { StorageProblem } from '../lib/device-data/errors.ts';
import { absoluteUrl, schemaPath } from '../lib/routing/paths.ts';
import { downloadFile } from '../lib/browser/download.ts';
import type { OutlineModule } from '../lib/page/outline.ts';
import { useOutline, useStore } from './hooks.ts';
import { dataErrorText, type StorageNoticeStrings } from './DataNotice.tsx';

export const SURVEY_FORM_KEYS = [
  'survey.required', 'survey.optional', 'survey.phaseBefore', 'survey.phaseAfter', 'survey.moduleLabel', 'survey.submit', 'survey.saved',
  'survey.errorsIntro', 'survey.error.required', 'survey.error.invalid', 'survey.error.tooLong', 'survey.error.empty', 'survey.back',
  'survey.unknownModule', 'survey.answered', 'survey.notSaved', 'survey.retry', 'survey.exportThis',
] as const;
type Strings = Record<(typeof SURVEY_FORM_KEYS)[number], string> & StorageNoticeStrings;

interface Props {
  siteId: string;
  locale: string;
  /** What answering needs; the texts come localized in `survey`. */
  definition: SurveyAnswerShape;
  survey: LocalizedSurvey;
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

export default function SurveyForm({ siteId, locale, definition, survey, hubHref, strings }: Props) {
  const [snapshot, client] = useStore(surveyStore, siteId);
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<AnswerError[]>([]);
  const [saved, setSaved] = useState(false);
  /** A response given but not stored (storage full or blocked): kept on screen to retry or export. */
  const [unsaved, setUnsaved] = useState<{ response: StoredResponse; problem: StorageProblem } | null>(null);
  const moduleId = useMemo(() => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('module')), []);
  // Module surveys name their module: its title comes from the course outline.
  const loaded = useOutline(survey.kind === 'module' ? locale : null);
  const module: OutlineModule | undefined = loaded && loaded !== 'failed' ? loaded.modules.find((m) => m.id === moduleId) : undefined;
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

  if (survey.kind === 'module' && snapshot && loaded && !module) {
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
    if (unsaved) return retry();
    let problems: AnswerError[] = [];
    let added: StoredResponse | null = null;
    const result = client.update((current) => {
      const outcome = addResponse(current, { definition, locale, answers, ...(module ? { moduleId: module.id } : {}), ...(phase ? { phase } : {}) });
      if (!outcome.ok) {
        problems = outcome.errors;
        return current;
      }
      added = outcome.response;
      return outcome.store;
    });
    setErrors(problems);
    if (problems.length) {
      const first = problems[0]!.questionId;
      document.getElementById(first ? `q-${first}` : 'survey-errors')?.focus();
      return;
    }
    if (result.saved) setSaved(true);
    else if (added) setUnsaved({ response: added, problem: result.problem });
  }

  /** Tries to store the kept answers again; storage may have room now. */
  function retry() {
    if (!client || !unsaved) return;
    const result = client.retry();
    if (result.saved) {
      setUnsaved(null);
      setSaved(true);
    } else setUnsaved({ ...unsaved, problem: result.problem });
  }

  /** Downloads the kept answers as a survey file, so nothing is lost when storage refuses them. */
  function exportUnsaved() {
    if (!store || !unsaved) return;
    const now = new Date();
    const { text } = writeSurveyFile(store, [unsaved.response], { siteId, now, schemaUrl: absoluteUrl(schemaPath(surveyFile.schema)) });
    downloadFile(exportFileName(siteId, now), text);
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
      {snapshot?.problem && !unsaved && (
        <p class="notice" role="alert">
          {dataErrorText(snapshot.problem, strings)}
        </p>
      )}
      {module && (
        <p>
          <strong>{strings['survey.moduleLabel']}:</strong> <span lang={module.lang}>{module.title}</span>
        </p>
      )}
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
      {unsaved && (
        <div class="notice" role="alert" data-unsaved={unsaved.problem}>
          <p>
            {strings['survey.notSaved']} {dataErrorText(unsaved.problem, strings)}
          </p>
          <p class="actions">
            <button type="button" class="btn btn-secondary" onClick={exportUnsaved}>
              {strings['survey.exportThis']}
            </button>
          </p>
        </div>
      )}
      <p>
        <button type="submit" class="btn" disabled={!snapshot}>
          {unsaved ? strings['survey.retry'] : strings['survey.submit']}
        </button>
      </p>
    </form>
  );
}
