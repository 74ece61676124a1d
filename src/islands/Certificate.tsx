/**
 * The printable course summary: the name the participant types (kept on this device only) and
 * the completed modules with hours and dates. It is the participant's own record, titled so, with
 * no signature line: the intyg is issued and signed by the municipality (`IntygIssuer.tsx`).
 */
import { useMemo } from 'preact/hooks';
import { format } from './format.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { summarize, type ModuleOutline } from '../lib/progress/summary.ts';
import { assignmentStore } from '../lib/assignment/store.ts';
import { resolveAssignment } from '../lib/assignment/resolve.ts';
import { progressOutline } from '../lib/page/outline.ts';
import { useOutline, useProgress, useStore } from './hooks.ts';
import { StorageNotice, type StorageNoticeStrings } from './DataNotice.tsx';
import NameField from './NameField.tsx';

export const CERTIFICATE_KEYS = [
  'certificate.statement', 'certificate.nameLabel', 'certificate.modulesHeading', 'certificate.module', 'certificate.hours',
  'certificate.date', 'certificate.totalHours', 'certificate.print',
  'certificate.incomplete',
] as const;

interface Props {
  siteId: string;
  locale: string;
  /** BCP-47 tag for dates. */
  dateLocale: string;
  strings: Record<(typeof CERTIFICATE_KEYS)[number], string> & StorageNoticeStrings;
}

export default function Certificate({ siteId, locale, dateLocale, strings }: Props) {
  const [snapshot, store] = useProgress(siteId);
  const [assignments] = useStore(assignmentStore, siteId);
  const loaded = useOutline(locale);
  const scopeId = useMemo(() => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('assignment')), []);
  if (!snapshot || !assignments || !loaded || loaded === 'failed') return <div class="certificate-placeholder" aria-busy="true" />;
  // `?assignment=<id>`: the certificate covers that assignment's modules and lessons only.
  const assignment = scopeId ? assignments.value.assignments.find((a) => a.id === scopeId) : undefined;
  const outline = progressOutline(loaded);
  const scoped = assignment ? scopeOutline(resolveAssignment(assignment, outline).items, outline) : outline;
  const summary = summarize(snapshot.value, scoped);
  const name = snapshot.value.participantName ?? '';
  const date = (iso?: string) => (iso ? formatLongDate(iso, dateLocale) : '');
  return (
    <div class="certificate" data-complete={summary.done ? 'true' : 'false'}>
      <StorageNotice problem={snapshot.problem} strings={strings} />
      <NameField id="certificate-name" class="no-print" label={strings['certificate.nameLabel']} value={name} store={store} />
      {!summary.done && <p class="notice" role="note">{format(strings['certificate.incomplete'], { done: summary.completed, total: summary.total })}</p>}
      {summary.done && (
        <>
          <p class="statement">{fillWithName(strings['certificate.statement'], name || '……………………')}</p>
          <h2>{strings['certificate.modulesHeading']}</h2>
          <table>
            <thead>
              <tr><th scope="col">{strings['certificate.module']}</th><th scope="col">{strings['certificate.hours']}</th><th scope="col">{strings['certificate.date']}</th></tr>
            </thead>
            <tbody>
              {summary.modules.map((m) => (
                <tr key={m.id} data-module={m.id}>
                  <td>{loaded.modules.find((x) => x.id === m.id)?.title}</td>
                  <td>{m.plannedHours}</td>
                  <td>{date(m.doneAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><strong>{format(strings['certificate.totalHours'], { hours: summary.plannedHours })}</strong></p>
          <p class="no-print"><button type="button" class="btn" onClick={() => window.print()}>{strings['certificate.print']}</button></p>
        </>
      )}
    </div>
  );
}

/**
 * The statement with the typed name isolated (`<bdi>`), so a name in another direction cannot
 * reorder the sentence around it.
 */
function fillWithName(template: string, name: string) {
  const [before, after] = template.split('{{name}}');
  return after === undefined ? format(template, { name }) : (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}

/** The outline an assignment covers: whole modules as they are, single lessons grouped by module. */
function scopeOutline(items: ReturnType<typeof resolveAssignment>['items'], outline: ModuleOutline[]) {
  const scoped = new Map<string, ModuleOutline>();
  for (const item of items) {
    if (item.kind === 'module') scoped.set(item.id, outline.find((m) => m.id === item.id)!);
    else {
      const entry = scoped.get(item.moduleId) ?? { id: item.moduleId, plannedHours: 0, lessonIds: [] };
      scoped.set(item.moduleId, { ...entry, plannedHours: Math.round((entry.plannedHours + item.hours) * 10) / 10, lessonIds: [...entry.lessonIds, item.id] });
    }
  }
  return [...scoped.values()];
}
