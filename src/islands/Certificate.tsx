/**
 * The printable course certificate: the name the participant types (kept on this device only),
 * the completed modules with hours and dates, and a line for the teacher's signature. The
 * municipality's name, logo and contact are server-rendered around it.
 */
import { format } from '../lib/i18n/format.ts';
import { setParticipantName } from '../lib/progress/envelope.ts';
import { summarize } from '../lib/progress/summary.ts';
import { useProgress } from './useProgress.ts';
import { StorageNotice, type StorageNoticeStrings } from './StorageNotice.tsx';

export const CERTIFICATE_KEYS = [
  'certificate.statement', 'certificate.nameLabel', 'certificate.modulesHeading', 'certificate.module', 'certificate.hours',
  'certificate.date', 'certificate.totalHours', 'certificate.signature', 'certificate.signatureDate', 'certificate.print',
  'certificate.incomplete',
] as const;

interface Props {
  siteId: string;
  /** BCP-47 tag for dates. */
  dateLocale: string;
  modules: Array<{ id: string; title: string; plannedHours: number; lessonIds: string[] }>;
  strings: Record<(typeof CERTIFICATE_KEYS)[number], string> & StorageNoticeStrings;
}

export default function Certificate({ siteId, dateLocale, modules, strings }: Props) {
  const [snapshot, client] = useProgress(siteId);
  if (!snapshot) return <div class="certificate-placeholder" aria-busy="true" />;
  const summary = summarize(snapshot.store, modules.map((m) => ({ id: m.id, plannedHours: m.plannedHours, lessonIds: m.lessonIds })));
  const name = snapshot.store.participantName ?? '';
  const date = (iso?: string) => {
    if (!iso) return '';
    try {
      return new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long' }).format(new Date(iso));
    } catch {
      return iso.slice(0, 10);
    }
  };
  return (
    <div class="certificate" data-complete={summary.done ? 'true' : 'false'}>
      <StorageNotice problem={snapshot.problem} strings={strings} />
      <div class="field no-print">
        <label for="certificate-name">{strings['certificate.nameLabel']}</label>
        <input
          id="certificate-name"
          type="text"
          dir="auto"
          autocomplete="name"
          maxLength={80}
          value={name}
          onInput={(e) => client?.update((s, now) => setParticipantName(s, (e.currentTarget as HTMLInputElement).value, now))}
        />
      </div>
      {!summary.done && <p class="notice" role="note">{format(strings['certificate.incomplete'], { done: summary.completed, total: summary.total })}</p>}
      {summary.done && (
        <>
          <p class="statement" dir="auto">{format(strings['certificate.statement'], { name: name || '……………………' })}</p>
          <h2>{strings['certificate.modulesHeading']}</h2>
          <table>
            <thead>
              <tr><th scope="col">{strings['certificate.module']}</th><th scope="col">{strings['certificate.hours']}</th><th scope="col">{strings['certificate.date']}</th></tr>
            </thead>
            <tbody>
              {summary.modules.map((m) => (
                <tr key={m.id} data-module={m.id}>
                  <td>{modules.find((x) => x.id === m.id)?.title}</td>
                  <td>{m.plannedHours}</td>
                  <td>{date(m.doneAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><strong>{format(strings['certificate.totalHours'], { hours: summary.plannedHours })}</strong></p>
          <div class="signatures">
            <div><span class="line" /> <span>{strings['certificate.signature']}</span></div>
            <div><span class="line" /> <span>{strings['certificate.signatureDate']}</span></div>
          </div>
          <p class="no-print"><button type="button" class="btn" onClick={() => window.print()}>{strings['certificate.print']}</button></p>
        </>
      )}
    </div>
  );
}
