/**
 * "Assigned to you" on the course home and the progress page. On load it reads an assignment
 * link's fragment, validates it, saves it on the device (opening the same link twice keeps one)
 * and removes the fragment from the address. A tampered, truncated or outdated link gets a clear
 * message and nothing stored changes. Assignments hold the group, the items, the due date, and
 * show the participant's progress; each can be removed.
 */
import { useEffect, useState } from 'preact/hooks';
import { decodeAssignment, withoutAssignment, type DecodeError } from '../lib/assignment/encode.ts';
import { assignmentProgress, isForSite, resolveAssignment } from '../lib/assignment/resolve.ts';
import { addAssignment, removeAssignment } from '../lib/assignment/store.ts';
import { assignmentClient } from '../lib/assignment/client.ts';
import { format } from '../lib/i18n/format.ts';
import { useEnvelope, useProgress } from './useProgress.ts';

export const INBOX_KEYS = [
  'assignment.heading', 'assignment.group', 'assignment.due', 'assignment.progress', 'assignment.remove', 'assignment.saved', 'assignment.missing',
  'assignment.error.truncated', 'assignment.error.tampered', 'assignment.error.unknownVersion', 'assignment.error.invalid', 'assignment.error.otherSite',
  'assignment.certificate',
] as const;
type Strings = Record<(typeof INBOX_KEYS)[number], string>;

interface Props {
  siteId: string;
  /** BCP-47 tag for dates. */
  dateLocale: string;
  outline: Array<{ id: string; plannedHours: number; lessonIds: string[] }>;
  /** Module and lesson ids to their title and link in the reader's locale. */
  links: Record<string, { title: string; href: string }>;
  certificateHref: string;
  strings: Strings;
}

const ERROR_KEY: Record<Exclude<DecodeError, 'missing'>, keyof Strings> = {
  truncated: 'assignment.error.truncated',
  tampered: 'assignment.error.tampered',
  'unknown-version': 'assignment.error.unknownVersion',
  invalid: 'assignment.error.invalid',
};

export default function AssignmentInbox({ siteId, dateLocale, outline, links, certificateHref, strings }: Props) {
  const [snapshot, client] = useEnvelope(() => assignmentClient(siteId), [siteId]);
  const [progress] = useProgress(siteId);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (!client || !/[#&]a=/.test(location.hash)) return;
    const decoded = decodeAssignment(location.hash);
    if (!decoded.ok) {
      if (decoded.error !== 'missing') setMessage({ text: strings[ERROR_KEY[decoded.error]], error: true });
      return;
    }
    if (!isForSite(decoded.assignment, siteId)) {
      setMessage({ text: strings['assignment.error.otherSite'], error: true });
      return;
    }
    client.update((store, now) => addAssignment(store, decoded.assignment, now));
    history.replaceState(null, '', `${location.pathname}${location.search}${withoutAssignment(location.hash)}`);
    setMessage({ text: strings['assignment.saved'], error: false });
  }, [client]);

  const assignments = snapshot?.value.assignments ?? [];
  return (
    <section class="assignments" aria-labelledby="assignments-heading" hidden={!message && assignments.length === 0}>
      <h2 id="assignments-heading">{strings['assignment.heading']}</h2>
      <p role="status">{message && !message.error ? message.text : ''}</p>
      <p role="alert" class={message?.error ? 'fb fb-bad' : undefined}>{message?.error ? message.text : ''}</p>
      {assignments.map((a) => {
        const resolved = resolveAssignment(a, outline);
        const done = progress ? assignmentProgress(progress.store, resolved) : null;
        const missing = [...resolved.missingModules, ...resolved.missingLessons];
        return (
          <article class="card" key={a.id} data-assignment={a.id}>
            <h3><span>{strings['assignment.group']}:</span> <span dir="auto">{a.group}</span></h3>
            {a.due && <p>{format(strings['assignment.due'], { date: new Intl.DateTimeFormat(dateLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${a.due}T00:00:00Z`)) })}</p>}
            {done && <p data-assignment-progress>{format(strings['assignment.progress'], { done: done.completed, total: done.total })}</p>}
            <ul>
              {resolved.items.map((item) => {
                const itemProgress = done?.items.find((x) => x.id === item.id);
                return (
                  <li key={item.id} data-assigned-item={item.id} data-done={itemProgress?.done ? 'true' : 'false'}>
                    <span aria-hidden="true">{itemProgress?.done ? '✓' : '○'}</span> <a href={links[item.id]?.href}>{links[item.id]?.title ?? item.id}</a>
                    {itemProgress && item.kind === 'module' && <small> · {itemProgress.completed}/{itemProgress.total}</small>}
                  </li>
                );
              })}
            </ul>
            {missing.length > 0 && <p class="notice" role="note" data-missing>{format(strings['assignment.missing'], { items: missing.join(', ') })}</p>}
            {done?.done && <p><a href={`${certificateHref}?assignment=${a.id}`}>{strings['assignment.certificate']}</a></p>}
            <p><button type="button" class="btn btn-secondary" onClick={() => client?.update((store) => removeAssignment(store, a.id))}>{strings['assignment.remove']}</button></p>
          </article>
        );
      })}
    </section>
  );
}
