/**
 * Translation coverage per locale: lessons translated (machine or reviewed), missing, and UI
 * strings missing. Pure; `scripts/i18n-status.ts` feeds it files from disk.
 */
import { splitFrontmatter } from '../content/check.ts';
import { SOURCE_LOCALE } from './locales.ts';

export interface LocaleStatus {
  locale: string;
  /** Swedish lessons in the course. */
  total: number;
  translated: number;
  machine: number;
  reviewed: number;
  /** Lesson ids with no translation in this locale. */
  missing: string[];
  /** UI string keys Swedish has and this locale lacks. */
  uiMissing: string[];
}

/**
 * Computes coverage for each locale.
 *
 * @param lessons map of lesson file paths (`content/lessons/<locale>/<module>/<lesson>.mdx`) to text
 * @param ui map of locale code to its UI strings
 */
export function translationStatus(locales: string[], lessons: Map<string, string>, ui: Map<string, Record<string, string>>): LocaleStatus[] {
  const byLocale = new Map<string, Map<string, string>>();
  for (const [path, text] of lessons) {
    const [, , locale, moduleId, file] = path.split('/');
    if (!locale || !moduleId || !file) continue;
    const status = (splitFrontmatter(text)?.frontmatter as { translation?: string } | undefined)?.translation ?? 'unknown';
    const map = byLocale.get(locale) ?? new Map<string, string>();
    map.set(`${moduleId}/${file.replace(/\.mdx$/, '')}`, status);
    byLocale.set(locale, map);
  }
  const originals = [...(byLocale.get(SOURCE_LOCALE)?.keys() ?? [])].sort();
  const svKeys = Object.keys(ui.get(SOURCE_LOCALE) ?? {});
  return locales.map((locale) => {
    const own = byLocale.get(locale) ?? new Map<string, string>();
    const statuses = originals.map((id) => own.get(id));
    const strings = ui.get(locale) ?? {};
    return {
      locale,
      total: originals.length,
      translated: statuses.filter((s) => s !== undefined).length,
      machine: statuses.filter((s) => s === 'machine').length,
      reviewed: statuses.filter((s) => s === 'reviewed' || s === 'original').length,
      missing: originals.filter((id) => !own.has(id)),
      uiMissing: svKeys.filter((k) => !(k in strings)),
    };
  });
}

/** A fixed-width text table of the status, one row per locale. */
export function formatStatusTable(rows: LocaleStatus[]): string {
  const header = ['locale', 'lessons', 'translated', 'machine', 'reviewed', 'missing', 'UI missing'];
  const body = rows.map((r) => [r.locale, r.total, r.translated, r.machine, r.reviewed, r.missing.length, r.uiMissing.length].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
