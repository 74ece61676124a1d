/**
 * The participant's competence card: written in their language, kept on this device, printed and
 * saved in Swedish. A thin island over `lib/card/` (edits, checks, file, printout) and the
 * device-data engine; every change is saved as it is typed.
 *
 * Lifecycle: opens the card store on mount (and follows other tabs through the engine). An edit
 * goes through `changeStoredCard`, which records the page's language as the text's language on
 * the first text. A removed entry can be brought back until the next removal. A file is read,
 * previewed, and only replaces the card when the participant confirms; "Clear" asks first too.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardFile, cardStore } from '../lib/card/definitions.ts';
import {
  addEntry, addSuggestedStep, changeStoredCard, emptyCard, insertEntry, isCardEmpty, LIST_LIMITS, moveEntry, removeEntry,
  setDrivingLicence, setText, setTextLanguage, updateEntry, type CardLists, type ListName,
} from '../lib/card/edit.ts';
import { previewCardImport, readCardFile, replaceCard, writeCardFile, type CardImportPreview, type FinishedModule } from '../lib/card/file.ts';
import { CARD_LANGUAGE_CODES, languageName } from '../lib/card/languages.ts';
import { printableCard } from '../lib/card/print.ts';
import { downloadFile, readFileText } from '../lib/browser/download.ts';
import { randomUuid, toIsoDay } from '../lib/device-data/ids.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { SWEDISH } from '../lib/i18n/locales.ts';
import { format } from './format.ts';
import { summarize } from '../lib/progress/summary.ts';
import { CARD_LIMITS, DRIVING_LICENCE_CATEGORIES, LANGUAGE_LEVELS, STEP_STATUSES } from '../schemas/formats.ts';
import type { CardFile, CompetenceCard as Card, Experience } from '../schemas/competence-card.ts';
import { useProgress, useStore } from './hooks.ts';
import { dataErrorText, StorageNotice, type FileErrorStrings, type StorageNoticeStrings } from './DataNotice.tsx';
import CardField, { CARD_FIELD_KEYS } from './card/CardField.tsx';
import CardPrint, { type CardPrintStrings } from './card/CardPrint.tsx';

export { CARD_PRINT_KEYS } from './card/CardPrint.tsx';

export const CARD_KEYS = [
  ...CARD_FIELD_KEYS,
  'card.textLanguage', 'card.section.about', 'card.name', 'card.contact', 'card.section.wishes', 'card.wishesHint', 'card.section.work',
  'card.section.education', 'card.field.workTitle', 'card.field.educationTitle', 'card.field.employer', 'card.field.school',
  'card.field.place', 'card.field.period', 'card.field.workDescription', 'card.field.educationDescription', 'card.entry', 'card.add.work',
  'card.add.education', 'card.add.language', 'card.add.certificate', 'card.add.skill', 'card.add.step', 'card.remove', 'card.moveUp',
  'card.moveDown', 'card.removed', 'card.undo', 'card.section.languages', 'card.language', 'card.languageOther', 'card.languageName',
  'card.level', 'card.level.mother-tongue', 'card.level.fluent', 'card.level.good', 'card.level.basic', 'card.level.beginner',
  'card.section.licences', 'card.licencesHint', 'card.section.certificates', 'card.certificate', 'card.section.skills', 'card.skill',
  'card.section.steps', 'card.step', 'card.stepStatus', 'card.status.planned', 'card.status.started', 'card.status.done', 'card.stepGone',
  'card.suggestedHeading', 'card.fromLesson', 'card.addStep', 'card.section.modules', 'card.noModules', 'card.hours', 'card.listFull',
  'card.actionsHeading', 'card.print', 'card.showSwedish', 'card.hideSwedish', 'card.export', 'card.exported', 'card.import',
  'card.importPreview', 'card.importReplaceWarning', 'card.importConfirm', 'card.importCancel', 'card.importDone', 'card.importCancelled',
  'card.clear', 'card.clearConfirm', 'card.clearYes', 'card.cleared', 'card.empty',
] as const;

type Strings = Record<(typeof CARD_KEYS)[number], string> & StorageNoticeStrings & FileErrorStrings;

/** A language the participant can say they write in (the site's languages). */
export interface WritingLanguage {
  code: string;
  /** Its name in itself. */
  name: string;
  /** BCP-47 tag for `lang`. */
  tag: string;
  dir: 'ltr' | 'rtl';
}

