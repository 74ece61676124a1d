/**
 * The participant's progress page. At the top, handing progress over: the optional name, the link
 * to the progress passport (a QR code, further down the page), "Export progress", which then says
 * where the file went and how to give it to the teacher, and "Import progress". Below, the whole
 * picture per module. An import is validated and previewed; nothing is stored until the
 * participant confirms.
 */
import { useRef, useState } from 'preact/hooks';
import { format } from './format.ts';
import { summarize } from '../lib/progress/summary.ts';
import { mergeProgress, previewImport, readProgressFile, writeProgressFile, type ImportPreview } from '../lib/progress/transfer.ts';
import { progressFile, progressFileName } from '../lib/progress/file.ts';
import { progressOutline } from '../lib/page/outline.ts';
import { absoluteUrl, schemaPath } from '../lib/routing/paths.ts';
import { localDay } from '../lib/i18n/dates.ts';
import type { ProgressExport } from '../schemas/progress.ts';
import { downloadFile, readFileText } from '../lib/browser/download.ts';
import { useOutline, useProgress, useStore } from './hooks.ts';
import { keepPassport, passportStore } from '../lib/passport/store.ts';
import { dataErrorText, StorageNotice, type FileErrorStrings, type StorageNoticeStrings } from './DataNotice.tsx';
import NameField from './NameField.tsx';
import ImportPreviewCard, { IMPORT_PREVIEW_KEYS } from './ImportPreviewCard.tsx';

export const PROGRESS_PAGE_KEYS = [
  'progress.lessonsDone', 'progress.hoursDone', 'progress.bestScore', 'progress.latestScore', 'progress.export', 'progress.exportedWhere',
  'progress.import', 'progress.nameLabel', 'progress.nameHint', 'progress.importPreviewTitle', 'progress.importUnknown',
  'progress.importConfirm', 'progress.importCancel', 'progress.importDone', 'progress.importCancelled', 'progress.notStarted', 'progress.inProgress', 'progress.moduleDone', 'progress.certificateLink',
  ...IMPORT_PREVIEW_KEYS, 'progress.certificateNotYet', 'progress.handoverHeading', 'progress.handoverIntro', 'progress.passportLink', 'progress.completedStatus', 'content.inSourceLanguage',
] as const;

type Strings = Record<(typeof PROGRESS_PAGE_KEYS)[number], string> & StorageNoticeStrings & FileErrorStrings;

interface Props {
  siteId: string;
  locale: string;
  certificateHref: string;
  strings: Strings;
}

