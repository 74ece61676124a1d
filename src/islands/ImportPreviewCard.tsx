/**
 * What an import would change, shown before anything is stored: the file or the scanned passport
 * (`ProgressPage`, `ProgressPassport`) both merge by the same rules, so they preview the same way.
 */
import { format } from './format.ts';
import type { ImportPreview } from '../lib/progress/transfer.ts';

export const IMPORT_PREVIEW_KEYS = ['progress.importOtherSite', 'progress.importNothingNew', 'progress.importNewlyCompleted', 'progress.importBetterScores', 'progress.importKeep'] as const;

interface Props {
  /** Id of the heading, which names the region. */
  id: string;
  title: string;
  preview: ImportPreview;
  /** A sentence about lessons this course does not have, when there are any. */
  unknownNote?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  strings: Record<(typeof IMPORT_PREVIEW_KEYS)[number], string>;
}

export default function ImportPreviewCard({ id, title, preview, unknownNote, confirmLabel, cancelLabel, onConfirm, onCancel, strings }: Props) {
  return (
    <div class="preview card" role="region" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {preview.otherSite && <p>{format(strings['progress.importOtherSite'], { site: preview.otherSite })}</p>}
      {preview.nothingNew ? (
        <p>{strings['progress.importNothingNew']}</p>
      ) : (
        <ul>
          <li>{format(strings['progress.importNewlyCompleted'], { count: preview.newlyCompleted.length })}</li>
          <li>{format(strings['progress.importBetterScores'], { count: preview.betterScores.length })}</li>
        </ul>
      )}
      {unknownNote && <p>{unknownNote}</p>}
      <p>{strings['progress.importKeep']}</p>
      <p class="actions">
        <button type="button" class="btn" onClick={onConfirm}>{confirmLabel}</button>{' '}
        <button type="button" class="btn btn-secondary" onClick={onCancel}>{cancelLabel}</button>
      </p>
    </div>
  );
}