/** A course module, for "finished modules". */
export interface CardModule {
  id: string;
  /** Title in the page's language (or Swedish, then `titleLang` is set). */
  title: string;
  titleLang?: string | undefined;
  /** Title in Swedish, for the printout. */
  titleSv: string;
  hours: number;
  lessonIds: string[];
}

/** A step a lesson suggests. */
export interface SuggestedStep {
  id: string;
  /** In the page's language, or Swedish with `textLang` set. */
  text: string;
  textLang?: string | undefined;
  /** In Swedish, for the printout. */
  textSv: string;
  lessonTitle: string;
  lessonHref: string;
}

interface Props {
  siteId: string;
  siteName: string;
  /** The page's locale code. */
  locale: string;
  /** `Intl` tag of the page, for language names. */
  pageTag: string;
  /** `Intl` tag of Swedish, for the printout's date. */
  swedishTag: string;
  writingLanguages: WritingLanguage[];
  modules: CardModule[];
  suggestedSteps: SuggestedStep[];
  /** Absolute address of the card file's JSON Schema. */
  schemaUrl: string;
  strings: Strings;
  /** Swedish strings for the printout. */
  printStrings: CardPrintStrings;
}

type Message = { text: string; kind: 'ok' | 'error' } | null;
type Removed = { list: ListName; entry: CardLists[ListName]; index: number; label: string } | null;

