/**
 * The participant's progress page: the whole picture per module, an optional name, and moving
 * progress to another device with "Export progress" and "Import progress". An import is
 * validated and previewed; nothing is stored until the participant confirms.
 */
import { useRef, useState } from 'preact/hooks';
import { format } from '../lib/i18n/format.ts';
import { summarize } from '../lib/progress/summary.ts';
import { IMPORT_ERROR_KEYS, MAX_PROGRESS_FILE_BYTES, mergeProgress, parseProgressFile, previewImport, toExportFile, type ImportPreview } from '../lib/progress/transfer.ts';
import type { ProgressExport } from '../schemas/progress.ts';
import { downloadFile, readFileText, today } from '../lib/browser/download.ts';
import { useProgress } from './useProgress.ts';
import { StorageNotice, type StorageNoticeStrings } from './StorageNotice.tsx';
import NameField from './NameField.tsx';

export const PROGRESS_PAGE_KEYS = [
  'progress.lessonsDone', 'progress.hoursDone', 'progress.bestScore', 'progress.latestScore', 'progress.export', 'progress.exported',
  'progress.import', 'progress.nameLabel', 'progress.nameHint', 'progress.importPreviewTitle', 'progress.importNewlyCompleted',
  'progress.importBetterScores', 'progress.importUnknown', 'progress.importOtherSite', 'progress.importNothingNew', 'progress.importKeep',
  'progress.importConfirm', 'progress.importCancel', 'progress.importDone', 'progress.importCancelled', 'progress.error.tooLarge',
  'progress.error.notJson', 'progress.error.wrongKind', 'progress.error.unknownVersion', 'progress.error.invalid', 'progress.error.markup',
  'progress.error.read', 'progress.notStarted', 'progress.inProgress', 'progress.moduleDone', 'progress.certificateLink',
  'progress.certificateNotYet', 'progress.transferHeading', 'progress.completedStatus',
] as const;

type Strings = Record<(typeof PROGRESS_PAGE_KEYS)[number], string> & StorageNoticeStrings;

export interface OutlineModule {
  id: string;
  title: string;
  plannedHours: number;
  lessons: Array<{ id: string; title: string; href: string }>;
}

interface Props {
  siteId: string;
  modules: OutlineModule[];
  certificateHref: string;
  /** Absolute URL of the progress JSON Schema, written into exports. */
  schemaUrl: string;
  strings: Strings;
}


