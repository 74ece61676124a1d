/**
 * Self-check quiz island. Stateless across reloads by design: each checked result goes to the
 * progress store, which keeps the latest and the best score per lesson.
 * Renders real radio groups, so it works with the keyboard and screen readers; server-rendered
 * HTML is identical to the first client render, so nothing jumps on hydration.
 */
import { useState } from 'preact/hooks';
import { progressClient } from '../lib/progress/client.ts';
import { recordSelfCheck } from '../lib/progress/envelope.ts';

export interface SelfCheckStrings {
  check: string;
  correct: string;
  incorrect: string;
  /** Contains `{score}` and `{total}`. */
  score: string;
  retry: string;
  unanswered: string;
  /** Contains `{number}`. */
  question: string;
}

interface Question {
  question: string;
  options: string[];
  answer: number;
  feedback: string;
}

interface Props {
  questions: Question[];
  strings: SelfCheckStrings;
  dir: 'ltr' | 'rtl';
  /** `<module-id>/<lesson-id>`: the progress key and a prefix for unique input names. */
  lessonId: string;
  /** Site id, for the progress store's namespace. */
  siteId: string;
}

export default function SelfCheck({ questions, strings, lessonId, siteId }: Props) {
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map(() => null));
  const [checked, setChecked] = useState(false);
  const [message, setMessage] = useState('');
  const name = (i: number) => `sc-${lessonId.replace(/\W/g, '-')}-${i}`;
  const score = answers.reduce<number>((sum, a, i) => sum + (a === questions[i]!.answer ? 1 : 0), 0);

  function onSubmit(event: Event) {
    event.preventDefault();
    if (checked) {
      setChecked(false);
      setAnswers(questions.map(() => null));
      setMessage('');
      return;
    }
    if (answers.some((a) => a === null)) {
      setMessage(strings.unanswered);
      return;
    }
    setChecked(true);
    setMessage(strings.score.replace('{score}', String(score)).replace('{total}', String(questions.length)));
    if (lessonId) progressClient(siteId).update((store, now) => recordSelfCheck(store, lessonId, score, questions.length, now));
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {questions.map((q, i) => {
        const chosen = answers[i];
        const right = chosen === q.answer;
        return (
          <fieldset key={i} aria-describedby={checked ? `${name(i)}-fb` : undefined}>
            <legend>
              <span class="visually-hidden" data-pagefind-ignore>{strings.question.replace('{number}', String(i + 1))}: </span>
              {q.question}
            </legend>
            {q.options.map((option, j) => (
              <label key={j}>
                <input
                  type="radio"
                  name={name(i)}
                  value={j}
                  checked={chosen === j}
                  disabled={checked}
                  onChange={() => setAnswers((prev) => prev.map((a, k) => (k === i ? j : a)))}
                />
                <span>{option}</span>
              </label>
            ))}
            {checked && (
              <p id={`${name(i)}-fb`} class={right ? 'fb fb-ok' : 'fb fb-bad'}>
                <strong>{right ? strings.correct : strings.incorrect}</strong> {q.feedback}
              </p>
            )}
          </fieldset>
        );
      })}
      <p role="status" aria-live="polite">{message}</p>
      <button type="submit" class="btn">{checked ? strings.retry : strings.check}</button>
    </form>
  );
}
