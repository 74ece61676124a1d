/**
 * Translation coverage per locale: lessons translated (machine or reviewed), outdated (made from
 * an older revision of the source), missing, and UI strings missing. Pure;
 * `scripts/i18n-status.ts` feeds it files from disk.
 */
import { splitFrontmatter } from '../content/check.ts';
import { revisionOf } from '../content/revision.ts';
import { SOURCE_LOCALE } from './locales.ts';

export interface LocaleStatus {
  locale: string;
  /** Source lessons in the course. */
  total: number;
  translated: number;
  machine: number;
  reviewed: number;
  /** Lesson ids whose translation was made from an older revision of the source (or says none). */
  outdated: string[];
  /** Lesson ids with no translation in this locale. */
  missing: string[];
  /** UI string keys the source locale has and this locale lacks. */
  uiMissing: string[];
}

interface Frontmatter {
  title?: string;
  summary?: string;
  translation?: string;
  sourceRevision?: string;
}

/**
 * Computes coverage for each locale.
 *
 * @param lessons map of lesson file paths (`content/lessons/<locale>/<module>/<lesson>.mdx`) to text
 * @param ui map of locale code to its UI strings
 */
export function translationStatus(locales: string[], lessons: Map<string, string>, ui: Map<string, Record<string, string>>): LocaleStatus[] {
  const byLocale = new Map<string, Map<string, { data: Frontmatter; body: string }>>();
  for (const [path, text] of lessons) {
    const [locale, moduleId, file] = path.split('/').slice(-3);
    if (!locale || !moduleId || !file) continue;
    const split = splitFrontmatter(text);
    const map = byLocale.get(locale) ?? new Map();
    map.set(`${moduleId}/${file.replace(/\.mdx$/, '')}`, { data: (split?.frontmatter ?? {}) as Frontmatter, body: split?.body ?? '' });
    byLocale.set(locale, map);
  }
  const sources = byLocale.get(SOURCE_LOCALE) ?? new Map();
  const revisions = new Map([...sources].map(([id, { data, body }]) => [id, revisionOf({ title: data.title ?? '', summary: data.summary ?? '', body })]));
  const originals = [...sources.keys()].sort();
  const sourceKeys = Object.keys(ui.get(SOURCE_LOCALE) ?? {});
  return locales.map((locale) => {
    const own = byLocale.get(locale) ?? new Map();
    const present = originals.filter((id) => own.has(id));
    const status = (id: string) => own.get(id)?.data.translation;
    const strings = ui.get(locale) ?? {};
    return {
      locale,
      total: originals.length,
      translated: present.length,
      machine: present.filter((id) => status(id) === 'machine').length,
      reviewed: present.filter((id) => status(id) === 'reviewed' || status(id) === 'original').length,
      outdated: locale === SOURCE_LOCALE ? [] : present.filter((id) => own.get(id)!.data.sourceRevision !== revisions.get(id)),
      missing: originals.filter((id) => !own.has(id)),
      uiMissing: sourceKeys.filter((k) => !(k in strings)),
    };
  });
}

/** A fixed-width text table of the status, one row per locale. */
export function formatStatusTable(rows: LocaleStatus[]): string {
  const header = ['locale', 'lessons', 'translated', 'machine', 'reviewed', 'outdated', 'missing', 'UI missing'];
  const body = rows.map((r) => [r.locale, r.total, r.translated, r.machine, r.reviewed, r.outdated.length, r.missing.length, r.uiMissing.length].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
