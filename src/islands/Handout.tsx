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
import { format } from '../lib/i18n/format.ts';
import type { Assignment } from '../schemas/assignment.ts';

export const HANDOUT_KEYS = ['handout.title', 'handout.read', 'handout.due', 'handout.steps', 'handout.print', 'handout.invalid', 'teacher.qr', 'assignment.group'] as const;
type Strings = Record<(typeof HANDOUT_KEYS)[number], string>;

interface Props {
  base: string;
  /** Course outline, for course order. */
  outline: Array<{ id: string; plannedHours: number; lessonIds: string[] }>;
  /** Titles per locale: module ids and lesson ids to titles. */
  titles: Record<string, Record<string, string>>;
  /** Handout strings per locale. */
  strings: Record<string, Strings>;
  /** Locale labels and directions. */
  locales: Array<{ code: string; tag: string; dir: 'ltr' | 'rtl'; label: string }>;
  /** The page's own locale, for the error message. */
  locale: string;
}

export default function Handout({ base, outline, titles, strings, locales, locale }: Props) {
  const [state, setState] = useState<{ assignment: Assignment; link: string; svg: string } | 'invalid' | null>(null);
  useEffect(() => {
    const decoded = decodeAssignment(location.hash);
    if (!decoded.ok) return setState('invalid');
    const link = assignmentLink(new URL(base, location.href).href, decoded.assignment.locale, decoded.assignment);
    void QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then((svg) => setState({ assignment: decoded.assignment, link, svg }));
  }, []);
  if (state === null) return <div class="handout-placeholder" aria-busy="true" />;
  if (state === 'invalid') return <p class="notice" role="alert">{strings[locale]?.['handout.invalid'] ?? strings.sv!['handout.invalid']}</p>;

  const { assignment, link, svg } = state;
  const resolved = resolveAssignment(assignment, outline);
  const languages = [...new Set([assignment.locale, 'sv'])].map((code) => locales.find((l) => l.code === code)).filter((l): l is Props['locales'][number] => Boolean(l));
  const dateOf = (tag: string) => (assignment.due ? new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${assignment.due}T00:00:00Z`)) : '');
  return (
    <div class="handout">
      <p class="handout-group"><strong dir="auto">{assignment.group}</strong></p>
      <div class="handout-body">
        {languages.map((l) => {
          const s = strings[l.code] ?? strings.sv!;
          const t = titles[l.code] ?? titles.sv!;
          return (
            <section key={l.code} lang={l.tag} dir={l.dir} class="handout-lang">
              <h2>{s['handout.title']}</h2>
              <h3>{s['handout.read']}</h3>
              <ul>{resolved.items.map((item) => <li key={item.id}>{t[item.id] ?? item.id}</li>)}</ul>
              {assignment.due && <p><strong>{format(s['handout.due'], { date: dateOf(l.tag) })}</strong></p>}
              <p>{s['handout.steps']}</p>
            </section>
          );
        })}
      </div>
      <div class="qr" role="img" aria-label={format(strings[locale]?.['teacher.qr'] ?? strings.sv!['teacher.qr'], { group: assignment.group })} dangerouslySetInnerHTML={{ __html: svg }} />
      <p class="handout-link" dir="ltr">{link}</p>
      <p class="no-print"><button type="button" class="btn" onClick={() => window.print()}>{strings[locale]?.['handout.print'] ?? 'Print'}</button></p>
    </div>
  );
}
