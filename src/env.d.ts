/// <reference types="astro/client" />

declare module 'virtual:orienta/site' {
  import type { SiteConfig } from './schemas/site.ts';
  import type { Locale } from './schemas/locale.ts';
  /** The validated config of the site being built (`ORIENTA_SITE`). */
  export const site: SiteConfig;
  /** Locales enabled for this site, in display order. */
  export const locales: Locale[];
  /** This site and the site it shares local content from, most specific first. */
  export const localSiteIds: string[];
  /** Local resources for LocalInfo: this site's, then the shared site's. */
  export const localResources: SiteConfig['localResources'];
  /** Route segments that module ids must not take. */
  export const reservedSegments: readonly string[];
  /** Fingerprinted URL of the site's logo. */
  export const logoUrl: string;
}

declare namespace App {
  interface Locals {
    /** Set by lesson and content pages so MDX blocks know the reader's and the content's language. */
    orienta?: import('./astro/page-context.ts').PageContext;
  }
}

declare module 'virtual:orienta/brand.css' {}

declare module 'virtual:orienta/fonts.css' {}

declare module 'virtual:orienta/fonts' {
  /** A script's text font, fallback faces and font stack (inlined only on pages in that script), by script. */
  export const fontsByScript: Partial<Record<'arabic' | 'ethiopic', { css: string; hash: string; preload?: string }>>;
}

// Lets plain `tsc` type-check .ts files that import Astro components; Astro's own tooling
// types the components themselves.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
