/**
 * Build-time loading of the municipality site config. Runs in Node (astro.config.mjs and CLIs),
 * never in the browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { siteConfigSchema, type SiteConfig } from '../../schemas/site.ts';
import { localeListSchema, type Locale } from '../../schemas/locale.ts';
import { formatIssues } from '../content/format-issues.ts';
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

/** Normalises a base path to start and end with a single "/". */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Loads the site named by `siteId` from `<content>/sites/<siteId>/site.yaml`, validates it and
 * resolves the enabled locales and base path.
 */
export function loadSite(contentDir: string, siteId: string = DEFAULT_SITE_ID, baseOverride?: string): LoadedSite {
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
  const base = normaliseBase(baseOverride ?? config.base);
  return { config, dir, logoPath, locales, base };
}
