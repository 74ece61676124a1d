/**
 * Build-time loading of the municipality site config. Runs in Node (astro.config.mjs and CLIs),
 * never in the browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { siteConfigSchema, type SiteConfig } from '../../schemas/site.ts';
import { localeListSchema, type Locale } from '../../schemas/locale.ts';
import { formatIssues } from '../schema/issues.ts';
import { normaliseBase } from '../routing/paths.ts';
import { AA_NORMAL_TEXT, contrastRatio } from './contrast.ts';

/** The site built when `ORIENTA_SITE` is not set. */
export const DEFAULT_SITE_ID = 'demo';

/** A validated site config together with where it came from. */
export interface LoadedSite {
  config: SiteConfig;
  /** Absolute path of the site folder. */
  dir: string;
  /** Absolute path of the logo file. */
  logoPath: string;
  /** Locales enabled for this site, in content/locales.json order, default locale first. */
  locales: Locale[];
  /** Effective base path, after `ORIENTA_BASE`. Always starts and ends with "/". */
  base: string;
  /** Sites whose local content this site shows, most specific first: itself, then `localContentFrom`. */
  localSiteIds: string[];
  /** Local resources for LocalInfo slots: this site's first, then the shared site's. */
  localResources: SiteConfig['localResources'];
}

/** Thrown for any invalid config; the message names the file and the field. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The content folder: `ORIENTA_CONTENT_DIR` (the benchmark's synthetic course) or `./content`. */
export function contentDirFromEnv(cwd: string = process.cwd()): string {
  return resolve(cwd, process.env.ORIENTA_CONTENT_DIR || 'content');
}

/** Reads and validates `<content>/locales.json`. */
export function loadLocales(contentDir: string): Locale[] {
  const file = join(contentDir, 'locales.json');
  const parsed = localeListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new SiteConfigError(formatIssues(relative(process.cwd(), file), parsed.error));
  return parsed.data;
}

/**
 * Loads the site named by `siteId` from `<content>/sites/<siteId>/site.yaml`, validates it and
 * resolves the enabled locales and base path.
 */
export function loadSite(contentDir: string, siteId: string = DEFAULT_SITE_ID, baseOverride?: string): LoadedSite {
  const site = readSiteConfig(contentDir, siteId);
  const { config, shown } = site;
  let localResources = config.localResources;
  const localSiteIds = [siteId];
  if (config.localContentFrom) {
    if (config.localContentFrom === siteId) throw new SiteConfigError(`${shown}: localContentFrom: a site cannot share its own content`);
    if (!existsSync(join(contentDir, 'sites', config.localContentFrom, 'site.yaml'))) {
      throw new SiteConfigError(`${shown}: localContentFrom: no site "${config.localContentFrom}" in ${relative(process.cwd(), join(contentDir, 'sites'))}/; expected the id of another site folder`);
    }
    const shared = readSiteConfig(contentDir, config.localContentFrom);
    localResources = [...config.localResources, ...shared.config.localResources];
    localSiteIds.push(config.localContentFrom);
  }
  const allLocales = loadLocales(contentDir);
  let locales = allLocales;
  if (config.locales !== 'all') {
    const known = new Set(allLocales.map((l) => l.code));
    config.locales.forEach((code, index) => {
      if (!known.has(code)) {
        throw new SiteConfigError(`${shown}: locales.${index}: unknown locale "${code}"; expected one of ${[...known].join(', ')}`);
      }
    });
    const enabled = new Set(config.locales);
    locales = allLocales.filter((l) => enabled.has(l.code));
  }
  // Every enabled locale needs its UI strings; say which file is missing rather than fail later.
  for (const locale of locales) {
    const file = join(process.cwd(), 'src', 'i18n', 'ui', `${locale.code}.json`);
    if (!existsSync(file)) throw new SiteConfigError(`${shown}: locales: "${locale.code}" has no UI string file; expected src/i18n/ui/${locale.code}.json`);
  }
  const defaultLocale = locales.find((l) => l.code === config.defaultLocale);
  if (!defaultLocale) {
    throw new SiteConfigError(`${shown}: defaultLocale: "${config.defaultLocale}" is not one of the enabled locales (${locales.map((l) => l.code).join(', ')})`);
  }
  if (config.modules !== 'all') {
    config.modules.forEach((id, index) => {
      if (!existsSync(join(contentDir, 'modules', `${id}.yaml`))) {
        throw new SiteConfigError(`${shown}: modules.${index}: unknown module "${id}"; expected a module id from ${relative(process.cwd(), join(contentDir, 'modules'))}/`);
      }
    });
  }
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  const base = normaliseBase(baseOverride ?? config.base);
  return { config, dir: site.dir, logoPath: site.logoPath, locales: ordered, base, localSiteIds, localResources };
}

/** Reads and validates one site's `site.yaml` and checks its logo and colour. */
function readSiteConfig(contentDir: string, siteId: string): { config: SiteConfig; dir: string; logoPath: string; shown: string } {
  const dir = join(contentDir, 'sites', siteId);
  const file = join(dir, 'site.yaml');
  const shown = relative(process.cwd(), file);
  if (!existsSync(file)) {
    throw new SiteConfigError(`${shown}: not found. ORIENTA_SITE="${siteId}" must name a folder in content/sites/ with a site.yaml.`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SiteConfigError(`${shown}: not valid YAML: ${(error as Error).message}`);
  }
  const parsed = siteConfigSchema.safeParse(raw);
  if (!parsed.success) throw new SiteConfigError(formatIssues(shown, parsed.error));
  const config = parsed.data;
  if (config.id !== siteId) {
    throw new SiteConfigError(`${shown}: id: must equal the folder name "${siteId}", found "${config.id}"`);
  }
  // White text sits on the brand colour (header, buttons); WCAG AA needs 4.5:1.
  const ratio = contrastRatio(config.primaryColor, '#ffffff');
  if (ratio < AA_NORMAL_TEXT) {
    throw new SiteConfigError(`${shown}: primaryColor: "${config.primaryColor}" has contrast ${ratio.toFixed(2)}:1 against white text; WCAG AA needs at least ${AA_NORMAL_TEXT}:1. Choose a darker colour.`);
  }
  const logoPath = join(dir, config.logo);
  if (!existsSync(logoPath)) {
    throw new SiteConfigError(`${shown}: logo: file "${config.logo}" not found in ${relative(process.cwd(), dir)}/`);
  }
  return { config, dir, logoPath, shown };
}