export default function ProgressPage({ siteId, locale, certificateHref, strings }: Props) {
  const [snapshot, store] = useProgress(siteId);
  const [passport, passportHandle] = useStore(passportStore, siteId);
  const loaded = useOutline(locale);
  const [pending, setPending] = useState<{ file: ProgressExport; preview: ImportPreview } | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const progress = snapshot?.value;
  const modules = loaded && loaded !== 'failed' ? loaded.modules : [];
  const summary = progress && modules.length ? summarize(progress, progressOutline({ modules })) : null;
  const known = new Set(modules.flatMap((m) => m.lessons.map((l) => l.id)));

  function exportProgress() {
    if (!progress) return;
    // The passport id goes into the file, so a teacher's group counts this participant once.
    passportHandle?.update((value) => keepPassport(value));
    const text = writeProgressFile(progress, absoluteUrl(schemaPath(progressFile.schema)), new Date(), passport?.value.id);
    const fileName = progressFileName(siteId, localDay(), progress.participantName);
    downloadFile(fileName, text);
    setMessage({ text: format(strings['progress.exportedWhere'], { file: fileName }), kind: 'ok' });
  }

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !progress) return;
    setPending(null);
    const read = await readFileText(file, progressFile.maxBytes);
    if (!read.ok) {
      setMessage({ text: dataErrorText(read.error, strings), kind: 'error' });
      return;
    }
    const parsed = readProgressFile(read.text, new Date());
    if (!parsed.ok) {
      setMessage({ text: dataErrorText(parsed.error, strings), kind: 'error' });
      return;
    }
    setMessage(null);
    setPending({ file: parsed.file, preview: previewImport(progress, parsed.file, known) });
  }

  function confirmImport() {
    if (!pending || !store) return;
    const result = store.update((current, now) => mergeProgress(current, pending.file, now));
    setPending(null);
    setMessage(result.saved ? { text: strings['progress.importDone'], kind: 'ok' } : { text: dataErrorText(result.problem, strings), kind: 'error' });
  }

  return (
    <div class="progress-page" data-ready={snapshot && modules.length ? 'true' : undefined}>
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <p class="progress-text">
        {summary ? format(strings['progress.lessonsDone'], { done: summary.completed, total: summary.total }) : '\u00a0'}
        {summary && <> · {format(strings['progress.hoursDone'], { done: summary.hoursDone, total: summary.plannedHours })}</>}
      </p>
      <progress max={summary?.total || 1} value={summary?.completed ?? 0} aria-hidden="true" />
      <p>{summary?.done ? <a class="btn" href={certificateHref}>{strings['progress.certificateLink']}</a> : strings['progress.certificateNotYet']}</p>

      <section class="transfer card" aria-labelledby="handover-heading" data-handover>
        <h2 id="handover-heading">{strings['progress.handoverHeading']}</h2>
        <p>{strings['progress.handoverIntro']}</p>
        <NameField id="participant-name" label={strings['progress.nameLabel']} hint={strings['progress.nameHint']} value={progress?.participantName ?? ''} store={store} />
        <p><a href="#passport-heading">{strings['progress.passportLink']}</a></p>
        <p class="actions">
          <button type="button" class="btn" onClick={exportProgress} disabled={!progress}>{strings['progress.export']}</button>{' '}
          <button type="button" class="btn btn-secondary" onClick={() => fileInput.current?.click()} disabled={!progress}>{strings['progress.import']}</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={onFile} />
        </p>
        {pending && (
          <ImportPreviewCard
            id="import-preview-title"
            title={strings['progress.importPreviewTitle']}
            preview={pending.preview}
            unknownNote={pending.preview.unknownLessons.length > 0 ? format(strings['progress.importUnknown'], { count: pending.preview.unknownLessons.length }) : undefined}
            confirmLabel={strings['progress.importConfirm']}
            cancelLabel={strings['progress.importCancel']}
            onConfirm={confirmImport}
            onCancel={() => { setPending(null); setMessage({ text: strings['progress.importCancelled'], kind: 'ok' }); }}
            strings={strings}
          />
        )}
        <p role="status" data-message="ok">{message?.kind === 'ok' ? message.text : ''}</p>
        <p role="alert" class={message?.kind === 'error' ? 'fb fb-bad' : undefined} data-message="error">{message?.kind === 'error' ? message.text : ''}</p>
      </section>

      {modules.map((module) => {
        const m = summary?.modules.find((x) => x.id === module.id);
        const status = !m || m.completed === 0 ? 'progress.notStarted' : m.done ? 'progress.moduleDone' : 'progress.inProgress';
        return (
          <section class="card" key={module.id} data-module-progress={module.id}>
            <h2 lang={module.lang}>{module.title}</h2>
            <p class="meta">
              {strings[status]} · {format(strings['progress.lessonsDone'], { done: m?.completed ?? 0, total: module.lessons.length })}
            </p>
            <ul class="lesson-list">
              {module.lessons.map((lesson) => {
                const entry = progress?.lessons[lesson.id];
                return (
                  <li key={lesson.id} data-lesson-progress={lesson.id} data-completed={entry?.completedAt ? 'true' : 'false'}>
                    <span aria-hidden="true">{entry?.completedAt ? '✓' : '○'}</span> <a href={lesson.href} lang={lesson.lang}>{lesson.title}</a>
                    {lesson.lang && <small class="in-source"> ({strings['content.inSourceLanguage']})</small>}
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

    </div>
  );
}
