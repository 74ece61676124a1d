/**
 * The teacher page: build an assignment (modules or single lessons, group, due date, language)
 * into a link in the URL fragment, a QR code and a printable handout. The group's progress is on
 * its own page (`GroupPage.tsx`). Everything runs on the teacher's device.
 */
import { useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { assignmentLink, encodeAssignment, makeAssignment, type DraftError } from '../lib/assignment/encode.ts';
import { resolveAssignment } from '../lib/assignment/resolve.ts';
import { format } from './format.ts';
import { progressOutline } from '../lib/page/outline.ts';
import { basePath } from '../lib/routing/paths.ts';
import type { Assignment } from '../schemas/assignment.ts';
import { useOutline } from './hooks.ts';

export const TEACHER_KEYS = [
  'teacher.pick', 'teacher.wholeModule', 'teacher.singleLessons', 'teacher.total', 'teacher.group', 'teacher.groupHint', 'teacher.due',
  'teacher.language', 'teacher.create', 'teacher.link', 'teacher.copy', 'teacher.copied', 'teacher.qr', 'teacher.handout', 'teacher.error.group',
  'teacher.error.due', 'teacher.error.empty', 'teacher.error.tooMany', 'teacher.error.other',
] as const;
type Strings = Record<(typeof TEACHER_KEYS)[number], string>;

interface Props {
  siteId: string;
  locale: string;
  locales: Array<{ code: string; label: string; tag: string }>;
  /** Path of the handout page; the assignment goes in its fragment. */
  handoutPath: string;
  strings: Strings;
}

const DRAFT_ERROR_KEY: Record<DraftError, keyof Strings> = {
  group: 'teacher.error.group',
  due: 'teacher.error.due',
  empty: 'teacher.error.empty',
  'too-many': 'teacher.error.tooMany',
  locale: 'teacher.error.other',
  site: 'teacher.error.other',
  ids: 'teacher.error.other',
};

export default function TeacherPage({ siteId, locale, locales, handoutPath, strings }: Props) {
  const loaded = useOutline(locale);
  const modules = loaded && loaded !== 'failed' ? loaded.modules : [];
  const [chosenModules, setChosenModules] = useState<string[]>([]);
  const [chosenLessons, setChosenLessons] = useState<string[]>([]);
  const [group, setGroup] = useState('');
  const [due, setDue] = useState('');
  const [language, setLanguage] = useState(locale);
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [result, setResult] = useState<{ assignment: Assignment; link: string; svg: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const outline = progressOutline({ modules });
  const resolved = resolveAssignment({ modules: chosenModules, lessons: chosenLessons }, outline);
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));
  const titleOf = (id: string) => modules.find((m) => m.id === id)?.title ?? id;

  async function create(event: Event) {
    event.preventDefault();
    setCopied(false);
    const made = makeAssignment({ group, locale: language, due, modules: chosenModules, lessons: chosenLessons, site: siteId });
    if (!made.ok) {
      setErrors(made.errors);
      setResult(null);
      return;
    }
    setErrors([]);
    const link = assignmentLink(new URL(basePath(), location.href).href, language, made.assignment);
    const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    setResult({ assignment: made.assignment, link, svg });
  }

  return (
    <div class="teacher">
      <form onSubmit={create} noValidate>
        <fieldset class="picker">
          <legend>{strings['teacher.pick']}</legend>
          {modules.map((m) => {
            const whole = chosenModules.includes(m.id);
            return (
              <div key={m.id} class="pick-module" data-pick-module={m.id}>
                <label>
                  <input type="checkbox" checked={whole} onChange={(e) => setChosenModules(toggle(chosenModules, m.id, (e.currentTarget as HTMLInputElement).checked))} />
                  <span><strong lang={m.lang}>{m.title}</strong> – {format(strings['teacher.wholeModule'], { hours: m.plannedHours })}</span>
                </label>
                {!whole && (
                  <details>
                    <summary>{strings['teacher.singleLessons']}</summary>
                    {m.lessons.map((l) => (
                      <label key={l.id}>
                        <input type="checkbox" checked={chosenLessons.includes(l.id)} onChange={(e) => setChosenLessons(toggle(chosenLessons, l.id, (e.currentTarget as HTMLInputElement).checked))} />
                        <span lang={l.lang}>{l.title}</span>
                      </label>
                    ))}
                  </details>
                )}
              </div>
            );
          })}
        </fieldset>
        <p class="total" role="status" data-total>{format(strings['teacher.total'], { count: resolved.lessonIds.length, hours: resolved.plannedHours })}</p>
        <div class="field">
          <label for="group">{strings['teacher.group']}</label>
          <input id="group" type="text" dir="auto" maxLength={60} value={group} aria-describedby="group-hint" aria-invalid={errors.includes('group') || undefined} onInput={(e) => setGroup((e.currentTarget as HTMLInputElement).value)} />
          <p id="group-hint" class="hint">{strings['teacher.groupHint']}</p>
        </div>
        <div class="field">
          <label for="due">{strings['teacher.due']}</label>
          <input id="due" type="date" value={due} aria-invalid={errors.includes('due') || undefined} onInput={(e) => setDue((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="language">{strings['teacher.language']}</label>
          <select id="language" value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value)}>
            {locales.map((l) => <option key={l.code} value={l.code} lang={l.tag}>{l.label}</option>)}
          </select>
        </div>
        <div role="alert">{errors.length > 0 && <ul class="fb fb-bad">{[...new Set(errors.map((e) => DRAFT_ERROR_KEY[e]))].map((k) => <li key={k}>{strings[k]}</li>)}</ul>}</div>
        <p><button type="submit" class="btn">{strings['teacher.create']}</button></p>
      </form>

      {result && (
        <section class="result card" aria-labelledby="link-label">
          <label id="link-label" for="assignment-link">{strings['teacher.link']}</label>
          <input id="assignment-link" type="text" readOnly value={result.link} dir="ltr" onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          <p class="actions">
            <button type="button" class="btn btn-secondary" onClick={async () => { await navigator.clipboard?.writeText(result.link).catch(() => undefined); setCopied(true); }}>{strings['teacher.copy']}</button>
            <a class="btn btn-secondary" href={`${handoutPath}#${encodeAssignment(result.assignment)}`}>{strings['teacher.handout']}</a>
          </p>
          <p role="status">{copied ? strings['teacher.copied'] : ''}</p>
          <div class="qr" role="img" aria-label={format(strings['teacher.qr'], { group: result.assignment.group })} dangerouslySetInnerHTML={{ __html: result.svg }} />
        </section>
      )}

    </div>
  );
}
