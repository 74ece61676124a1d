/**
 * The example municipalities, built by `scripts/build-scenarios.ts` into `.tmp/scenarios/`:
 * own names, logos and colours, local lessons only where they belong, shared local content, and a
 * sub-path build whose every internal link resolves.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { brokenLinks, DIST, page } from '../support/dist.ts';
import { scenarioDir } from '../../scripts/build-scenarios.ts';

const yaml = (site: string) => parseYaml(readFileSync(`content/sites/${site}/site.yaml`, 'utf8'));

describe('example municipalities', () => {
  for (const site of ['ekudden', 'lindas']) {
    const dir = scenarioDir(site);
    const config = yaml(site);

    it(`${site}: the home page shows its own name, logo and colour`, () => {
      const home = page('sv/index.html', dir);
      expect(home.querySelector('.brand')!.text).toContain(config.shortName);
      expect(home.querySelector('.site-footer')!.text).toContain(config.name);
      expect(home.toString()).toContain(`--brand:${config.primaryColor.toLowerCase()}`);
      const logo = home.querySelector('.brand img')!.getAttribute('src')!;
      const svg = readFileSync(`content/sites/${site}/logo.svg`, 'utf8');
      const served = logo.startsWith('data:') ? decodeURIComponent(logo.replace(/^data:image\/svg\+xml,/, '')) : readFileSync(`${dir}${logo}`, 'utf8');
      // Vite may minify quotes in an inlined SVG; compare without quote style and whitespace.
      const norm = (s: string) => s.replace(/["']/g, '').replace(/\s+/g, ' ').trim();
      expect(norm(served)).toBe(norm(svg));
    });
  }

  it('a local lesson appears in its module, in its own municipality and the one sharing it, not elsewhere', () => {
    const ekudden = page('sv/forsorja-sig/index.html', scenarioDir('ekudden'));
    expect(ekudden.querySelector('[data-lesson-card="forsorja-sig/jobb-i-ekudden"]')).not.toBeNull();
    expect(existsSync(`${scenarioDir('ekudden')}/sv/forsorja-sig/jobb-i-ekudden/index.html`)).toBe(true);
    // Lindås uses Ekudden's local content (localContentFrom: ekudden).
    expect(page('sv/forsorja-sig/index.html', scenarioDir('lindas')).querySelector('[data-lesson-card="forsorja-sig/jobb-i-ekudden"]')).not.toBeNull();
    expect(page('sv/forsorja-sig/index.html', DIST).querySelector('[data-lesson-card="forsorja-sig/jobb-i-ekudden"]')).toBeNull();
    expect(existsSync(`${DIST}/sv/forsorja-sig/jobb-i-ekudden/index.html`)).toBe(false);
  });

  it('LocalInfo shows the municipality’s own resources, and the shared ones in Lindås', () => {
    const ekudden = yaml('ekudden');
    const employer = ekudden.localResources.find((r: { topic: string }) => r.topic === 'employment-office');
    const lesson = 'sv/forsorja-sig/arbetsformedlingen/index.html';
    expect(page(lesson, scenarioDir('ekudden')).querySelector('.block-local')!.text).toContain(employer.name);
    expect(page(lesson, scenarioDir('lindas')).querySelector('.block-local')!.text).toContain(employer.name);
    expect(page(lesson, DIST).querySelector('.block-local')!.text).not.toContain(employer.name);
  });

  it('Lindås publishes only its chosen languages', () => {
    const dir = scenarioDir('lindas');
    for (const code of yaml('lindas').locales) expect(existsSync(`${dir}/${code}/index.html`), code).toBe(true);
    expect(existsSync(`${dir}/fa/index.html`)).toBe(false);
    expect(page('index.html', dir).querySelectorAll('a[data-locale]').map((a) => a.getAttribute('data-locale'))).toEqual(yaml('lindas').locales);
  });

  it('every internal link of both municipalities resolves', () => {
    expect(brokenLinks(scenarioDir('ekudden'), '/', 'https://orienta.test')).toEqual([]);
    expect(brokenLinks(scenarioDir('lindas'), '/', 'https://orienta.test')).toEqual([]);
  });
});

describe('sub-path build', () => {
  const dir = scenarioDir('subpath');
  const base = '/kommun/samhallsorientering/';

  it('prefixes every link and asset with the base, and they all resolve', () => {
    const links = page('sv/index.html', dir).querySelectorAll('[href],[src]').map((e) => e.getAttribute('href') ?? e.getAttribute('src')!);
    expect(links).toContain(`${base}sv/forsorja-sig/`);
    expect(links.filter((l) => l.startsWith('/') && !l.startsWith(base))).toEqual([]);
    expect(brokenLinks(dir, base, 'https://orienta.test')).toEqual([]);
  });

  it('writes Pagefind with result URLs under the base', () => {
    expect(existsSync(`${dir}/pagefind/pagefind.js`)).toBe(true);
    const entry = JSON.parse(readFileSync(`${dir}/pagefind/pagefind-entry.json`, 'utf8'));
    expect(Object.keys(entry.languages).length).toBeGreaterThanOrEqual(8);
  });
});