export default function ProgressPage({ siteId, modules, certificateHref, schemaUrl, strings }: Props) {
  const [snapshot, client] = useProgress(siteId);
  const [pending, setPending] = useState<{ file: ProgressExport; preview: ImportPreview } | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const store = snapshot?.store;
  const outline = modules.map((m) => ({ id: m.id, plannedHours: m.plannedHours, lessonIds: m.lessons.map((l) => l.id) }));
  const summary = store ? summarize(store, outline) : null;
  const known = new Set(modules.flatMap((m) => m.lessons.map((l) => l.id)));

  function exportProgress() {
    if (!store) return;
    downloadFile(`orienta-progress-${siteId}-${today()}.json`, `${JSON.stringify(toExportFile(store, schemaUrl, new Date()), null, 2)}\n`);
    setMessage({ text: strings['progress.exported'], kind: 'ok' });
  }

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !store) return;
    setPending(null);
    const read = await readFileText(file, MAX_PROGRESS_FILE_BYTES);
    if (!read.ok) {
      setMessage({ text: strings[read.error === 'too-large' ? 'progress.error.tooLarge' : 'progress.error.read'], kind: 'error' });
      return;
    }
    const parsed = parseProgressFile(read.text);
    if (!parsed.ok) {
      setMessage({ text: strings[IMPORT_ERROR_KEYS[parsed.error]], kind: 'error' });
      return;
    }
    setMessage(null);
    setPending({ file: parsed.file, preview: previewImport(store, parsed.file, known) });
  }

  function confirmImport() {
    if (!pending || !client) return;
    client.update((current, now) => mergeProgress(current, pending.file, now));
    setPending(null);
    setMessage({ text: strings['progress.importDone'], kind: 'ok' });
  }

  return (
    <div class="progress-page" data-ready={snapshot ? 'true' : undefined}>
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <p class="progress-text">
        {summary ? format(strings['progress.lessonsDone'], { done: summary.completed, total: summary.total }) : '\u00a0'}
        {summary && <> · {format(strings['progress.hoursDone'], { done: summary.hoursDone, total: summary.plannedHours })}</>}
      </p>
      <progress max={summary?.total || 1} value={summary?.completed ?? 0} aria-hidden="true" />
      <p>{summary?.done ? <a class="btn" href={certificateHref}>{strings['progress.certificateLink']}</a> : strings['progress.certificateNotYet']}</p>

      <NameField id="participant-name" label={strings['progress.nameLabel']} hint={strings['progress.nameHint']} value={store?.participantName ?? ''} client={client} />

      {modules.map((module) => {
        const m = summary?.modules.find((x) => x.id === module.id);
        const status = !m || m.completed === 0 ? 'progress.notStarted' : m.done ? 'progress.moduleDone' : 'progress.inProgress';
        return (
          <section class="card" key={module.id} data-module-progress={module.id}>
            <h2>{module.title}</h2>
            <p class="meta">
              {strings[status]} · {format(strings['progress.lessonsDone'], { done: m?.completed ?? 0, total: module.lessons.length })}
            </p>
            <ul class="lesson-list">
              {module.lessons.map((lesson) => {
                const entry = store?.lessons[lesson.id];
                return (
                  <li key={lesson.id} data-lesson-progress={lesson.id} data-completed={entry?.completedAt ? 'true' : 'false'}>
                    <span aria-hidden="true">{entry?.completedAt ? '✓' : '○'}</span> <a href={lesson.href}>{lesson.title}</a>
                    {entry?.completedAt && <span class="visually-hidden"> – {strings['progress.completedStatus']}</span>}
                    {entry?.selfCheck && (
                      <small>
                        {' '}
                        · {format(strings['progress.bestScore'], entry.selfCheck.best)} · {format(strings['progress.latestScore'], entry.selfCheck.latest)}
                      </small>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}

      <section class="transfer">
        <h2>{strings['progress.transferHeading']}</h2>
        <p class="actions">
          <button type="button" class="btn" onClick={exportProgress} disabled={!store}>{strings['progress.export']}</button>{' '}
          <button type="button" class="btn btn-secondary" onClick={() => fileInput.current?.click()} disabled={!store}>{strings['progress.import']}</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={onFile} />
        </p>
        {pending && (
          <div class="preview card" role="region" aria-labelledby="import-preview-title">
            <h3 id="import-preview-title">{strings['progress.importPreviewTitle']}</h3>
            {pending.preview.otherSite && <p>{format(strings['progress.importOtherSite'], { site: pending.preview.otherSite })}</p>}
            {pending.preview.nothingNew ? (
              <p>{strings['progress.importNothingNew']}</p>
            ) : (
              <ul>
                <li>{format(strings['progress.importNewlyCompleted'], { count: pending.preview.newlyCompleted.length })}</li>
                <li>{format(strings['progress.importBetterScores'], { count: pending.preview.betterScores.length })}</li>
              </ul>
            )}
            {pending.preview.unknownLessons.length > 0 && <p>{format(strings['progress.importUnknown'], { count: pending.preview.unknownLessons.length })}</p>}
            <p>{strings['progress.importKeep']}</p>
            <p class="actions">
              <button type="button" class="btn" onClick={confirmImport}>{strings['progress.importConfirm']}</button>{' '}
              <button type="button" class="btn btn-secondary" onClick={() => { setPending(null); setMessage({ text: strings['progress.importCancelled'], kind: 'ok' }); }}>
                {strings['progress.importCancel']}
              </button>
            </p>
          </div>
        )}
        <p role="status" data-message="ok">{message?.kind === 'ok' ? message.text : ''}</p>
        <p role="alert" class={message?.kind === 'error' ? 'fb fb-bad' : undefined} data-message="error">{message?.kind === 'error' ? message.text : ''}</p>
      </section>
    </div>
  );
}
