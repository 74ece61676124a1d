/**
 * The printable course certificate: the name the participant types (kept on this device only),
 * the completed modules with hours and dates, and a line for the teacher's signature. The
 * municipality's name, logo and contact are server-rendered around it.
 */
import { format } from '../lib/i18n/format.ts';
import { summarize } from '../lib/progress/summary.ts';
import { useMemo } from 'preact/hooks';
import { assignmentClient } from '../lib/assignment/client.ts';
import { resolveAssignment } from '../lib/assignment/resolve.ts';
import { useEnvelope, useProgress } from './useProgress.ts';
import { StorageNotice, type StorageNoticeStrings } from './StorageNotice.tsx';
import NameField from './NameField.tsx';

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
  const [assignments] = useEnvelope(() => assignmentClient(siteId), [siteId]);
  const scopeId = useMemo(() => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('assignment')), []);
  if (!snapshot || !assignments) return <div class="certificate-placeholder" aria-busy="true" />;
  // `?assignment=<id>`: the certificate covers that assignment's modules and lessons only.
  const assignment = scopeId ? assignments.value.assignments.find((a) => a.id === scopeId) : undefined;
  const outline = modules.map((m) => ({ id: m.id, plannedHours: m.plannedHours, lessonIds: m.lessonIds }));
  const scoped = assignment ? scopeOutline(resolveAssignment(assignment, outline).items, outline) : outline;
  const summary = summarize(snapshot.store, scoped);
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
      <NameField id="certificate-name" class="no-print" label={strings['certificate.nameLabel']} value={name} client={client} />
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

/** The outline an assignment covers: whole modules as they are, single lessons grouped by module. */
function scopeOutline(items: ReturnType<typeof resolveAssignment>['items'], outline: Array<{ id: string; plannedHours: number; lessonIds: string[] }>) {
  const scoped = new Map<string, { id: string; plannedHours: number; lessonIds: string[] }>();
  for (const item of items) {
    if (item.kind === 'module') scoped.set(item.id, outline.find((m) => m.id === item.id)!);
    else {
      const entry = scoped.get(item.moduleId) ?? { id: item.moduleId, plannedHours: 0, lessonIds: [] };
      scoped.set(item.moduleId, { ...entry, plannedHours: Math.round((entry.plannedHours + item.hours) * 10) / 10, lessonIds: [...entry.lessonIds, item.id] });
    }
  }
  return [...scoped.values()];
}
