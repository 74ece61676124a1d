/**
 * "Assigned to you" on the course home and the progress page. On load it reads an assignment
 * link's fragment, validates it, saves it on the device (opening the same link twice keeps one)
 * and removes the fragment from the address. A tampered, truncated or newer link gets a clear
 * message and nothing stored changes. When the device's assignments cannot be read or were
 * written by a newer version, they are left untouched and the notice says why; a new link is then
 * shown for this visit only.
 */
import { useEffect, useState } from 'preact/hooks';
import { decodeAssignment, withoutAssignment } from '../lib/assignment/encode.ts';
import { assignmentProgress, isForSite, resolveAssignment } from '../lib/assignment/resolve.ts';
import { addAssignment, assignmentStore, removeAssignment } from '../lib/assignment/store.ts';
import { format } from './format.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { outlineLinks, progressOutline } from '../lib/page/outline.ts';
import { useOutline, useProgress, useStore } from './hooks.ts';
import { dataErrorText, StorageNotice, type FileErrorStrings, type StorageNoticeStrings } from './DataNotice.tsx';

export const INBOX_KEYS = ['assignment.heading', 'assignment.group', 'assignment.due', 'assignment.progress', 'assignment.remove', 'assignment.saved', 'assignment.missing', 'assignment.certificate'] as const;
type Strings = Record<(typeof INBOX_KEYS)[number], string> & StorageNoticeStrings & FileErrorStrings;

interface Props {
  siteId: string;
  locale: string;
  /** BCP-47 tag for dates. */
  dateLocale: string;
  certificateHref: string;
  strings: Strings;
}

export default function AssignmentInbox({ siteId, locale, dateLocale, certificateHref, strings }: Props) {
  const [snapshot, store] = useStore(assignmentStore, siteId);
  const [progress] = useProgress(siteId);
  const loaded = useOutline(locale);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (!store || !/[#&]a=/.test(location.hash)) return;
    const decoded = decodeAssignment(location.hash);
    if (!decoded.ok) {
      if (decoded.error !== 'missing') setMessage({ text: dataErrorText(decoded.error, strings), error: true });
      return;
    }
    if (!isForSite(decoded.assignment, siteId)) {
      setMessage({ text: dataErrorText('other-site', strings), error: true });
      return;
    }
    const result = store.update((held, now) => addAssignment(held, decoded.assignment, now));
    history.replaceState(null, '', `${location.pathname}${location.search}${withoutAssignment(location.hash)}`);
    // Not saved: the notice above says why; the assignment still shows for this visit.
    if (result.saved) setMessage({ text: strings['assignment.saved'], error: false });
  }, [store]);

  const outline = loaded && loaded !== 'failed' ? loaded : null;
  const links = outline ? outlineLinks(outline) : new Map<string, { title: string; lang?: string; href: string }>();
  const modules = outline ? progressOutline(outline) : [];
  const assignments = snapshot?.value.assignments ?? [];
  const problem = snapshot?.problem;
  return (
    <section class="assignments" aria-labelledby="assignments-heading" hidden={!message && !problem && assignments.length === 0}>
      <h2 id="assignments-heading">{strings['assignment.heading']}</h2>
      <StorageNotice problem={problem} strings={strings} />
      <p role="status">{message && !message.error ? message.text : ''}</p>
      <p role="alert" class={message?.error ? 'fb fb-bad' : undefined}>{message?.error ? message.text : ''}</p>
      {outline &&
        assignments.map((a) => {
          const resolved = resolveAssignment(a, modules);
          const done = progress ? assignmentProgress(progress.value, resolved) : null;
          const missing = [...resolved.missingModules, ...resolved.missingLessons];
          return (
            <article class="card" key={a.id} data-assignment={a.id}>
              <h3>
                <span>{strings['assignment.group']}:</span> <bdi>{a.group}</bdi>
              </h3>
              {a.due && <p>{format(strings['assignment.due'], { date: formatLongDate(a.due, dateLocale) })}</p>}
              {done && <p data-assignment-progress>{format(strings['assignment.progress'], { done: done.completed, total: done.total })}</p>}
              <ul>
                {resolved.items.map((item) => {
                  const itemProgress = done?.items.find((x) => x.id === item.id);
                  const link = links.get(item.id);
                  return (
                    <li key={item.id} data-assigned-item={item.id} data-done={itemProgress?.done ? 'true' : 'false'}>
                      <span aria-hidden="true">{itemProgress?.done ? '✓' : '○'}</span>{' '}
                      <a href={link?.href} lang={link?.lang}>
                        {link?.title ?? item.id}
                      </a>
                      {itemProgress && item.kind === 'module' && (
                        <small>
                          {' '}
                          · {itemProgress.completed}/{itemProgress.total}
                        </small>
                      )}
                    </li>
                  );
                })}
              </ul>
              {missing.length > 0 && (
                <p class="notice" role="note" data-missing>
                  {format(strings['assignment.missing'], { items: missing.join(', ') })}
                </p>
              )}
              {done?.done && (
                <p>
                  <a href={`${certificateHref}?assignment=${a.id}`}>{strings['assignment.certificate']}</a>
                </p>
              )}
              <p>
                <button type="button" class="btn btn-secondary" onClick={() => store?.update((held) => removeAssignment(held, a.id))}>
                  {strings['assignment.remove']}
                </button>
              </p>
            </article>
          );
        })}
    </section>
  );
}
