/**
 * The surveys page: which surveys are answered, links to answer them, and "Export survey
 * answers". The answers in a file are marked exported only when the participant says the file was
 * saved; until then (and whenever they like, with "Export all answers again") nothing is lost from
 * later exports.
 */
import { useState } from 'preact/hooks';
import { format } from './format.ts';
import { findResponses, markExported, pendingExport, surveyStore } from '../lib/survey/store.ts';
import { exportFileName, writeSurveyFile } from '../lib/survey/export.ts';
import { surveyFile } from '../lib/survey/file.ts';
import { absoluteUrl, schemaPath } from '../lib/routing/paths.ts';
import { downloadFile } from '../lib/browser/download.ts';
import { useStore } from './hooks.ts';
import { StorageNotice, type StorageNoticeStrings } from './DataNotice.tsx';

export const SURVEY_HUB_KEYS = [
  'survey.answered', 'survey.notAnswered', 'survey.export', 'survey.exportCount', 'survey.exported', 'survey.nothingToExport',
  'survey.exportAgain', 'survey.confirmSaved', 'survey.confirmYes', 'survey.confirmNo', 'survey.markedExported',
] as const;

export interface HubEntry {
  surveyId: string;
  label: string;
  href: string;
  moduleId?: string;
  phase?: 'before' | 'after';
}

interface Props {
  siteId: string;
  entries: HubEntry[];
  strings: Record<(typeof SURVEY_HUB_KEYS)[number], string> & StorageNoticeStrings;
}

export default function SurveyHub({ siteId, entries, strings }: Props) {
  const [snapshot, store] = useStore(surveyStore, siteId);
  const [message, setMessage] = useState('');
  /** Response ids of the file just downloaded, until the participant says whether it was saved. */
  const [awaiting, setAwaiting] = useState<string[] | null>(null);
  const answers = snapshot?.value;
  const pending = answers ? pendingExport(answers).length : 0;

  function download(all: boolean) {
    if (!answers) return;
    const responses = all ? answers.responses : pendingExport(answers);
    if (!responses.length) return setMessage(strings['survey.nothingToExport']);
    const now = new Date();
    const { text, responseIds } = writeSurveyFile(answers, responses, { siteId, now, schemaUrl: absoluteUrl(schemaPath(surveyFile.schema)) });
    downloadFile(exportFileName(siteId, now), text);
    setMessage(format(strings['survey.exported'], { count: responseIds.length }));
    if (!all) setAwaiting(responseIds);
  }

  function confirm(savedFile: boolean) {
    if (savedFile && awaiting && store) {
      const result = store.update((current, now) => markExported(current, awaiting, now));
      if (result.saved) setMessage(format(strings['survey.markedExported'], { count: awaiting.length }));
    }
    setAwaiting(null);
    if (!savedFile) setMessage('');
  }

  return (
    <div class="survey-hub">
      <StorageNotice problem={snapshot?.problem} strings={strings} />
      <ul class="lesson-list">
        {entries.map((entry) => {
          const answered = answers ? findResponses(answers, { surveyId: entry.surveyId, ...(entry.moduleId ? { moduleId: entry.moduleId } : {}), ...(entry.phase ? { phase: entry.phase } : {}) }).length > 0 : false;
          return (
            <li key={entry.href} data-survey-entry={entry.href} data-answered={answered ? 'true' : 'false'}>
              <span aria-hidden="true">{answered ? '✓' : '○'}</span> <a href={entry.href}>{entry.label}</a>
              <small> · {snapshot ? strings[answered ? 'survey.answered' : 'survey.notAnswered'] : ''}</small>
            </li>
          );
        })}
      </ul>
      <p>{format(strings['survey.exportCount'], { count: pending })}</p>
      <p class="actions">
        <button type="button" class="btn" onClick={() => download(false)} disabled={!snapshot || awaiting !== null}>
          {strings['survey.export']}
        </button>{' '}
        {answers && answers.responses.length > 0 && (
          <button type="button" class="btn btn-secondary" onClick={() => download(true)}>
            {strings['survey.exportAgain']}
          </button>
        )}
      </p>
      <p role="status">{message}</p>
      {awaiting && (
        <div class="card" role="group" aria-labelledby="confirm-saved" data-confirm-export>
          <p id="confirm-saved">{strings['survey.confirmSaved']}</p>
          <p class="actions">
            <button type="button" class="btn" onClick={() => confirm(true)}>
              {strings['survey.confirmYes']}
            </button>{' '}
            <button type="button" class="btn btn-secondary" onClick={() => confirm(false)}>
              {strings['survey.confirmNo']}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