export default function CompetenceCard(props: Props) {
  const { siteId, siteName, locale, pageTag, swedishTag, writingLanguages, modules, suggestedSteps, schemaUrl, strings, printStrings } = props;
  const [snapshot, store] = useStore(cardStore, siteId);
  const [progress] = useProgress(siteId);
  const [showSwedish, setShowSwedish] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<{ file: CardFile; preview: CardImportPreview } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [removed, setRemoved] = useState<Removed>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const card: Card = snapshot?.value.card ?? emptyCard();
  const writing = writingLanguages.find((l) => l.code === (card.textLanguage ?? locale));
  const textLang = writing?.tag ?? card.textLanguage ?? locale;
  const names = useMemo(() => {
    const byCode = new Map(CARD_LANGUAGE_CODES.map((code) => [code as string, languageName(code, pageTag)]));
    const sorted = [...byCode.entries()].sort((a, b) => a[1].localeCompare(b[1], pageTag));
    return { byCode, sorted };
  }, [pageTag]);

  const finished: FinishedModule[] = useMemo(() => {
    if (!progress) return [];
    const summary = summarize(progress.value, modules.map((m) => ({ id: m.id, plannedHours: m.hours, lessonIds: m.lessonIds })));
    return summary.modules.filter((m) => m.done && m.doneAt).map((m) => ({ id: m.id, title: modules.find((x) => x.id === m.id)!.titleSv, hours: m.plannedHours, finishedOn: toIsoDay(new Date(m.doneAt!)) }));
  }, [progress, modules]);

  const edit = (change: (card: Card) => Card) => store?.update((value, now) => changeStoredCard(value, change, now, locale));
  const swedishStep = (id: string) => suggestedSteps.find((s) => s.id === id)?.textSv;
  const printable = printableCard(card, { languageName: (code) => languageName(code, SWEDISH), stepText: swedishStep, finishedModules: finished });
  const textLanguageName = languageName((card.textLanguage ?? locale).split('-')[0]!, SWEDISH);
  const empty = isCardEmpty(card);
  const suggestions = suggestedSteps.filter((s) => !card.steps.some((step) => step.stepId === s.id));

  const fieldProps = { lang: textLang, strings };
  const entryLabel = (text: string | undefined, index: number) => text?.trim() || format(strings['card.entry'], { number: index + 1 });

  function add<L extends ListName>(list: L, entry: CardLists[L], focus: string) {
    edit((c) => addEntry(c, list, entry));
    setFocusId(focus);
  }

  function remove(list: ListName, id: string, label: string) {
    const index = (card[list] as Array<{ id: string }>).findIndex((e) => e.id === id);
    if (index === -1) return;
    const entry = card[list][index] as CardLists[ListName];
    edit((c) => removeEntry(c, list, id));
    setRemoved({ list, entry, index, label });
    setMessage(null);
    setFocusId(`add-${list}`);
  }

  function undoRemove() {
    if (!removed) return;
    edit((c) => insertEntry(c, removed.list, removed.entry as never, removed.index));
    setFocusId(`${removed.list}-${removed.entry.id}-first`);
    setRemoved(null);
  }

  function entryButtons(list: ListName, id: string, index: number, count: number, label: string) {
    return (
      <p class="entry-buttons">
        {index > 0 && <button type="button" class="btn btn-small btn-secondary" onClick={() => edit((c) => moveEntry(c, list, id, -1))}>{format(strings['card.moveUp'], { item: label })}</button>}
        {index < count - 1 && <button type="button" class="btn btn-small btn-secondary" onClick={() => edit((c) => moveEntry(c, list, id, 1))}>{format(strings['card.moveDown'], { item: label })}</button>}
        <button type="button" class="btn btn-small btn-secondary" onClick={() => remove(list, id, label)}>{format(strings['card.remove'], { item: label })}</button>
      </p>
    );
  }

  function addButton(list: ListName, label: string, onAdd: () => void) {
    const full = card[list].length >= LIST_LIMITS[list];
    return (
      <p>
        <button type="button" id={`add-${list}`} class="btn btn-secondary" onClick={onAdd} disabled={full} aria-describedby={full ? `full-${list}` : undefined}>{label}</button>
        {full && <span id={`full-${list}`} class="hint"> {format(strings['card.listFull'], { max: LIST_LIMITS[list] })}</span>}
      </p>
    );
  }

  function experienceSection(list: 'work' | 'education') {
    const work = list === 'work';
    const entries = card[list];
    return (
      <section class="card-section" aria-labelledby={`h-${list}`}>
        <h2 id={`h-${list}`}>{strings[work ? 'card.section.work' : 'card.section.education']}</h2>
        {entries.map((entry: Experience, index) => {
          const label = entryLabel(entry.title, index);
          const base = `${list}-${entry.id}`;
          const set = (patch: Partial<Experience>) => edit((c) => updateEntry(c, list, entry.id, patch));
          return (
            <fieldset class="entry" key={entry.id} data-entry={list}>
              <legend><bdi>{label}</bdi></legend>
              <CardField id={`${base}-first`} label={strings[work ? 'card.field.workTitle' : 'card.field.educationTitle']} value={entry.title} max={CARD_LIMITS.line} onSave={(title) => set({ title })} {...fieldProps} />
              <CardField id={`${base}-org`} label={strings[work ? 'card.field.employer' : 'card.field.school']} value={entry.organisation ?? ''} max={CARD_LIMITS.line} onSave={(organisation) => set({ organisation })} {...fieldProps} />
              <CardField id={`${base}-place`} label={strings['card.field.place']} value={entry.place ?? ''} max={CARD_LIMITS.line} onSave={(place) => set({ place })} {...fieldProps} />
              <CardField id={`${base}-period`} label={strings['card.field.period']} value={entry.period ?? ''} max={CARD_LIMITS.line} onSave={(period) => set({ period })} {...fieldProps} />
              <CardField id={`${base}-desc`} label={strings[work ? 'card.field.workDescription' : 'card.field.educationDescription']} value={entry.description ?? ''} max={CARD_LIMITS.paragraph} multiline onSave={(description) => set({ description })} {...fieldProps} />
              {entryButtons(list, entry.id, index, entries.length, label)}
            </fieldset>
          );
        })}
        {addButton(list, strings[work ? 'card.add.work' : 'card.add.education'], () => {
          const id = randomUuid();
          add(list, { id, title: '' }, `${list}-${id}-first`);
        })}
      </section>
    );
  }

  function itemSection(list: 'certificates' | 'skills') {
    const certificates = list === 'certificates';
    const entries = card[list];
    return (
      <section class="card-section" aria-labelledby={`h-${list}`}>
        <h2 id={`h-${list}`}>{strings[certificates ? 'card.section.certificates' : 'card.section.skills']}</h2>
        {entries.map((item, index) => {
          const label = entryLabel(item.text, index);
          return (
            <div class="entry entry-line" key={item.id} data-entry={list}>
              <CardField id={`${list}-${item.id}-first`} label={`${strings[certificates ? 'card.certificate' : 'card.skill']} ${index + 1}`} value={item.text} max={CARD_LIMITS.line} onSave={(text) => edit((c) => updateEntry(c, list, item.id, { text }))} {...fieldProps} />
              {entryButtons(list, item.id, index, entries.length, label)}
            </div>
          );
        })}
        {addButton(list, strings[certificates ? 'card.add.certificate' : 'card.add.skill'], () => {
          const id = randomUuid();
          add(list, { id, text: '' }, `${list}-${id}-first`);
        })}
      </section>
    );
  }

  function exportCard() {
    if (!snapshot) return;
    if (empty) return setMessage({ text: strings['card.empty'], kind: 'error' });
    const text = writeCardFile(snapshot.value, finished, schemaUrl, new Date());
    downloadFile(`kompetenskort-${toIsoDay()}.json`, text);
    setMessage({ text: strings['card.exported'], kind: 'ok' });
  }

  function printCard() {
    if (empty) return setMessage({ text: strings['card.empty'], kind: 'error' });
    setMessage(null);
    window.print();
  }

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(null);
    const read = await readFileText(file, cardFile.maxBytes);
    if (!read.ok) return setMessage({ text: dataErrorText(read.error, strings), kind: 'error' });
    const parsed = readCardFile(read.text, new Date());
    if (!parsed.ok) return setMessage({ text: dataErrorText(parsed.error, strings), kind: 'error' });
    setMessage(null);
    setPending({ file: parsed.file, preview: previewCardImport(card, parsed.file) });
    setFocusId('card-import-title');
  }

  function confirmImport() {
    if (!pending || !store) return;
    const result = store.update((value, now) => replaceCard(value, pending.file, now));
    setPending(null);
    setRemoved(null);
    setMessage(result.saved ? { text: strings['card.importDone'], kind: 'ok' } : { text: dataErrorText(result.problem, strings), kind: 'error' });
  }

  function clearCard() {
    const result = store?.update((value, now) => ({ ...value, card: emptyCard(), updatedAt: now.toISOString() }));
    setConfirmClear(false);
    setRemoved(null);
    if (result) setMessage(result.saved ? { text: strings['card.cleared'], kind: 'ok' } : { text: dataErrorText(result.problem, strings), kind: 'error' });
    setFocusId('card-clear');
  }

  return (
    <>
      <div class="card-editor no-print" data-ready={snapshot ? 'true' : undefined}>
        <StorageNotice problem={snapshot?.problem} strings={strings} />
        <div class="field">
          <label for="card-text-language">{strings['card.textLanguage']}</label>
          <select id="card-text-language" value={card.textLanguage ?? locale} onChange={(e) => edit((c) => setTextLanguage(c, (e.currentTarget as HTMLSelectElement).value))}>
            {writingLanguages.map((l) => <option key={l.code} value={l.code} lang={l.tag} dir={l.dir}>{l.name}</option>)}
          </select>
        </div>

        <section class="card-section" aria-labelledby="h-about">
          <h2 id="h-about">{strings['card.section.about']}</h2>
          <CardField id="card-name" label={strings['card.name']} value={card.name ?? ''} max={CARD_LIMITS.line} autocomplete="name" onSave={(v) => edit((c) => setText(c, 'name', v))} {...fieldProps} />
          <CardField id="card-contact" label={strings['card.contact']} value={card.contact ?? ''} max={CARD_LIMITS.line} onSave={(v) => edit((c) => setText(c, 'contact', v))} {...fieldProps} />
        </section>

        <section class="card-section" aria-labelledby="h-wishes">
          <h2 id="h-wishes">{strings['card.section.wishes']}</h2>
          <CardField id="card-wishes" label={strings['card.section.wishes']} hint={strings['card.wishesHint']} value={card.wishes ?? ''} max={CARD_LIMITS.paragraph} multiline onSave={(v) => edit((c) => setText(c, 'wishes', v))} {...fieldProps} />
        </section>

        {experienceSection('work')}
        {experienceSection('education')}

        <section class="card-section" aria-labelledby="h-languages">
          <h2 id="h-languages">{strings['card.section.languages']}</h2>
          {card.languages.map((language, index) => {
            const label = language.code ? names.byCode.get(language.code) ?? language.code : entryLabel(language.name, index);
            const base = `languages-${language.id}`;
            return (
              <fieldset class="entry" key={language.id} data-entry="languages">
                <legend><bdi>{label}</bdi></legend>
                <div class="field">
                  <label for={`${base}-first`}>{strings['card.language']}</label>
                  <select id={`${base}-first`} value={language.code ?? ''} onChange={(e) => {
                    const code = (e.currentTarget as HTMLSelectElement).value;
                    edit((c) => updateEntry(c, 'languages', language.id, code ? { code, name: undefined } : { code: undefined }));
                  }}>
                    {names.sorted.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
                    <option value="">{strings['card.languageOther']}</option>
                  </select>
                </div>
                {!language.code && (
                  <CardField id={`${base}-name`} label={strings['card.languageName']} value={language.name ?? ''} max={CARD_LIMITS.line} onSave={(name) => edit((c) => updateEntry(c, 'languages', language.id, { name }))} {...fieldProps} />
                )}
                <div class="field">
                  <label for={`${base}-level`}>{strings['card.level']}</label>
                  <select id={`${base}-level`} value={language.level} onChange={(e) => edit((c) => updateEntry(c, 'languages', language.id, { level: (e.currentTarget as HTMLSelectElement).value as (typeof LANGUAGE_LEVELS)[number] }))}>
                    {LANGUAGE_LEVELS.map((level) => <option key={level} value={level}>{strings[`card.level.${level}`]}</option>)}
                  </select>
                </div>
                {entryButtons('languages', language.id, index, card.languages.length, label)}
              </fieldset>
            );
          })}
          {addButton('languages', strings['card.add.language'], () => {
            const id = randomUuid();
            // The page's language first (most often the mother tongue), then Swedish.
            const own = CARD_LANGUAGE_CODES.find((c) => c === locale.split('-')[0] && !card.languages.some((l) => l.code === c));
            const code = own ?? SWEDISH;
            add('languages', { id, code, level: card.languages.length === 0 ? 'mother-tongue' : 'basic' }, `languages-${id}-first`);
          })}
        </section>

        <section class="card-section" aria-labelledby="h-licences">
          <h2 id="h-licences">{strings['card.section.licences']}</h2>
          <fieldset class="licences">
            <legend>{strings['card.licencesHint']}</legend>
            {DRIVING_LICENCE_CATEGORIES.map((category) => (
              <label key={category}>
                <input type="checkbox" checked={card.drivingLicences.includes(category)} onChange={(e) => edit((c) => setDrivingLicence(c, category, (e.currentTarget as HTMLInputElement).checked))} />
                <span lang={SWEDISH}>{category}</span>
              </label>
            ))}
          </fieldset>
        </section>

        {itemSection('certificates')}
        {itemSection('skills')}

        <section class="card-section" aria-labelledby="h-steps">
          <h2 id="h-steps">{strings['card.section.steps']}</h2>
          {card.steps.map((step, index) => {
            const suggested = step.stepId ? suggestedSteps.find((s) => s.id === step.stepId) : undefined;
            const label = suggested?.text ?? entryLabel(step.text, index);
            const base = `steps-${step.id}`;
            return (
              <div class="entry" key={step.id} data-entry="steps" data-step={step.stepId}>
                {step.stepId ? (
                  <p id={`${base}-first`} tabIndex={-1}>
                    <strong lang={suggested?.textLang} dir={suggested?.textLang ? 'auto' : undefined}>{suggested?.text ?? strings['card.stepGone']}</strong>
                  </p>
                ) : (
                  <CardField id={`${base}-first`} label={`${strings['card.step']} ${index + 1}`} value={step.text ?? ''} max={CARD_LIMITS.line} onSave={(text) => edit((c) => updateEntry(c, 'steps', step.id, { text }))} {...fieldProps} />
                )}
                <div class="field">
                  <label for={`${base}-status`}>{strings['card.stepStatus']}</label>
                  <select id={`${base}-status`} value={step.status} onChange={(e) => edit((c) => updateEntry(c, 'steps', step.id, { status: (e.currentTarget as HTMLSelectElement).value as (typeof STEP_STATUSES)[number] }))}>
                    {STEP_STATUSES.map((status) => <option key={status} value={status}>{strings[`card.status.${status}`]}</option>)}
                  </select>
                </div>
                {entryButtons('steps', step.id, index, card.steps.length, label)}
              </div>
            );
          })}
          {addButton('steps', strings['card.add.step'], () => {
            const id = randomUuid();
            add('steps', { id, text: '', status: 'planned', addedOn: toIsoDay() }, `steps-${id}-first`);
          })}
          {suggestions.length > 0 && (
            <details class="suggested-steps">
              <summary>{strings['card.suggestedHeading']} ({suggestions.length})</summary>
              <ul>
                {suggestions.map((s) => (
                  <li key={s.id} data-suggested-step={s.id}>
                    <p><span lang={s.textLang} dir={s.textLang ? 'auto' : undefined}>{s.text}</span></p>
                    <p class="suggested-actions">
                      <button type="button" class="btn btn-small" disabled={card.steps.length >= LIST_LIMITS.steps} onClick={() => {
                        const id = randomUuid();
                        edit((c) => addSuggestedStep(c, s.id, { id, day: toIsoDay() }));
                        setFocusId(`steps-${id}-first`);
                      }}>{strings['card.addStep']}</button>{' '}
                      <a href={s.lessonHref}>{format(strings['card.fromLesson'], { lesson: s.lessonTitle })}</a>
                    </p>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>

        <section class="card-section" aria-labelledby="h-modules">
          <h2 id="h-modules">{strings['card.section.modules']}</h2>
          {finished.length === 0 ? (
            <p>{strings['card.noModules']}</p>
          ) : (
            <ul>
              {finished.map((m) => {
                const module = modules.find((x) => x.id === m.id)!;
                return <li key={m.id}><span lang={module.titleLang} dir={module.titleLang ? 'auto' : undefined}>{module.title}</span> ({format(strings['card.hours'], { hours: m.hours })})</li>;
              })}
            </ul>
          )}
        </section>

        <p role="status" class="card-removed">
          {removed && (
            <>
              {format(strings['card.removed'], { item: removed.label })}{' '}
              <button type="button" class="btn btn-small btn-secondary" onClick={undoRemove}>{strings['card.undo']}</button>
            </>
          )}
        </p>

        <section class="card-section card-actions" aria-labelledby="h-actions">
          <h2 id="h-actions">{strings['card.actionsHeading']}</h2>
          <p class="actions">
            <button type="button" class="btn" onClick={printCard}>{strings['card.print']}</button>{' '}
            <button type="button" class="btn btn-secondary" aria-expanded={showSwedish ? 'true' : 'false'} aria-controls="card-print" onClick={() => setShowSwedish(!showSwedish)}>
              {strings[showSwedish ? 'card.hideSwedish' : 'card.showSwedish']}
            </button>{' '}
            <button type="button" class="btn btn-secondary" onClick={exportCard} disabled={!snapshot}>{strings['card.export']}</button>{' '}
            <button type="button" class="btn btn-secondary" onClick={() => fileInput.current?.click()} disabled={!snapshot}>{strings['card.import']}</button>{' '}
            <button type="button" id="card-clear" class="btn btn-secondary" onClick={() => setConfirmClear(true)} disabled={!snapshot || empty}>{strings['card.clear']}</button>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={onFile} />
          </p>
          {confirmClear && (
            <div class="preview card" role="alertdialog" aria-labelledby="card-clear-question">
              <p id="card-clear-question">{strings['card.clearConfirm']}</p>
              <p class="actions">
                <button type="button" class="btn" onClick={clearCard}>{strings['card.clearYes']}</button>{' '}
                <button type="button" class="btn btn-secondary" onClick={() => { setConfirmClear(false); setMessage({ text: strings['card.importCancelled'], kind: 'ok' }); }}>{strings['card.importCancel']}</button>
              </p>
            </div>
          )}
          {pending && (
            <div class="preview card" role="region" aria-labelledby="card-import-title">
              <p id="card-import-title" tabIndex={-1}>
                <strong>{format(strings['card.importPreview'], { count: pending.preview.entries, date: formatLongDate(pending.file.exportedAt, pageTag) })}</strong>
              </p>
              {pending.preview.replacesCard && <p>{strings['card.importReplaceWarning']}</p>}
              <p class="actions">
                <button type="button" class="btn" onClick={confirmImport}>{strings['card.importConfirm']}</button>{' '}
                <button type="button" class="btn btn-secondary" onClick={() => { setPending(null); setMessage({ text: strings['card.importCancelled'], kind: 'ok' }); }}>{strings['card.importCancel']}</button>
              </p>
            </div>
          )}
          <p role="status" data-message="ok">{message?.kind === 'ok' ? message.text : ''}</p>
          <p role="alert" class={message?.kind === 'error' ? 'fb fb-bad' : undefined} data-message="error">{message?.kind === 'error' ? message.text : ''}</p>
        </section>
      </div>
      <div id="card-print">
        <CardPrint
          card={printable}
          textLang={textLang}
          textLanguageName={textLanguageName}
          siteName={siteName}
          date={formatLongDate(new Date().toISOString(), swedishTag)}
          strings={printStrings}
          shown={showSwedish}
        />
      </div>
    </>
  );
}
