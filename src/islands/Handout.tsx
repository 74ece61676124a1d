/**
 * The printable handout for a group: reads the assignment from the page's URL fragment (never
 * sent to a server), lists what to read with the due date, draws the QR code, and gives short
 * instructions in the participants' language and in Swedish. The municipality's logo and name are
 * server-rendered around it.
 */
import { useEffect, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { assignmentLink, decodeAssignment } from '../lib/assignment/encode.ts';
import { resolveAssignment } from '../lib/assignment/resolve.ts';
import { format } from './format.ts';
import { formatLongDate } from '../lib/i18n/dates.ts';
import { SWEDISH } from '../lib/i18n/locales.ts';
import { loadOutline } from '../lib/browser/outline.ts';
import { outlineLinks, progressOutline, type CourseOutline } from '../lib/page/outline.ts';
import { basePath } from '../lib/routing/paths.ts';
import type { Assignment } from '../schemas/assignment.ts';

export const HANDOUT_KEYS = ['handout.title', 'handout.read', 'handout.due', 'handout.steps', 'handout.print', 'handout.invalid', 'teacher.qr', 'assignment.group'] as const;
type Strings = Record<(typeof HANDOUT_KEYS)[number], string>;

interface Props {
  /** Handout strings per locale. */
  strings: Record<string, Strings>;
  /** Locale labels and directions. */
  locales: Array<{ code: string; tag: string; intl: string; dir: 'ltr' | 'rtl'; label: string }>;
  /** The page's own locale, for the error message. */
  locale: string;
}

type Ready = { assignment: Assignment; link: string; svg: string; outlines: Map<string, CourseOutline> };

export default function Handout({ strings, locales, locale }: Props) {
  const [state, setState] = useState<Ready | 'invalid' | null>(null);
  useEffect(() => {
    const decoded = decodeAssignment(location.hash);
    if (!decoded.ok) return setState('invalid');
    const { assignment } = decoded;
    const link = assignmentLink(new URL(basePath(), location.href).href, assignment.locale, assignment);
    // The handout is in the participants' language and in Swedish: the titles of both.
    const codes = [...new Set([assignment.locale, SWEDISH])].filter((code) => locales.some((l) => l.code === code));
    void Promise.all([QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }), ...codes.map((code) => loadOutline(code))]).then(
      ([svg, ...loaded]) => setState({ assignment, link, svg: svg as string, outlines: new Map(codes.map((code, i) => [code, loaded[i] as CourseOutline])) }),
      () => setState('invalid'),
    );
  }, []);
  const own = strings[locale] ?? strings[SWEDISH]!;
  if (state === null) return <div class="handout-placeholder" aria-busy="true" />;
  if (state === 'invalid') return <p class="notice" role="alert">{own['handout.invalid']}</p>;

  const { assignment, link, svg, outlines } = state;
  const languages = [...outlines.keys()].map((code) => locales.find((l) => l.code === code)!);
  const resolved = resolveAssignment(assignment, progressOutline(outlines.values().next().value!));
  return (
    <div class="handout">
      <p class="handout-group">
        <strong>
          <bdi>{assignment.group}</bdi>
        </strong>
      </p>
      <div class="handout-body">
        {languages.map((l) => {
          const s = strings[l.code] ?? own;
          const titles = outlineLinks(outlines.get(l.code)!);
          return (
            <section key={l.code} lang={l.tag} dir={l.dir} class="handout-lang">
              <h2>{s['handout.title']}</h2>
              <h3>{s['handout.read']}</h3>
              <ul>
                {resolved.items.map((item) => {
                  const title = titles.get(item.id);
                  return (
                    <li key={item.id} lang={title?.lang}>
                      {title?.title ?? item.id}
                    </li>
                  );
                })}
              </ul>
              {assignment.due && (
                <p>
                  <strong>{format(s['handout.due'], { date: formatLongDate(assignment.due, l.intl) })}</strong>
                </p>
              )}
              <p>{s['handout.steps']}</p>
            </section>
          );
        })}
      </div>
      <div class="qr" role="img" aria-label={format(own['teacher.qr'], { group: assignment.group })} dangerouslySetInnerHTML={{ __html: svg }} />
      <p class="handout-link" dir="ltr">{link}</p>
      <p class="no-print"><button type="button" class="btn" onClick={() => window.print()}>{own['handout.print']}</button></p>
    </div>
  );
}
