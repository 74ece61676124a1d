/**
 * Assertions on the site that `npm test` built into dist/ (demo site, root base).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenLinks, DIST, listFiles, page } from '../support/dist.ts';
import { scenarioDir } from '../../scripts/build-scenarios.ts';

const locales: Array<{ code: string; tag: string; dir: string }> = (await import('../../content/locales.json', { with: { type: 'json' } })).default;
const lessonFiles = (locale: string) =>
  existsSync(`content/lessons/${locale}`)
    ? readdirSync(`content/lessons/${locale}`).flatMap((m) => readdirSync(`content/lessons/${locale}/${m}`).map((f) => `${m}/${f.replace('.mdx', '')}`))
    : [];
const svLessons = lessonFiles('sv');

describe('the built site', () => {
  it('has a home page for every locale, with its lang and dir', () => {
    for (const locale of locales) {
      const html = page(`${locale.code}/index.html`).querySelector('html')!;
      expect(html.getAttribute('lang'), locale.code).toBe(locale.tag);
      expect(html.getAttribute('dir'), locale.code).toBe(locale.dir);
    }
  });

  it('generates every Swedish lesson in every locale, with data-lesson on the content', () => {
    expect(svLessons.length).toBeGreaterThan(0);
    for (const locale of locales) {
      for (const id of svLessons) {
        const article = page(`${locale.code}/${id}/index.html`).querySelector('[data-lesson]');
        expect(article?.getAttribute('data-lesson'), `${locale.code}/${id}`).toBe(id);
      }
    }
  });

  it('puts lang and dir on every page', () => {
    const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(locales.length * 5);
    for (const file of pages) {
      const html = page(file).querySelector('html')!;
      const code = file.split('/')[0]!;
      const locale = locales.find((l) => l.code === code) ?? locales[0]!;
      expect(html.getAttribute('lang'), file).toBe(locale.tag);
      expect(html.getAttribute('dir'), file).toBe(locale.dir);
    }
  });

  it('marks fallback lessons with a notice and lang="sv" content, and keeps the chrome in the reader’s locale', () => {
    // Every course lesson exists in every locale, so the fallbacks to check are Ekudden's own
    // lesson, written in Swedish, English and Arabic only.
    const dir = scenarioDir('ekudden');
    const id = 'forsorja-sig/jobb-i-ekudden';
    const written = readdirSync('content/sites/ekudden/lessons').filter((l) => existsSync(`content/sites/ekudden/lessons/${l}/${id}.mdx`));
    const fallbacks = locales.filter((l) => !written.includes(l.code));
    expect(fallbacks.map((l) => l.code)).toContain('ti');
    for (const locale of fallbacks) {
      const doc = page(`${locale.code}/${id}/index.html`, dir);
      expect(doc.querySelector('html')!.getAttribute('lang')).toBe(locale.tag);
      expect(doc.querySelector('[data-lesson]')!.getAttribute('lang'), `${locale.code}/${id}`).toBe('sv-SE');
      expect(doc.querySelectorAll('.notice').filter((n) => !n.hasAttribute('hidden')).map((n) => n.text).join(' '), `${locale.code}/${id}`).toBeTruthy();
    }
    for (const code of written.filter((c) => c !== 'sv')) {
      expect(page(`${code}/${id}/index.html`, dir).querySelector('[data-lesson]')!.getAttribute('lang')).toBe(locales.find((l) => l.code === code)!.tag);
    }
  });

  it('lists the change log over pages of 20, newest first, every entry once, with a pager on each', () => {
    const entries = readdirSync('content/changes').filter((f) => f.endsWith('.yaml'));
    expect(entries.length).toBeGreaterThan(20);
    const pageCount = Math.ceil(entries.length / 20);
    const dates: string[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const doc = page(`en/changes/${n === 1 ? '' : `${n}/`}index.html`);
      const items = doc.querySelectorAll('[data-change]');
      expect(items.length, `page ${n}`).toBe(n < pageCount ? 20 : entries.length - 20 * (pageCount - 1));
      dates.push(...items.map((i) => i.getAttribute('data-change')!));
      const nav = doc.querySelector('nav.page-nav')!;
      expect(nav.querySelector('[aria-current=page]')!.text.trim()).toBe(String(n));
    }
    expect(dates).toEqual([...dates].sort().reverse());
    expect(existsSync(`${DIST}/en/changes/${pageCount + 1}/index.html`)).toBe(false);
    // What a lesson fetches to say "changed since you last looked" covers every page's entries.
    const listed = new Set<string>();
    for (let n = 1; n <= pageCount; n++) {
      for (const a of page(`en/changes/${n === 1 ? '' : `${n}/`}index.html`).querySelectorAll('[data-change] a')) listed.add(a.getAttribute('href')!.replace(/^\/en\/|\/$/g, ''));
    }
    expect(Object.keys(JSON.parse(readFileSync(`${DIST}/en/changes.json`, 'utf8'))).sort()).toEqual([...listed].sort());
  });

  it('shows the unreviewed-translation notice on machine translations only', () => {
    const en = page('en/forsorja-sig/a-kassa/index.html');
    const sv = page('sv/forsorja-sig/a-kassa/index.html');
    const enNotices = en.querySelectorAll('.notice').map((n) => n.text);
    expect(enNotices.some((t) => /machine/.test(t))).toBe(true);
    // Notices the page keeps hidden until a script needs them (storage trouble, changes since the
    // last visit) do not count; nothing visible tells a Swedish reader about machine translation.
    expect(sv.querySelectorAll('.notice').filter((n) => !n.hasAttribute('hidden'))).toHaveLength(0);
    expect(en.querySelector('[data-lesson]')!.getAttribute('lang')).toBe('en');
  });

  it('has a 404 page per locale, the root 404, and the statement and privacy pages', () => {
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
    for (const { code } of locales) {
      for (const file of ['404/index.html', 'accessibility/index.html', 'privacy/index.html']) {
        expect(existsSync(join(DIST, code, file)), `${code}/${file}`).toBe(true);
      }
    }
    const statement = page('sv/accessibility/index.html').text;
    expect(statement).toContain('tillganglighet@exempelby.example');
    expect(statement).toContain('DIGG');
  });

  it('lists the language choices on the root page without JavaScript', () => {
    const links = page('index.html').querySelectorAll('a[data-locale]').map((a) => a.getAttribute('href'));
    expect(links).toEqual(locales.map((l) => `/${l.code}/`));
  });

  it('resolves every internal link and asset', () => {
    expect(brokenLinks(DIST, '/', 'https://orienta.test')).toEqual([]);
  });
});
