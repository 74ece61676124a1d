/**
 * The surveys page: which surveys are answered, links to answer them, and "Export survey
 * answers", which downloads the answers not yet exported and marks them exported (kept).
 */
import { useState } from 'preact/hooks';
import { format } from '../lib/i18n/format.ts';
import { surveyClient } from '../lib/survey/client.ts';
import { findResponses, markExported, pendingExport } from '../lib/survey/store.ts';
import { buildExport, exportFileName, serializeExport } from '../lib/survey/export.ts';
import { downloadFile } from '../lib/browser/download.ts';
import { useEnvelope } from './useProgress.ts';

export const SURVEY_HUB_KEYS = ['survey.answered', 'survey.notAnswered', 'survey.export', 'survey.exportCount', 'survey.exported', 'survey.nothingToExport', 'survey.storageProblem'] as const;

export interface HubEntry {
  surveyId: string;
  label: string;
  href: string;
  moduleId?: string;
  phase?: 'before' | 'after';
}

interface Props {
  siteId: string;
  schemaUrl: string;
  entries: HubEntry[];
  strings: Record<(typeof SURVEY_HUB_KEYS)[number], string>;
}

export default function SurveyHub({ siteId, schemaUrl, entries, strings }: Props) {
  const [snapshot, client] = useEnvelope(() => surveyClient(siteId), [siteId]);
  const [message, setMessage] = useState('');
  const store = snapshot?.value;
  const pending = store ? pendingExport(store).length : 0;

  function exportAnswers() {
    if (!client || !store) return;
    if (!pending) return setMessage(strings['survey.nothingToExport']);
    const now = new Date();
    const file = buildExport(store, { siteId, now, schemaUrl });
    downloadFile(exportFileName(siteId, now), serializeExport(file));
    client.update((current) => markExported(current, file.responses.map((r) => r.responseId), now));
    setMessage(format(strings['survey.exported'], { count: file.responses.length }));
  }

  return (
    <div class="survey-hub">
      {snapshot?.problem === 'unreadable' && <p class="notice" role="alert">{strings['survey.storageProblem']}</p>}
      <ul class="lesson-list">
        {entries.map((entry) => {
          const answered = store ? findResponses(store, { surveyId: entry.surveyId, ...(entry.moduleId ? { moduleId: entry.moduleId } : {}), ...(entry.phase ? { phase: entry.phase } : {}) }).length > 0 : false;
          return (
            <li key={entry.href} data-survey-entry={entry.href} data-answered={answered ? 'true' : 'false'}>
              <span aria-hidden="true">{answered ? '✓' : '○'}</span> <a href={entry.href}>{entry.label}</a>
              <small> · {snapshot ? strings[answered ? 'survey.answered' : 'survey.notAnswered'] : ''}</small>
            </li>
          );
        })}
      </ul>
      <p>{format(strings['survey.exportCount'], { count: pending })}</p>
      <p><button type="button" class="btn" onClick={exportAnswers} disabled={!snapshot}>{strings['survey.export']}</button></p>
      <p role="status">{message}</p>
    </div>
  );
}
