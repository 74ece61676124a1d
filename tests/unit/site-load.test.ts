import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSite, SiteConfigError } from '../../src/lib/site/load.ts';
import { normaliseBase } from '../../src/lib/routing/paths.ts';
import { contrastRatio } from '../../src/lib/site/contrast.ts';

const root = mkdtempSync(join(tmpdir(), 'orienta-site-'));
mkdirSync(join(root, 'content/sites'), { recursive: true });
cpSync('content/locales.json', join(root, 'content/locales.json'));
cpSync('content/sites/demo', join(root, 'content/sites/demo'), { recursive: true });
const demoYaml = readFileSync('content/sites/demo/site.yaml', 'utf8');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function withYaml(yaml: string): () => ReturnType<typeof loadSite> {
  writeFileSync(join(root, 'content/sites/demo/site.yaml'), yaml);
  return () => loadSite(join(root, 'content'), 'demo');
}

describe('loadSite', () => {
  it('loads the demo site with every locale and the root base', () => {
    writeFileSync(join(root, 'content/sites/demo/site.yaml'), demoYaml);
    const site = loadSite(join(root, 'content'), 'demo');
    expect(site.config.name).toBe('Exempelby kommun');
    expect(site.locales.map((l) => l.code)).toEqual(['sv', 'sv-easy', 'en', 'ar', 'fa', 'prs', 'so', 'ti', 'uk']);
    expect(site.base).toBe('/');
  });

  it('lets ORIENTA_BASE override the base, normalised', () => {
    writeFileSync(join(root, 'content/sites/demo/site.yaml'), demoYaml);
    expect(loadSite(join(root, 'content'), 'demo', 'kommun/samhallsorientering').base).toBe('/kommun/samhallsorientering/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
  });

  it('rejects a primary colour without AA contrast, naming file, field and what is expected', () => {
    const load = withYaml(demoYaml.replace('primaryColor: "#1f5f8b"', 'primaryColor: "#8fbfe0"'));
    expect(load).toThrow(SiteConfigError);
    expect(load).toThrow(/content\/sites\/demo\/site\.yaml: primaryColor: .*contrast .* at least 4\.5:1/);
  });

  it('rejects an unknown locale and a missing field', () => {
    expect(withYaml(demoYaml.replace('locales: all', 'locales: [sv, xx]'))).toThrow(/locales\.1: unknown locale "xx"/);
    expect(withYaml(demoYaml.replace(/^shortName:.*$/m, ''))).toThrow(/site\.yaml: shortName: /);
  });

  it('rejects an enabled locale without a UI string file, and an unknown module', () => {
    const locales = JSON.parse(readFileSync('content/locales.json', 'utf8'));
    writeFileSync(join(root, 'content/locales.json'), JSON.stringify([...locales, { code: 'ps', tag: 'ps', label: 'پښتو', englishName: 'Pashto', dir: 'rtl', script: 'arabic' }]));
    mkdirSync(join(root, 'content/modules'), { recursive: true });
    writeFileSync(join(root, 'content/modules/halsa.yaml'), 'order: 1\narea: 7\nplannedHours: 10\n');
    expect(withYaml(demoYaml)).toThrow(/site\.yaml: locales: "ps" has no UI string file; expected src\/i18n\/ui\/ps\.json/);
    writeFileSync(join(root, 'content/locales.json'), JSON.stringify(locales));
    expect(withYaml(demoYaml.replace('modules: all', 'modules: [halsa, nope]'))).toThrow(/site\.yaml: modules\.1: unknown module "nope"; expected a module id from/);
    expect(withYaml(demoYaml.replace('locales: all', 'locales: [en, ar]'))).toThrow(/defaultLocale: "sv" is not one of the enabled locales/);
  });

  it('shares another site’s local resources after its own, and refuses an unknown one', () => {
    cpSync('content/sites/ekudden', join(root, 'content/sites/ekudden'), { recursive: true });
    const shared = withYaml(`${demoYaml}\nlocalContentFrom: ekudden\n`)();
    expect(shared.localSiteIds).toEqual(['demo', 'ekudden']);
    expect(shared.localResources[0]!.name).toBe('Arbetsförmedlingen Exempelby');
    expect(shared.localResources.some((r) => r.name.includes('Ekudden'))).toBe(true);
    expect(withYaml(`${demoYaml}\nlocalContentFrom: nowhere\n`)).toThrow(/localContentFrom: no site "nowhere"/);
  });

  it('rejects a site that does not exist and a missing logo', () => {
    expect(() => loadSite(join(root, 'content'), 'nowhere')).toThrow(/content\/sites\/nowhere\/site\.yaml: not found/);
    expect(withYaml(demoYaml.replace('logo: logo.svg', 'logo: missing.svg'))).toThrow(/logo: file "missing\.svg" not found/);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
