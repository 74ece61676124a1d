/** The offline page's list of lessons saved on this device (see `lib/offline/saved-lessons.browser.ts`). */
import { useEffect, useState } from 'preact/hooks';
import { savedLessons, type SavedLesson } from '../lib/offline/saved-lessons.browser.ts';

export const OFFLINE_LIST_KEYS = ['offline.text', 'offline.none', 'offline.retry'] as const;

interface Props {
  siteId: string;
  locale: string;
  strings: Record<(typeof OFFLINE_LIST_KEYS)[number], string>;
}

export default function OfflineList({ siteId, locale, strings }: Props) {
  const [lessons, setLessons] = useState<SavedLesson[] | null>(null);
  useEffect(() => {
    void savedLessons(siteId, locale).then(setLessons, () => setLessons([]));
  }, [siteId, locale]);
  return (
    <div data-offline-list>
      <p>{strings['offline.text']}</p>
      <ul>
        {lessons?.map((lesson) => (
          <li key={lesson.href}>
            <a href={lesson.href}>{lesson.title}</a>
          </li>
        ))}
      </ul>
      {lessons?.length === 0 && <p data-none>{strings['offline.none']}</p>}
      <p>
        <button type="button" class="btn" onClick={() => location.reload()}>
          {strings['offline.retry']}
        </button>
      </p>
    </div>
  );
}
